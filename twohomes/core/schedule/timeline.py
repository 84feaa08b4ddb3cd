"""Build a custody timeline from a plan by interval arithmetic, and query it.

Cost grows with the number of hand-overs in the range: the base rotation yields its
transitions, and the higher levels (season, vacation, holiday, override) are painted over
it with ``overlay``; no step walks the range day by day. Inside, instants are whole seconds
since the Unix epoch (UTC); the public queries take and return aware datetimes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property
from zoneinfo import ZoneInfo

from .counting import NOON, NightFinder
from .cycles import Plain, Unpainted
from .errors import PlanError
from .localtime import clock_for, epoch_of, from_epoch, local_date, to_epoch
from .lookup import DayLookup
from .model import Exchange, Interval, Plan, Reason, Rotation, Schedule
from .overlay import Segment, check_no_overlap, clip, merge, overlay
from .rules import Painted, birthday_for, rule_layer


@dataclass(frozen=True, slots=True)
class HolidayAward:
    """A holiday-level occurrence credited to ``parent`` (``share`` 1, or 0.5 per half)."""

    child: str
    rule: str
    starts: datetime
    parent: str
    share: Decimal


@dataclass(frozen=True, slots=True)
class Track:
    """One child's timeline: interval i is ``[bounds[i], bounds[i + 1])`` (epoch seconds).

    ``unpainted`` says (per part of a joined track) where the track is a rotation no
    higher level painted over, so that statistics can count its whole cycles in closed
    form (empty: walk every interval).
    """

    bounds: tuple[int, ...]
    parents: tuple[str, ...]
    reasons: tuple[Reason, ...]
    unpainted: tuple[Unpainted, ...] = ()

    def index_at(self, seconds: int) -> int:
        return bisect_right(self.bounds, seconds) - 1

    def window(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, parent)`` clipped to ``[start, end)``."""
        bounds, parents = self.bounds, self.parents
        low = max(bisect_right(bounds, start) - 1, 0)
        high = min(bisect_left(bounds, end, lo=low), len(parents))
        out = list(zip(bounds[low:high], bounds[low + 1:high + 1], parents[low:high],
                       strict=True))
        if out:
            out[0] = (max(out[0][0], start), out[0][1], out[0][2])
            out[-1] = (out[-1][0], min(out[-1][1], end), out[-1][2])
        return out


@dataclass(frozen=True)
class Timeline:
    """Who has each child in ``[start, end)``: sorted, contiguous intervals per child.

    Build it with ``build_timeline(plan, start, end)``; every instant of the range belongs
    to exactly one interval of each child.
    """

    plan: Plan
    start: datetime
    end: datetime
    tracks: dict[str, Track]
    awards: tuple[HolidayAward, ...] = ()

    @property
    def children(self) -> tuple[str, ...]:
        return tuple(self.tracks)

    @cached_property
    def intervals(self) -> dict[str, tuple[Interval, ...]]:
        """Every child's intervals as ``Interval`` objects (made on first use)."""
        return {child: self._intervals(track, 0, len(track.parents))
                for child, track in self.tracks.items()}

    def interval_at(self, child: str, instant: datetime) -> Interval:
        """The interval of ``child`` that contains ``instant`` (aware datetime)."""
        track = self._track(child)
        if not self.start <= instant < self.end:
            raise PlanError(f"{instant.isoformat()} is outside the timeline "
                            f"{self.start.isoformat()} to {self.end.isoformat()}")
        index = track.index_at(int(instant.timestamp()))
        return self._intervals(track, index, index + 1)[0]

    def owner_at(self, child: str, instant: datetime) -> str:
        """The parent who has ``child`` at ``instant``."""
        return self.interval_at(child, instant).parent

    def reason_at(self, child: str, instant: datetime) -> Reason:
        """The rule that decided who has ``child`` at ``instant``."""
        return self.interval_at(child, instant).reason

    def between(self, child: str, start: datetime, end: datetime) -> list[Interval]:
        """The intervals of ``child`` clipped to ``[start, end)``."""
        track = self._track(child)
        low, high = int(start.timestamp()), int(end.timestamp())
        first = max(track.index_at(low), 0)
        last = min(bisect_left(track.bounds, high, lo=first), len(track.parents))
        return [Interval(from_epoch(max(s, low)), from_epoch(min(e, high)), p, r)
                for s, e, p, r in self._rows(track, first, last) if max(s, low) < min(e, high)]

    def exchanges(self, start: datetime | None = None, end: datetime | None = None,
                  child: str | None = None) -> list[Exchange]:
        """Hand-overs in ``[start, end)`` (whole timeline by default), sorted by time."""
        low = int((start or self.start).timestamp())
        high = int((end or self.end).timestamp())
        found: list[Exchange] = []
        for name in [child] if child else self.children:
            track = self._track(name)
            parents, reasons, bounds = track.parents, track.reasons, track.bounds
            for i in range(max(bisect_left(bounds, low), 1), len(parents)):
                if bounds[i] >= high:
                    break
                if parents[i - 1] != parents[i]:
                    before, after = reasons[i - 1], reasons[i]
                    cause = before if before.rank > after.rank else after
                    found.append(Exchange(from_epoch(bounds[i]), name, parents[i - 1],
                                          parents[i], cause))
        found.sort(key=lambda x: (x.at, x.child))
        return found

    def day_lookup(self, child: str, at: time = NOON) -> DayLookup:
        """Who has ``child`` at local time ``at`` on each day of the timeline (a time in a
        spring-forward gap means the end of the gap): built once, then asked per day."""
        return self._lookup(child, at, next_day=False)

    def night_lookup(self, child: str) -> DayLookup:
        """Who has ``child`` for the night after each day, decided at the plan's overnight
        time as the statistics decide it (times before noon: the next morning)."""
        return self._lookup(child, self.plan.overnight_time, next_day=None)

    def _lookup(self, child: str, at: time, *, next_day: bool | None) -> DayLookup:
        track = self._track(child)
        zone = self.plan.zone
        offset = self.start.astimezone(zone).utcoffset()
        guess = int(offset.total_seconds()) if offset is not None else 0
        return DayLookup(track.bounds, track.parents,
                         NightFinder(at, zone, guess, next_day=next_day))

    def _track(self, child: str) -> Track:
        try:
            return self.tracks[child]
        except KeyError:
            raise PlanError(f"unknown child {child!r}; the plan has: "
                            f"{', '.join(self.tracks)}") from None

    @staticmethod
    def _rows(track: Track, first: int, last: int) -> list[Segment]:
        b, p, r = track.bounds, track.parents, track.reasons
        return [(b[i], b[i + 1], p[i], r[i]) for i in range(first, last)]

    def _intervals(self, track: Track, first: int, last: int) -> tuple[Interval, ...]:
        return tuple(Interval(from_epoch(s), from_epoch(e), p, r)
                     for s, e, p, r in self._rows(track, first, last))


def build_timeline(plan: Plan, start: date | datetime, end: date | datetime) -> Timeline:
    """The timeline of every child of ``plan`` over ``[start, end)``.

    Dates mean local midnight in the plan's zone, naive datetimes are local times, aware
    datetimes are kept as given.
    """
    zone = plan.zone
    low, high = epoch_of(start, zone), epoch_of(end, zone)
    if high <= low:
        raise PlanError(f"the range ends ({from_epoch(high).isoformat()}) before it starts "
                        f"({from_epoch(low).isoformat()})")
    tracks: dict[str, Track] = {}
    awards: list[HolidayAward] = []
    for schedule in plan.schedules:
        shared, seasons = _base_and_seasons(schedule, zone, low, high)
        for child in schedule.children:
            segments, top, child_awards = _child_layers(plan, schedule, child, shared, low,
                                                        high)
            starts, _, parents, reasons = zip(*segments, strict=True)
            unpainted = Unpainted(low, high, schedule.rotation, seasons, tuple(top))
            tracks[child] = Track((*starts, segments[-1][1]), parents, reasons, (unpainted,))
            awards.extend(child_awards)
    ordered = {child.id: tracks[child.id] for child in plan.children if child.id in tracks}
    return Timeline(plan, from_epoch(low), from_epoch(high), ordered, tuple(awards))


def rotation_segments(rotation: Rotation, zone: ZoneInfo, start: int, end: int,
                      reason: Reason) -> list[Segment]:
    """The rotation's segments over ``[start, end)``: one step per hand-over."""
    if not rotation.transitions:
        return [(start, end, rotation.nights[0], reason)]
    days = rotation.cycle_days
    anchor = rotation.anchor.toordinal()
    cycle = (local_date(from_epoch(start), zone).toordinal() - anchor) // days - 1
    owner = rotation.transitions[-1].parent
    segments: list[Segment] = []
    cursor = start
    clock = clock_for(zone)
    table = clock.table
    steps = [(t.day, t.at.hour * 60 + t.at.minute, t.parent) for t in rotation.transitions]
    while True:
        first_day = anchor + cycle * days
        for day, minute, parent in steps:
            moment = table.get((first_day + day) * 1440 + minute)
            if moment is None:
                moment = clock.epoch(first_day + day, minute)
            if moment >= end:
                segments.append((cursor, end, owner, reason))
                return segments
            if moment > cursor and parent != owner:
                segments.append((cursor, moment, owner, reason))
                cursor = moment
            owner = parent
        cycle += 1


def _base_and_seasons(schedule: Schedule, zone: ZoneInfo, low: int,
                      high: int) -> tuple[list[Segment], tuple[Plain, ...]]:
    """The base rotation with the seasons painted over it, and the seasons' windows."""
    base = rotation_segments(schedule.rotation, zone, low, high,
                             Reason("base", schedule.rotation.pattern))
    windows: list[Segment] = []
    first_year = local_date(from_epoch(low), zone).year - 1
    last_year = local_date(from_epoch(high), zone).year
    for season in schedule.seasons:
        exchange = season.rotation.exchange_time
        for year in range(first_year, last_year + 1):
            first = date(year, *season.first)
            last = date(year + (season.last < season.first), *season.last)
            windows.append((to_epoch(first, exchange, zone),
                            to_epoch(last + timedelta(days=1), exchange, zone), "",
                            Reason("season", season.name, first.isoformat())))
    layer: list[Segment] = []
    seasons: list[Plain] = []
    by_name = {season.name: season for season in schedule.seasons}
    for window_start, window_end, _, reason in check_no_overlap(windows, "season"):
        s, e = max(window_start, low), min(window_end, high)
        if s < e:
            rotation = by_name[reason.rule].rotation
            layer.extend(rotation_segments(rotation, zone, s, e, Reason("season", reason.rule)))
            seasons.append((s, e, rotation))
    return overlay(base, merge(layer)), tuple(seasons)


def _child_layers(plan: Plan, schedule: Schedule, child_id: str, shared: list[Segment],
                  low: int, high: int) -> tuple[list[Segment], list[Segment], list[HolidayAward]]:
    """Paint vacations, holidays and overrides: combined first (they are sparse), then
    painted over the contiguous base in one pass. Returns the painted track, the combined
    layer and the holiday awards."""
    zone = plan.zone
    years = range(local_date(from_epoch(low), zone).year - 1,
                  local_date(from_epoch(high), zone).year + 2)
    top: list[Segment] = []
    awards: list[HolidayAward] = []
    for level in ("vacation", "holiday"):
        painted = _painted(plan, schedule, child_id, level, years)
        layer = check_no_overlap([(p.start, p.end, p.parent, p.reason) for p in painted], level)
        top = overlay(top, clip(layer, low, high))
        if level == "holiday":
            awards = [HolidayAward(child_id, p.reason.rule, from_epoch(p.occurrence_start),
                                   p.parent, p.share)
                      for p in painted if low <= p.occurrence_start < high]
    overrides = [(int(o.start.timestamp()), int(o.end.timestamp()), o.parent,
                  Reason("override", o.name)) for o in plan.overrides if child_id in o.children]
    top = overlay(top, clip(check_no_overlap(overrides, "override"), low, high))
    return overlay(shared, top), top, awards


def _painted(plan: Plan, schedule: Schedule, child_id: str, level: str,
             years: range) -> list[Painted]:
    child = plan.child(child_id)
    children = {c.id: c for c in plan.children}
    zone = plan.zone
    painted: list[Painted] = []
    for rule in schedule.rules:
        if rule.level != level or (rule.children is not None and child_id not in rule.children):
            continue
        born = birthday_for(rule, child, children)
        painted.extend(rule_layer(rule, years, plan.country, plan.subdivision, zone, born))
    return painted


def join_timelines(parts: list[Timeline]) -> Timeline:
    """One timeline from consecutive ones (each starts where the one before ends): how a
    family's history reads when a new plan takes over from its effective date.

    A child is kept when every part knows them (``with_children`` adds a child to a part
    that does not); the last part's plan names the people.
    """
    if not parts:
        raise PlanError("nothing to join: no timeline")
    for before, after in zip(parts, parts[1:], strict=False):
        if before.end != after.start:
            raise PlanError(f"timelines to join must meet: one ends {before.end.isoformat()}, "
                            f"the next starts {after.start.isoformat()}")
    if len(parts) == 1:
        return parts[0]
    last = parts[-1]
    tracks: dict[str, Track] = {}
    for child in last.tracks:
        if not all(child in part.tracks for part in parts):
            continue
        bounds: list[int] = []
        parents: list[str] = []
        reasons: list[Reason] = []
        unpainted: list[Unpainted] = []
        for part in parts:
            track = part.tracks[child]
            bounds.extend(track.bounds[:-1])
            parents.extend(track.parents)
            reasons.extend(track.reasons)
            unpainted.extend(track.unpainted)
        bounds.append(last.tracks[child].bounds[-1])
        tracks[child] = Track(tuple(bounds), tuple(parents), tuple(reasons),
                              tuple(unpainted))
    awards = tuple(award for part in parts for award in part.awards)
    return Timeline(last.plan, parts[0].start, last.end, tracks, awards)


def with_children(base: Timeline, extra: Timeline) -> Timeline:
    """``base`` with the children only ``extra`` (over the same range) knows."""
    if (base.start, base.end) != (extra.start, extra.end):
        raise PlanError("only timelines over the same range can share their children")
    added = {child: track for child, track in extra.tracks.items() if child not in base.tracks}
    awards = base.awards + tuple(a for a in extra.awards if a.child in added)
    return Timeline(base.plan, base.start, base.end, {**base.tracks, **added}, awards)
