"""Holidays, family dates and school breaks: their occurrences and the intervals they paint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from .errors import PlanError
from .familydates import family_day
from .localtime import to_epoch
from .model import Child, Reason, Rule

HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence of a rule: its first and last date and its ordinal (for alternation)."""

    first: date
    last: date
    index: int
    label: str


@dataclass(frozen=True, slots=True)
class Painted:
    """An interval a rule paints, and the holiday credit it carries."""

    start: int
    end: int
    parent: str
    reason: Reason
    occurrence_start: int
    share: Decimal


@lru_cache(maxsize=512)
def public_holidays(country: str, subdivision: str | None,
                    year: int) -> tuple[tuple[date, str], ...]:
    """The public holidays of one year, sorted, as ``(date, name)`` pairs."""
    try:
        calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError as error:
        raise PlanError(f"unknown country {country!r}: use an ISO 3166-1 code such as US, GB, "
                        "DE") from error
    return tuple(sorted((day, name) for day, name in calendar.items()))


def check_country(country: str, subdivision: str | None) -> None:
    """Raise ``PlanError`` naming the valid choices for an unknown country or subdivision."""
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise PlanError(f"unknown country {country!r}: use an ISO 3166-1 code such as US, GB, DE")
    valid = supported[country]
    if subdivision is not None and subdivision not in valid:
        shown = ", ".join(valid[:40]) + (", ..." if len(valid) > 40 else "")
        raise PlanError(f"unknown subdivision {subdivision!r} of {country}; valid: {shown}")


def _matching(rule: Rule, country: str, subdivision: str | None,
              year: int) -> tuple[tuple[date, str], ...]:
    return matching_holidays(rule.holiday_names, country, subdivision, year)


@lru_cache(maxsize=8192)
def matching_holidays(names: tuple[str, ...], country: str, subdivision: str | None,
                      year: int) -> tuple[tuple[date, str], ...]:
    """The public holidays of ``year`` called one of ``names`` (all of them when empty)."""
    found = public_holidays(country, subdivision, year)
    if not names:
        return found
    wanted = {name.casefold() for name in names}
    return tuple((day, name) for day, name in found
                 if any(part.casefold() in wanted for part in holiday_name_parts(name)))


def holiday_name_parts(name: str) -> list[str]:
    """The ``holidays`` package joins two holidays on one day as "A; B": either name counts."""
    return [part.strip() for part in name.split(";")]


def _yearly_date(rule: Rule, country: str | None, born: date | None, year: int) -> date | None:
    if rule.kind in ("mothers-day", "fathers-day"):
        return family_day(rule.kind, country, year)
    if rule.kind == "date" and rule.month_day is not None:
        return date(year, *rule.month_day)
    assert born is not None
    if year < born.year:
        return None
    if (born.month, born.day) == (2, 29) and year % 4 != 0:
        return date(year, 2, 28)
    return date(year, born.month, born.day)


def birthday_for(rule: Rule, child: Child, plan_children: dict[str, Child]) -> date | None:
    """The birth date a ``birthday`` rule follows for ``child`` (None for other kinds)."""
    if rule.kind != "birthday":
        return None
    whose = plan_children.get(rule.birthday_of or child.id)
    if whose is None or whose.birth_date is None:
        raise PlanError(f"rule {rule.name!r}: child {rule.birthday_of or child.id!r} has no "
                        "birth_date")
    return whose.birth_date


def occurrences(rule: Rule, years: range, *, country: str | None, subdivision: str | None,
                born: date | None = None) -> list[Occurrence]:
    """Every occurrence of ``rule`` whose first date falls in one of ``years``
    (``born``: the birth date a birthday rule follows)."""
    if rule.kind == "school-break":
        return [Occurrence(first, last, index, f"{first.isoformat()} to {last.isoformat()}")
                for index, (first, last) in enumerate(rule.ranges)
                if first.year in years or last.year in years]
    if rule.kind == "public":
        assert country is not None
        found: list[Occurrence] = []
        # Each listed holiday alternates from year to year, and within a year the listed
        # holidays alternate in date order.
        for year in years:
            base = year - rule.assignment.since
            for offset, (day, name) in enumerate(_matching(rule, country, subdivision, year)):
                found.append(Occurrence(day, day, base + offset, f"{name} {day.isoformat()}"))
        return found
    result = []
    for year in years:
        yearly = _yearly_date(rule, country, born, year)
        if yearly is not None:
            index = year - rule.assignment.since
            result.append(Occurrence(yearly, yearly, index, yearly.isoformat()))
    return result


@lru_cache(maxsize=4096)
def rule_layer(rule: Rule, years: range, country: str | None, subdivision: str | None,
               zone: ZoneInfo, born: date | None) -> tuple[Painted, ...]:
    """Everything ``rule`` paints in ``years``; pure, so memoised (families share rules)."""
    painted: list[Painted] = []
    for occurrence in occurrences(rule, years, country=country, subdivision=subdivision,
                                  born=born):
        painted.extend(paint(rule, occurrence, zone))
    return tuple(painted)


def _first_parent(rule: Rule, occurrence: Occurrence) -> tuple[str, str]:
    """The parent the rule gives this occurrence (or its first half) to, and why."""
    assign = rule.assignment
    if assign.mode == "fixed":
        return assign.first, "fixed"
    if assign.mode == "even-odd":
        even = occurrence.first.year % 2 == 0
        return (assign.first if even else assign.other), ("even year" if even else "odd year")
    turn = occurrence.index % 2 == 0
    return (assign.first if turn else assign.other), f"occurrence {occurrence.index}"


def paint(rule: Rule, occurrence: Occurrence, zone: ZoneInfo) -> list[Painted]:
    """The intervals (one, or two halves) that ``rule`` paints for ``occurrence``."""
    window = rule.window
    start = to_epoch(occurrence.first + timedelta(days=window.start_day), window.start_time, zone)
    end = to_epoch(occurrence.last + timedelta(days=window.end_day), window.end_time, zone)
    if end <= start:
        return []
    parent, why = _first_parent(rule, occurrence)
    detail = f"{occurrence.label}, {why}"
    assign = rule.assignment
    if assign.split_time is None:
        reason = Reason(rule.level, rule.name, detail)
        return [Painted(start, end, parent, reason, start, Decimal(1))]
    split = _split_instant(rule, occurrence, assign.split_time, zone)
    if not start < split < end:
        raise PlanError(f"rule {rule.name!r}: the split time falls outside its window on "
                        f"{occurrence.first.isoformat()}; choose a split inside the window")
    other = assign.other if parent == assign.first else assign.first
    return [
        Painted(start, split, parent, Reason(rule.level, rule.name, detail + ", first half"),
                start, HALF),
        Painted(split, end, other, Reason(rule.level, rule.name, detail + ", second half"),
                start, HALF),
    ]


def _split_instant(rule: Rule, occurrence: Occurrence, at: time, zone: ZoneInfo) -> int:
    offset = rule.assignment.split_day
    if offset is None:
        offset = (occurrence.last - occurrence.first).days // 2
    return to_epoch(occurrence.first + timedelta(days=offset), at, zone)
