from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from twohomes.families.context_processors import LazyCount, header_membership

from .selectors import unread_count


def unread_messages(request: HttpRequest) -> dict[str, Any]:
    """How many messages wait unread for the person, for the menu (counted only if shown)."""
    membership = header_membership(request)
    if membership is None:
        return {}
    return {"unread_messages": LazyCount(lambda: unread_count(membership))}
