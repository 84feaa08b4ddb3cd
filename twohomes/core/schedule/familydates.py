"""Family dates that the ``holidays`` package does not give: Mother's and Father's Day.

The table is small on purpose; a plan that uses these dates in a country not listed here
gets a ``PlanError`` naming the countries that are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .errors import PlanError


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


SUNDAY = 6
DayRule = Callable[[int], date]


def _french_mothers_day(year: int) -> date:
    # Last Sunday of May, or the first Sunday of June when that is Pentecost.
    last = nth_weekday(year, 5, SUNDAY, -1)
    pentecost = easter_sunday(year) + timedelta(days=49)
    return last + timedelta(days=7) if last == pentecost else last


MOTHERS_DAY: dict[str, DayRule] = {
    "US": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "CA": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "AU": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "NZ": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "DE": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "AT": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "CH": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "NL": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "BE": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "IT": lambda y: nth_weekday(y, 5, SUNDAY, 2),
    "GB": lambda y: easter_sunday(y) - timedelta(days=21),
    "IE": lambda y: easter_sunday(y) - timedelta(days=21),
    "FR": _french_mothers_day,
    "ES": lambda y: nth_weekday(y, 5, SUNDAY, 1),
    "MX": lambda y: date(y, 5, 10),
}

FATHERS_DAY: dict[str, DayRule] = {
    "US": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "CA": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "GB": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "IE": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "FR": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "NL": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "MX": lambda y: nth_weekday(y, 6, SUNDAY, 3),
    "CH": lambda y: nth_weekday(y, 6, SUNDAY, 1),
    "AT": lambda y: nth_weekday(y, 6, SUNDAY, 2),
    "BE": lambda y: nth_weekday(y, 6, SUNDAY, 2),
    "AU": lambda y: nth_weekday(y, 9, SUNDAY, 1),
    "NZ": lambda y: nth_weekday(y, 9, SUNDAY, 1),
    # Germany: Ascension Day (Vatertag); Italy and Spain: 19 March (Saint Joseph).
    "DE": lambda y: easter_sunday(y) + timedelta(days=39),
    "IT": lambda y: date(y, 3, 19),
    "ES": lambda y: date(y, 3, 19),
}


def family_day(kind: str, country: str | None, year: int) -> date:
    """The date of ``mothers-day`` or ``fathers-day`` in ``country`` in ``year``."""
    table = MOTHERS_DAY if kind == "mothers-day" else FATHERS_DAY
    rule = table.get((country or "").upper())
    if rule is None:
        known = ", ".join(sorted(table))
        raise PlanError(
            f"{kind} is not known for country {country!r}; known countries: {known} "
            "(or use a fixed date rule)"
        )
    return rule(year)
