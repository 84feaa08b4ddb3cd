"""join_timelines: one family history from consecutive plans, each from its own date."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from twohomes.core.schedule import PlanError, build_timeline, join_timelines

from .conftest import make_plan

NEW_YORK = ZoneInfo("America/New_York")
# Week on, week off from Monday 4 January 2027, Maya first, exchanges at 18:00 (by hand:
# Daniel until the first exchange at 18:00 on the 4th, Maya to 18:00 on the 11th, Daniel to
# 18:00 on the 18th ...).
WEEKS = make_plan({"start": "2027-01-04", "pattern": "alternating-weeks", "first_parent": "A",
                   "exchange_time": "18:00"})
DANIEL = make_plan({"start": "2027-01-04", "pattern": "sole", "first_parent": "B",
                    "exchange_time": "18:00"})


def _at(day: int, hour: int) -> datetime:
    return datetime(2027, 1, day, hour, tzinfo=NEW_YORK)


def test_each_part_decides_its_own_days_and_the_seam_is_a_handover() -> None:
    old = build_timeline(WEEKS, date(2027, 1, 4), date(2027, 1, 14))
    new = build_timeline(DANIEL, date(2027, 1, 14), date(2027, 1, 28))
    joined = join_timelines([old, new])
    expected = {_at(5, 12): "A", _at(11, 17): "A", _at(11, 19): "B", _at(13, 23): "B",
                _at(14, 1): "B", _at(18, 19): "B", _at(25, 12): "B"}
    assert {at: joined.owner_at("emma", at) for at in expected} == expected
    # Daniel has Emma on both sides of midnight on the 14th: no handover there.
    assert [(x.at, x.from_parent, x.to_parent) for x in joined.exchanges()] == [
        (_at(4, 18), "B", "A"), (_at(11, 18), "A", "B")]
    assert joined.start == old.start and joined.end == new.end


def test_a_seam_between_two_owners_is_a_handover_at_midnight() -> None:
    new = build_timeline(DANIEL, date(2027, 1, 4), date(2027, 1, 7))
    old = build_timeline(WEEKS, date(2027, 1, 7), date(2027, 1, 10))
    joined = join_timelines([new, old])
    assert [(x.at, x.from_parent, x.to_parent) for x in joined.exchanges()] == [
        (_at(7, 0), "B", "A")]


def test_parts_that_do_not_meet_are_refused() -> None:
    first = build_timeline(WEEKS, date(2027, 1, 4), date(2027, 1, 10))
    gap = build_timeline(DANIEL, date(2027, 1, 11), date(2027, 1, 20))
    with pytest.raises(PlanError, match="must meet"):
        join_timelines([first, gap])
    with pytest.raises(PlanError, match="nothing to join"):
        join_timelines([])
