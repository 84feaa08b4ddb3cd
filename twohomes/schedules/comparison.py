"""The plan in force and a proposal side by side, in words a parent reads at a glance:
real names (never engine ids), whole numbers where they are whole, the change spelled out.

The figures come from the engine (``side_by_side``); this module only names and words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from twohomes.core.schedule import ChildrenFigures, Figure, SideBySide

SUMMARY_CHANGES = 3
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: what is measured, under each plan, and the change in words."""

    label: str
    before: str
    after: str
    change: str  # "same" when the two read the same


@dataclass(frozen=True, slots=True)
class Table:
    caption: str  # the children: "Amara, Sofia and Theo"
    rows: tuple[Row, ...]
    holidays: bool  # False: neither plan gives these children holidays of their own


@dataclass(frozen=True, slots=True)
class Words:
    summary: tuple[str, ...]  # the largest changes first: "Alice: 0 of 52 weekends, from 26"
    tables: tuple[Table, ...]
    first: date
    last: date
    weekends: int


def number(value: Decimal) -> str:
    """One decimal place at most, none when whole: 50.00 -> "50", 4.35 -> "4.4"."""
    rounded = value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)
    return str(rounded.to_integral_value()) if rounded == rounded.to_integral_value() \
        else str(rounded)


def join_names(names: list[str]) -> str:
    """ "Amara", "Amara and Sofia", "Amara, Sofia and Theo"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _value(figure: Figure, value: Decimal, whole: Decimal | None) -> str:
    text = number(value)
    if figure.measure == "percent_time":
        return f"{text} %"
    if figure.measure == "longest_away_days":
        return f"{text} day" if text == "1" else f"{text} days"
    if whole is not None and not whole:
        return "none"  # a plan with no holiday rules: nothing to count
    return f"{text} of {number(whole)}" if whole is not None else text


def _change(figure: Figure) -> str:
    delta = Decimal(number(figure.after)) - Decimal(number(figure.before))
    if not delta:
        return "same"
    size = number(abs(delta))
    if figure.measure == "percent_time":
        return f"{size} points {'more' if delta > 0 else 'less'}"
    if figure.measure == "longest_away_days":
        return f"{size} {'day' if size == '1' else 'days'} {'longer' if delta > 0 else 'shorter'}"
    return f"{size} {'more' if delta > 0 else 'fewer'}"


LABELS = {"overnights": "Overnights with {parent}", "percent_time": "Share of time with {parent}",
          "weekends": "Weekends with {parent}", "holidays": "Holidays with {parent}",
          "longest_away_days": "Longest time away from {parent}",
          "exchanges_per_month": "Exchanges a month"}


def _row(figure: Figure, parents: Mapping[str, str]) -> Row:
    parent = parents.get(figure.parent or "", figure.parent or "")
    return Row(LABELS[figure.measure].format(parent=parent),
               _value(figure, figure.before, figure.out_of_before),
               _value(figure, figure.after, figure.out_of_after), _change(figure))


def _table(group: ChildrenFigures, parents: Mapping[str, str],
           children: Mapping[str, str]) -> Table:
    rows = tuple(_row(f, parents) for f in group.figures
                 if f.measure != "holidays" or group.holidays)
    return Table(join_names([children.get(c, c) for c in group.children]), rows,
                 group.holidays)


def _sentence(figure: Figure, parent: str, children: str) -> str:
    """ "Alice: 0 of 52 weekends, from 26"; ``children`` ("with Ada") when several tables."""
    after, before = number(figure.after), number(figure.before)
    if figure.measure == "exchanges_per_month":
        return f"Exchanges{' for ' + children if children else ''}: {after} a month, " \
               f"from {before}"
    if figure.measure == "longest_away_days":
        return f"Longest time away from {parent}{' for ' + children if children else ''}: " \
               f"{_value(figure, figure.after, None)}, from {before}"
    if figure.measure == "percent_time":
        return f"{parent}: {after} % of the time{' with ' + children if children else ''}, " \
               f"from {before} %"
    noun = {"overnights": "nights", "weekends": "weekends", "holidays": "holidays"}[
        figure.measure]
    whole = f" of {number(figure.out_of_after)}" if figure.out_of_after is not None else ""
    earlier = before if figure.out_of_before == figure.out_of_after else \
        _value(figure, figure.before, figure.out_of_before)
    return f"{parent}: {after}{whole} {noun}{' with ' + children if children else ''}, " \
           f"from {earlier}"


def in_words(compared: SideBySide, parents: Mapping[str, str],
             children: Mapping[str, str]) -> Words:
    """The tables and the summary of the largest changes, named with ``parents`` and
    ``children`` (engine id to the name a parent knows)."""
    tables = tuple(_table(g, parents, children) for g in compared.groups)
    several = len(compared.groups) > 1
    summary = []
    for group, figure in compared.changes():
        if _change(figure) == "same":
            continue  # a difference too small to show
        named = join_names([children.get(c, c) for c in group.children]) if several else ""
        summary.append(_sentence(figure, parents.get(figure.parent or "", ""), named))
    return Words(tuple(summary[:SUMMARY_CHANGES]), tables, compared.first, compared.last,
                 compared.weekends)
