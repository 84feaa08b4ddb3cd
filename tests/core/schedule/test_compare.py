"""Two plans side by side over a known window, with every figure worked out by hand.

The window is the four weeks from Monday 5 January 2026 (days 5 January to 1 February,
28 nights, Saturdays 10, 17, 24 and 31 January). Exchanges are at 18:00, the night of a
day belongs to whoever has the child at midnight after it, and before 5 January each
cycle is in its last day (parent B).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from twohomes.core.schedule import PlanError, load_plan, pattern_plan, side_by_side
from twohomes.core.schedule.compare import saturdays

START, END = date(2026, 1, 5), date(2026, 2, 2)

# Week on, week off: A has 5-11 and 19-25 January (14 nights, Saturdays 10 and 24), runs of
# 7 days, hand-overs at 18:00 on 5, 12, 19 and 26 January: 4 in 28 days, 4.35 a month
# (4 x 30.436875 / 28 = 4.348...).
WEEKS = {("overnights", "A"): 14, ("overnights", "B"): 14, ("percent_time", "A"): 50,
         ("percent_time", "B"): 50, ("weekends", "A"): 2, ("weekends", "B"): 2,
         ("longest_away_days", "A"): 7, ("longest_away_days", "B"): 7,
         ("exchanges_per_month", None): Decimal("4.35")}
# 2-2-5-5 from A: AABBAAAAABBBBB twice; 7 nights each per cycle, the 5-night blocks hold
# Saturdays 10 and 24 (A) and 17 and 31 (B); longest runs 5 days; hand-overs on 5, 7, 9,
# 14, 19, 21, 23 and 28 January: 8, 8.70 a month.
TWO_TWO_FIVE_FIVE = {**WEEKS, ("longest_away_days", "A"): 5, ("longest_away_days", "B"): 5,
                     ("exchanges_per_month", None): Decimal("8.70")}
# A all the time: 28 nights, 4 weekends, 100 % of the time, 28 days away from B.
SOLE = {("overnights", "A"): 28, ("overnights", "B"): 0, ("percent_time", "A"): 100,
        ("percent_time", "B"): 0, ("weekends", "A"): 4, ("weekends", "B"): 0,
        ("longest_away_days", "A"): 0, ("longest_away_days", "B"): 28,
        ("exchanges_per_month", None): 0}


@pytest.mark.parametrize("in_force,proposed,before,after,changes", [
    # Same nights and weekends; away at most 5 days instead of 7 (2/7 of 7), twice the
    # hand-overs (half of 8.70): the hand-overs lead.
    ("alternating-weeks", "2-2-5-5", WEEKS, TWO_TWO_FIVE_FIVE,
     [("exchanges_per_month", None), ("longest_away_days", "A")]),
    ("2-2-5-5", "alternating-weeks", TWO_TWO_FIVE_FIVE, WEEKS,
     [("exchanges_per_month", None), ("longest_away_days", "A")]),
    # From nothing to half: B's overnights, time and weekends, the time away from A and the
    # hand-overs all change by their whole size; A's by half, so B speaks for those.
    ("sole", "alternating-weeks", SOLE, WEEKS,
     [("overnights", "B"), ("percent_time", "B"), ("weekends", "B"),
      ("longest_away_days", "A"), ("exchanges_per_month", None)]),
    ("sole", "sole", SOLE, SOLE, []),
])
def test_two_plans_side_by_side(in_force: str, proposed: str, before: dict[Any, Any],
                                after: dict[Any, Any], changes: list[Any]) -> None:
    compared = side_by_side(pattern_plan(in_force, "2026-01-05"),
                            pattern_plan(proposed, "2026-01-05"), START, END)
    assert (compared.first, compared.last, compared.nights, compared.weekends) == (
        START, date(2026, 2, 1), 28, 4)
    [group] = compared.groups
    assert group.children == ("child",)
    figures = {(f.measure, f.parent): (f.before, f.after) for f in group.figures}
    for key, value in before.items():
        assert figures[key] == (value, after[key]), key
    assert figures[("holidays", "A")] == (0, 0) and not group.holidays
    wholes = {f.measure: (f.out_of_before, f.out_of_after) for f in group.figures}
    assert wholes["overnights"] == (28, 28) and wholes["weekends"] == (4, 4)
    assert wholes["percent_time"] == (None, None)
    assert [(f.measure, f.parent) for _, f in compared.changes()] == changes


def test_the_measures_that_change_most_come_first_in_the_table() -> None:
    compared = side_by_side(pattern_plan("alternating-weeks", "2026-01-05"),
                            pattern_plan("2-2-5-5", "2026-01-05"), START, END)
    measures = [f.measure for f in compared.groups[0].figures]
    assert measures == ["exchanges_per_month", "longest_away_days", "longest_away_days",
                        "overnights", "overnights", "percent_time", "percent_time",
                        "weekends", "weekends", "holidays", "holidays"]


def _family(schedules: list[tuple[list[str], str]], order: str = "xyz") -> Any:
    return load_plan({
        "timezone": "UTC", "parents": {"A": "Alice", "B": "Bruno"},
        "children": [{"id": c} for c in order],
        "schedules": [{"name": f"s{i}", "children": children,
                       "rotation": {"pattern": pattern, "start": "2026-01-05",
                                    "first_parent": "A", "exchange_time": "18:00"}}
                      for i, (children, pattern) in enumerate(schedules)]})


def test_children_with_the_same_figures_share_a_table() -> None:
    in_force = _family([(["x", "y", "z"], "alternating-weeks")])
    proposed = _family([(["x", "z"], "2-2-5-5"), (["y"], "alternating-weeks")])
    compared = side_by_side(in_force, proposed, START, END)
    assert [g.children for g in compared.groups] == [("x", "z"), ("y",)]
    changed, same = compared.groups
    assert [f.measure for _, f in compared.changes()] == ["exchanges_per_month",
                                                          "longest_away_days"]
    assert all(group is changed for group, _ in compared.changes())
    assert all(f.change == 0 for f in same.figures)


def test_plans_for_other_children_are_not_compared() -> None:
    with pytest.raises(PlanError, match="same children"):
        side_by_side(_family([(["x", "y", "z"], "sole")]), pattern_plan("sole", "2026-01-05"),
                     START, END)


@pytest.mark.parametrize("first,end,count", [
    (date(2026, 1, 5), date(2026, 2, 2), 4),
    (date(2026, 1, 10), date(2026, 1, 11), 1),   # a Saturday alone
    (date(2026, 1, 11), date(2026, 1, 17), 0),   # Sunday to Friday
    (date(2026, 1, 5), date(2027, 1, 5), 52),
    (date(2026, 1, 3), date(2027, 1, 3), 53),    # 2026 starts on a Thursday: 3 Jan is a Sat
])
def test_saturdays_in_a_window(first: date, end: date, count: int) -> None:
    assert saturdays(first, end) == count


def test_children_are_matched_by_id_in_the_proposals_order() -> None:
    """The plan in force lists the children z, y, x; the proposal x, y, z."""
    in_force = _family([(["x", "y", "z"], "alternating-weeks")], order="zyx")
    proposed = _family([(["y"], "sole"), (["x", "z"], "alternating-weeks")])
    compared = side_by_side(in_force, proposed, START, END)
    assert [g.children for g in compared.groups] == [("x", "z"), ("y",)]
    same, changed = compared.groups
    assert all(f.change == 0 for f in same.figures)
    weekends = {f.parent: (f.before, f.after) for f in changed.figures
                if f.measure == "weekends"}
    assert weekends == {"A": (2, 4), "B": (2, 0)}
