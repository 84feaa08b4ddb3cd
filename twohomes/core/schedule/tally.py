"""One pass over a child's timeline for the statistics: what each parent has, in one place.

Two ways, one result. The statistics' own walk (``stats._tally``) visits every interval of
the range. ``cycle_tally`` visits only the intervals that a holiday, break or override
painted, the partial cycles at the ends of the range and the days around changes of UTC
offset; everything else is a rotation at one offset, whose whole cycles are counted in
closed form (``cycles.Stretch``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from .counting import NightFinder, count_nights
from .cycles import (
    DAY,
    MARGIN,
    CycleTable,
    Stretch,
    Unpainted,
    cycle_table,
    steady_stretches,
)
from .model import Plan
from .timeline import Track

Span = tuple[int, int, str]
# A stretch is counted in closed form when it holds this many hand-overs or more: below
# that, walking its intervals costs less (measured with benchmarks/schedule.py).
WORTH = 12
# Fewer intervals than this in the whole range leave no stretch worth counting once the
# range's ends, the days around clock changes and the painted intervals are cut out: the
# search for one is skipped (a year of alternating weeks has about 53 intervals).
FEWEST = 6 * WORTH


@dataclass(slots=True)
class Tally:
    """Seconds, overnights, weekend nights and runs per parent inside the range, and the
    hand-overs: how many, and how many before each of some sorted instants."""

    seconds: dict[str, int]
    nights: dict[str, int]
    weekends: dict[str, int]
    longest: dict[str, tuple[int, int]]
    exchanges: int
    changes_before: Callable[[list[int]], list[int]]
    in_range: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Runs:
    """The run of one parent in progress, the longest run per parent, and the hand-overs:
    those found walking, and the stretches whose hand-overs were counted."""

    best: dict[str, int]
    owner: str | None = None
    length: int = 0
    walked: list[int] = field(default_factory=list)
    counted: list[Stretch] = field(default_factory=list)
    before: list[int] = field(default_factory=lambda: [0])

    def hand_to(self, parent: str, instant: int) -> None:
        if parent == self.owner:
            return
        if self.owner is not None:
            self.walked.append(instant)
            self.close()
        self.owner, self.length = parent, 0

    def close(self) -> None:
        if self.owner is not None and self.length > self.best[self.owner]:
            self.best[self.owner] = self.length

    def count(self, stretch: Stretch) -> None:
        self.counted.append(stretch)
        self.before.append(self.before[-1] + stretch.last - stretch.first)

    def changes_before(self, moments: list[int]) -> list[int]:
        """Hand-overs before each of the sorted ``moments``, in one sweep: walked ones by
        bisection from where the last moment left off, counted stretches that end by then
        in full, and the one a moment falls in by its own count."""
        walked, counted, before = self.walked, self.counted, self.before
        found, w, k = [], 0, 0
        for moment in moments:
            w = bisect_left(walked, moment, lo=w)
            while k < len(counted) and counted[k].end <= moment:
                k += 1
            total = w + before[k]
            if k < len(counted) and moment > counted[k].start:
                total += counted[k].changes_before(moment) - counted[k].first
            found.append(total)
        return found


def cycle_tally(plan: Plan, track: Track, stretches: list[Stretch], finder: NightFinder,
                days: tuple[int, int], start: int, stop: int, reach: int) -> Tally:
    """The tally of the days ``[first, end)`` (ordinals), that is ``[start, stop)`` in epoch
    seconds with nights decided up to ``reach``, for two parents and no school hours:
    ``stretches`` (from ``whole_cycles``) counted, the rest walked."""
    ids = plan.parent_ids
    first, end = days
    seconds, nights, weekends = dict.fromkeys(ids, 0), dict.fromkeys(ids, 0), dict.fromkeys(ids, 0)
    runs = _Runs(dict.fromkeys(ids, 0))
    cursor = start
    for stretch in stretches:
        spans = track.window(cursor, stretch.start)
        _walk(spans, seconds, runs, stop)
        count_nights(nights, weekends, finder, spans, first, end)
        for parent in ids:
            held, slept, weekend = stretch.totals(parent)
            seconds[parent] += held
            nights[parent] += slept
            weekends[parent] += weekend
        _count_runs(stretch, runs)
        cursor = stretch.end
    rest = track.window(cursor, reach)
    _walk(rest, seconds, runs, stop)
    count_nights(nights, weekends, finder, rest, first, end)
    runs.close()
    one, other = ids
    longest = {one: (runs.best[one], runs.best[other]), other: (runs.best[other], runs.best[one])}
    count = len(runs.walked) + runs.before[-1]
    return Tally(seconds, nights, weekends, longest, count, runs.changes_before)


def _walk(spans: list[Span], seconds: dict[str, int], runs: _Runs, stop: int) -> None:
    """Seconds and runs of the intervals before ``stop`` (``_Runs.hand_to`` inlined: this
    is the loop the closed form leaves)."""
    owner, length, best, walked = runs.owner, runs.length, runs.best, runs.walked
    for s, e, p in spans:
        if s >= stop:
            break
        held = (e if e < stop else stop) - s
        seconds[p] += held
        if p != owner:
            if owner is not None:
                walked.append(s)
                if length > best[owner]:
                    best[owner] = length
            owner, length = p, 0
        length += held
    runs.owner, runs.length = owner, length


def _count_runs(stretch: Stretch, runs: _Runs) -> None:
    """Runs and hand-overs of a stretch: its first and last run join the runs around it,
    and the runs between repeat the period's (read from the table once a whole period of
    them is inside)."""
    low, high, table = stretch.start, stretch.end, stretch.table
    runs.hand_to(stretch.owner, low)
    first, last = stretch.first, stretch.last
    if first == last:
        runs.length += high - low
        return
    at, _ = stretch.change(first)
    runs.length += at - low
    runs.close()
    if last - first > table.changes:
        for parent, length in table.longest.items():
            if length > runs.best[parent]:
                runs.best[parent] = length
    else:
        for index in range(first, last - 1):
            at, parent = stretch.change(index)
            runs.best[parent] = max(runs.best[parent], stretch.change(index + 1)[0] - at)
    at, parent = stretch.change(last - 1)
    runs.owner, runs.length = parent, high - at
    runs.count(stretch)


def whole_cycles(plan: Plan, track: Track, start: int, stop: int) -> list[Stretch]:
    """The parts of ``track`` where a rotation runs unpainted, at one UTC offset and at
    least ``MARGIN`` inside the range ``[start, stop)`` (so that every night they decide is
    a night of the range), that hold ``WORTH`` hand-overs or more (walking fewer intervals
    costs less than counting them); none for a range of fewer than ``FEWEST`` intervals."""
    bounds = track.bounds
    if bisect_left(bounds, stop) - bisect_left(bounds, start) < FEWEST:
        return []
    candidates = _candidates(plan, track, start + MARGIN, stop - MARGIN)
    if not candidates:
        return []
    found = []
    steady = steady_stretches(plan.zone, candidates[0][0], candidates[-1][1])
    first = 0  # both lists are sorted: each candidate meets the steady parts from here on
    for begin, finish, table in candidates:
        while first < len(steady) and steady[first][1] <= begin:
            first += 1
        for s, e, offset in steady[first:]:
            if s >= finish:
                break
            s, e = max(s, begin), min(e, finish)
            if (e - s) * table.changes >= WORTH * table.length:
                found.append(Stretch(s, e, table, offset))
    return found


def _candidates(plan: Plan, track: Track, low: int,
                high: int) -> list[tuple[int, int, CycleTable]]:
    """The unpainted pieces inside ``[low, high)`` long enough for ``WORTH`` hand-overs."""
    found = []
    for part in track.unpainted:
        shortest = _shortest(plan, part)
        if shortest is None or min(part.end, high) - max(part.start, low) < shortest:
            continue
        for begin, finish, rotation in part.windows(shortest):
            begin, finish = max(begin, low), min(finish, high)
            table = cycle_table(rotation, plan.overnight_time)
            if (finish - begin) * table.changes >= WORTH * table.length:
                found.append((begin, finish, table))
    return found


def _shortest(plan: Plan, part: Unpainted) -> int | None:
    """The shortest piece of ``part`` that can hold ``WORTH`` hand-overs of its rotations
    (None when none of them hands over)."""
    shortest = None
    for rotation in (part.base, *(season for _, _, season in part.seasons)):
        table = cycle_table(rotation, plan.overnight_time)
        if table.changes:
            needed = max(-(-WORTH * table.length // table.changes), DAY + 1)
            shortest = needed if shortest is None else min(shortest, needed)
    return shortest
