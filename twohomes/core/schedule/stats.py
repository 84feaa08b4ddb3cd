"""Statistics per child and parent over a range of days, computed from intervals.

Definitions (see docs/schedule-spec.md):

* the range is the days ``[first, end)``, from local midnight of ``first`` to local midnight
  of ``end``; hours are real elapsed hours in it;
* the night after day D counts as an overnight for the parent who has the child at the
  plan's overnight reference time (default 00:00, i.e. midnight between D and D+1);
* a weekend is the night after a Saturday; holidays are holiday-level occurrences that start
  in the range, credited as the rule assigns them (a split counts one half each);
* percentages are rounded by largest remainder so that they add up to exactly 100.00.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from .counting import (
    apportion,
    count_weekday,
    days_of,
    first_night_from,
    hundredths,
    night_reference,
    third_party_seconds,
)
from .errors import PlanError
from .localtime import local_midnight
from .model import Interval, Plan
from .timeline import Timeline, build_timeline

SATURDAY = 5
MONTH_DAYS = Decimal("30.436875")  # the mean Gregorian month


@dataclass(frozen=True, slots=True)
class ParentStats:
    parent: str
    name: str
    overnights: int
    hours: Decimal
    percent_time: Decimal
    percent_overnights: Decimal
    longest_stretch_days: Decimal
    longest_away_days: Decimal
    weekends: int
    holidays: Decimal
    third_party_hours: Decimal


@dataclass(frozen=True, slots=True)
class ChildStats:
    child: str
    name: str
    nights: int
    hours: Decimal
    exchanges: int
    exchanges_per_month: Decimal
    exchanges_by_month: tuple[tuple[str, int], ...]
    parents: tuple[ParentStats, ...]

    def parent(self, parent: str) -> ParentStats:
        return next(p for p in self.parents if p.parent == parent)


@dataclass(frozen=True, slots=True)
class Stats:
    """Statistics for every child over the days ``first`` to ``last`` (inclusive)."""

    first: date
    last: date
    timezone: str
    overnight_time: str
    third_party: str
    children: tuple[ChildStats, ...]

    def child(self, child: str) -> ChildStats:
        return next(c for c in self.children if c.child == child)

    def to_json(self) -> dict[str, Any]:
        """The documented ``--json`` shape: numbers as JSON numbers."""
        return {
            "from": self.first.isoformat(), "to": self.last.isoformat(),
            "timezone": self.timezone, "overnight_time": self.overnight_time,
            "third_party": self.third_party,
            "children": {c.child: _child_json(c) for c in self.children},
        }


def _child_json(child: ChildStats) -> dict[str, Any]:
    return {
        "name": child.name, "nights": child.nights, "hours": float(child.hours),
        "exchanges": child.exchanges, "exchanges_per_month": float(child.exchanges_per_month),
        "exchanges_by_month": dict(child.exchanges_by_month),
        "parents": {p.parent: {
            "name": p.name, "overnights": p.overnights, "hours": float(p.hours),
            "percent_time": float(p.percent_time),
            "percent_overnights": float(p.percent_overnights),
            "longest_stretch_days": float(p.longest_stretch_days),
            "longest_away_days": float(p.longest_away_days), "weekends": p.weekends,
            "holidays": float(p.holidays), "third_party_hours": float(p.third_party_hours),
        } for p in child.parents},
    }


def plan_stats(plan: Plan, first: date, end: date, *, exclude_third_party: bool = False) -> Stats:
    """Build the timeline the statistics of days ``[first, end)`` need, and compute them."""
    if end <= first:
        raise PlanError(f"the range ends ({end}) before or where it starts ({first})")
    timeline = build_timeline(plan, first, end + timedelta(days=2))
    return compute_stats(timeline, first, end, exclude_third_party=exclude_third_party)


def compute_stats(timeline: Timeline, first: date, end: date, *,
                  exclude_third_party: bool = False) -> Stats:
    """Statistics of days ``[first, end)`` from a timeline that covers them and the night
    after the last one."""
    plan = timeline.plan
    zone = plan.zone
    start, stop = local_midnight(first, zone), local_midnight(end, zone)
    last_night = night_reference(end - timedelta(days=1), plan.overnight_time, zone)
    if start < timeline.start or last_night >= timeline.end or end <= first:
        raise PlanError(f"the timeline does not cover {first} to {end} and its last night")
    if exclude_third_party and plan.third_party is None:
        raise PlanError("the plan has no third_party (school or daycare) hours to leave out")
    children = tuple(
        _child_stats(timeline, child.id, first, end, start, stop, exclude_third_party)
        for child in plan.children if child.id in timeline.intervals)
    return Stats(first, end - timedelta(days=1), plan.timezone,
                 plan.overnight_time.strftime("%H:%M"),
                 "excluded" if exclude_third_party else "included", children)


def _child_stats(timeline: Timeline, child: str, first: date, end: date, start: datetime,
                 stop: datetime, exclude: bool) -> ChildStats:
    plan = timeline.plan
    parents = plan.parent_ids
    spans = timeline.between(child, start, stop)
    seconds = {p: 0 for p in parents}
    for span in spans:
        seconds[span.parent] += span.seconds
    nights = _overnights(timeline, child, first, end)
    weekends = _weekends(timeline, child, first, end)
    school = {p: 0 for p in parents}
    if plan.third_party is not None:
        for span in spans:
            school[span.parent] += third_party_seconds(plan.third_party, span.start, span.end,
                                                       plan.zone)
    counted = [seconds[p] - (school[p] if exclude else 0) for p in parents]
    percent_time = apportion(counted, 10000)
    percent_nights = apportion([nights[p] for p in parents], 10000)
    total = sum(seconds.values())
    hours = apportion([seconds[p] for p in parents], round(total / 36))
    awards = Counter[str]()
    for award in timeline.awards:
        if award.child == child and start <= award.starts < stop:
            awards[award.parent] += award.share  # type: ignore[assignment]
    rows = tuple(
        ParentStats(
            parent=p, name=plan.parent_name(p), overnights=nights[p], hours=hundredths(hours[i]),
            percent_time=hundredths(percent_time[i]),
            percent_overnights=hundredths(percent_nights[i]),
            longest_stretch_days=days_of(_longest(spans, lambda q, p=p: q == p)),
            longest_away_days=days_of(_longest(spans, lambda q, p=p: q != p)),
            weekends=weekends[p], holidays=Decimal(awards[p]).quantize(Decimal("0.1")),
            third_party_hours=hundredths(round(school[p] / 36)),
        ) for i, p in enumerate(parents))
    return _with_exchanges(timeline, child, start, stop, first, end, rows, total)


def _with_exchanges(timeline: Timeline, child: str, start: datetime, stop: datetime,
                    first: date, end: date, rows: tuple[ParentStats, ...],
                    total: int) -> ChildStats:
    zone = timeline.plan.zone
    exchanges = timeline.exchanges(start, stop, child)
    by_month = Counter(x.at.astimezone(zone).strftime("%Y-%m") for x in exchanges)
    days = (end - first).days
    per_month = (Decimal(len(exchanges)) * MONTH_DAYS / days).quantize(Decimal("0.01"))
    return ChildStats(child, timeline.plan.child(child).name, days, hundredths(round(total / 36)),
                      len(exchanges), per_month, tuple(sorted(by_month.items())), rows)


def _night_counts(timeline: Timeline, child: str, first: date, end: date,
                  weekday: int | None) -> dict[str, int]:
    """Nights (or only nights after ``weekday``) of days in ``[first, end)`` per parent."""
    plan = timeline.plan
    at, zone = plan.overnight_time, plan.zone
    low, high = first.toordinal(), end.toordinal()
    window_start = night_reference(first, at, zone)
    window_end = night_reference(end - timedelta(days=1), at, zone) + timedelta(seconds=1)
    counts = {p: 0 for p in plan.parent_ids}
    for span in timeline.between(child, window_start, window_end):
        lo = max(first_night_from(span.start, at, zone), low)
        hi = min(first_night_from(span.end, at, zone), high)
        if hi > lo:
            counts[span.parent] += hi - lo if weekday is None else count_weekday(lo, hi, weekday)
    return counts


def _overnights(timeline: Timeline, child: str, first: date, end: date) -> dict[str, int]:
    return _night_counts(timeline, child, first, end, None)


def _weekends(timeline: Timeline, child: str, first: date, end: date) -> dict[str, int]:
    return _night_counts(timeline, child, first, end, SATURDAY)


def _longest(spans: list[Interval], wanted: Any) -> float:
    """The longest run of consecutive intervals whose parent satisfies ``wanted``."""
    best = run = 0.0
    for span in spans:
        if wanted(span.parent):
            run += span.seconds
            best = max(best, run)
        else:
            run = 0.0
    return best
