from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from twohomes.families.access import posted, signed_in_view
from twohomes.requests import is_same_site

from . import services
from .forms import LanguageForm, NameForm
from .models import User


def _next_page(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    return wanted if is_same_site(request, wanted) and wanted.startswith("/") else ""


@signed_in_view(methods=("GET", "POST"))
def change_name(request: HttpRequest) -> HttpResponse:
    """The name the person's families see: asked of a member who has none, changed at will."""
    user = request.user
    assert isinstance(user, User)
    form = NameForm(posted(request)[0], initial={"name": user.display_name})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_name(actor=user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, _("Your families now see you as %(name)s.")
                             % {"name": user.display_name})
            return redirect(_next_page(request) or "change_name")
    return render(request, "accounts/name.html", {
        "form": form, "next": _next_page(request), "asking": not user.display_name,
    })


@signed_in_view(methods=("GET", "POST"))
def change_language(request: HttpRequest) -> HttpResponse:
    """The language of the person's pages and emails: their browser's, or one they choose."""
    user = request.user
    assert isinstance(user, User)
    browser = translation.get_language_from_request(request)
    form = LanguageForm(posted(request)[0], initial={"language": user.language},
                        browser=browser)
    if request.method == "POST" and form.is_valid():
        services.change_language(actor=user, language=form.cleaned_data["language"])
        translation.activate(user.language or browser)  # this answer is in it already
        messages.success(request, _("Your language is saved."))
        return redirect("change_language")
    return render(request, "accounts/language.html", {"form": form})
