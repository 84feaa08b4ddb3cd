from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from twohomes.families.context_processors import LazyCount, header_membership

from .services import waiting_for


def waiting_requests(request: HttpRequest) -> dict[str, Any]:
    """How many plans and change requests wait for the person's answer, for the menu."""
    membership = header_membership(request)
    if membership is None:
        return {}

    def count() -> int:
        waiting = waiting_for(membership, timezone.now())
        return len(waiting["plans"]) + len(waiting["swaps"])

    return {"waiting_count": LazyCount(count)}
