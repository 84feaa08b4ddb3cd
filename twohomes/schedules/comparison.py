"""The plan in force and a proposal side by side, in words a parent reads at a glance:
real names (never engine ids), whole numbers where they are whole, the change spelled out.

The figures come from the engine (``side_by_side``); this module only names and words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from twohomes.core.schedule import ChildrenFigures, Figure, SideBySide

SUMMARY_CHANGES = 3
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: what is measured, under each plan, and the change in words."""

    label: str
    before: str
    after: str
    change: str  # in words; "same" when the two read the same
    changed: bool


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
    if len(names) == 1:
        return names[0]
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def _count(text: str) -> int:
    """The number that picks a plural form for ``text`` ("1", "3", "2.5")."""
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else 2


def _value(figure: Figure, value: Decimal, whole: Decimal | None) -> str:
    text = number(value)
    if figure.measure == "percent_time":
        return _("%(value)s %%") % {"value": text}
    if figure.measure == "longest_away_days":
        return ngettext("%(value)s day", "%(value)s days", _count(text)) % {"value": text}
    if whole is not None and not whole:
        return pgettext("nothing to count", "none")  # a plan with no holiday rules
    if whole is None:
        return text
    return _("%(value)s of %(whole)s") % {"value": text, "whole": number(whole)}


def _delta(figure: Figure) -> Decimal:
    return Decimal(number(figure.after)) - Decimal(number(figure.before))


def _change(figure: Figure) -> str:
    delta = _delta(figure)
    if not delta:
        return pgettext("no change", "same")
    size = {"size": number(abs(delta))}
    if figure.measure == "percent_time":
        return (_("%(size)s points more") if delta > 0 else _("%(size)s points less")) % size
    if figure.measure == "longest_away_days":
        n = _count(size["size"])
        return (ngettext("%(size)s day longer", "%(size)s days longer", n) if delta > 0
                else ngettext("%(size)s day shorter", "%(size)s days shorter", n)) % size
    return (_("%(size)s more") if delta > 0 else _("%(size)s fewer")) % size


LABELS = {"overnights": gettext_lazy("Overnights with %(parent)s"),
          "percent_time": gettext_lazy("Share of time with %(parent)s"),
          "weekends": gettext_lazy("Weekends with %(parent)s"),
          "holidays": gettext_lazy("Holidays with %(parent)s"),
          "longest_away_days": gettext_lazy("Longest time away from %(parent)s"),
          "exchanges_per_month": gettext_lazy("Exchanges a month")}


def _row(figure: Figure, parents: Mapping[str, str]) -> Row:
    parent = parents.get(figure.parent or "", figure.parent or "")
    return Row(str(LABELS[figure.measure]) % {"parent": parent},
               _value(figure, figure.before, figure.out_of_before),
               _value(figure, figure.after, figure.out_of_after), _change(figure),
               bool(_delta(figure)))


def _table(group: ChildrenFigures, parents: Mapping[str, str],
           children: Mapping[str, str]) -> Table:
    rows = tuple(_row(f, parents) for f in group.figures
                 if f.measure != "holidays" or group.holidays)
    return Table(join_names([children.get(c, c) for c in group.children]), rows,
                 group.holidays)


def _amount(figure: Figure, after: str) -> str:
    """ "0 of 52 weekends", "12 nights"."""
    words = {"value": after, "whole": number(figure.out_of_after)
             if figure.out_of_after is not None else ""}
    whole = figure.out_of_after is not None
    if figure.measure == "overnights":
        text = _("%(value)s of %(whole)s nights") if whole else _("%(value)s nights")
    elif figure.measure == "weekends":
        text = _("%(value)s of %(whole)s weekends") if whole else _("%(value)s weekends")
    else:
        text = _("%(value)s of %(whole)s holidays") if whole else _("%(value)s holidays")
    return text % words


def _sentence(figure: Figure, parent: str, children: str) -> str:
    """ "Alice: 0 of 52 weekends, from 26"; ``children`` ("with Ada") when several tables."""
    after, before = number(figure.after), number(figure.before)
    words = {"parent": parent, "children": children, "after": after, "before": before}
    if figure.measure == "exchanges_per_month":
        return (_("Exchanges for %(children)s: %(after)s a month, from %(before)s") if children
                else _("Exchanges: %(after)s a month, from %(before)s")) % words
    if figure.measure == "longest_away_days":
        words["after"] = _value(figure, figure.after, None)
        return (_("Longest time away from %(parent)s for %(children)s: %(after)s, "
                  "from %(before)s") if children
                else _("Longest time away from %(parent)s: %(after)s, from %(before)s")) % words
    if figure.measure == "percent_time":
        return (_("%(parent)s: %(after)s %% of the time with %(children)s, from %(before)s %%")
                if children else _("%(parent)s: %(after)s %% of the time, from %(before)s %%")
                ) % words
    words["amount"] = _amount(figure, after)
    words["before"] = before if figure.out_of_before == figure.out_of_after else \
        _value(figure, figure.before, figure.out_of_before)
    return (_("%(parent)s: %(amount)s with %(children)s, from %(before)s") if children
            else _("%(parent)s: %(amount)s, from %(before)s")) % words


def in_words(compared: SideBySide, parents: Mapping[str, str],
             children: Mapping[str, str]) -> Words:
    """The tables and the summary of the largest changes, named with ``parents`` and
    ``children`` (engine id to the name a parent knows)."""
    tables = tuple(_table(g, parents, children) for g in compared.groups)
    several = len(compared.groups) > 1
    summary = []
    for group, figure in compared.changes():
        if not _delta(figure):
            continue  # a difference too small to show
        named = join_names([children.get(c, c) for c in group.children]) if several else ""
        summary.append(_sentence(figure, parents.get(figure.parent or "", ""), named))
    return Words(tuple(summary[:SUMMARY_CHANGES]), tables, compared.first, compared.last,
                 compared.weekends)
