"""Who has a child at one local time of each day: a lookup built once, asked day by day."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from .counting import NightFinder
from .errors import PlanError


class DayLookup:
    """The parent who has a child at one moment of each day (noon, say, or the moment that
    decides the night), for the days whose moment falls inside a timeline.

    Built once from the timeline's intervals, at a cost per interval: ``days`` holds the
    first day of each run of days with one parent, ``parents`` that parent. ``parent_on``
    is then a bisection and an index: it creates no objects.
    """

    __slots__ = ("days", "first", "end", "parents")

    def __init__(self, bounds: tuple[int, ...], parents: tuple[str, ...],
                 finder: NightFinder) -> None:
        days: list[int] = []
        owners: list[str] = []
        for bound, parent in zip(bounds, parents, strict=False):
            day = finder.first(bound)
            while days and days[-1] >= day:  # that interval holds no day's moment
                days.pop()
                owners.pop()
            if not owners or owners[-1] != parent:
                days.append(day)
                owners.append(parent)
        self.days, self.parents = tuple(days), tuple(owners)
        self.first, self.end = finder.first(bounds[0]), finder.first(bounds[-1])

    def parent_on(self, ordinal: int) -> str:
        """The parent on the day with this ordinal (``date.toordinal()``)."""
        if not self.first <= ordinal < self.end:
            raise PlanError(f"{date.fromordinal(ordinal).isoformat()} is outside the "
                            f"timeline's days {date.fromordinal(self.first).isoformat()} to "
                            f"{date.fromordinal(self.end - 1).isoformat()}")
        return self.parents[bisect_right(self.days, ordinal) - 1]

    def parent_on_date(self, day: date) -> str:
        return self.parent_on(day.toordinal())
