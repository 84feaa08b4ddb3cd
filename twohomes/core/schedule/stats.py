"""Statistics per child and parent over a range of days, computed from intervals.

Definitions (see docs/schedule-spec.md):

* the range is the days ``[first, end)``, from local midnight of ``first`` to local midnight
  of ``end``; hours are real elapsed hours in it;
* the night after day D counts as an overnight for the parent who has the child at the
  plan's overnight reference time (default 00:00, i.e. midnight between D and D+1);
* a weekend is the night after a Saturday; holidays are holiday-level occurrences that start
  in the range, credited as the rule assigns them (a split counts one half each);
* percentages are rounded by largest remainder so that they add up to exactly 100.00.

Where a rotation runs unpainted for long enough, its whole cycles are counted in closed
form (``tally.cycle_tally``); everywhere else, and for plans with school hours or other than
two parents, every interval is walked. Both ways give the same figures.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from .counting import (
    NightFinder,
    apportion,
    count_nights,
    days_of,
    hundredths,
    night_reference,
    night_reference_epoch,
    third_party_seconds,
)
from .errors import PlanError
from .localtime import local_midnight, to_epoch
from .model import Plan
from .tally import Tally, cycle_tally, whole_cycles
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
    low, high = int(start.timestamp()), int(stop.timestamp())
    children = tuple(
        _child_stats(timeline, child.id, first, end, low, high, exclude_third_party)
        for child in plan.children if child.id in timeline.tracks)
    return Stats(first, end - timedelta(days=1), plan.timezone,
                 f"{plan.overnight_time.hour:02d}:{plan.overnight_time.minute:02d}",
                 "excluded" if exclude_third_party else "included", children)


Span = tuple[int, int, str]


@dataclass(slots=True)
class _Tally:
    """What one pass over a child's spans collects (seconds and runs inside the range)."""

    seconds: dict[str, int]
    nights: dict[str, int]
    weekends: dict[str, int]
    runs: list[list[Any]]  # [parent, seconds, start] of consecutive spans with one parent
    in_range: list[Span]


def _child_stats(timeline: Timeline, child: str, first: date, end: date, start: int,
                 stop: int, exclude: bool) -> ChildStats:
    plan = timeline.plan
    parents = plan.parent_ids
    tally = _tally_for(timeline, child, first, end, start, stop)
    seconds, nights = tally.seconds, tally.nights
    school = _school_seconds(plan, tally.in_range)
    counted = [seconds[p] - (school[p] if exclude else 0) for p in parents]
    percent_time = apportion(counted, 10000)
    percent_nights = apportion([nights[p] for p in parents], 10000)
    total = sum(seconds.values())
    hours = apportion([seconds[p] for p in parents], round(total / 36))
    awards = _holiday_awards(timeline, child, start, stop)
    longest = tally.longest
    rows = tuple(
        ParentStats(
            parent=p, name=plan.parent_name(p), overnights=nights[p], hours=hundredths(hours[i]),
            percent_time=hundredths(percent_time[i]),
            percent_overnights=hundredths(percent_nights[i]),
            longest_stretch_days=days_of(longest[p][0]),
            longest_away_days=days_of(longest[p][1]),
            weekends=tally.weekends[p],
            holidays=awards.get(p, Decimal(0)).quantize(Decimal("0.1")),
            third_party_hours=hundredths(round(school[p] / 36)),
        ) for i, p in enumerate(parents))
    return _with_exchanges(timeline, child, tally, first, end, rows, total)


def _tally_for(timeline: Timeline, child: str, first: date, end: date, start: int,
               stop: int) -> Tally:
    """Whole cycles in closed form where the track says where its rotation runs unpainted
    (two parents, no school hours); otherwise the walk over every interval."""
    plan = timeline.plan
    track = timeline.tracks[child]
    night_end = night_reference_epoch(end.toordinal() - 1, plan.overnight_time, plan.zone)
    reach = max(stop, night_end + 1)
    closed = len(plan.parent_ids) == 2 and plan.third_party is None
    stretches = whole_cycles(plan, track, start, stop) if closed else []
    if stretches:
        finder = NightFinder(plan.overnight_time, plan.zone, _usual_offset(plan.zone, first))
        return cycle_tally(plan, track, stretches, finder, (first.toordinal(), end.toordinal()),
                           start, stop, reach)
    walked = _tally(timeline, track.window(start, reach), first, end, stop)
    changes = [run[2] for run in walked.runs[1:]]
    return Tally(walked.seconds, walked.nights, walked.weekends,
                 _longest(walked.runs, plan.parent_ids), len(changes),
                 lambda moments: [bisect_left(changes, moment) for moment in moments],
                 walked.in_range)


def _tally(timeline: Timeline, spans: list[Span], first: date, end: date, stop: int) -> _Tally:
    """Seconds, overnights, weekends and runs per parent, from the spans."""
    plan = timeline.plan
    ids = plan.parent_ids
    tally = _Tally(dict.fromkeys(ids, 0), dict.fromkeys(ids, 0), dict.fromkeys(ids, 0), [], [])
    if not spans:
        return tally
    finder = NightFinder(plan.overnight_time, plan.zone, _usual_offset(plan.zone, first))
    count_nights(tally.nights, tally.weekends, finder, spans, first.toordinal(),
                 end.toordinal())
    seconds, runs = tally.seconds, tally.runs
    for s, e, p in spans:
        if s >= stop:
            break
        length = (e if e < stop else stop) - s
        seconds[p] += length
        if runs and runs[-1][0] == p:
            runs[-1][1] += length
        else:
            runs.append([p, length, s])
    if plan.third_party is not None:  # only school hours need the clipped spans again
        tally.in_range = [(s, min(e, stop), p) for s, e, p in spans if s < stop]
    return tally


def _school_seconds(plan: Plan, spans: list[Span]) -> dict[str, int]:
    school = dict.fromkeys(plan.parent_ids, 0)
    if plan.third_party is not None:
        for s, e, p in spans:
            school[p] += third_party_seconds(plan.third_party, s, e, plan.zone)
    return school


def _holiday_awards(timeline: Timeline, child: str, start: int,
                    stop: int) -> dict[str, Decimal]:
    awards: dict[str, Decimal] = {}
    for award in timeline.awards:
        if award.child == child and start <= award.starts.timestamp() < stop:
            awards[award.parent] = awards.get(award.parent, Decimal(0)) + award.share
    return awards


def _with_exchanges(timeline: Timeline, child: str, tally: Tally, first: date,
                    end: date, rows: tuple[ParentStats, ...], total: int) -> ChildStats:
    count = tally.exchanges
    months = _exchanges_by_month(tally.changes_before, count, timeline.plan.zone, first, end)
    days = (end - first).days
    per_month = (Decimal(count) * MONTH_DAYS / days).quantize(Decimal("0.01"))
    return ChildStats(child, timeline.plan.child(child).name, days, hundredths(round(total / 36)),
                      count, per_month, months, rows)


def _exchanges_by_month(changes_before: Callable[[list[int]], list[int]], count: int,
                        zone: ZoneInfo, first: date,
                        end: date) -> tuple[tuple[str, int], ...]:
    """Hand-overs per calendar month, from the counts of hand-overs before each month's
    end: month starts are found once per year (memoised), not per exchange."""
    if not count:
        return ()
    months = [(year, month) for year in range(first.year, end.year + 1)
              for month in range(12 if year < end.year else end.month - (end.day == 1))
              if (year, month) >= (first.year, first.month - 1)]
    upto = changes_before([month_starts(zone, year)[month + 1] for year, month in months])
    found, done = [], 0
    for (year, month), total in zip(months, upto, strict=True):
        if total > done:
            found.append((f"{year:04d}-{month + 1:02d}", total - done))
        done = total
    return tuple(found)


@lru_cache(maxsize=4096)
def month_starts(zone: ZoneInfo, year: int) -> tuple[int, ...]:
    """Local midnight (epoch seconds) of the first of each month of ``year`` and of the
    next January."""
    return tuple(to_epoch(date(year + m // 12, m % 12 + 1, 1), time(0), zone)
                 for m in range(13))


def _usual_offset(zone: ZoneInfo, day: date) -> int:
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _longest(runs: list[list[Any]], parents: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Per parent, the longest run of seconds with them and away from them."""
    with_parent = dict.fromkeys(parents, 0)
    for owner, length, _ in runs:
        if length > with_parent[owner]:
            with_parent[owner] = length
    if len(parents) == 2:  # away from one parent is with the other
        first, second = parents
        return {first: (with_parent[first], with_parent[second]),
                second: (with_parent[second], with_parent[first])}
    return {p: (with_parent[p], _longest_away(runs, p)) for p in parents}


def _longest_away(runs: list[list[Any]], parent: str) -> int:
    best = run = 0
    for owner, length, _ in runs:
        run = 0 if owner == parent else run + length
        best = max(best, run)
    return best
