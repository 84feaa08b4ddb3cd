"""Whole cycles of a rotation counted in closed form.

Where a child's timeline is a rotation that no holiday, break or override paints over, and
the zone keeps one UTC offset, the hand-overs repeat exactly every cycle. Over such a
stretch the seconds, overnights, weekend nights and hand-overs per parent are prefix sums
over one period (the cycle, repeated until weekdays repeat too) times the whole periods,
plus a bisection into the period for the part of one: the cost does not grow with the
length of the stretch. The days around a change of UTC offset are left to the walk over
the timeline's intervals, where local times in a gap or fold are resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from itertools import compress, repeat
from math import lcm
from operator import itemgetter, le, sub
from zoneinfo import ZoneInfo

from .counting import EPOCH_ORDINAL, NOON
from .model import Reason, Rotation

DAY = 86400
# No local time this far from a change of UTC offset is in its gap or fold (offsets move by
# a day at most), so rotations and night references there follow one offset.
MARGIN = 3 * DAY
PROBE = 6 * 3600

# ``(start, end, rotation)``: the timeline follows ``rotation`` unpainted in ``[start, end)``.
Plain = tuple[int, int, Rotation]


@dataclass(frozen=True, slots=True)
class CycleTable:
    """One period of a rotation in local wall seconds from the period's first midnight.

    ``points[i]`` is where ``owners[i]`` takes over (``points[0]`` is 0, with the parent the
    period starts with, so ``points[1:]`` are the hand-overs); ``seconds[p][i]`` is ``p``'s
    share of ``[0, points[i])``. Night ``j`` of the period is decided at ``reference + j``
    days; ``nights[p][j]`` and ``weekends[p][j]`` count ``p``'s among the first ``j``.
    """

    origin: int
    days: int
    length: int
    points: tuple[int, ...]
    owners: tuple[str, ...]
    seconds: dict[str, tuple[int, ...]]
    reference: int
    nights: dict[str, tuple[int, ...]]
    weekends: dict[str, tuple[int, ...]]
    longest: dict[str, int]
    changes: int

    def owner_at(self, wall: int) -> str:
        """The parent at ``wall`` seconds into a period (0 <= wall < length)."""
        return self.owners[bisect_right(self.points, wall) - 1]


def _hand_overs(rotation: Rotation) -> tuple[str, list[tuple[int, str]]]:
    """The parent at the cycle's start, and the points in one cycle where the parent changes
    (the last of several transitions at one time wins, as in ``rotation_segments``)."""
    start = rotation.transitions[-1].parent if rotation.transitions else rotation.nights[0]
    owner, found = start, []
    at_time: dict[int, str] = {}
    for step in rotation.transitions:
        at_time[step.day * DAY + step.at.hour * 3600 + step.at.minute * 60] = step.parent
    for point, parent in sorted(at_time.items()):
        if parent != owner:
            found.append((point, parent))
            owner = parent
    return start, found


# Tables by the rotation object itself: hashing a rotation (every transition in it) costs
# more than the lookup. Each entry keeps its rotation, so that the id cannot be reused.
_TABLES: dict[tuple[int, time], tuple[Rotation, CycleTable]] = {}


def cycle_table(rotation: Rotation, overnight: time) -> CycleTable:
    """The period table of ``rotation`` with nights decided at ``overnight``; memoised."""
    entry = _TABLES.get((id(rotation), overnight))
    if entry is not None and entry[0] is rotation:
        return entry[1]
    if len(_TABLES) > 4096:
        _TABLES.clear()
    table = _cycle_table(rotation, overnight)
    _TABLES[id(rotation), overnight] = (rotation, table)
    return table


@lru_cache(maxsize=4096)
def _cycle_table(rotation: Rotation, overnight: time) -> CycleTable:
    days = lcm(rotation.cycle_days, 7)
    start, per_cycle = _hand_overs(rotation)
    points, owners = [0], [start]
    for cycle in range(days // rotation.cycle_days):
        for point, parent in per_cycle:
            points.append(cycle * rotation.cycle_days * DAY + point)
            owners.append(parent)
    parents = sorted(set(owners))
    ends = [*points[1:], days * DAY]
    seconds = {p: _prefix([end - point if owner == p else 0
                           for point, end, owner in zip(points, ends, owners, strict=True)])
               for p in parents}
    step = 1 if overnight < NOON else 0
    reference = overnight.hour * 3600 + overnight.minute * 60
    origin = rotation.anchor.toordinal()
    night_owner = [owners[bisect_right(points, reference + j * DAY) - 1] for j in range(days)]
    nights = {p: _prefix([int(o == p) for o in night_owner]) for p in parents}
    weekends = {p: _prefix([int(o == p and (origin + j - step) % 7 == 6)
                            for j, o in enumerate(night_owner)]) for p in parents}
    return CycleTable(origin, days, days * DAY, tuple(points), tuple(owners), seconds,
                      reference, nights, weekends, _longest_runs(points, owners, days * DAY),
                      len(points) - 1)


def _prefix(values: list[int]) -> tuple[int, ...]:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return tuple(out)


def _longest_runs(points: list[int], owners: list[str], length: int) -> dict[str, int]:
    """Per parent, the longest run between two hand-overs as the period repeats."""
    longest = dict.fromkeys(owners, 0)
    if len(points) == 1:
        return longest
    ends = [*points[2:], points[1] + length]
    for begin, end, owner in zip(points[1:], ends, owners[1:], strict=True):
        longest[owner] = max(longest[owner], end - begin)
    return longest


# Whole periods before an instant, wall seconds into the next, the table row there, and
# the nights of that period decided before the instant.
Mark = tuple[int, int, int, int]


class Stretch:
    """Counting over ``[start, end)``, where ``table``'s rotation holds at one UTC offset.

    Hand-overs are numbered from the table's origin: ``first`` is the number of the first
    one after ``start``, ``last`` that of the first one at or after ``end``.
    """

    __slots__ = ("start", "end", "table", "origin", "owner", "first", "last", "marks")

    def __init__(self, start: int, end: int, table: CycleTable, offset: int) -> None:
        self.start, self.end, self.table = start, end, table
        self.origin = (table.origin - EPOCH_ORDINAL) * DAY - offset  # as an instant
        self.marks = (self._mark(start), self._mark(end))
        (periods, _, index, _), (later, wall, row, _) = self.marks
        self.owner = table.owners[index]  # the parent at ``start``
        self.first = periods * table.changes + index
        at_end = row > 0 and table.points[row] == wall
        self.last = later * table.changes + row - at_end

    def _mark(self, instant: int) -> Mark:
        table = self.table
        periods, wall = divmod(instant - self.origin, table.length)
        index = bisect_right(table.points, wall) - 1
        return periods, wall, index, -((table.reference - wall) // DAY)

    def changes_before(self, instant: int) -> int:
        """The number of the first hand-over at or after ``instant``."""
        periods, wall = divmod(instant - self.origin, self.table.length)
        return periods * self.table.changes + bisect_left(self.table.points, wall, lo=1) - 1

    def change(self, index: int) -> tuple[int, str]:
        """The instant of hand-over number ``index`` and the parent it hands to."""
        table = self.table
        periods, k = divmod(index, table.changes)
        return (self.origin + periods * table.length + table.points[k + 1],
                table.owners[k + 1])

    def totals(self, parent: str) -> tuple[int, int, int]:
        """Seconds, nights and weekend nights of ``parent`` in ``[start, end)`` (a night
        counts where the instant that decides it falls)."""
        table = self.table
        share = table.seconds.get(parent)
        if share is None:
            return 0, 0, 0
        row, weekend = table.nights[parent], table.weekends[parent]
        figures = []
        for periods, wall, index, nights in self.marks:
            inside = share[index]
            if table.owners[index] == parent:
                inside += wall - table.points[index]
            whole, night = divmod(nights, table.days)
            whole += periods
            figures.append((periods * share[-1] + inside, whole * row[-1] + row[night],
                            whole * weekend[-1] + weekend[night]))
        (s0, n0, w0), (s1, n1, w1) = figures
        return s1 - s0, n1 - n0, w1 - w0


def steady_stretches(zone: ZoneInfo, start: int, end: int) -> list[tuple[int, int, int]]:
    """``(start, end, offset)``: the parts of ``[start, end)`` at one UTC offset, each kept
    ``MARGIN`` away from the changes of offset that bound it."""
    first = date.fromordinal(start // DAY + EPOCH_ORDINAL).year
    last = date.fromordinal(end // DAY + EPOCH_ORDINAL).year
    offset, changes = offset_changes(zone, first)
    for instant, after in changes:
        if instant <= start:
            offset = after
    found, low = [], start
    for year in range(first, last + 1):
        for instant, after in offset_changes(zone, year)[1]:
            if not start < instant < end:
                continue
            if instant - MARGIN > low:
                found.append((low, instant - MARGIN, offset))
            low, offset = max(low, instant + MARGIN), after
    if low < end:
        found.append((low, end, offset))
    return found


def _offset(zone: ZoneInfo, instant: int) -> int:
    offset = datetime.fromtimestamp(instant, zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


@lru_cache(maxsize=2048)
def offset_changes(zone: ZoneInfo, year: int) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The zone's UTC offset as ``year`` (UTC) begins, and ``(instant, new offset)`` for each
    change in it, found by probing every six hours and bisecting to the second; memoised."""
    low = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    high = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    found = []
    before = initial = _offset(zone, low)
    for probe in range(low + PROBE, high + PROBE, PROBE):
        after = _offset(zone, probe)
        if after != before:
            earlier, later = probe - PROBE, probe
            while later - earlier > 1:
                middle = (earlier + later) // 2
                if _offset(zone, middle) == before:
                    earlier = middle
                else:
                    later = middle
            if later <= high:
                found.append((later, after))
            before = after
    return initial, tuple(found)


@dataclass(frozen=True, slots=True)
class Unpainted:
    """Enough to find where a track over ``[start, end)`` is a rotation left unpainted, when
    statistics ask (building a timeline does not pay for it): the base rotation, the
    seasons' windows and the painted layer of holidays, breaks and overrides (both sorted,
    neither overlapping itself)."""

    start: int
    end: int
    base: Rotation
    seasons: tuple[Plain, ...]
    painted: tuple[tuple[int, int, str, Reason], ...]

    def windows(self, shortest: int) -> list[Plain]:
        """The unpainted pieces at least ``shortest`` seconds long. The gaps in the painted
        layer long enough are picked out without a Python loop (a dense layer has many),
        then cut where the seasons begin and end."""
        gap_starts = [self.start, *map(itemgetter(1), self.painted)]
        gap_ends = [*map(itemgetter(0), self.painted), self.end]
        lengths = map(sub, gap_ends, gap_starts)
        wide = list(compress(range(len(gap_starts)), map(le, repeat(shortest), lengths)))
        if not wide:
            return []
        pieces = self._rotations()
        firsts = [low for low, _, _ in pieces]
        found: list[Plain] = []
        for index in wide:
            begin, finish = gap_starts[index], gap_ends[index]
            k = bisect_right(firsts, begin) - 1
            while k < len(pieces) and pieces[k][0] < finish:
                low, high = max(pieces[k][0], begin), min(pieces[k][1], finish)
                if high - low >= shortest:
                    found.append((low, high, pieces[k][2]))
                k += 1
        return found

    def _rotations(self) -> list[Plain]:
        """``[start, end)`` cut into the base rotation's pieces and the seasons'."""
        pieces: list[Plain] = []
        cursor = self.start
        for low, high, rotation in self.seasons:
            if cursor < low:
                pieces.append((cursor, low, self.base))
            pieces.append((low, high, rotation))
            cursor = max(cursor, high)
        if cursor < self.end:
            pieces.append((cursor, self.end, self.base))
        return pieces
