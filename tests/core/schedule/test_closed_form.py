"""Whole cycles counted in closed form, and the per-day lookup, against the walk over every
interval and against the naive reference, over many random plans (seeded) and ranges."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, time, timedelta

import pytest

from twohomes.core.schedule import PlanError, Stats, Timeline, build_timeline, compute_stats
from twohomes.core.schedule.counting import night_reference
from twohomes.core.schedule.localtime import to_instant
from twohomes.core.schedule.spec import load_plan
from twohomes.core.schedule.tally import whole_cycles

from .conftest import make_plan
from .naive import NaivePlan, naive_stats
from .randomplans import random_plan, random_range


def walked(timeline: Timeline) -> Timeline:
    """The same timeline without the note of where its rotations run unpainted, so that the
    statistics walk every interval (the engine's way before closed-form counting)."""
    tracks = timeline.tracks
    return dataclasses.replace(timeline, tracks={
        child: dataclasses.replace(track, unpainted=()) for child, track in tracks.items()})


def both_ways(timeline: Timeline, first: date, end: date) -> tuple[Stats, Stats]:
    return compute_stats(timeline, first, end), compute_stats(walked(timeline), first, end)


def random_case(seed: int) -> tuple[Timeline, date, date] | None:
    rng = random.Random(seed)
    try:
        plan = load_plan(random_plan(rng))
        first, end = random_range(rng)
        return build_timeline(plan, first, end + timedelta(days=2)), first, end
    except PlanError:  # two random rules overlap: not a plan anyone could save
        return None


def counted_in_closed_form(timeline: Timeline, first: date, end: date) -> bool:
    zone = timeline.plan.zone
    start, stop = (int(to_instant(day, time(0), zone).timestamp()) for day in (first, end))
    return any(whole_cycles(timeline.plan, track, start, stop)
               for track in timeline.tracks.values())


@pytest.mark.parametrize("batch", range(8))
def test_closed_form_statistics_equal_the_walk_over_random_plans(batch: int) -> None:
    checked = counted = 0
    for seed in range(batch * 40, batch * 40 + 40):
        case = random_case(seed)
        if case is None:
            continue
        new, old = both_ways(*case)
        assert new == old, f"seed {seed}"
        checked += 1
        counted += counted_in_closed_form(*case)
    assert checked >= 30 and counted >= 3  # the closed form is exercised, not bypassed


@pytest.mark.parametrize("seed", range(1000, 1024))
def test_closed_form_statistics_agree_with_the_naive_reference(seed: int) -> None:
    case = random_case(seed)
    if case is None:
        pytest.skip("the random rules overlap")
    timeline, first, end = case
    end = min(end, first + timedelta(days=400))
    stats = compute_stats(timeline, first, end).child("kid")
    naive = naive_stats(timeline.plan, "kid", first, end)
    assert {p.parent: int(p.hours) for p in stats.parents} == naive["hours"]
    assert {p.parent: p.overnights for p in stats.parents} == naive["overnights"]
    assert stats.exchanges == naive["exchanges"]


PLANS = {
    "alternating weeks, New York": ({"pattern": "alternating-weeks", "start": "2026-01-04"},
                                    {}),
    "2-2-5-5 at 15:00, Sydney": ({"pattern": "2-2-5-5", "start": "2026-01-05",
                                  "exchange_time": "15:00"}, {"timezone": "Australia/Sydney"}),
    "every other weekend with a midweek visit, London": (
        {"pattern": "every-other-weekend", "start": "2026-01-05",
         "midweek": {"weekday": "wednesday", "from": "16:00", "to": "19:00"}},
        {"timezone": "Europe/London"}),
    "custom 5 nights, overnight at 19:00, UTC": (
        {"nights": ["A", "A", "B", "A", "B"], "start": "2026-02-03"},
        {"timezone": "UTC", "overnight_time": "19:00"}),
    "hand-over at 02:00 in a zone that springs forward then": (
        {"pattern": "3-4-4-3", "start": "2026-03-01", "exchange_time": "02:00"}, {}),
}

RANGES = {
    "whole year": (date(2026, 1, 1), 365),
    "partial cycles at both ends": (date(2026, 2, 11), 250),
    "shorter than one cycle": (date(2026, 5, 6), 5),
    "a single day": (date(2026, 11, 1), 1),
    "from before the rotation starts": (date(2025, 9, 17), 300),
    "three years": (date(2026, 3, 3), 1096),
}


@pytest.mark.parametrize("which", RANGES)
@pytest.mark.parametrize("name", PLANS)
def test_ranges_of_every_length_agree_with_the_walk(name: str, which: str) -> None:
    rotation, extra = PLANS[name]
    plan = make_plan(rotation, **extra)
    first, days = RANGES[which]
    end = first + timedelta(days=days)
    new, old = both_ways(build_timeline(plan, first, end + timedelta(days=2)), first, end)
    assert new == old
    if days <= 300:
        naive = naive_stats(plan, "emma", first, end)
        stats = new.child("emma")
        assert {p.parent: p.overnights for p in stats.parents} == naive["overnights"]
        assert {p.parent: int(p.hours) for p in stats.parents} == naive["hours"]
        assert stats.exchanges == naive["exchanges"]


def test_long_plain_ranges_are_counted_in_closed_form() -> None:
    plan = make_plan({"pattern": "2-2-5-5", "start": "2026-01-05"}, timezone="UTC")
    first, end = date(2026, 1, 1), date(2036, 1, 1)
    timeline = build_timeline(plan, first, end + timedelta(days=2))
    start, stop = (int(to_instant(day, time(0), plan.zone).timestamp()) for day in (first, end))
    stretches = whole_cycles(plan, timeline.tracks["emma"], start, stop)
    assert len(stretches) == 1 and stretches[0].last - stretches[0].first > 1000
    new, old = both_ways(timeline, first, end)
    assert new == old


@pytest.mark.parametrize("seed", range(2000, 2040))
def test_day_lookups_agree_with_the_naive_reference(seed: int) -> None:
    case = random_case(seed)
    if case is None:
        pytest.skip("the random rules overlap")
    timeline, first, end = case
    plan, rng = timeline.plan, random.Random(seed)
    at = time(rng.randrange(24), rng.choice([0, 30]))
    naive = NaivePlan(plan)
    by_day, by_night = timeline.day_lookup("kid", at), timeline.night_lookup("kid")
    day = first
    while day < min(end, first + timedelta(days=120)):
        ordinal = day.toordinal()
        assert by_day.parent_on(ordinal) == naive.owner("kid", to_instant(day, at, plan.zone))
        night = night_reference(day, plan.overnight_time, plan.zone)
        assert by_night.parent_on(ordinal) == naive.owner("kid", night), day
        assert by_night.parent_on(ordinal) == timeline.owner_at("kid", night)
        day += timedelta(days=1)


def test_a_day_lookup_answers_only_for_the_timeline_s_days() -> None:
    plan = make_plan({"pattern": "alternating-weeks", "start": "2026-01-05"})
    timeline = build_timeline(plan, date(2026, 1, 1), date(2026, 2, 1))
    noon = timeline.day_lookup("emma")
    assert noon.parent_on_date(date(2026, 1, 1)) == "B"
    assert noon.parent_on_date(date(2026, 1, 31)) == "B"
    assert noon.parent_on_date(date(2026, 1, 6)) == "A"
    with pytest.raises(PlanError, match="outside the timeline's days 2026-01-01 to 2026-01-31"):
        noon.parent_on_date(date(2026, 2, 1))
    with pytest.raises(PlanError):
        noon.parent_on_date(date(2025, 12, 31))
    nights = timeline.night_lookup("emma")  # decided at midnight: the last night is not in it
    with pytest.raises(PlanError):
        nights.parent_on_date(date(2026, 1, 31))
