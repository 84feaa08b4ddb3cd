"""Edge cases other custody tools get wrong, precedence, and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from twohomes.core.schedule import Plan, PlanError, build_timeline, plan_stats

from .conftest import make_plan

MONDAY = "2026-01-05"
NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def _exchange_times(plan: Plan, first: date, end: date) -> list[tuple[datetime, str, str]]:
    timeline = build_timeline(plan, first, end)
    return [(x.at, x.from_parent, x.to_parent) for x in timeline.exchanges()]


def test_range_starting_mid_block_does_not_shift_later_exchanges() -> None:
    plan = make_plan({"pattern": "2-2-5-5", "start": MONDAY})
    full = _exchange_times(plan, date(2026, 1, 1), date(2026, 6, 1))
    for first in (date(2026, 3, 13), date(2026, 3, 14), date(2026, 3, 15)):
        part = _exchange_times(plan, first, date(2026, 6, 1))
        cut = datetime(first.year, first.month, first.day, tzinfo=NY)
        assert part == [x for x in full if x[0] >= cut]


def test_range_may_start_before_the_anchor() -> None:
    plan = make_plan({"pattern": "alternating-weeks", "start": "2026-06-01"})
    timeline = build_timeline(plan, date(2026, 5, 1), date(2026, 6, 15))
    assert timeline.owner_at("emma", datetime(2026, 6, 2, tzinfo=NY)) == "A"
    assert timeline.owner_at("emma", datetime(2026, 5, 27, tzinfo=NY)) == "B"
    assert timeline.owner_at("emma", datetime(2026, 5, 20, tzinfo=NY)) == "A"


def test_alternating_weeks_follow_the_anchor_across_iso_week_53() -> None:
    # 2026 has 53 ISO weeks: weeks 53 (2026) and 1 (2027) are both odd but must alternate.
    plan = make_plan({"pattern": "alternating-weeks", "start": MONDAY})
    timeline = build_timeline(plan, date(2026, 12, 1), date(2027, 2, 1))
    assert date(2026, 12, 30).isocalendar().week == 53
    week53 = timeline.owner_at("emma", datetime(2026, 12, 30, 12, tzinfo=NY))
    week1 = timeline.owner_at("emma", datetime(2027, 1, 6, 12, tzinfo=NY))
    week2 = timeline.owner_at("emma", datetime(2027, 1, 13, 12, tzinfo=NY))
    assert week53 != week1 and week2 == week53
    # 51 weeks after the anchor week: A had weeks 0, 2, ..., so week 51 is B's
    assert week53 == "B"


def test_zero_length_window_is_an_error() -> None:
    rule = {"name": "Gala", "kind": "date", "date": "07-04", "window": {"from": "10:00",
            "to": "10:00"}, "assign": {"parent": "B"}}
    with pytest.raises(PlanError, match="ends where it starts"):
        make_plan({"pattern": "sole", "start": MONDAY}, holidays=[rule])


def test_window_ending_before_it_starts_is_an_error() -> None:
    rule = {"name": "Gala", "kind": "date", "date": "07-04", "window": {"from": "18:00",
            "to": "10:00"}, "assign": {"parent": "B"}}
    with pytest.raises(PlanError, match="ends before it starts"):
        make_plan({"pattern": "sole", "start": MONDAY}, holidays=[rule])


def test_windows_that_touch_do_not_overlap() -> None:
    eve = {"name": "Eve", "kind": "date", "date": "12-24",
           "window": {"from": "10:00", "to": "18:00"}, "assign": {"parent": "B"}}
    day = {"name": "Day", "kind": "date", "date": "12-24",
           "window": {"from": "18:00", "to": "12:00", "to_day": 1}, "assign": {"parent": "A"}}
    plan = make_plan({"pattern": "sole", "start": MONDAY, "first_parent": "B"},
                     holidays=[eve, day])
    timeline = build_timeline(plan, date(2026, 12, 20), date(2026, 12, 28))
    assert [(x.at.astimezone(NY).hour, x.to_parent, x.reason.rule)
            for x in timeline.exchanges()] == [(18, "A", "Day"), (12, "B", "Day")]


def test_overlapping_rules_at_one_level_name_both() -> None:
    eve = {"name": "Christmas Eve", "kind": "date", "date": "12-24", "window": "evening-before",
           "assign": {"parent": "B"}}
    day = {"name": "Christmas Day", "kind": "date", "date": "12-25",
           "assign": {"parent": "A"}}
    plan = make_plan({"pattern": "sole", "start": MONDAY}, holidays=[eve, day])
    with pytest.raises(PlanError, match="'Christmas Eve' and 'Christmas Day' overlap"):
        build_timeline(plan, date(2026, 12, 1), date(2027, 1, 1))


def test_overlapping_overrides_are_an_error() -> None:
    overrides = [
        {"name": "swap 1", "from": "2026-03-01T10:00", "to": "2026-03-03T10:00", "parent": "B"},
        {"name": "swap 2", "from": "2026-03-02T10:00", "to": "2026-03-04T10:00", "parent": "A"},
    ]
    plan = make_plan({"pattern": "sole", "start": MONDAY}, overrides=overrides)
    with pytest.raises(PlanError, match="'swap 1' and 'swap 2' overlap"):
        build_timeline(plan, date(2026, 3, 1), date(2026, 4, 1))


def test_precedence_override_holiday_vacation_season_base() -> None:
    plan = make_plan(
        {"pattern": "sole", "start": MONDAY, "first_parent": "A"},
        seasons=[{"name": "summer", "from": "06-20", "to": "08-20",
                  "rotation": {"pattern": "sole", "start": MONDAY, "first_parent": "B"}}],
        school_breaks=[{"name": "camp", "ranges": [["2026-07-01", "2026-07-10"]],
                        "assign": {"parent": "A"}}],
        holidays=[{"name": "Fourth", "kind": "date", "date": "07-04", "assign": {"parent": "B"}}],
        overrides=[{"name": "swap", "from": "2026-07-04T09:00", "to": "2026-07-04T11:00",
                    "parent": "A"}],
    )
    timeline = build_timeline(plan, date(2026, 6, 1), date(2026, 9, 1))

    def at(day: int, month: int, hour: int) -> tuple[str, str]:
        interval = timeline.interval_at("emma", datetime(2026, month, day, hour, tzinfo=NY))
        return interval.parent, interval.reason.level

    assert at(1, 6, 12) == ("A", "base")
    assert at(25, 6, 12) == ("B", "season")
    assert at(2, 7, 12) == ("A", "vacation")
    assert at(4, 7, 8) == ("B", "holiday")
    assert at(4, 7, 10) == ("A", "override")
    assert at(4, 7, 12) == ("B", "holiday")
    assert at(15, 7, 12) == ("B", "season")
    assert at(21, 8, 17) == ("B", "season")
    assert at(21, 8, 19) == ("A", "base")


def test_exchange_reports_the_rule_that_caused_it() -> None:
    plan = make_plan({"pattern": "sole", "start": MONDAY},
                     overrides=[{"name": "dentist", "from": "2026-03-02T09:00",
                                 "to": "2026-03-02T12:00", "parent": "B"}])
    found = build_timeline(plan, date(2026, 3, 1), date(2026, 3, 5)).exchanges()
    assert [(x.from_parent, x.to_parent, x.reason.level, x.reason.rule) for x in found] == [
        ("A", "B", "override", "dentist"), ("B", "A", "override", "dentist")]


@pytest.mark.parametrize(("zone", "day", "hours"), [
    ("America/New_York", date(2026, 3, 8), 23), ("America/New_York", date(2026, 11, 1), 25),
    ("Europe/London", date(2026, 3, 29), 23), ("Europe/London", date(2026, 10, 25), 25),
])
def test_exchanges_stay_at_1800_local_and_hours_are_real(zone: str, day: date, hours: int) -> None:
    # alternating days: an exchange every day at 18:00 local, including the change weekend
    plan = make_plan({"nights": ["A", "B"], "start": "2026-01-05"}, timezone=zone)
    tz = ZoneInfo(zone)
    timeline = build_timeline(plan, day - timedelta(days=2), day + timedelta(days=3))
    local = [x.at.astimezone(tz) for x in timeline.exchanges()]
    assert all((t.hour, t.minute) == (18, 0) for t in local)
    assert [t.date() for t in local] == [day - timedelta(days=2 - i) for i in range(5)]
    stats = plan_stats(plan, day, day + timedelta(days=1)).child("emma")
    assert stats.hours == Decimal(hours)
    span = timeline.interval_at("emma", datetime(day.year, day.month, day.day, 12, tzinfo=tz))
    assert span.seconds == (hours * 3600)


def test_exchange_in_the_spring_forward_gap_moves_to_the_first_valid_instant() -> None:
    plan = make_plan({"nights": ["A", "B"], "start": "2026-01-05", "exchange_time": "02:30"})
    timeline = build_timeline(plan, date(2026, 3, 7), date(2026, 3, 10))
    on_the_day = [x.at for x in timeline.exchanges() if x.at.astimezone(NY).day == 8]
    assert on_the_day == [datetime(2026, 3, 8, 7, 0, tzinfo=UTC)]  # 03:00 EDT
    assert on_the_day[0].astimezone(NY).hour == 3


def test_exchange_in_the_fall_back_fold_uses_the_first_occurrence() -> None:
    plan = make_plan({"nights": ["A", "B"], "start": "2026-01-05", "exchange_time": "01:30"},
                     timezone="Europe/London")
    timeline = build_timeline(plan, date(2026, 10, 24), date(2026, 10, 27))
    on_the_day = [x.at for x in timeline.exchanges() if x.at.astimezone(LONDON).day == 25]
    assert on_the_day == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]  # 01:30 BST


def test_overnights_follow_midnight_across_dst_in_london() -> None:
    plan = make_plan({"pattern": "2-2-3", "start": MONDAY}, timezone="Europe/London")
    march = plan_stats(plan, date(2026, 3, 23), date(2026, 4, 6)).child("emma")
    assert (march.parent("A").overnights, march.parent("B").overnights) == (7, 7)
    assert march.hours == Decimal(14 * 24 - 1)
    assert march.parent("A").percent_time + march.parent("B").percent_time == 100


def test_overnight_reference_time_is_configurable() -> None:
    # A takes over at 20:00 on day 0: at midnight A has the child, at 19:00 B still has it
    rotation = {"nights": ["A", "A", "B"], "start": MONDAY, "exchange_time": "20:00"}
    day0 = date(2026, 1, 5)
    midnight = plan_stats(make_plan(rotation), day0, day0 + timedelta(days=1)).child("emma")
    assert (midnight.parent("A").overnights, midnight.parent("B").overnights) == (1, 0)
    evening = plan_stats(make_plan(rotation, overnight_time="19:00"), day0,
                         day0 + timedelta(days=1)).child("emma")
    assert (evening.parent("A").overnights, evening.parent("B").overnights) == (0, 1)


def test_midweek_visit_hours_and_overnight() -> None:
    hours = make_plan({"pattern": "every-other-weekend", "start": MONDAY,
                       "midweek": {"weekday": "wednesday", "from": "16:00", "to": "19:00"}})
    child = plan_stats(hours, date(2026, 1, 5), date(2026, 1, 19)).child("emma")
    assert child.parent("B").overnights == 2
    assert child.parent("B").hours == Decimal(48 + 2 * 3)
    assert child.exchanges == 6
    overnight = make_plan({"pattern": "every-other-weekend", "start": MONDAY,
                           "midweek": {"weekday": "wednesday", "overnight": True}})
    child = plan_stats(overnight, date(2026, 1, 5), date(2026, 1, 19)).child("emma")
    assert child.parent("B").overnights == 4
    back = build_timeline(overnight, date(2026, 1, 5), date(2026, 1, 10)).exchanges()
    assert [x.at.astimezone(NY).strftime("%a %H:%M") for x in back] == [
        "Wed 18:00", "Thu 08:00", "Fri 18:00"]


def test_friday_to_monday_school_dropoff() -> None:
    plan = make_plan({"pattern": "every-other-weekend-monday", "start": MONDAY,
                      "dropoff_time": "08:30"})
    found = build_timeline(plan, date(2026, 1, 5), date(2026, 1, 19)).exchanges()
    assert [x.at.astimezone(NY).strftime("%a %d %H:%M") for x in found] == [
        "Fri 09 18:00", "Mon 12 08:30"]
    child = plan_stats(plan, date(2026, 1, 5), date(2026, 1, 19)).child("emma")
    assert child.parent("B").overnights == 3


def test_third_party_time_left_out_of_hour_percentages() -> None:
    third = {"windows": [{"weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                          "from": "08:00", "to": "15:00"}],
             "terms": [["2026-01-05", "2026-06-30"]]}
    plan = make_plan({"pattern": "5-2", "start": MONDAY}, third_party=third)
    first, end = date(2026, 1, 5), date(2026, 1, 12)
    included = plan_stats(plan, first, end)
    excluded = plan_stats(plan, first, end, exclude_third_party=True)
    assert (included.third_party, excluded.third_party) == ("included", "excluded")
    # B has Friday 18:00 to Sunday 18:00 (48 h); all 5 x 7 school hours fall in A's time
    child = excluded.child("emma")
    assert child.parent("A").third_party_hours == Decimal(35)
    assert child.parent("B").third_party_hours == Decimal(0)
    assert included.child("emma").parent("A").percent_time == Decimal("71.43")  # 120/168
    assert child.parent("A").percent_time == Decimal("63.91")  # 85/133
    assert child.parent("B").percent_time == Decimal("36.09")  # 48/133
    assert child.parent("A").hours == Decimal(120)  # hours themselves stay real hours


def test_third_party_terms_bound_the_school_hours() -> None:
    third = {"windows": [{"weekdays": ["monday"], "from": "09:00", "to": "12:00"}],
             "terms": [["2026-01-01", "2026-01-31"], ["2026-03-01", "2026-03-31"]]}
    plan = make_plan({"pattern": "sole", "start": MONDAY}, third_party=third)
    child = plan_stats(plan, date(2026, 1, 1), date(2026, 4, 1)).child("emma")
    mondays = 4 + 5  # January 2026 has 4 Mondays, March 2026 has 5
    assert child.parent("A").third_party_hours == Decimal(3 * mondays)


def test_family_dates_mothers_and_fathers_day() -> None:
    rules = [{"name": "Mum", "kind": "mothers-day", "assign": {"parent": "A"}},
             {"name": "Dad", "kind": "fathers-day", "assign": {"parent": "B"}}]
    gb = make_plan({"pattern": "sole", "start": MONDAY, "first_parent": "B"}, country="GB",
                   timezone="Europe/London", holidays=[rules[0]])
    timeline = build_timeline(gb, date(2026, 1, 1), date(2027, 1, 1))
    mothering = [x.at.astimezone(LONDON).date() for x in timeline.exchanges()]
    assert mothering == [date(2026, 3, 15), date(2026, 3, 16)]  # 3 weeks before Easter
    us = make_plan({"pattern": "sole", "start": MONDAY}, country="US", holidays=[rules[1]])
    days = [x.at.astimezone(NY).date()
            for x in build_timeline(us, date(2026, 1, 1), date(2027, 1, 1)).exchanges()]
    assert days == [date(2026, 6, 21), date(2026, 6, 22)]


def test_birthday_of_each_child_and_leap_day() -> None:
    data_children = [{"id": "emma", "birth_date": "2016-02-29"},
                     {"id": "noah", "birth_date": "2018-05-02"}]
    rule = {"name": "Birthday", "kind": "birthday", "window": {"from": "15:00", "to": "19:00"},
            "assign": {"parent": "B"}}
    plan = make_plan({"pattern": "sole", "start": MONDAY}, children=data_children,
                     holidays=[rule])
    timeline = build_timeline(plan, date(2027, 1, 1), date(2028, 1, 1))
    assert [x.at.astimezone(NY).date() for x in timeline.exchanges(child="emma")] == [
        date(2027, 2, 28)] * 2
    assert [x.at.astimezone(NY).date() for x in timeline.exchanges(child="noah")] == [
        date(2027, 5, 2)] * 2


def test_children_can_follow_different_schedules() -> None:
    from twohomes.core.schedule import load_plan

    plan = load_plan({
        "timezone": "America/New_York",
        "children": [{"id": "teen"}, {"id": "kid"}],
        "schedules": [
            {"name": "teen", "children": ["teen"],
             "rotation": {"pattern": "alternating-weeks", "start": MONDAY}},
            {"name": "kid", "children": ["kid"],
             "rotation": {"pattern": "2-2-5-5", "start": MONDAY}},
        ],
    })
    timeline = build_timeline(plan, date(2026, 1, 5), date(2026, 1, 19))
    wednesday = datetime(2026, 1, 7, 22, tzinfo=NY)
    assert (timeline.owner_at("teen", wednesday), timeline.owner_at("kid", wednesday)) == (
        "A", "B")


@pytest.mark.parametrize(("zone", "first", "end"), [
    ("Pacific/Apia", date(2011, 12, 24), date(2012, 1, 6)),  # 30 December 2011 never happened
    ("America/Santiago", date(2026, 4, 1), date(2026, 4, 10)),  # clocks change at midnight
    ("America/Santiago", date(2026, 9, 3), date(2026, 9, 10)),
])
def test_zones_with_odd_changes_agree_with_the_naive_reference(zone: str, first: date,
                                                               end: date) -> None:
    from .naive import naive_stats

    for nights, at in ((["A", "B"], "00:00"), (["A", "A", "B"], "18:00")):
        plan = make_plan({"nights": nights, "start": "2011-01-03", "exchange_time": at},
                         timezone=zone)
        child = plan_stats(plan, first, end).child("emma")
        naive = naive_stats(plan, "emma", first, end)
        assert {p.parent: p.overnights for p in child.parents} == naive["overnights"]
        assert {p.parent: int(p.hours) for p in child.parents} == naive["hours"]
        assert child.exchanges == naive["exchanges"]
