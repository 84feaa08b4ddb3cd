"""Repeat rules: RRULE text from the form's choices, and expansion in wall-clock time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from twohomes.events.recurrence import RepeatError, RepeatRule, expand, last_end

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("rule", "all_day", "text"), [
    (RepeatRule(), False, ""),
    (RepeatRule("daily"), False, "FREQ=DAILY"),
    (RepeatRule("weekly", weekdays=("TU", "TH")), False, "FREQ=WEEKLY;BYDAY=TU,TH"),
    (RepeatRule("weekly", 2, ("TU",), count=10), False,
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10"),
    (RepeatRule("monthly", until=date(2026, 12, 31)), False,
     "FREQ=MONTHLY;UNTIL=20270101T045959Z"),
    (RepeatRule("yearly", until=date(2030, 3, 3)), True, "FREQ=YEARLY;UNTIL=20300303"),
])
def test_rrule_text(rule: RepeatRule, all_day: bool, text: str) -> None:
    assert rule.to_rrule(first_day=date(2026, 3, 3), zone=NEW_YORK, all_day=all_day) == text
    assert RepeatRule.from_rrule(text, zone=NEW_YORK) == rule


@pytest.mark.parametrize(("rule", "problem"), [
    (RepeatRule("weekly", until=date(2026, 4, 1), count=3), "not both"),
    (RepeatRule("daily", until=date(2026, 3, 1)), "ends before the event starts"),
    (RepeatRule("weekly", weekdays=("WE",)), "must be one of the chosen weekdays"),
    (RepeatRule("daily", count=0), "between 1 and"),
    (RepeatRule("hourly"), "how often"),
    (RepeatRule("daily", interval=0), "1 to 99"),
    (RepeatRule("daily", until=date(2040, 1, 1)), "at most 10 years"),
])
def test_bad_rules_are_refused(rule: RepeatRule, problem: str) -> None:
    with pytest.raises(RepeatError, match=problem):
        rule.to_rrule(first_day=date(2026, 3, 3), zone=NEW_YORK, all_day=False)


def test_weekly_practice_keeps_17_00_across_the_new_york_dst_change() -> None:
    # Clocks go forward on Sunday 8 March 2026 in New York: UTC offset -5 becomes -4.
    start = datetime(2026, 3, 3, 17, 0, tzinfo=NEW_YORK)
    found = expand("FREQ=WEEKLY;BYDAY=TU", local_start=start, duration=timedelta(minutes=90),
                   all_day=False, window_start=datetime(2026, 3, 1, tzinfo=UTC),
                   window_end=datetime(2026, 3, 18, tzinfo=UTC))
    assert [s.astimezone(UTC) for s in found] == [
        datetime(2026, 3, 3, 22, 0, tzinfo=UTC),
        datetime(2026, 3, 10, 21, 0, tzinfo=UTC),
        datetime(2026, 3, 17, 21, 0, tzinfo=UTC),
    ]
    assert {(s.hour, s.minute) for s in found} == {(17, 0)}


def test_an_overnight_event_over_the_autumn_change_lasts_its_wall_clock_length() -> None:
    # 1 November 2026: New York gains an hour at 02:00; 22:00-08:00 is 11 real hours.
    start = datetime(2026, 10, 31, 22, 0, tzinfo=NEW_YORK)
    end = last_end("", local_start=start, duration=timedelta(hours=10), all_day=False)
    assert end == datetime(2026, 11, 1, 8, 0, tzinfo=NEW_YORK)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=11)


def test_window_is_half_open_and_includes_an_occurrence_already_under_way() -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
    daily = "FREQ=DAILY;COUNT=5"
    found = expand(daily, local_start=start, duration=timedelta(hours=2), all_day=False,
                   window_start=datetime(2026, 3, 3, 10, 0, tzinfo=UTC),
                   window_end=datetime(2026, 3, 5, 9, 0, tzinfo=UTC))
    assert [s.day for s in found] == [3, 4]  # the 3rd is under way; the 5th starts at the end


def test_all_day_yearly_until_a_date() -> None:
    start = datetime(2026, 3, 3, tzinfo=NEW_YORK)
    rule = "FREQ=YEARLY;UNTIL=20280303"
    found = expand(rule, local_start=start, duration=timedelta(days=1), all_day=True,
                   window_start=datetime(2026, 1, 1, tzinfo=UTC),
                   window_end=datetime(2030, 1, 1, tzinfo=UTC))
    assert [s.date() for s in found] == [date(2026, 3, 3), date(2027, 3, 3), date(2028, 3, 3)]
    assert found[1].tzinfo == NEW_YORK and found[1].hour == 0
    assert last_end(rule, local_start=start, duration=timedelta(days=1), all_day=True) == \
        datetime(2028, 3, 4, tzinfo=NEW_YORK)


def test_a_rule_without_end_repeats_forever() -> None:
    start = datetime(2026, 3, 3, 17, tzinfo=NEW_YORK)
    assert last_end("FREQ=WEEKLY", local_start=start, duration=timedelta(hours=1),
                    all_day=False) is None


def test_describe() -> None:
    assert RepeatRule("weekly", 2, ("TU", "TH"), until=date(2026, 6, 30)).describe() == \
        "Every 2 weeks on Tuesday and Thursday, until Jun 30, 2026"
    with translation.override("en-gb"):
        assert RepeatRule("weekly", until=date(2026, 6, 30)).describe() == \
            "Every week, until 30 Jun 2026"
    assert RepeatRule("daily", count=3).describe() == "Every day, 3 times"
    assert RepeatRule().describe() == "Does not repeat"
