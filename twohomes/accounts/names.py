"""A person's name, as their families see it: what a name may hold, how allauth shows a person,
and the prompt that asks a member without a name for one before anything else.

Nothing shows an email address's local part as somebody's name: "sam.new" says more than a
person chose to share, and is not what their family calls them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_NAME_LENGTH = 80  # User.display_name's max_length
NAME_LABEL = _("Your name, as your family will see it")
NAME_HELP = _("For example “Daniel Okafor” or “Dad”. Everyone in your families sees it.")
NAME_REQUIRED = _("Enter your name, as your family will see it.")
CONTROL_REFUSED = _("A name cannot contain control characters (such as a tab, a line break or "
                    "a direction mark); type it again without them.")
NO_NAME = _("Unnamed member")

# Bidirectional embeddings, overrides and isolates turn a name around on the screen
# ("Dan" shown as "naD", or the text after a name reversed), so they are refused too.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _is_control(character: str) -> bool:
    return character in _BIDI_CONTROLS or unicodedata.category(character) in _REFUSED_CATEGORIES


def clean_name(text: str) -> str:
    """``text`` as a name to keep (trimmed, composed), or ValidationError saying what is wrong."""
    name = unicodedata.normalize("NFC", text or "").strip()
    if not name:
        raise ValidationError(NAME_REQUIRED, code="required")
    if any(_is_control(character) for character in name):
        raise ValidationError(CONTROL_REFUSED, code="control")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            # The same words as the form field's own limit (accounts/forms.py).
            gettext("A name can be up to %(limit_value)d characters; this one has "
                    "%(show_value)d.") % {"limit_value": MAX_NAME_LENGTH, "show_value": len(name)},
            code="max_length")
    return name


def user_display(user: Any) -> str:
    """How allauth's pages and emails name a person (ACCOUNT_USER_DISPLAY): their name, or,
    before they gave one, their whole address, never a part of it dressed up as a name."""
    return str(getattr(user, "display_name", "") or getattr(user, "email", "") or NO_NAME)


# Pages a member without a name can still reach: the name page itself, signing out, the
# account pages (confirming an email, two-factor) and anything that is not a page.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/feeds/")


class NameRequiredMiddleware:
    """Sends a signed-in member who has no name yet to the name page, then back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self._must_name(request):
            return redirect(
                f"{reverse('change_name')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _must_name(request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.display_name:
            return False
        if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
            return False
        return not request.path.startswith(_OPEN_PREFIXES)
