"""The ICS feed (RFC 5545): custody blocks per child, exchanges, events."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event, vRecur

from twohomes.families.access import visible_children
from twohomes.families.models import Membership
from twohomes.schedules.engine import FamilyTimeline, child_id, family_timeline

PAST_DAYS = 92
FUTURE_DAYS = 640
EXCHANGE_MINUTES = 15


def feed_range(today: date) -> tuple[date, date]:
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


def _uid(*parts: Any) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:24]
    return f"{digest}@twohomes"


def _blocks(calendar: Calendar, ft: FamilyTimeline, children: list[Any],
            stamp: datetime) -> None:
    start = datetime.combine(ft.first, time(0), ft.zone)
    end = datetime.combine(ft.end, time(0), ft.zone)
    for child in children:
        cid = child_id(child)
        if cid not in ft.timeline.children:
            continue
        for interval in ft.timeline.between(cid, start, end):
            event = Event()
            event.add("uid", _uid("block", ft.plan.family_id, cid, interval.start.timestamp()))
            event.add("dtstamp", stamp)
            event.add("dtstart", interval.start.astimezone(ft.zone))
            event.add("dtend", interval.end.astimezone(ft.zone))
            event.add("summary", f"{child.name} with {ft.parent_name(interval.parent)}")
            event.add("description", f"Because of {interval.reason}.")
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["Custody"])
            calendar.add_component(event)


def _exchanges(calendar: Calendar, ft: FamilyTimeline, children: list[Any],
               stamp: datetime) -> None:
    names = {child_id(c): c.name for c in children}
    start = datetime.combine(ft.first, time(0), ft.zone)
    end = datetime.combine(ft.end, time(0), ft.zone)
    place = ft.plan.exchange_place
    for x in ft.timeline.exchanges(start, end):
        if x.child not in names:
            continue
        event = Event()
        event.add("uid", _uid("exchange", ft.plan.family_id, x.child, x.at.timestamp()))
        event.add("dtstamp", stamp)
        event.add("dtstart", x.at.astimezone(ft.zone))
        event.add("dtend", (x.at + timedelta(minutes=EXCHANGE_MINUTES)).astimezone(ft.zone))
        event.add("summary", f"Exchange: {names[x.child]}, {ft.parent_name(x.from_parent)} → "
                             f"{ft.parent_name(x.to_parent)}")
        if place:
            event.add("location", place)
        event.add("categories", ["Exchange"])
        calendar.add_component(event)


def _events(calendar: Calendar, membership: Membership, stamp: datetime) -> None:
    """Each event once, a repeating one with its RRULE (subscribers expand it)."""
    from twohomes.events.models import EventStatus
    from twohomes.events.selectors import visible_events

    for item in visible_events(membership).filter(status=EventStatus.ACTIVE):
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
        event.add("summary", item.title)
        if item.location:
            event.add("location", item.location)
        if item.notes:
            event.add("description", item.notes)
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
    children = list(visible_children(membership))
    ft = family_timeline(membership.family, first, end)
    if ft is not None:
        _blocks(calendar, ft, children, stamp)
        _exchanges(calendar, ft, children, stamp)
    _events(calendar, membership, stamp)
    calendar.add_missing_timezones()
    return calendar.to_ical()
