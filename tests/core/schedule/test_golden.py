"""Figures anyone can check by hand with a paper calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from twohomes.core.schedule import build_timeline, plan_stats

from .conftest import make_plan

MONDAY = "2026-01-05"
NY = ZoneInfo("America/New_York")


def test_every_other_weekend_gives_2_of_every_14_overnights() -> None:
    plan = make_plan({"pattern": "every-other-weekend", "start": MONDAY})
    for offset in range(14):  # any fortnight, whatever day it starts on
        first = date(2026, 2, 1) + timedelta(days=offset)
        stats = plan_stats(plan, first, first + timedelta(days=14)).child("emma")
        assert (stats.parent("A").overnights, stats.parent("B").overnights) == (12, 2)


def test_every_other_weekend_runs_friday_1800_to_sunday_1800() -> None:
    plan = make_plan({"pattern": "every-other-weekend", "start": MONDAY})
    timeline = build_timeline(plan, date(2026, 1, 5), date(2026, 1, 19))
    spans = [(s.start.astimezone(NY), s.end.astimezone(NY), s.parent)
             for s in timeline.intervals["emma"]]
    assert spans == [
        (datetime(2026, 1, 5, tzinfo=NY), datetime(2026, 1, 9, 18, tzinfo=NY), "A"),
        (datetime(2026, 1, 9, 18, tzinfo=NY), datetime(2026, 1, 11, 18, tzinfo=NY), "B"),
        (datetime(2026, 1, 11, 18, tzinfo=NY), datetime(2026, 1, 19, tzinfo=NY), "A"),
    ]


@pytest.mark.parametrize("pattern", ["2-2-5-5", "2-2-3", "3-4-4-3", "alternating-weeks",
                                     "5-2-2-5"])
def test_equal_time_patterns_give_50_percent_over_whole_cycles(pattern: str) -> None:
    plan = make_plan({"pattern": pattern, "start": MONDAY})
    stats = plan_stats(plan, date(2026, 1, 5), date(2026, 1, 5) + timedelta(days=14 * 26))
    child = stats.child("emma")
    for parent in ("A", "B"):
        row = child.parent(parent)
        assert row.overnights == 7 * 26
        assert row.percent_overnights == Decimal("50.00")
        assert row.percent_time == Decimal("50.00")


@pytest.mark.parametrize("pattern", ["2-2-5-5", "5-2-2-5", "3-4-4-3", "2-2-3",
                                     "alternating-weeks"])
def test_equal_time_patterns_give_7_of_any_14_nights(pattern: str) -> None:
    plan = make_plan({"pattern": pattern, "start": MONDAY})
    for offset in range(14):
        first = date(2026, 5, 1) + timedelta(days=offset)
        child = plan_stats(plan, first, first + timedelta(days=14)).child("emma")
        assert (child.parent("A").overnights, child.parent("B").overnights) == (7, 7)


def test_5_2_gives_2_of_7_to_the_weekend_parent() -> None:
    plan = make_plan({"pattern": "5-2", "start": MONDAY})
    child = plan_stats(plan, date(2026, 1, 5), date(2026, 3, 2)).child("emma")
    assert (child.parent("A").overnights, child.parent("B").overnights) == (40, 16)
    assert child.parent("B").percent_overnights == Decimal("28.57")
    assert child.parent("B").weekends == 8


def test_2_2_5_5_blocks_by_hand() -> None:
    plan = make_plan({"pattern": "2-2-5-5", "start": MONDAY})
    timeline = build_timeline(plan, date(2026, 1, 5), date(2026, 1, 19))
    owners = [timeline.owner_at("emma", datetime(2026, 1, 5 + d, 23, tzinfo=NY))
              for d in range(14)]
    assert "".join(owners) == "AABBAAAAABBBBB"


def _christmas(assign: dict[str, object]) -> dict[str, object]:
    return {"name": "Christmas", "kind": "public", "holidays": ["Christmas Day"],
            "assign": assign}


def test_holiday_even_odd_years_flip() -> None:
    plan = make_plan({"pattern": "alternating-weeks", "start": MONDAY}, country="US",
                     holidays=[_christmas({"even": "A", "odd": "B"})])
    timeline = build_timeline(plan, date(2025, 12, 1), date(2029, 1, 1))
    noon = [timeline.owner_at("emma", datetime(y, 12, 25, 12, tzinfo=NY))
            for y in (2025, 2026, 2027, 2028)]
    assert noon == ["B", "A", "B", "A"]
    reason = timeline.reason_at("emma", datetime(2027, 12, 25, 12, tzinfo=NY))
    assert (reason.level, reason.rule) == ("holiday", "Christmas")
    assert "odd year" in reason.detail


def test_holiday_alternates_by_occurrence_from_since_year() -> None:
    plan = make_plan({"pattern": "sole", "start": MONDAY}, country="US",
                     holidays=[_christmas({"alternate": ["B", "A"], "since": 2027})])
    timeline = build_timeline(plan, date(2025, 12, 1), date(2029, 1, 1))
    noon = [timeline.owner_at("emma", datetime(y, 12, 25, 12, tzinfo=NY))
            for y in (2025, 2026, 2027, 2028)]
    assert noon == ["B", "A", "B", "A"]


def test_holiday_split_in_halves() -> None:
    rule = _christmas({"even": "A", "odd": "B", "split_at": "14:00"})
    rule["window"] = "evening-before"
    plan = make_plan({"pattern": "sole", "start": MONDAY, "first_parent": "A"}, country="US",
                     holidays=[rule])
    timeline = build_timeline(plan, date(2027, 12, 20), date(2027, 12, 30))
    found = [(x.at.astimezone(NY), x.from_parent, x.to_parent, x.reason.detail)
             for x in timeline.exchanges()]
    assert found == [
        (datetime(2027, 12, 24, 18, tzinfo=NY), "A", "B", "Christmas Day 2027-12-25, odd year, "
         "first half"),
        (datetime(2027, 12, 25, 14, tzinfo=NY), "B", "A", "Christmas Day 2027-12-25, odd year, "
         "second half"),
    ]
    # the second half runs to the morning after, then the base rotation takes over again
    assert timeline.reason_at("emma", datetime(2027, 12, 26, 8, tzinfo=NY)).level == "holiday"
    assert timeline.reason_at("emma", datetime(2027, 12, 26, 9, tzinfo=NY)).level == "base"
    stats = plan_stats(plan, date(2027, 12, 20), date(2027, 12, 30)).child("emma")
    assert stats.parent("A").holidays == stats.parent("B").holidays == Decimal("0.5")


def test_several_holidays_alternate_each_year_and_among_themselves() -> None:
    rule = {"name": "Summer holidays", "kind": "public",
            "holidays": ["Memorial Day", "Independence Day", "Labor Day", "Thanksgiving Day"],
            "assign": {"alternate": ["A", "B"], "since": 2026}}
    plan = make_plan({"pattern": "sole", "start": MONDAY, "first_parent": "B"}, country="US",
                     holidays=[rule])
    timeline = build_timeline(plan, date(2026, 1, 1), date(2028, 1, 1))
    days = {2026: [(5, 25), (7, 4), (9, 7), (11, 26)], 2027: [(5, 31), (7, 4), (9, 6), (11, 25)]}
    owners = {year: "".join(timeline.owner_at("emma", datetime(year, m, d, 12, tzinfo=NY))
                            for m, d in dates) for year, dates in days.items()}
    assert owners == {2026: "ABAB", 2027: "BABA"}
