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


def _names(children: list[Any]) -> str:
    return ", ".join(c.name for c in children)


def _blocks(calendar: Calendar, ft: FamilyTimeline, children: list[Any],
            stamp: datetime) -> None:
    """One VEVENT per custody block; children with the very same block share it."""
    start = datetime.combine(ft.first, time(0), ft.zone)
    end = datetime.combine(ft.end, time(0), ft.zone)
    shared: dict[tuple[datetime, datetime, str], list[Any]] = {}
    reasons: dict[tuple[datetime, datetime, str], str] = {}
    for child in children:
        cid = child_id(child)
        if cid not in ft.timeline.children:
            continue
        for interval in ft.timeline.between(cid, start, end):
            key = (interval.start, interval.end, interval.parent)
            shared.setdefault(key, []).append(child)
            reasons[key] = str(interval.reason)
    for (begin, finish, parent), group in sorted(shared.items(), key=lambda item: item[0]):
        event = Event()
        event.add("uid", _uid("block", ft.plan.family_id, sorted(c.pk for c in group),
                              begin.timestamp()))
        event.add("dtstamp", stamp)
        event.add("dtstart", begin.astimezone(ft.zone))
        event.add("dtend", finish.astimezone(ft.zone))
        event.add("summary", f"{_names(group)} with {ft.parent_name(parent)}")
        event.add("description", f"Because of {reasons[(begin, finish, parent)]}.")
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Custody"])
        calendar.add_component(event)


def _exchanges(calendar: Calendar, ft: FamilyTimeline, children: list[Any],
               stamp: datetime) -> None:
    """One VEVENT per hand-over; children handed over together share it."""
    by_id = {child_id(c): c for c in children}
    start = datetime.combine(ft.first, time(0), ft.zone)
    end = datetime.combine(ft.end, time(0), ft.zone)
    together: dict[tuple[datetime, str, str], list[Any]] = {}
    for x in ft.timeline.exchanges(start, end):
        if x.child in by_id:
            together.setdefault((x.at, x.from_parent, x.to_parent), []).append(by_id[x.child])
    place = ft.plan.exchange_place
    for (at, giver, receiver), group in sorted(together.items(), key=lambda item: item[0]):
        event = Event()
        event.add("uid", _uid("exchange", ft.plan.family_id, sorted(c.pk for c in group),
                              at.timestamp()))
        event.add("dtstamp", stamp)
        event.add("dtstart", at.astimezone(ft.zone))
        event.add("dtend", (at + timedelta(minutes=EXCHANGE_MINUTES)).astimezone(ft.zone))
        event.add("summary", f"Exchange: {_names(group)}, {ft.parent_name(giver)} → "
                             f"{ft.parent_name(receiver)}")
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
