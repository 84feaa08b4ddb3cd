"""A family's timeline is worked out once per range and version of its plans and changes,
shared by everyone who asks, and never outlives an agreed change."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.accounts.services import change_name
from twohomes.schedules import services
from twohomes.schedules.engine import child_id, family_timeline

LONDON = ZoneInfo("Europe/London")
FIRST, END = date(2027, 3, 1), date(2027, 3, 15)


def _noon(day: int) -> datetime:
    return datetime(2027, 3, day, 12, tzinfo=LONDON)


def _cached_timelines(world: Any) -> int:
    """Rows of the cache table holding this family's timelines (read with plain SQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM twohomes_cache WHERE cache_key LIKE %s",
                       [f"%twohomes:timeline:{world.family.pk}:%"])
        count: int = cursor.fetchone()[0]
    return count


def _owner(world: Any, day: int) -> str:
    ft = family_timeline(world.family, FIRST, END)
    assert ft is not None
    return ft.timeline.owner_at(child_id(world.linked_child), _noon(day))


def test_the_timeline_is_worked_out_once_and_the_same_when_read_back(
        world: Any, agreed_plan: Any) -> None:
    assert _cached_timelines(world) == 0
    first = family_timeline(world.family, FIRST, END)
    assert first is not None and _cached_timelines(world) == 1
    again = family_timeline(world.family, FIRST, END)
    assert again is not None and _cached_timelines(world) == 1  # read, not made again
    child = child_id(world.linked_child)
    hours = [datetime(2027, 3, 1, tzinfo=LONDON) + timedelta(hours=h) for h in range(14 * 24)]
    assert [again.timeline.owner_at(child, h) for h in hours] == \
        [first.timeline.owner_at(child, h) for h in hours]
    # 2-2-5-5 from Monday 5 January 2026, Alice first, exchanges at 18:00: 3 March 2027 is
    # day 2 of a 14-day cycle (422 days on), still inside Alice's first two nights.
    assert again.timeline.owner_at(child, _noon(3)) == "A"
    family_timeline(world.family, FIRST, END + timedelta(days=1))
    assert _cached_timelines(world) == 2  # another range is another entry


def test_an_accepted_change_shows_at_once(world: Any, agreed_plan: Any) -> None:
    assert _owner(world, 3) == "A"
    swap = services.request_swap(
        actor=world.parent_b, children=[world.linked_child],
        starts=datetime(2027, 3, 3, 9, tzinfo=LONDON),
        ends=datetime(2027, 3, 3, 17, tzinfo=LONDON), parent=world.parent_b,
        reason="School trip", answer_by=timezone.localdate() + timedelta(days=3),
        now=timezone.now())
    assert _owner(world, 3) == "A"  # asked, not agreed
    services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    assert _owner(world, 3) == "B"


def test_a_newly_agreed_plan_shows_at_once(world: Any, agreed_plan: Any) -> None:
    assert _owner(world, 3) == "A" and _owner(world, 10) == "A"
    choices = plan_choices([world.linked_child, world.unlinked_child],
                           pattern="alternating-weeks", start="2027-03-01")
    choices["groups"][0]["first_parent"] = "B"
    plan = services.propose_plan(actor=world.parent_a, choices=choices, now=timezone.now(),
                                 effective_from=FIRST)
    services.decide_plan(actor=world.parent_b, plan=plan, agreed=True, comment="",
                         now=timezone.now())
    # Alternating weeks from Monday 1 March 2027 at 18:00, Bruno first: Bruno has the
    # week of 3 March, Alice the next.
    assert _owner(world, 3) == "B" and _owner(world, 10) == "A"


def test_names_are_never_kept_with_the_timeline(world: Any, agreed_plan: Any) -> None:
    before = family_timeline(world.family, FIRST, END)
    assert before is not None and before.parent_name("B") == "Bruno"
    change_name(actor=world.parent_b.user, name="Bruno Renamed")
    after = family_timeline(world.family, FIRST, END)
    assert after is not None and after.parent_name("B") == "Bruno Renamed"
    assert _cached_timelines(world) == 1  # the same cached timeline, today's name
