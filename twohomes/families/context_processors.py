from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .access import active_memberships


def current_family(request: HttpRequest) -> dict[str, Any]:
    """The families the signed-in person can switch between, for the page header."""
    context: dict[str, Any] = {"quick_exit_url": settings.TWOHOMES_QUICK_EXIT_URL}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["my_memberships"] = active_memberships(user)
    return context
