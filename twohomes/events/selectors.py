"""What the calendar reads: the events a member may see, and their occurrences in a range.

Built on ``families.access``: parents and professionals see every event of the family;
partners, relatives and children see the events of the children they are linked to and
the events they were invited to. Another family's event is never returned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from twohomes.families.access import Cap, has, scoped, visible_children
from twohomes.families.models import Family, Membership

from . import recurrence
from .models import Event, EventInvitation, EventStatus, SkippedOccurrence


def visible_events(membership: Membership) -> QuerySet[Event]:
    """Every event ``membership`` may see (cancelled ones included), in its family only.

    Filter further with ``.filter(...)``; no row of another family can appear.
    """
    events = scoped(membership, Event.objects.all())
    if has(membership, Cap.VIEW_ALL_CHILDREN):
        return events
    linked = Event.children.through.objects.filter(
        event=OuterRef("pk"), child__in=visible_children(membership))
    invited = current_invitations(membership).filter(event=OuterRef("pk"))
    return events.filter(Q(Exists(linked)) | Q(Exists(invited)))


def current_invitations(membership: Membership) -> QuerySet[EventInvitation]:
    """``membership``'s event invitations since they last joined the family."""
    found = EventInvitation.objects.filter(invitee=membership)
    if membership.rejoined_at is not None:
        found = found.filter(invited_at__gte=membership.rejoined_at)
    return found


def get_event(membership: Membership, event_id: int) -> Event:
    """The event if ``membership`` may see it, else 404 (also for another family's)."""
    event = (visible_events(membership).select_related("responsible__user", "created_by__user")
             .prefetch_related("children").filter(pk=event_id).first())
    if event is None:
        raise Http404
    return event


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an event, for the calendar.

    ``starts``/``ends`` are aware datetimes in the event's zone (the family's zone when the
    event was saved). For an all-day event they are the local midnights that bound its days
    (``ends`` exclusive). ``recurrence_id`` is the occurrence's original start for a
    repeating event (as RFC 5545 RECURRENCE-ID), None for a one-off.
    """

    event_id: int
    title: str
    starts: datetime
    ends: datetime
    all_day: bool
    location: str
    children: tuple[int, ...]
    responsible: str | None
    recurrence_id: datetime | None
    cancelled: bool = False  # the event, or only this time of it (``skipped``)
    skipped: bool = False


def occurrences(
    scope: Membership | Family,
    start: datetime,
    end: datetime,
    children: Sequence[int] | None = None,
    *,
    include_cancelled: bool = False,
) -> list[Occurrence]:
    """The occurrences overlapping [start, end), sorted by start.

    ``scope`` is the member whose view this is (``visible_events``), or a whole ``Family``
    for callers that have already decided access (a parent's feed, a worker).
    ``children``, child ids, keeps the events of any of those children. ``start`` and
    ``end`` must be aware. Repeating events are expanded in Python; the database is read
    with a fixed number of queries (events, then their children) however many events,
    children or occurrences there are.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("occurrences() needs aware datetimes")
    events = visible_events(scope) if isinstance(scope, Membership) else \
        Event.objects.filter(family=scope)
    events = events.filter(starts__lt=end).filter(
        Q(series_ends__isnull=True) | Q(series_ends__gt=start))
    if not include_cancelled:
        events = events.filter(status=EventStatus.ACTIVE)
    if children is not None:
        events = events.filter(children__in=list(children)).distinct()
    chosen = list(events.select_related("responsible__user"))
    # Children and skipped times read as plain pairs and grouped here: prefetching them
    # built a queryset per event, which cost more than the queries themselves.
    ids = [event.pk for event in chosen]
    child_ids: dict[int, list[int]] = defaultdict(list)
    for event_id, child_id in (Event.children.through.objects.filter(event__in=ids)
                               .values_list("event_id", "child_id")):
        child_ids[event_id].append(child_id)
    skipped: dict[int, set[datetime]] = defaultdict(set)
    repeating = [event.pk for event in chosen if event.rrule]
    for event_id, moment in (SkippedOccurrence.objects.filter(event__in=repeating)
                             .values_list("event_id", "starts") if repeating else ()):
        skipped[event_id].add(moment)
    found = [occurrence for event in chosen
             for occurrence in _expand(event, start, end, include_cancelled,
                                       child_ids=tuple(sorted(child_ids[event.pk])),
                                       skipped=skipped[event.pk])]
    return sorted(found, key=lambda o: (o.starts, o.event_id))


def event_occurrences(event: Event, start: datetime, end: datetime) -> list[Occurrence]:
    """One event's occurrences overlapping [start, end) (the event page's "next times"),
    the times called off included and marked."""
    return _expand(event, start, end, include_skipped=True)


def _expand(event: Event, start: datetime, end: datetime, include_skipped: bool = False, *,
            child_ids: tuple[int, ...] | None = None,
            skipped: set[datetime] | None = None) -> list[Occurrence]:
    """``event``'s occurrences in [start, end); its children's ids and skipped times are
    read from the event unless given."""
    duration = event.duration
    if child_ids is None:
        child_ids = tuple(sorted(child.pk for child in event.children.all()))
    responsible = event.responsible.user.name if event.responsible else None
    if skipped is None:
        skipped = {s.starts for s in event.skipped.all()} if event.rrule else set()
    found = []
    for moment in recurrence.expand(event.rrule, local_start=event.local_start(),
                                    duration=duration, all_day=event.all_day,
                                    window_start=start, window_end=end):
        off = moment in skipped
        if off and not include_skipped:
            continue
        found.append(Occurrence(
            event_id=event.pk, title=event.title, starts=moment,
            ends=recurrence.occurrence_end(moment, duration), all_day=event.all_day,
            location=event.location, children=child_ids, responsible=responsible,
            recurrence_id=moment if event.rrule else None,
            cancelled=event.is_cancelled or off, skipped=off))
    return found
