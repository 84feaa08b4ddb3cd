"""All-day events where the clocks go forward at midnight (Santiago: 5 September 2027
begins at 01:00), so a day's first instant is not 00:00."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from twohomes.calendar.occurrences import events_between
from twohomes.events import services
from twohomes.events.recurrence import RepeatRule

SATURDAY, SUNDAY = date(2027, 9, 4), date(2027, 9, 5)  # the clocks skip Sunday's midnight


def _all_day(world: Any, day: date, repeat: RepeatRule | None = None) -> Any:
    return services.create_event(
        actor=world.parent_a, now=datetime(2027, 8, 1, tzinfo=UTC),
        details=services.EventDetails(title=f"Day out {day}", all_day=True, start_date=day,
                                      end_date=day, repeat=repeat or RepeatRule()))


def _titles(world: Any, day: date) -> list[str]:
    return [o.title for o in events_between(world.parent_a, day, day + timedelta(days=1))]


def test_an_all_day_event_before_the_change_stays_on_its_day(world: Any) -> None:
    world.family.timezone = "America/Santiago"
    world.family.save(update_fields=["timezone"])
    once = _all_day(world, SATURDAY)
    weekly = _all_day(world, SATURDAY, RepeatRule(frequency="weekly", weekdays=("SA",)))
    for event in (once, weekly):
        event.refresh_from_db()
        assert event.duration == timedelta(days=1)
    assert _titles(world, SATURDAY) == [once.title, weekly.title]
    assert _titles(world, SUNDAY) == []
    # A week later the day out must not spill into Sunday (its reminder, its home page).
    assert _titles(world, SATURDAY + timedelta(days=7)) == [weekly.title]
    assert _titles(world, SUNDAY + timedelta(days=7)) == []


def test_a_repeating_all_day_event_from_the_change_day_starts_at_midnight(world: Any) -> None:
    world.family.timezone = "America/Santiago"
    world.family.save(update_fields=["timezone"])
    weekly = _all_day(world, SUNDAY, RepeatRule(frequency="weekly", weekdays=("SU",)))
    later = events_between(world.parent_a, SUNDAY + timedelta(days=7),
                           SUNDAY + timedelta(days=8))
    assert [(o.title, o.starts.hour, o.ends - o.starts) for o in later] == [
        (weekly.title, 0, timedelta(days=1))]
    assert _titles(world, SUNDAY - timedelta(days=1)) == []
