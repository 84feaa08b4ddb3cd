from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .access import LAST_FAMILY_KEY, active_memberships


def current_family(request: HttpRequest) -> dict[str, Any]:
    """The families the signed-in person can switch between, for the page header."""
    context: dict[str, Any] = {"quick_exit_url": settings.TWOHOMES_QUICK_EXIT_URL}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        memberships = list(active_memberships(user))
        context["my_memberships"] = memberships
        # Outside a family's pages (account, errors) the header still leads back to the
        # family last visited; a family page's own ``membership`` takes precedence.
        last = request.session.get(LAST_FAMILY_KEY)
        found = [m for m in memberships if str(m.family_id) == last] or memberships[:1]
        if found:
            context["membership"] = found[0]
    return context
