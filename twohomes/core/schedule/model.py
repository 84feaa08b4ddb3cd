"""Frozen dataclasses that describe a parenting plan and the timeline built from it.

All instants are timezone-aware datetimes in UTC inside the engine (so that subtracting
them gives real elapsed time across daylight-saving changes); dates and local times are
interpreted in the plan's IANA time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from zoneinfo import ZoneInfo

# Precedence, lowest first: a later level paints over an earlier one.
LEVELS: tuple[str, ...] = ("base", "season", "vacation", "holiday", "override")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a parent has a child: the level that won and the rule at that level."""

    level: str
    rule: str
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.level}: {self.rule}"
        return f"{text} ({self.detail})" if self.detail else text

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


@dataclass(frozen=True, slots=True)
class Interval:
    """The half-open span ``[start, end)`` (UTC instants) during which ``parent`` has the child."""

    start: datetime
    end: datetime
    parent: str
    reason: Reason

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())


@dataclass(frozen=True, slots=True)
class Exchange:
    """A hand-over: at ``at`` (UTC) the child goes from ``from_parent`` to ``to_parent``."""

    at: datetime
    child: str
    from_parent: str
    to_parent: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class CycleTransition:
    """On cycle day ``day`` at local time ``at`` the child goes to ``parent``."""

    day: int
    at: time
    parent: str


@dataclass(frozen=True, slots=True)
class Rotation:
    """A cycle of ``cycle_days`` days repeated in both directions from ``anchor`` (cycle day 0).

    ``nights`` gives, per cycle day, the parent who has the child the night after it;
    ``transitions`` are the hand-overs within one cycle in order (day, local time).
    """

    pattern: str
    anchor: date
    cycle_days: int
    nights: tuple[str, ...]
    transitions: tuple[CycleTransition, ...]
    exchange_time: time


@dataclass(frozen=True, slots=True)
class Window:
    """A local-time window relative to an occurrence of a rule.

    It starts ``start_day`` days after the occurrence's first date at ``start_time`` and ends
    ``end_day`` days after the occurrence's last date at ``end_time``.
    """

    start_day: int
    start_time: time
    end_day: int
    end_time: time


@dataclass(frozen=True, slots=True)
class Assignment:
    """Who gets an occurrence: ``fixed``, ``even-odd`` (by year) or ``alternate`` (by occurrence).

    With ``split_time`` set, the window is cut at that local time on the occurrence's
    ``split_day`` (days after the first date, or the middle day when None): the parent chosen
    by the mode gets the first half and ``other`` the second.
    """

    mode: str
    first: str
    other: str
    since: int = 0
    split_day: int | None = None
    split_time: time | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A holiday, family date or school break: occurrences, their window and who gets them.

    ``kind`` is one of ``public``, ``birthday``, ``mothers-day``, ``fathers-day``, ``date``,
    ``school-break``; ``level`` is ``holiday`` or ``vacation``.
    """

    name: str
    kind: str
    level: str
    window: Window
    assignment: Assignment
    children: tuple[str, ...] | None = None
    holiday_names: tuple[str, ...] = ()
    month_day: tuple[int, int] | None = None
    birthday_of: str | None = None
    ranges: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True, slots=True)
class Season:
    """A date range repeated every year (first and last day, inclusive) with its own rotation."""

    name: str
    first: tuple[int, int]
    last: tuple[int, int]
    rotation: Rotation


@dataclass(frozen=True, slots=True)
class Schedule:
    """The plan followed by one child or a group of children."""

    name: str
    children: tuple[str, ...]
    rotation: Rotation
    seasons: tuple[Season, ...] = ()
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True, slots=True)
class Override:
    """An explicit agreed arrangement: ``parent`` has ``children`` in ``[start, end)`` (UTC)."""

    name: str
    children: tuple[str, ...]
    start: datetime
    end: datetime
    parent: str


@dataclass(frozen=True, slots=True)
class Child:
    id: str
    name: str
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class ThirdPartyWindow:
    """Weekly school or daycare hours: ``weekday`` (0 = Monday) from ``start`` to ``end``."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class ThirdParty:
    """School or daycare time, in force during ``terms`` (inclusive date ranges)."""

    windows: tuple[ThirdPartyWindow, ...]
    terms: tuple[tuple[date, date], ...]


@dataclass(frozen=True)
class Plan:
    """A whole family's parenting plan, as loaded and validated by ``load_plan``."""

    timezone: str
    parents: tuple[tuple[str, str], ...]
    children: tuple[Child, ...]
    schedules: tuple[Schedule, ...]
    overrides: tuple[Override, ...] = ()
    country: str | None = None
    subdivision: str | None = None
    overnight_time: time = time(0, 0)
    third_party: ThirdParty | None = None

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def parent_ids(self) -> tuple[str, ...]:
        return tuple(pid for pid, _ in self.parents)

    def parent_name(self, parent: str) -> str:
        return dict(self.parents).get(parent, parent)

    def child(self, child_id: str) -> Child:
        for child in self.children:
            if child.id == child_id:
                return child
        raise KeyError(child_id)

    def schedule_for(self, child_id: str) -> Schedule:
        for schedule in self.schedules:
            if child_id in schedule.children:
                return schedule
        raise KeyError(child_id)
