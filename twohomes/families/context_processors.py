from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from twohomes.areas import call, menu_entries

from .access import LAST_FAMILY_KEY, active_memberships, can, in_family
from .models import Membership


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
        context.update(_menu(request, membership, context["can"]))
    return context


@dataclass(frozen=True)
class MenuLink:
    url: str
    label: str | Promise
    current: bool
    count: LazyCount | None
    count_words: str | Promise


def _count(badge: str, membership: Membership) -> int:
    with in_family(membership.family_id):  # pages outside a family show the counts too
        found: int = call(badge, membership)
        return found


def _menu(request: HttpRequest, membership: Membership, allowed: dict[str, bool]
          ) -> dict[str, Any]:
    """The menu the areas declare, as far as this member may open it: the main entries,
    those under More, whether More holds the current page, and each entry's count."""
    match = getattr(request, "resolver_match", None)
    name = (match.url_name or "") if match else ""
    links: dict[str, list[MenuLink]] = {"main": [], "more": []}
    counts: dict[str, LazyCount] = {}
    for entry in menu_entries():
        if entry.cap is not None and not allowed[entry.cap]:
            continue
        count = None
        if entry.badge is not None:
            count = LazyCount(functools.partial(_count, entry.badge, membership))
            counts[entry.url_name] = count
        links[entry.place].append(MenuLink(
            url=reverse(entry.url_name, args=[membership.family_id]), label=entry.label,
            current=any(name.startswith(prefix) for prefix in entry.sections),
            count=count, count_words=entry.badge_words))
    return {"menu_main": links["main"], "menu_more": links["more"], "menu_counts": counts,
            "menu_more_current": not any(link.current for link in links["main"])}


class LazyCount:
    """A number for the page header, counted the first time a template uses it.

    Templates call what is callable, so a template reads the count as a plain int: one that
    ``{% blocktranslate count counter=… %}`` accepts for its plural."""

    def __init__(self, count: Callable[[], int]) -> None:
        self._count = count
        self._value: int | None = None

    def __call__(self) -> int:
        return int(self)

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
