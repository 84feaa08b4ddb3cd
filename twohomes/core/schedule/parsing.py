"""Small parsers for plan values; each failure is a ``PlanError`` naming the field."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from .errors import PlanError

MIN_YEAR, MAX_YEAR = 1900, 2199
# The week as the plan file writes it (Monday first, as date.weekday() counts), and in words.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = tuple(day.capitalize() for day in WEEKDAYS)


def parse_date(value: Any, where: str) -> date:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise PlanError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None
    check_year(day.year, where)
    return day


def within_years(*days: date) -> bool:
    """Whether every date (or datetime) lies in the years the engine and the app accept."""
    return all(MIN_YEAR <= day.year <= MAX_YEAR for day in days)


def check_year(year: int, where: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PlanError(f"{where}: year {year} is out of range ({MIN_YEAR} to {MAX_YEAR})")


def parse_time(value: Any, where: str) -> time:
    text = str(value)
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise PlanError(f"{where}: {value!r} is not a time; write HH:MM (00:00 to 23:59)") from None


def parse_month_day(value: Any, where: str) -> tuple[int, int]:
    try:
        month, day = (int(part) for part in str(value).split("-"))
        date(2001, month, day)
    except ValueError:
        raise PlanError(f"{where}: {value!r} is not a day of the year; write MM-DD") from None
    return month, day


def parse_local_datetime(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise PlanError(f"{where}: {value!r} is not a date and time; "
                        "write YYYY-MM-DDTHH:MM (local time)") from None
    check_year(moment.year, where)
    return moment


def parse_weekday(value: Any, where: str) -> int:
    text = str(value).lower()
    for index, name in enumerate(WEEKDAYS):
        if text in (name, name[:3]):
            return index
    raise PlanError(f"{where}: {value!r} is not a weekday; use monday to sunday")


def parse_range(value: Any, where: str) -> tuple[date, date]:
    first, last = parse_date(value[0], where), parse_date(value[1], where)
    if last < first:
        raise PlanError(f"{where}: the range ends ({last}) before it starts ({first})")
    return first, last


def parse_parent(value: Any, parents: tuple[str, ...], where: str) -> str:
    if value not in parents:
        raise PlanError(f"{where}: unknown parent {value!r}; the plan's parents are "
                        f"{', '.join(parents)}")
    return str(value)
