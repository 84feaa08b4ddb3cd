"""Build a custody timeline from a plan by interval arithmetic, and query it.

Cost grows with the number of hand-overs in the range: the base rotation yields its
transitions, and each higher level (season, vacation, holiday, override) is painted over
it with ``overlay``; no step walks the range day by day.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from .errors import PlanError
from .localtime import as_instant, local_date, to_instant
from .model import Exchange, Interval, Plan, Reason, Rotation, Schedule
from .overlay import Segment, check_no_overlap, clip, merge, overlay
from .rules import Painted, occurrences, paint


@dataclass(frozen=True, slots=True)
class HolidayAward:
    """A holiday-level occurrence credited to ``parent`` (``share`` 1, or 0.5 per half)."""

    child: str
    rule: str
    starts: datetime
    parent: str
    share: Decimal


@dataclass(frozen=True)
class Timeline:
    """Who has each child in ``[start, end)``: sorted, contiguous intervals per child.

    Build it with ``build_timeline(plan, start, end)``; every instant of the range belongs
    to exactly one interval of each child.
    """

    plan: Plan
    start: datetime
    end: datetime
    intervals: dict[str, tuple[Interval, ...]]
    awards: tuple[HolidayAward, ...] = ()
    _starts: dict[str, list[datetime]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for child, spans in self.intervals.items():
            self._starts[child] = [span.start for span in spans]

    @property
    def children(self) -> tuple[str, ...]:
        return tuple(self.intervals)

    def interval_at(self, child: str, instant: datetime) -> Interval:
        """The interval of ``child`` that contains ``instant`` (aware datetime)."""
        spans = self._spans(child)
        moment = instant.astimezone(self.start.tzinfo)
        if not self.start <= moment < self.end:
            raise PlanError(f"{instant.isoformat()} is outside the timeline "
                            f"{self.start.isoformat()} to {self.end.isoformat()}")
        return spans[bisect_right(self._starts[child], moment) - 1]

    def owner_at(self, child: str, instant: datetime) -> str:
        """The parent who has ``child`` at ``instant``."""
        return self.interval_at(child, instant).parent

    def reason_at(self, child: str, instant: datetime) -> Reason:
        """The rule that decided who has ``child`` at ``instant``."""
        return self.interval_at(child, instant).reason

    def between(self, child: str, start: datetime, end: datetime) -> list[Interval]:
        """The intervals of ``child`` clipped to ``[start, end)``."""
        spans = self._spans(child)
        low = max(bisect_right(self._starts[child], start) - 1, 0)
        out = []
        for span in spans[low:]:
            if span.start >= end:
                break
            s, e = max(span.start, start), min(span.end, end)
            if s < e:
                out.append(Interval(s, e, span.parent, span.reason))
        return out

    def exchanges(self, start: datetime | None = None, end: datetime | None = None,
                  child: str | None = None) -> list[Exchange]:
        """Hand-overs in ``[start, end)`` (whole timeline by default), sorted by time."""
        low, high = start or self.start, end or self.end
        found: list[Exchange] = []
        for name in [child] if child else self.children:
            spans = self._spans(name)
            for before, after in zip(spans, spans[1:], strict=False):
                if before.parent != after.parent and low <= after.start < high:
                    later = before.reason.rank > after.reason.rank
                    cause = before.reason if later else after.reason
                    found.append(Exchange(after.start, name, before.parent, after.parent, cause))
        found.sort(key=lambda x: (x.at, x.child))
        return found

    def _spans(self, child: str) -> tuple[Interval, ...]:
        try:
            return self.intervals[child]
        except KeyError:
            raise PlanError(f"unknown child {child!r}; the plan has: "
                            f"{', '.join(self.intervals)}") from None


def build_timeline(plan: Plan, start: date | datetime, end: date | datetime) -> Timeline:
    """The timeline of every child of ``plan`` over ``[start, end)``.

    Dates mean local midnight in the plan's zone, naive datetimes are local times, aware
    datetimes are kept as given.
    """
    zone = plan.zone
    low, high = as_instant(start, zone), as_instant(end, zone)
    if high <= low:
        raise PlanError(f"the range ends ({high.isoformat()}) before it starts ({low.isoformat()})")
    intervals: dict[str, tuple[Interval, ...]] = {}
    awards: list[HolidayAward] = []
    for schedule in plan.schedules:
        shared = _base_and_seasons(schedule, zone, low, high)
        for child in schedule.children:
            segments, child_awards = _child_layers(plan, schedule, child, shared, low, high)
            intervals[child] = tuple(Interval(*segment) for segment in segments)
            awards.extend(child_awards)
    ordered = {child.id: intervals[child.id] for child in plan.children if child.id in intervals}
    return Timeline(plan, low, high, ordered, tuple(awards))


def rotation_segments(rotation: Rotation, zone: ZoneInfo, start: datetime, end: datetime,
                      reason: Reason) -> list[Segment]:
    """The rotation's segments over ``[start, end)``: one step per hand-over."""
    if not rotation.transitions:
        return [(start, end, rotation.nights[0], reason)]
    days = rotation.cycle_days
    cycle = (local_date(start, zone) - rotation.anchor).days // days - 1
    owner = rotation.transitions[-1].parent
    segments: list[Segment] = []
    cursor = start
    while True:
        first_day = rotation.anchor + timedelta(days=cycle * days)
        for transition in rotation.transitions:
            at = to_instant(first_day + timedelta(days=transition.day), transition.at, zone)
            if at >= end:
                segments.append((cursor, end, owner, reason))
                return merge(segments)
            if at > cursor:
                segments.append((cursor, at, owner, reason))
                cursor = at
            owner = transition.parent
        cycle += 1


def _base_and_seasons(schedule: Schedule, zone: ZoneInfo, low: datetime,
                      high: datetime) -> list[Segment]:
    base = rotation_segments(schedule.rotation, zone, low, high,
                             Reason("base", schedule.rotation.pattern))
    windows: list[Segment] = []
    for season in schedule.seasons:
        exchange = season.rotation.exchange_time
        for year in range(local_date(low, zone).year - 1, local_date(high, zone).year + 1):
            first = date(year, *season.first)
            last = date(year + (season.last < season.first), *season.last)
            window_start = to_instant(first, exchange, zone)
            window_end = to_instant(last + timedelta(days=1), exchange, zone)
            windows.append((window_start, window_end, "", Reason("season", season.name,
                                                                 first.isoformat())))
    layer: list[Segment] = []
    by_name = {season.name: season for season in schedule.seasons}
    for window_start, window_end, _, reason in check_no_overlap(windows, "season"):
        s, e = max(window_start, low), min(window_end, high)
        if s < e:
            rotation = by_name[reason.rule].rotation
            layer.extend(rotation_segments(rotation, zone, s, e, Reason("season", reason.rule)))
    return merge(overlay(base, layer))


def _child_layers(plan: Plan, schedule: Schedule, child_id: str, shared: list[Segment],
                  low: datetime, high: datetime) -> tuple[list[Segment], list[HolidayAward]]:
    zone = plan.zone
    child = plan.child(child_id)
    children = {c.id: c for c in plan.children}
    years = range(local_date(low, zone).year - 1, local_date(high, zone).year + 2)
    segments = shared
    awards: list[HolidayAward] = []
    for level in ("vacation", "holiday"):
        painted: list[Painted] = []
        for rule in schedule.rules:
            if rule.level != level or (rule.children is not None and child_id not in rule.children):
                continue
            for occ in occurrences(rule, years, country=plan.country, subdivision=plan.subdivision,
                                   child=child, plan_children=children):
                painted.extend(paint(rule, occ, zone))
        layer = check_no_overlap([(p.start, p.end, p.parent, p.reason) for p in painted], level)
        segments = overlay(segments, clip(layer, low, high))
        if level == "holiday":
            awards = [HolidayAward(child_id, p.reason.rule, p.occurrence_start, p.parent, p.share)
                      for p in painted if low <= p.occurrence_start < high]
    overrides = [(o.start, o.end, o.parent, Reason("override", o.name))
                 for o in plan.overrides if child_id in o.children]
    layer = check_no_overlap(overrides, "override")
    return merge(overlay(segments, clip(layer, low, high))), awards

