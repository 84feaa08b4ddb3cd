"""Shared helpers for the schedule engine tests (no Django)."""

from __future__ import annotations

from typing import Any

import pytest

from twohomes.core.schedule import Plan, load_plan


def plan_dict(rotation: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A one-child plan around ``rotation``; ``extra`` adds or replaces top-level keys."""
    schedule: dict[str, Any] = {"name": "main", "rotation": rotation}
    for key in ("seasons", "holidays", "school_breaks"):
        if key in extra:
            schedule[key] = extra.pop(key)
    data: dict[str, Any] = {
        "timezone": extra.pop("timezone", "America/New_York"),
        "parents": {"A": "Maya", "B": "Daniel"},
        "children": [{"id": "emma", "name": "Emma", "birth_date": "2015-06-14"}],
        "schedules": [schedule],
    }
    data.update(extra)
    return data


def make_plan(rotation: dict[str, Any], **extra: Any) -> Plan:
    return load_plan(plan_dict(rotation, **extra))


@pytest.fixture
def build() -> Any:
    return make_plan
