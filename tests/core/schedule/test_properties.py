"""Property tests: random plans and ranges against invariants and the naive reference."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twohomes.core.schedule import build_timeline, load_plan, plan_stats
from twohomes.core.schedule.patterns import PATTERNS

from .naive import naive_stats

ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago"]
TEMPLATES = [name for name in PATTERNS if name != "custom"]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

hours = st.integers(0, 23).map(lambda h: f"{h:02d}:00")
days = st.dates(date(2024, 1, 1), date(2028, 12, 31))


@st.composite
def rotations(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(days)
    rotation: dict[str, Any] = {"start": start.isoformat(), "exchange_time": draw(hours),
                                "dropoff_time": draw(hours)}
    if draw(st.booleans()):
        rotation["nights"] = draw(st.lists(st.sampled_from("AB"), min_size=1, max_size=21))
        return rotation
    name = draw(st.sampled_from(TEMPLATES))
    if PATTERNS[name].monday_start:
        rotation["start"] = (start - timedelta(days=start.weekday())).isoformat()
    rotation["pattern"] = name
    rotation["first_parent"] = draw(st.sampled_from("AB"))
    if PATTERNS[name].weekend_visits and draw(st.booleans()):
        low = draw(st.integers(9, 20))
        rotation["midweek"] = {"weekday": draw(st.sampled_from(["tuesday", "wednesday"])),
                               "from": f"{low:02d}:00", "to": f"{low + 3:02d}:00"}
    return rotation


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    schedule: dict[str, Any] = {"name": "main", "rotation": draw(rotations())}
    if draw(st.booleans()):
        first = draw(st.dates(date(2001, 1, 1), date(2001, 12, 31)))
        length = draw(st.integers(0, 60))
        last = first + timedelta(days=length)
        schedule["seasons"] = [{"name": "season", "from": first.strftime("%m-%d"),
                                "to": last.strftime("%m-%d"), "rotation": draw(rotations())}]
    if draw(st.booleans()):
        first = draw(days)
        schedule["school_breaks"] = [{
            "name": "break", "window": draw(st.sampled_from(["nights", "day"])),
            "ranges": [[first.isoformat(), (first + timedelta(days=draw(st.integers(0, 14))))
                        .isoformat()]],
            "assign": {"parent": draw(st.sampled_from("AB"))}}]
    if draw(st.booleans()):
        schedule["holidays"] = [{
            "name": "holiday", "kind": "date",
            "date": draw(st.dates(date(2001, 1, 1), date(2001, 12, 31))).strftime("%m-%d"),
            "window": draw(st.sampled_from(["day", "evening-before"])),
            "assign": {"even": "A", "odd": "B"}}]
    plan: dict[str, Any] = {"timezone": draw(st.sampled_from(ZONES)),
                            "children": [{"id": "kid"}], "schedules": [schedule],
                            "overrides": draw(overrides())}
    return plan


@st.composite
def overrides(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = []
    cursor = draw(days)
    for index in range(draw(st.integers(0, 3))):
        start = cursor + timedelta(days=draw(st.integers(0, 16)))
        begin = f"{start.isoformat()}T{draw(hours)}"
        end_day = start + timedelta(days=draw(st.integers(1, 6)))
        found.append({"name": f"swap {index}", "from": begin,
                      "to": f"{end_day.isoformat()}T{draw(hours)}",
                      "parent": draw(st.sampled_from("AB"))})
        cursor = end_day + timedelta(days=1)
    return found


ranges = st.tuples(days, st.integers(1, 100))


@SETTINGS
@given(plans(), ranges)
def test_intervals_are_contiguous_and_cover_the_range(raw: dict[str, Any],
                                                      span: tuple[date, int]) -> None:
    plan = load_plan(raw)
    first, length = span
    timeline = build_timeline(plan, first, first + timedelta(days=length))
    spans = timeline.intervals["kid"]
    assert spans[0].start == timeline.start and spans[-1].end == timeline.end
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.start < before.end == after.start
        assert (before.parent, before.reason) != (after.parent, after.reason)
    for exchange in timeline.exchanges():
        assert exchange.from_parent != exchange.to_parent


@SETTINGS
@given(plans(), ranges)
def test_engine_agrees_with_the_naive_per_hour_reference(raw: dict[str, Any],
                                                         span: tuple[date, int]) -> None:
    plan = load_plan(raw)
    first, length = span
    end = first + timedelta(days=length)
    stats = plan_stats(plan, first, end).child("kid")
    naive = naive_stats(plan, "kid", first, end)
    assert {p.parent: int(p.hours) for p in stats.parents} == naive["hours"]
    assert {p.parent: p.hours % 1 for p in stats.parents} == {"A": 0, "B": 0}
    assert {p.parent: p.overnights for p in stats.parents} == naive["overnights"]
    assert stats.exchanges == naive["exchanges"]
    assert sum(p.percent_time for p in stats.parents) == 100
    assert sum(p.percent_overnights for p in stats.parents) == 100
    assert sum(p.overnights for p in stats.parents) == length
