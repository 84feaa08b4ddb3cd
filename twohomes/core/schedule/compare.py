"""Compare two plans over the same range: both statistics side by side and the differences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .errors import PlanError
from .model import Plan
from .stats import Stats, plan_stats

FIELDS = ("overnights", "hours", "percent_time", "percent_overnights", "longest_stretch_days",
          "longest_away_days", "weekends", "holidays")


@dataclass(frozen=True, slots=True)
class Comparison:
    """``first`` and ``second`` statistics and, per child and parent, second minus first."""

    first: Stats
    second: Stats
    differences: tuple[tuple[str, str, str, Decimal], ...]
    exchange_differences: tuple[tuple[str, int], ...]

    def difference(self, child: str, parent: str, field: str) -> Decimal:
        for c, p, f, value in self.differences:
            if (c, p, f) == (child, parent, field):
                return value
        raise KeyError((child, parent, field))

    def to_json(self) -> dict[str, Any]:
        diff: dict[str, Any] = {}
        for child, parent, field, value in self.differences:
            diff.setdefault(child, {}).setdefault("parents", {}).setdefault(parent, {})[field] = (
                float(value))
        for child, count in self.exchange_differences:
            diff.setdefault(child, {})["exchanges"] = count
        return {"a": self.first.to_json(), "b": self.second.to_json(), "difference": diff}


def compare_plans(first: Plan, second: Plan, start: date, end: date, *,
                  exclude_third_party: bool = False) -> Comparison:
    """Statistics of both plans over days ``[start, end)`` and their differences."""
    a = plan_stats(first, start, end, exclude_third_party=exclude_third_party)
    b = plan_stats(second, start, end, exclude_third_party=exclude_third_party)
    children_a = [c.child for c in a.children]
    if children_a != [c.child for c in b.children]:
        raise PlanError("the two plans must have the same children (same ids) to be compared")
    differences: list[tuple[str, str, str, Decimal]] = []
    exchanges = []
    for child_a, child_b in zip(a.children, b.children, strict=True):
        exchanges.append((child_a.child, child_b.exchanges - child_a.exchanges))
        for parent_a in child_a.parents:
            parent_b = next((p for p in child_b.parents if p.parent == parent_a.parent), None)
            if parent_b is None:
                raise PlanError(f"parent {parent_a.parent!r} is missing from the second plan")
            for field in FIELDS:
                value = Decimal(getattr(parent_b, field)) - Decimal(getattr(parent_a, field))
                differences.append((child_a.child, parent_a.parent, field, value))
    return Comparison(a, b, tuple(differences), tuple(exchanges))
