"""Local wall-clock time to UTC instants, with explicit daylight-saving rules.

* A local time that falls in a spring-forward gap (02:30 on the night clocks jump from
  02:00 to 03:00) moves to the first valid instant after the gap (03:00 local).
* A local time that happens twice (01:30 on the night clocks fall back) means the first
  occurrence (``fold=0``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=1 << 17)
def to_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of local ``day`` at ``at`` in ``zone`` (gap: first valid instant).

    Pure, so memoised: families share the same exchange times and days.
    """
    local = datetime(day.year, day.month, day.day, at.hour, at.minute, tzinfo=zone)
    instant = local.astimezone(UTC)
    back = instant.astimezone(zone)
    if (back.hour, back.minute, back.day) == (at.hour, at.minute, day.day):
        return instant
    return _end_of_gap(local, zone)


def _end_of_gap(local: datetime, zone: ZoneInfo) -> datetime:
    """The instant the clocks jumped over ``local`` (a wall time that does not exist)."""
    wanted = local.replace(tzinfo=None)
    low = local.replace(fold=1).astimezone(UTC)
    high = local.replace(fold=0).astimezone(UTC)
    if low > high:
        low, high = high, low
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= wanted:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return to_instant(day, time(0, 0), zone)


def as_instant(value: date | datetime, zone: ZoneInfo) -> datetime:
    """A date means local midnight; a naive datetime is local time; aware ones are kept."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return to_instant(value.date(), value.time(), zone)
        return value.astimezone(UTC)
    return local_midnight(value, zone)


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


@lru_cache(maxsize=1 << 17)
def to_epoch(day: date, at: time, zone: ZoneInfo) -> int:
    """``to_instant`` as whole seconds since the Unix epoch: the engine's internal clock."""
    return int(to_instant(day, at, zone).timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def epoch_of(value: date | datetime, zone: ZoneInfo) -> int:
    return int(as_instant(value, zone).timestamp())


class LocalClock:
    """Memo of one zone's local wall times as epoch seconds, keyed by plain integers.

    ``epoch(ordinal, minute)`` is ``to_epoch(date.fromordinal(ordinal), HH:MM, zone)``; the
    hot loops read ``table`` directly with the key ``ordinal * 1440 + minute`` and only call
    ``epoch`` on a miss. The table is cleared when it grows past ``LIMIT`` entries.
    """

    LIMIT = 1 << 18

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.table: dict[int, int] = {}

    def epoch(self, ordinal: int, minute: int) -> int:
        if len(self.table) > self.LIMIT:
            self.table.clear()
        found = to_epoch(date.fromordinal(ordinal), time(minute // 60, minute % 60), self.zone)
        self.table[ordinal * 1440 + minute] = found
        return found


@lru_cache(maxsize=256)
def clock_for(zone: ZoneInfo) -> LocalClock:
    return LocalClock(zone)
