from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .access import LAST_FAMILY_KEY, active_memberships, can
from .models import Membership

# Which of the phone menu's entries a page belongs to (by URL name prefix); the rest is "More".
_SECTIONS = (
    ("family_home", "today"), ("calendar_", "calendar"), ("feed_", "calendar"),
    ("thread_", "messages"), ("new_thread", "messages"), ("message_", "messages"),
    ("swap_", "changes"),
)


def header_membership(request: HttpRequest) -> Membership | None:
    """The membership the page header speaks for: the family page's own, or the family
    last visited on pages outside a family (account, errors)."""
    own = getattr(request, "membership", None)
    if own is not None:
        return own
    if hasattr(request, "_header_membership"):
        found: Membership | None = request._header_membership
        return found
    user = getattr(request, "user", None)
    result = None
    if user is not None and user.is_authenticated:
        memberships = list(active_memberships(user))
        request._my_memberships = memberships  # type: ignore[attr-defined]
        last = request.session.get(LAST_FAMILY_KEY)
        matching = [m for m in memberships if str(m.family_id) == last] or memberships[:1]
        result = matching[0] if matching else None
    request._header_membership = result  # type: ignore[attr-defined]
    return result


def current_family(request: HttpRequest) -> dict[str, Any]:
    """The families the signed-in person can switch between, for the page header."""
    context: dict[str, Any] = {"quick_exit_url": settings.TWOHOMES_QUICK_EXIT_URL}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    membership = header_membership(request)
    memberships = getattr(request, "_my_memberships", None)
    context["my_memberships"] = (memberships if memberships is not None
                                 else list(active_memberships(user)))
    if membership is not None:
        context["membership"] = membership
        context["can"] = can(membership)
    match = getattr(request, "resolver_match", None)
    name = (match.url_name or "") if match else ""
    context["menu_section"] = next(
        (section for prefix, section in _SECTIONS if name.startswith(prefix)), "more")
    return context


class LazyCount:
    """A number for the page header, counted the first time a template uses it."""

    def __init__(self, count: Callable[[], int]) -> None:
        self._count = count
        self._value: int | None = None

    def __int__(self) -> int:
        if self._value is None:
            self._value = self._count()
        return self._value

    def __float__(self) -> float:
        return float(int(self))

    def __bool__(self) -> bool:
        return int(self) > 0

    def __str__(self) -> str:
        return str(int(self))
