"""Turning a family's timeline into days: who has each child each night, exchanges, why.

Convention (as in the engine): a day belongs to the parent who has the child the night
after it; an exchange shows on the day it happens, at its time.
"""

from __future__ import annotations

import calendar as cal
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import dateformat, dates, formats
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from twohomes.families.models import Child, Family

from .engine import FamilyTimeline, child_id
from .shortnames import short_names

LEVEL_WORDS = {"override": gettext_lazy("a change agreed between the parents"),
               "holiday": gettext_lazy("a holiday rule"),
               "vacation": gettext_lazy("a school break rule"),
               "season": gettext_lazy("a season of the plan"),
               "base": gettext_lazy("the regular rotation")}


@dataclass(frozen=True)
class ChildDay:
    child: Child
    parent: str  # "A", "B" or "" (no plan for this child)
    parent_name: str
    reason: str
    exchanges: tuple[str, ...]
    short: str = ""  # the child's name as the small day cell shows it, never two alike


@dataclass(frozen=True)
class Handover:
    """Children handed over together: one line in the agenda, however many children."""

    at: datetime  # family time
    children: tuple[Child, ...]
    from_name: str
    to_name: str

    @property
    def names(self) -> str:
        return ", ".join(child.name for child in self.children)


@dataclass
class Day:
    day: date
    in_month: bool
    today: bool
    holiday_names: list[str] = field(default_factory=list)
    children: list[ChildDay] = field(default_factory=list)
    events: list[object] = field(default_factory=list)
    handovers: list[Handover] = field(default_factory=list)

    @property
    def has_exchange(self) -> bool:
        return any(child.exchanges for child in self.children)


def holiday_language(supported: tuple[str, ...], default: str, reader: str) -> str:
    """The language of the `holidays` package's names closest to the reader's: theirs
    (es, en_GB), then one of the same language (en_US for en), else the country's own."""
    wanted = reader.replace("-", "_").lower()
    by_lower = {code.lower(): code for code in supported}
    if wanted in by_lower:
        return by_lower[wanted]
    base = wanted.split("_")[0]
    if default.lower().split("_")[0] == base:
        return default
    same = sorted(code for code in supported if code.lower().split("_")[0] == base)
    return same[0] if same else default


@functools.cache
def _holiday_calendar(country: str, subdivision: str, year: int,
                      reader: str) -> dict[date, str]:
    try:
        calendar = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except NotImplementedError:
        return {}
    kind = type(calendar)
    language = holiday_language(tuple(getattr(kind, "supported_languages", ())),
                                getattr(kind, "default_language", None) or "", reader)
    if language and language != getattr(kind, "default_language", None):
        calendar = holidays.country_holidays(country, subdiv=subdivision or None,
                                             years=year, language=language)
    return dict(calendar)


def public_holidays(family: Family, first: date, end: date) -> dict[date, str]:
    """The public holidays' names, in the reader's language where the package has it."""
    reader = get_language() or settings.LANGUAGE_CODE
    names: dict[date, str] = {}
    for year in range(first.year, end.year + 1):
        names.update(_holiday_calendar(family.country, family.subdivision, year, reader))
    return names


def _night_instant(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(23, 59), zone)


# Names the plan's builder and the change requests give to rules (the engine matches
# rules by name, so they are stored in English), in the reader's words when shown.
_RULE_NAMES = {"Birthdays": gettext_lazy("Birthdays"),
               "Mother's Day": gettext_lazy("Mother's Day"),
               "Father's Day": gettext_lazy("Father's Day")}
_NUMBERED_RULES = [(re.compile(r"Schedule (\d+)"), gettext_lazy("Schedule %(number)s")),
                   (re.compile(r"Make-up time for swap (\d+)"),
                    gettext_lazy("Make-up time for change request %(number)s"))]


def rule_in_words(rule: str) -> str:
    """A rule's name as the reader reads it; a name a parent gave stays as written."""
    if rule in _RULE_NAMES:
        return str(_RULE_NAMES[rule])
    for pattern, words in _NUMBERED_RULES:
        found = pattern.fullmatch(rule)
        if found:
            return str(words) % {"number": found.group(1)}
    return rule


def explain(reason: object, *, change_reasons: bool = True) -> str:
    """Why a parent has a child, in words. A change's name carries the reason a parent gave
    for it; without ``change_reasons`` (whoever cannot read the change requests) it is left
    out."""
    level = getattr(reason, "level", "base")
    # A parent's reason may end in a full stop of its own: the sentence around it adds one.
    rule = rule_in_words(str(getattr(reason, "rule", "")).strip().rstrip(". "))
    if level == "override" and not change_reasons:
        rule = ""
    words = str(LEVEL_WORDS.get(level, level))
    return _("%(rule)s (%(why)s)") % {"rule": rule, "why": words} if rule else words


def short_forms(children: Iterable[Child]) -> dict[int, str]:
    """Each child's short form (by pk), worked out among the children given: pass all of
    a family's children so that everyone in the family sees the same short forms."""
    children = list(children)
    return dict(zip((c.pk for c in children), short_names([c.name for c in children]),
                    strict=True))


def child_day(ft: FamilyTimeline | None, child: Child, day: date,
              exchanges: dict[tuple[str, date], list[str]], *,
              change_reasons: bool = True, short: str = "") -> ChildDay:
    cid = child_id(child)
    short = short or child.name
    if ft is None or cid not in ft.timeline.children:
        return ChildDay(child, "", _("No plan yet"),
                        _("No parenting plan covers this child yet."), (), short)
    interval = ft.timeline.interval_at(cid, _night_instant(day, ft.zone))
    return ChildDay(child, interval.parent, ft.parent_name(interval.parent),
                    explain(interval.reason, change_reasons=change_reasons),
                    tuple(exchanges.get((cid, day), ())), short)


def exchanges_by_day(ft: FamilyTimeline | None, first: date, end: date) -> dict[
        tuple[str, date], list[str]]:
    found: dict[tuple[str, date], list[str]] = {}
    if ft is None:
        return found
    start = datetime.combine(first, time(0), ft.zone)
    stop = datetime.combine(end, time(0), ft.zone)
    clock = formats.get_format("CLOCK_FORMAT")  # the reader's clock, looked up once
    for x in ft.timeline.exchanges(start, stop):
        local = x.at.astimezone(ft.zone)
        text = (f"{dateformat.time_format(local, clock)} {ft.parent_name(x.from_parent)} → "
                f"{ft.parent_name(x.to_parent)}")
        found.setdefault((x.child, local.date()), []).append(text)
    return found


def handovers_by_day(ft: FamilyTimeline | None, children: list[Child], first: date,
                     end: date) -> dict[date, list[Handover]]:
    """Exchanges in local days [first, end), children handed over at the same time by the
    same parent to the same parent together, in the order of ``children``."""
    if ft is None:
        return {}
    order = {child_id(c): c for c in children}
    together: dict[tuple[datetime, str, str], list[Child]] = {}
    for x in ft.timeline.exchanges(datetime.combine(first, time(0), ft.zone),
                                   datetime.combine(end, time(0), ft.zone)):
        if x.child in order:
            together.setdefault((x.at, x.from_parent, x.to_parent), []).append(order[x.child])
    found: dict[date, list[Handover]] = {}
    position = {c.pk: i for i, c in enumerate(children)}
    for (at, giver, receiver), group in sorted(together.items(), key=lambda item: item[0]):
        local = at.astimezone(ft.zone)
        found.setdefault(local.date(), []).append(Handover(
            local, tuple(sorted(group, key=lambda c: position[c.pk])),
            ft.parent_name(giver), ft.parent_name(receiver)))
    return found


def days(ft: FamilyTimeline | None, family: Family, children: Iterable[Child], first: date,
         end: date, today: date, month: int | None = None, *,
         change_reasons: bool = True, shorts: Mapping[int, str] | None = None) -> list[Day]:
    children = list(children)
    shorts = short_forms(children) if shorts is None else shorts
    exchanges = exchanges_by_day(ft, first, end)
    named = public_holidays(family, first, end)
    handovers = handovers_by_day(ft, children, first, end)
    result = []
    current = first
    while current < end:
        result.append(Day(
            day=current, in_month=month is None or current.month == month,
            today=current == today,
            holiday_names=[named[current]] if current in named else [],
            children=[child_day(ft, c, current, exchanges, change_reasons=change_reasons,
                                short=shorts.get(c.pk, "")) for c in children],
            handovers=handovers.get(current, []),
        ))
        current += timedelta(days=1)
    return result


def first_weekday() -> int:
    """The day a week starts on for the reader's language (Python's numbering, Monday 0):
    Sunday in the United States, Monday in the United Kingdom and the Spanish-speaking
    world, as Django's formats for each locale say."""
    return (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7


def week_start(day: date) -> date:
    """The first day of the reader's week that holds ``day``."""
    return day - timedelta(days=(day.weekday() - first_weekday()) % 7)


def weekday_headings() -> list[tuple[str, str]]:
    """Each weekday's name and short name in the reader's language, from the first day of
    their week."""
    first = first_weekday()
    return [(str(dates.WEEKDAYS[(first + i) % 7]), str(dates.WEEKDAYS_ABBR[(first + i) % 7]))
            for i in range(7)]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the reader's week on or before the 1st, to the end of the week
    holding the last day: whole weeks."""
    first = date(year, month, 1)
    last = date(year, month, cal.monthrange(year, month)[1])
    return week_start(first), week_start(last) + timedelta(days=7)


def weeks(day_list: list[Day]) -> list[list[Day]]:
    return [day_list[i:i + 7] for i in range(0, len(day_list), 7)]
