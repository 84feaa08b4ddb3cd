"""Repeat rules for events: the choices of a small form <-> an RFC 5545 RRULE, and expansion.

Plain Python, apart from the words for people, marked for translation with Django's
i18n. The RRULE is stored without the ``RRULE:`` prefix, e.g.
``FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T035959Z``. Following RFC 5545, a timed event's
``UNTIL`` is in UTC (the end of the chosen local day) and an all-day event's is a DATE.

Occurrences keep their local wall-clock time across DST changes: a timed rule is
expanded from a DTSTART that carries the event's IANA zone, so a 17:00 practice stays at
17:00 after the clocks change; durations are wall-clock durations too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.utils.dates import WEEKDAYS as WEEKDAY_WORDS_BY_NUMBER
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twohomes.core.schedule import WEEKDAYS

NONE = "none"
FREQUENCIES = ("daily", "weekly", "monthly", "yearly")
BYDAY = tuple(day[:2].upper() for day in WEEKDAYS)  # RFC 5545's MO … SU, Monday first
MAX_COUNT = 500
MAX_YEARS = 10
# Monday to Sunday in the reader's language (Django's own words, marked lazily).
WEEKDAY_NAMES = tuple(WEEKDAY_WORDS_BY_NUMBER[number] for number in range(7))


class RepeatError(ValueError):
    """A repeat rule that cannot be stored; the message is for the person who wrote it."""


@dataclass(frozen=True)
class RepeatRule:
    """What the form asks: how often, on which weekdays, until a day or for a count."""

    frequency: str = NONE
    interval: int = 1
    weekdays: tuple[str, ...] = ()
    until: date | None = None  # the last local day an occurrence may start on
    count: int | None = None

    def check(self, first_day: date) -> None:
        if self.frequency == NONE:
            return
        if self.frequency not in FREQUENCIES:
            raise RepeatError(_("Choose how often the event repeats."))
        if not 1 <= self.interval <= 99:
            raise RepeatError(_("Repeat every 1 to 99 days, weeks, months or years."))
        if self.until is not None and self.count is not None:
            raise RepeatError(_("End the repeat either on a date or after a number of "
                                "times, not both."))
        if self.count is not None and not 1 <= self.count <= MAX_COUNT:
            raise RepeatError(ngettext("Repeat between 1 and %(most)s time.",
                                       "Repeat between 1 and %(most)s times.", MAX_COUNT)
                              % {"most": MAX_COUNT})
        if self.until is not None and self.until < first_day:
            raise RepeatError(_("The repeat ends before the event starts."))
        if self.until is not None and self.until.year > first_day.year + MAX_YEARS:
            raise RepeatError(ngettext("A repeat can run for at most %(years)s year.",
                                       "A repeat can run for at most %(years)s years.",
                                       MAX_YEARS) % {"years": MAX_YEARS})
        if any(day not in BYDAY for day in self.weekdays):
            raise RepeatError(_("Choose weekdays from Monday to Sunday."))
        if self.frequency == "weekly" and self.weekdays and \
                BYDAY[first_day.weekday()] not in self.weekdays:
            raise RepeatError(_("The first day (%(weekday)s) must be one of the chosen "
                                "weekdays.") % {"weekday": WEEKDAY_NAMES[first_day.weekday()]})

    def to_rrule(self, *, first_day: date, zone: ZoneInfo, all_day: bool) -> str:
        """The RRULE text (empty for no repeat); raises RepeatError for a bad rule."""
        self.check(first_day)
        if self.frequency == NONE:
            return ""
        parts = [f"FREQ={self.frequency.upper()}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.frequency == "weekly" and self.weekdays:
            parts.append("BYDAY=" + ",".join(d for d in BYDAY if d in self.weekdays))
        if self.until is not None:
            parts.append("UNTIL=" + _until_text(self.until, zone, all_day))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    @classmethod
    def from_rrule(cls, text: str, *, zone: ZoneInfo) -> RepeatRule:
        """The form's view of a stored rule (for editing)."""
        if not text:
            return cls()
        fields = dict(part.split("=", 1) for part in text.split(";"))
        until = None
        if "UNTIL" in fields:
            raw = fields["UNTIL"]
            if raw.endswith("Z"):
                moment = datetime.strptime(raw, "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
                until = moment.astimezone(zone).date()
            else:
                until = datetime.strptime(raw[:8], "%Y%m%d").date()
        return cls(
            frequency=fields["FREQ"].lower(), interval=int(fields.get("INTERVAL", 1)),
            weekdays=tuple(d for d in fields.get("BYDAY", "").split(",") if d),
            until=until, count=int(fields["COUNT"]) if "COUNT" in fields else None,
        )

    def describe(self) -> str:
        """In words, in the reader's language: "Every 2 weeks on Tuesday and Thursday, until
        Jun 30, 2026"."""
        if self.frequency == NONE:
            return _("Does not repeat")
        words = _every(self.frequency, self.interval)
        if self.weekdays:
            names = [str(WEEKDAY_NAMES[BYDAY.index(d)]) for d in BYDAY if d in self.weekdays]
            days = names[0] if len(names) == 1 else _("%(names)s and %(last)s") % {
                "names": ", ".join(names[:-1]), "last": names[-1]}
            words = _("%(repeat)s on %(weekdays)s") % {"repeat": words, "weekdays": days}
        if self.until is not None:
            words = _("%(repeat)s, until %(day)s") % {
                "repeat": words, "day": _until_words(self.until)}
        if self.count is not None:
            words = ngettext("%(repeat)s, %(count)s time", "%(repeat)s, %(count)s times",
                             self.count) % {"repeat": words, "count": self.count}
        return words


def _until_words(until: date) -> str:
    return date_format(until, "DAY_SHORT_FORMAT")


def _every(frequency: str, interval: int) -> str:
    """ "Every week", "Every 2 weeks": how often, in words."""
    if interval == 1:
        return {"daily": _("Every day"), "weekly": _("Every week"),
                "monthly": _("Every month"), "yearly": _("Every year")}[frequency]
    if frequency == "daily":
        words = ngettext("Every %(count)s day", "Every %(count)s days", interval)
    elif frequency == "weekly":
        words = ngettext("Every %(count)s week", "Every %(count)s weeks", interval)
    elif frequency == "monthly":
        words = ngettext("Every %(count)s month", "Every %(count)s months", interval)
    else:
        words = ngettext("Every %(count)s year", "Every %(count)s years", interval)
    return words % {"count": interval}


def _until_text(until: date, zone: ZoneInfo, all_day: bool) -> str:
    if all_day:
        return f"{until:%Y%m%d}"
    end_of_day = datetime.combine(until, time(23, 59, 59), tzinfo=zone)
    return end_of_day.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def _rule(text: str, local_start: datetime, all_day: bool) -> rrule:
    # An all-day rule has a DATE UNTIL, which dateutil pairs with a naive DTSTART.
    dtstart = local_start.replace(tzinfo=None) if all_day else local_start
    parsed = rrulestr(text, dtstart=dtstart)
    assert isinstance(parsed, rrule)
    return parsed


def _aware(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def expand(
    text: str, *, local_start: datetime, duration: timedelta, all_day: bool,
    window_start: datetime, window_end: datetime,
) -> list[datetime]:
    """Starts (aware, in ``local_start``'s zone) of the occurrences overlapping
    [window_start, window_end). ``duration`` is wall-clock; no rule means one occurrence."""
    zone = local_start.tzinfo
    assert isinstance(zone, ZoneInfo)
    if not text:
        starts = [local_start]
    else:
        rule = _rule(text, local_start, all_day)
        after = (window_start - duration - timedelta(days=1)).astimezone(zone)
        before = window_end.astimezone(zone)
        if all_day:
            after, before = after.replace(tzinfo=None), before.replace(tzinfo=None)
        starts = [_aware(moment, zone) for moment in rule.between(after, before, inc=True)]
    return [start for start in starts
            if start < window_end and _end(start, duration) > window_start]


def _end(start: datetime, duration: timedelta) -> datetime:
    # Wall-clock arithmetic, then an exact instant (valid across a DST change).
    zone = start.tzinfo
    assert isinstance(zone, ZoneInfo)
    return (start.replace(tzinfo=None) + duration).replace(tzinfo=zone)


def occurrence_end(start: datetime, duration: timedelta) -> datetime:
    return _end(start, duration)


def last_end(text: str, *, local_start: datetime, duration: timedelta,
             all_day: bool) -> datetime | None:
    """When the last occurrence ends; None for a rule that repeats forever."""
    if not text:
        return _end(local_start, duration)
    rule = _rule(text, local_start, all_day)
    if "COUNT=" not in text and "UNTIL=" not in text:
        return None
    zone = local_start.tzinfo
    assert isinstance(zone, ZoneInfo)
    last = None
    for last in rule:  # noqa: B007 (bounded by COUNT or UNTIL, checked on input)
        pass
    if last is None:
        return _end(local_start, duration)
    return _end(_aware(last, zone), duration)
