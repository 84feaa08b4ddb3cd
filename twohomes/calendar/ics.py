"""The ICS feed (RFC 5545): custody blocks per child, exchanges, events."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event, Timezone, vRecur

from twohomes.core.schedule import PlanError
from twohomes.events.models import EventStatus
from twohomes.events.selectors import visible_events
from twohomes.families.access import Cap, has, visible_children
from twohomes.families.models import Membership
from twohomes.schedules.engine import FamilyTimeline, child_id, family_timeline
from twohomes.schedules.grid import explain

logger = logging.getLogger(__name__)

PAST_DAYS = 92
FUTURE_DAYS = 640
EXCHANGE_LENGTH = timedelta(minutes=15)


def feed_range(today: date) -> tuple[date, date]:
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


def _uid(*parts: Any) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:24]
    return f"{digest}@twohomes"


def _names(children: list[Any]) -> str:
    return ", ".join(c.name for c in children)


def _spoken(children: list[Any]) -> str:
    """Names as a sentence says them: "Ada", "Ada and Ben", "Amara, Sofia and Theo"."""
    names = [c.name for c in children]
    if len(names) == 1:
        return names[0]
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def sentence(text: str) -> str:
    """``text`` ending in exactly one full stop, whatever the words inside brought."""
    return text.strip().rstrip(". ") + "."


# Custody blocks and hand-overs are most of a feed (about 1,400 VEVENTs over two years for
# four children) and always have the same few properties, so they are written here as
# RFC 5545 content lines directly: icalendar's general serializer took about 0.5 s for
# them. User-written events keep going through icalendar. The tests parse the whole feed
# back with icalendar and recurring-ical-events.

_CONTROLS = {code: None for code in (*range(0, 9), *range(11, 13), *range(14, 32), 127)}


def _clean(value: str) -> str:
    """Text without the control characters RFC 5545 does not allow (tab and newlines stay)."""
    return value.translate(_CONTROLS)


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (_clean(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets go on in the next line after a space (§3.1), never
    splitting a UTF-8 sequence."""
    if len(line) <= 75 and line.isascii():
        return line
    data = line.encode()
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return f"TZID={zone.key}:{moment.astimezone(zone):%Y%m%dT%H%M%S}"


def _vevent(out: list[str], ft: FamilyTimeline, kind: str, group: list[Any], stamp: str,
            begin: datetime, finish: datetime, *lines: str) -> None:
    out += ["BEGIN:VEVENT",
            "UID:" + _uid(kind, ft.plan.family_id, sorted(c.pk for c in group),
                          begin.timestamp()),
            "DTSTAMP:" + stamp,
            "DTSTART;" + _local(begin, ft.zone),
            "DTEND;" + _local(finish, ft.zone)]
    out.extend(_fold(line) for line in lines)
    out.append("END:VEVENT")


def _window(ft: FamilyTimeline) -> tuple[datetime, datetime]:
    return (datetime.combine(ft.first, time(0), ft.zone),
            datetime.combine(ft.end, time(0), ft.zone))


def _blocks(out: list[str], ft: FamilyTimeline, children: list[Any], stamp: str, *,
            change_reasons: bool) -> None:
    """One VEVENT per custody block; children with the very same block share it. A change's
    name carries the reason a parent gave; only those who read change requests see it."""
    start, end = _window(ft)
    shared: dict[tuple[datetime, datetime, str], list[Any]] = {}
    reasons: dict[tuple[datetime, datetime, str], str] = {}
    for child in children:
        cid = child_id(child)
        if cid not in ft.timeline.children:
            continue
        for interval in ft.timeline.between(cid, start, end):
            key = (interval.start, interval.end, interval.parent)
            shared.setdefault(key, []).append(child)
            reasons[key] = explain(interval.reason, change_reasons=change_reasons)
    for (begin, finish, parent), group in sorted(shared.items(), key=lambda item: item[0]):
        why = sentence(_("%(children)s with %(parent)s, because of %(reason)s") % {
            "children": _spoken(group), "parent": ft.parent_name(parent),
            "reason": reasons[(begin, finish, parent)]})
        summary = _("%(children)s with %(parent)s") % {"children": _names(group),
                                                       "parent": ft.parent_name(parent)}
        _vevent(out, ft, "block", group, stamp, begin, finish,
                "SUMMARY:" + _text(summary),
                "DESCRIPTION:" + _text(why),
                "TRANSP:TRANSPARENT",
                "CATEGORIES:Custody")


def _exchanges(out: list[str], ft: FamilyTimeline, children: list[Any], stamp: str) -> None:
    """One VEVENT per hand-over; children handed over together share it."""
    by_id = {child_id(c): c for c in children}
    start, end = _window(ft)
    together: dict[tuple[datetime, str, str], list[Any]] = {}
    for x in ft.timeline.exchanges(start, end):
        if x.child in by_id:
            together.setdefault((x.at, x.from_parent, x.to_parent), []).append(by_id[x.child])
    place = ["LOCATION:" + _text(ft.plan.exchange_place)] if ft.plan.exchange_place else []
    for (at, giver, receiver), group in sorted(together.items(), key=lambda item: item[0]):
        giver_name, receiver_name = ft.parent_name(giver), ft.parent_name(receiver)
        words = {"children": _spoken(group), "from": giver_name, "to": receiver_name,
                 "time": time_format(at.astimezone(ft.zone), "CLOCK_FORMAT")}
        what = sentence(ngettext("%(children)s goes from %(from)s to %(to)s at %(time)s",
                                 "%(children)s go from %(from)s to %(to)s at %(time)s",
                                 len(group)) % words)
        summary = _("Exchange of %(children)s: %(from)s → %(to)s") % {
            **words, "children": _names(group)}
        _vevent(out, ft, "exchange", group, stamp, at, at.astimezone(UTC) + EXCHANGE_LENGTH,
                "SUMMARY:" + _text(summary),
                "DESCRIPTION:" + _text(what),
                *place,
                "CATEGORIES:Exchange")


def _events(calendar: Calendar, membership: Membership, stamp: datetime) -> None:
    """Each event once, a repeating one with its RRULE (subscribers expand it)."""

    for item in (visible_events(membership).filter(status=EventStatus.ACTIVE)
                 .prefetch_related("skipped")):
        event = Event()
        event.add("uid", _uid("event", item.family_id, item.pk))
        event.add("dtstamp", stamp)
        event.add("last-modified", item.updated_at)
        if item.all_day and item.start_date:
            event.add("dtstart", item.start_date)
            event.add("dtend", (item.end_date or item.start_date) + timedelta(days=1))
        else:
            event.add("dtstart", item.local_start())
            event.add("dtend", item.local_end())
        if item.rrule:
            event.add("rrule", vRecur.from_ical(item.rrule))
            off = [s.starts.astimezone(item.zone) for s in item.skipped.all()]
            if off:  # the times called off, one by one
                event.add("exdate", [m.date() for m in off] if item.all_day else off)
        event.add("summary", _clean(item.title))
        if item.location:
            event.add("location", _clean(item.location))
        if item.notes:
            event.add("description", _clean(item.notes))
        event.add("categories", ["Event"])
        calendar.add_component(event)


def build_feed(membership: Membership, today: date, stamp: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//TwoHomes//Family calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "TwoHomes")
    calendar.add("x-wr-timezone", membership.family.timezone)
    first, end = feed_range(today)
    _events(calendar, membership, stamp)
    calendar.add_missing_timezones()
    zone = membership.family.zone
    if zone.key not in {tz.tz_name for tz in calendar.timezones}:
        calendar.add_component(Timezone.from_tzinfo(zone, tzid=zone.key))
    children = list(visible_children(membership))
    try:
        ft = family_timeline(membership.family, first, end)
    except PlanError:  # the calendar page says why; the feed keeps the events
        logger.exception("The plan in force of family %s cannot be computed",
                         membership.family_id)
        ft = None
    written: list[str] = []
    if ft is not None:
        when = f"{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        _blocks(written, ft, children, when, change_reasons=has(membership, Cap.VIEW_PLANS))
        _exchanges(written, ft, children, when)
    closing = b"END:VCALENDAR\r\n"
    body = calendar.to_ical().removesuffix(closing)
    return body + "".join(line + "\r\n" for line in written).encode() + closing
