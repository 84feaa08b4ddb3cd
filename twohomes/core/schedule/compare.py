"""Compare two plans over the same range: both statistics side by side and the differences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .errors import PlanError
from .model import Plan
from .stats import ChildStats, Stats, plan_stats

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


# --- side by side, for people ---------------------------------------------------------------

# Per parent, in the order a table lists them when nothing changes; "exchanges_per_month"
# is the child's own figure.
MEASURES = ("overnights", "percent_time", "weekends", "holidays", "longest_away_days",
            "exchanges_per_month")


@dataclass(frozen=True, slots=True)
class Figure:
    """One measure under the plan in force (``before``) and the proposal (``after``);
    ``parent`` is None for a figure of the child. ``out_of_*`` is the whole it is part of
    (nights, weekends, holidays of that plan), or None for a share or a length."""

    measure: str
    parent: str | None
    before: Decimal
    after: Decimal
    out_of_before: Decimal | None = None
    out_of_after: Decimal | None = None

    @property
    def change(self) -> Decimal:
        return self.after - self.before

    @property
    def weight(self) -> Decimal:
        """The change beside the larger figure: 0 (none) to 1 (from nothing, or to nothing)."""
        largest = max(abs(self.before), abs(self.after))
        return abs(self.change) / largest if largest else Decimal(0)


@dataclass(frozen=True, slots=True)
class ChildrenFigures:
    """Children (engine ids, the proposal's order) whose figures are all the same; the measures with
    the largest change come first, the parents in plan order within a measure."""

    children: tuple[str, ...]
    figures: tuple[Figure, ...]

    @property
    def holidays(self) -> bool:
        """Whether either plan gives these children holidays of their own."""
        return any(f.measure == "holidays" and (f.out_of_before or f.out_of_after)
                   for f in self.figures)


@dataclass(frozen=True, slots=True)
class SideBySide:
    """Both plans over the days ``first`` to ``last`` (inclusive): ``nights`` nights, of
    which ``weekends`` are Saturday nights (a weekend counts for the parent who has the
    child on Saturday night)."""

    first: date
    last: date
    nights: int
    weekends: int
    groups: tuple[ChildrenFigures, ...]

    def changes(self) -> list[tuple[ChildrenFigures, Figure]]:
        """Every figure that changes, the largest change first (then in table order), one
        per group and measure: the parent whose figure changes most beside its size."""
        found = [(index, figure) for index, group in enumerate(self.groups)
                 for figure in group.figures if figure.change]
        found.sort(key=lambda pair: (-pair[1].weight, MEASURES.index(pair[1].measure)))
        seen: set[tuple[int, str]] = set()
        kept = []
        for index, figure in found:
            if (index, figure.measure) not in seen:
                seen.add((index, figure.measure))
                kept.append((self.groups[index], figure))
        return kept


def saturdays(first: date, end: date) -> int:
    """Saturdays among the days ``[first, end)``: their ordinals are the multiples of 7
    less one."""
    return end.toordinal() // 7 - first.toordinal() // 7


def side_by_side(in_force: Plan, proposed: Plan, start: date, end: date) -> SideBySide:
    """The figures a parent weighs before agreeing, for days ``[start, end)``: overnights,
    share of time, weekends, holidays and the longest time away from each parent, and
    exchanges a month; children with the same figures share one group."""
    a, b = plan_stats(in_force, start, end), plan_stats(proposed, start, end)
    if sorted(c.child for c in a.children) != sorted(c.child for c in b.children):
        raise PlanError("the two plans must have the same children (same ids) to be compared")
    weekends = saturdays(start, end)
    groups: dict[tuple[Figure, ...], list[str]] = {}
    for child_b in b.children:  # in the proposal's order
        figures = _figures(a.child(child_b.child), child_b, Decimal(weekends))
        groups.setdefault(figures, []).append(child_b.child)
    return SideBySide(start, end - timedelta(days=1), (end - start).days, weekends,
                      tuple(ChildrenFigures(tuple(ids), _ordered(figures))
                            for figures, ids in groups.items()))


def _figures(a: ChildStats, b: ChildStats, weekends: Decimal) -> tuple[Figure, ...]:
    nights = Decimal(a.nights)
    holidays = (sum((p.holidays for p in a.parents), Decimal(0)),
                sum((p.holidays for p in b.parents), Decimal(0)))
    wholes = {"overnights": (nights, nights), "weekends": (weekends, weekends),
              "holidays": holidays}
    figures = []
    for measure in MEASURES[:-1]:
        for parent_a in a.parents:
            parent_b = b.parent(parent_a.parent)
            whole = wholes.get(measure, (None, None))
            figures.append(Figure(measure, parent_a.parent,
                                  Decimal(getattr(parent_a, measure)),
                                  Decimal(getattr(parent_b, measure)), *whole))
    figures.append(Figure("exchanges_per_month", None, a.exchanges_per_month,
                          b.exchanges_per_month))
    return tuple(figures)


def _ordered(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    weight = {m: max((f.weight for f in figures if f.measure == m), default=Decimal(0))
              for m in MEASURES}
    return tuple(sorted(figures, key=lambda f: (-weight[f.measure],
                                                 MEASURES.index(f.measure))))
