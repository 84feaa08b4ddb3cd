"""Arithmetic helpers for statistics: reference instants, weekdays, shares that add up.

None of them walks the range day by day: each answers in constant time per interval.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from .localtime import clock_for, from_epoch, to_epoch, to_instant
from .model import ThirdParty

NOON = time(12, 0)
ONE_DAY = timedelta(days=1)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
WEEK_SECONDS = 7 * 86400
WEEK_ZERO = datetime(2000, 1, 3)  # a Monday


def night_reference(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant that decides the night after ``day``: ``at`` on the next morning
    (times before noon) or on the same evening (noon and later)."""
    return to_instant(day + ONE_DAY if at < NOON else day, at, zone)


@lru_cache(maxsize=1 << 17)
def night_reference_epoch(ordinal: int, at: time, zone: ZoneInfo) -> int:
    """``night_reference`` of the day with this ordinal, in epoch seconds."""
    day = date.fromordinal(ordinal)
    return to_epoch(day + ONE_DAY if at < NOON else day, at, zone)


class NightFinder:
    """For epoch seconds, the ordinal of the first day whose night reference instant is at or
    after them (``first``), in constant time.

    The zone's usual UTC offset (``guess_offset``) gives the day; the two reference instants
    around it, read from the zone's ``LocalClock`` table, confirm it. When the zone is not at
    its usual offset (daylight saving, or a zone that changed its offset for good), ``settle``
    walks to the right day. Hot loops inline ``first`` using ``shift``, ``base``, ``table``
    and ``key_offset``.
    """

    def __init__(self, at: time, zone: ZoneInfo, guess_offset: int, *,
                 next_day: bool | None = None) -> None:
        self.clock = clock_for(zone)
        self.table = self.clock.table
        self.minute = at.hour * 60 + at.minute
        self.shift = guess_offset - self.minute * 60
        # The reference of day D is on D + step: by default the next morning for times
        # before noon, as nights are decided; ``next_day=False`` keeps it on D itself.
        self.step = int(at < NOON if next_day is None else next_day)
        self.base = EPOCH_ORDINAL - self.step
        self.key_offset = self.step * 1440 + self.minute

    def reference(self, day: int) -> int:
        found = self.table.get(day * 1440 + self.key_offset)
        return self.clock.epoch(day + self.step, self.minute) if found is None else found

    def first(self, seconds: int) -> int:
        day = -(-(seconds + self.shift) // 86400) + self.base
        key = day * 1440 + self.key_offset
        after, before = self.table.get(key), self.table.get(key - 1440)
        if after is not None and before is not None and before < seconds <= after:
            return day
        return self.settle(seconds, day)

    def settle(self, seconds: int, day: int) -> int:
        while self.reference(day) < seconds:
            day += 1
        while self.reference(day - 1) >= seconds:
            day -= 1
        return day


def count_nights(nights: dict[str, int], weekends: dict[str, int], finder: NightFinder,
                 spans: list[tuple[int, int, str]], low: int, high: int) -> None:
    """Overnights and weekend nights of the day ordinals ``[low, high)``.

    Each span holds the nights whose reference instant falls inside it: the difference of
    two day ordinals, so the cost is per span, not per day. Day ordinals of Saturdays are
    the multiples of 7 less one, so Saturdays in ``[a, b)`` number ``b // 7 - a // 7``.
    ``finder.first`` is inlined: this loop is the engine's hottest.
    """
    if not spans:
        return
    table, shift, base, key_offset = finder.table, finder.shift, finder.base, finder.key_offset
    lo = finder.first(spans[0][0])
    for _, e, p in spans:
        hi = -(-(e + shift) // 86400) + base
        key = hi * 1440 + key_offset
        after, before = table.get(key), table.get(key - 1440)
        if after is None or before is None or not before < e <= after:
            hi = finder.settle(e, hi)
        a = lo if lo > low else low
        b = hi if hi < high else high
        if b > a:
            nights[p] += b - a
            weekends[p] += b // 7 - a // 7
        lo = hi


def apportion(values: list[int], units: int) -> list[int]:
    """Split ``units`` in proportion to ``values`` by largest remainder (ties: first wins)."""
    total = sum(values)
    if total == 0:
        return [0 for _ in values]
    if len(values) == 2:  # two parents, the usual case: the same rule without sorting
        first, second = values
        low, high = first * units // total, second * units // total
        if low + high < units:
            if first * units % total >= second * units % total:
                low += 1
            else:
                high += 1
        return [low, high]
    floors = [value * units // total for value in values]
    remainders = [value * units % total for value in values]
    order = sorted(range(len(values)), key=lambda i: (-remainders[i], i))
    for index in order[: units - sum(floors)]:
        floors[index] += 1
    return floors


def hundredths(units: int) -> Decimal:
    """``units`` hundredths as a Decimal with two places (12.34 for 1234)."""
    return Decimal(units).scaleb(-2)


def days_of(seconds: float) -> Decimal:
    """Seconds as days with two places, the last one rounded half to even."""
    units, rest = divmod(int(seconds) * 100, 86400)
    if 2 * rest > 86400 or (2 * rest == 86400 and units % 2):
        units += 1
    return Decimal(units).scaleb(-2)


def _week_seconds(windows: list[tuple[int, int]], moment: datetime) -> int:
    """Window seconds between WEEK_ZERO and the wall-clock ``moment``."""
    elapsed = int((moment - WEEK_ZERO).total_seconds())
    weeks, rest = divmod(elapsed, WEEK_SECONDS)
    total = weeks * sum(end - start for start, end in windows)
    return total + sum(min(max(rest - start, 0), end - start) for start, end in windows)


def third_party_seconds(third_party: ThirdParty, start: int, end: int, zone: ZoneInfo) -> int:
    """Seconds of school or daycare time inside ``[start, end)``.

    Windows lie between 05:00 and 23:00, where no zone changes its clocks, so wall-clock
    and elapsed seconds agree inside them.
    """
    windows = [(w.weekday * 86400 + w.start.hour * 3600 + w.start.minute * 60,
                w.weekday * 86400 + w.end.hour * 3600 + w.end.minute * 60)
               for w in third_party.windows]
    low = from_epoch(start).astimezone(zone).replace(tzinfo=None)
    high = from_epoch(end).astimezone(zone).replace(tzinfo=None)
    total = 0
    for first, last in third_party.terms:
        term_low = max(low, datetime.combine(first, time(0)))
        term_high = min(high, datetime.combine(last + timedelta(days=1), time(0)))
        if term_low < term_high:
            total += _week_seconds(windows, term_high) - _week_seconds(windows, term_low)
    return total
