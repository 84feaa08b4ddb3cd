from __future__ import annotations

import re

from django.contrib import messages as flash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from twohomes.core.tone import MAX_ANALYSED, analyze
from twohomes.families.access import Cap, family_view, posted
from twohomes.families.models import Membership

from . import services
from .forms import ToneSettingsForm
from .models import settings_of
from .present import panel

_FIELD = re.compile(r"[a-z][a-z0-9_-]{0,40}")
MAX_DRAFT = MAX_ANALYSED


@sensitive_post_parameters()  # a draft never reaches an error report either
@never_cache
@family_view(Cap.CHECK_TONE, methods=("POST",))
def check(request: HttpRequest, membership: Membership) -> HttpResponse:
    """How a draft may land. The draft is read from the request and answered, never kept or
    logged: no row, no record entry, no cache."""
    field = request.GET.get("field", "body")
    field = field if _FIELD.fullmatch(field) else "body"
    field_id = request.GET.get("for", "")
    field_id = field_id if _FIELD.fullmatch(field_id) else f"id_{field}"
    text = request.POST.get(field, "")[:MAX_DRAFT]
    language = get_language() or "en"
    analysis = analyze(text, language)
    return render(request, "tone/_partials/panel.html", {
        "panel": panel(text, analysis), "field_id": field_id,
        "language_name": get_language_info(language)["name_translated"],
        "send_label": request.GET.get("send") == "1",
    })


@family_view(Cap.CHECK_TONE, methods=("GET", "POST"))
def tone_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ToneSettingsForm(posted(request)[0], instance=settings_of(membership))
    if request.method == "POST" and form.is_valid():
        services.save_tone_settings(actor=membership,
                                    fold_incoming=form.cleaned_data["fold_incoming"],
                                    cool_down=form.cleaned_data["cool_down"])
        flash.success(request, _("Tone help settings saved."))
        return redirect("tone_settings", family_id=membership.family_id)
    return render(request, "tone/settings.html",
                  {"membership": membership, "family": membership.family, "form": form})
