"""Events on the calendar: the events app's occurrences, placed on days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from twohomes.events.selectors import occurrences
from twohomes.families.models import Membership


def events_between(membership: Membership, first: date, end: date,
                   children: Iterable[Any] | None = None) -> list[Any]:
    """Occurrences the member may see in local days [first, end); with ``children``,
    only the events of those children."""

    zone = membership.family.zone
    start = datetime.combine(first, time(0), zone)
    stop = datetime.combine(end, time(0), zone)
    ids = None if children is None else [c.pk for c in children]
    return list(occurrences(membership, start, stop, children=ids))


@dataclass(frozen=True)
class PlacedEvent:
    """An occurrence as a day shows it: its local start beside the occurrence itself."""

    occurrence: Any
    local_start: datetime

    def __getattr__(self, name: str) -> Any:
        return getattr(self.occurrence, name)


def attach_events(days: list[Any], events: list[Any], zone: ZoneInfo) -> None:
    by_day: dict[date, list[Any]] = {}
    for event in events:
        local = event.starts.astimezone(zone)
        by_day.setdefault(local.date(), []).append(PlacedEvent(event, local))
    for day in days:
        day.events = sorted(by_day.get(day.day, []), key=lambda e: e.local_start)
