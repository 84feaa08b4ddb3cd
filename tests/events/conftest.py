from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest


@pytest.fixture
def make_event(world: Any) -> Any:
    """make_event(title, children=[...], actor=..., days=1, **details) via the service."""
    from django.utils import timezone

    from twohomes.events import services

    def make(title: str, children: list[Any] | None = None, actor: Any = None,
             days: int = 1, **details: Any) -> Any:
        zone = ZoneInfo(world.family.timezone)
        start = (timezone.now().astimezone(zone) + timedelta(days=days)).replace(
            hour=17, minute=0, second=0, microsecond=0)
        details.setdefault("starts", start)
        details.setdefault("ends", start + timedelta(hours=1))
        return services.create_event(
            actor=actor or world.parent_a, now=timezone.now(),
            details=services.EventDetails(title=title, children=children or [], **details))

    return make


def aware(*args: int, zone: str = "Europe/London") -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))  # type: ignore[misc]
