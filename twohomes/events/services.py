"""Every events action: create, change, cancel, invite, reply.

Each checks the actor's capability, writes an ``EventRevision`` where the event itself
changes, and appends its record entry (``calendar.event.*``) in the same transaction.
Events are never deleted: cancelling keeps the event, marked, with its history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twohomes.core.schedule import MAX_YEAR, MIN_YEAR, within_years
from twohomes.families.access import Cap, has, require
from twohomes.families.models import Child, Membership, MembershipStatus
from twohomes.records import services as records

from . import recurrence
from .models import Event, EventInvitation, EventRevision, EventStatus, Reply, SkippedOccurrence
from .recurrence import RepeatError, RepeatRule
from .selectors import current_invitations, get_event


@dataclass(frozen=True)
class EventDetails:
    """What a person enters for an event. A timed event gives aware ``starts``/``ends``;
    an all-day event gives ``start_date``/``end_date`` (inclusive local days)."""

    title: str
    all_day: bool = False
    starts: datetime | None = None
    ends: datetime | None = None
    start_date: date | None = None
    end_date: date | None = None
    children: Sequence[Child] = ()
    location: str = ""
    responsible: Membership | None = None
    notes: str = ""
    repeat: RepeatRule = field(default_factory=RepeatRule)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


LONGEST = timedelta(days=366)


def _check_days(*days: date) -> None:
    if not within_years(*days):
        raise ValidationError(_("Give dates between %(first)s and %(last)s.")
                              % {"first": MIN_YEAR, "last": MAX_YEAR})


def _instants(details: EventDetails, zone: ZoneInfo) -> tuple[datetime, datetime]:
    if details.all_day:
        if details.start_date is None:
            raise ValidationError(_("Give the day the event starts."))
        last = details.end_date or details.start_date
        _check_days(details.start_date, last)
        if last < details.start_date:
            raise ValidationError(_("The event ends before it starts."))
        if last - details.start_date >= LONGEST:
            raise ValidationError(_("An event can last at most a year."))
        return _midnight(details.start_date, zone), _midnight(last + timedelta(days=1), zone)
    if details.starts is None or details.ends is None:
        raise ValidationError(_("Give the start and end times."))
    if details.starts.tzinfo is None or details.ends.tzinfo is None:
        raise ValueError("event times must be aware")
    _check_days(details.starts.date(), details.ends.date())
    if details.ends <= details.starts:
        raise ValidationError(_("The event ends before it starts."))
    if details.ends - details.starts > LONGEST:
        raise ValidationError(_("An event can last at most a year."))
    return details.starts, details.ends


def _check_people(actor: Membership, details: EventDetails) -> None:
    if any(child.family_id != actor.family_id for child in details.children):
        raise ValidationError(_("Choose children of this family."))
    person = details.responsible
    if person is not None and (person.family_id != actor.family_id
                               or not has(person, Cap.HOLD_CUSTODY)
                               or person.status != MembershipStatus.ACTIVE):
        raise ValidationError(_("The person responsible must be a parent in this family."))


def _apply(actor: Membership, event: Event, details: EventDetails, now: datetime) -> None:
    """Validate ``details`` and copy them onto ``event`` (not saved)."""
    title = details.title.strip()
    if not title:
        raise ValidationError(_("Give the event a title."))
    _check_people(actor, details)
    zone = actor.family.zone
    starts, ends = _instants(details, zone)
    local_start = starts.astimezone(zone)
    try:
        rule = details.repeat.to_rrule(first_day=local_start.date(), zone=zone,
                                       all_day=details.all_day)
    except RepeatError as error:
        raise ValidationError(str(error)) from None
    event.title, event.starts, event.ends, event.all_day = title[:200], starts, ends, \
        details.all_day
    event.start_date = local_start.date() if details.all_day else None
    event.end_date = (ends.astimezone(zone) - timedelta(days=1)).date() if details.all_day \
        else None
    event.timezone, event.rrule = zone.key, rule
    event.location, event.notes = details.location.strip()[:200], details.notes.strip()
    event.responsible = details.responsible
    event.series_ends = recurrence.last_end(rule, local_start=local_start,
                                            duration=event.duration, all_day=details.all_day)
    event.updated_at = now


def _day(day: date) -> str:
    """"Tue, Dec 8, 2026", in the reader's language."""
    return date_format(day, "WEEKDAY_SHORT_DAY_YEAR_FORMAT")


def _clock(moment: datetime) -> str:
    """"6:00 PM", in the reader's language."""
    return time_format(moment, "CLOCK_FORMAT")


def _moment(moment: datetime) -> str:
    """The day and the time, in the reader's language."""
    return date_format(moment, "WEEKDAY_SHORT_DAY_YEAR_TIME_FORMAT")


def describe_when(event: Event | Any, zone: ZoneInfo) -> str:
    """The event's first occurrence in words, in ``zone`` (the family's)."""
    if event.all_day and event.start_date and event.end_date:
        first, last = event.start_date, event.end_date
        if first == last:
            return _("%(day)s, all day") % {"day": _day(first)}
        return _("%(first)s – %(last)s, all day") % {"first": _day(first), "last": _day(last)}
    start, end = event.starts.astimezone(zone), event.ends.astimezone(zone)
    if end.date() != start.date():
        return f"{_moment(start)} – {_moment(end)}"
    return f"{_moment(start)} – {_clock(end)}"


# The history's field names: stored in English, each shown in the reader's language.
TITLE, WHEN, REPEATS = gettext_noop("Title"), gettext_noop("When"), gettext_noop("Repeats")
CHILDREN, LOCATION = gettext_noop("Children"), gettext_noop("Location")
RESPONSIBLE, NOTES = gettext_noop("Responsible"), gettext_noop("Notes")
STATUS, REASON = gettext_noop("Status"), gettext_noop("Reason")
CANCELLED_ONCE = gettext_noop("Cancelled once")
NO_CHILD, NOBODY = gettext_noop("None"), gettext_noop("Nobody")


def _shown(event: Event, children: Sequence[Child], actor: Membership) -> dict[str, Any]:
    """The event as the history list shows it, one entry per field: names and what people
    wrote as written, the rest as data that ``history.said`` words for each reader (the
    time, the repeat, "nobody"). Two versions differ where these differ."""
    return {
        TITLE: event.title,
        WHEN: {"when": {"starts": event.starts.astimezone(UTC).isoformat(),
                        "ends": event.ends.astimezone(UTC).isoformat(),
                        "all_day": event.all_day,
                        "first": event.start_date.isoformat() if event.start_date else None,
                        "last": event.end_date.isoformat() if event.end_date else None}},
        REPEATS: {"repeats": event.rrule or ""},
        CHILDREN: ", ".join(sorted(child.name for child in children)) or {"say": NO_CHILD},
        LOCATION: event.location or "—",
        RESPONSIBLE: event.responsible.user.name if event.responsible else {"say": NOBODY},
        NOTES: event.notes or "—",
    }


def _recorded(event: Event, children: Sequence[Child]) -> dict[str, Any]:
    """The event as plain data for the record (ids, never names)."""
    return {  # instants in UTC, so that the same time written in another zone is no change
        "title": event.title, "starts": event.starts.astimezone(UTC).isoformat(),
        "ends": event.ends.astimezone(UTC).isoformat(), "all_day": event.all_day,
        "timezone": event.timezone, "rrule": event.rrule,
        "children": sorted(child.pk for child in children), "location": event.location,
        "responsible": records.actor_id(event.responsible) if event.responsible else None,
        "notes": event.notes,
    }


def _diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field": key, "old": old[key], "new": new[key]}
            for key in new if old.get(key) != new[key]]


@transaction.atomic
def create_event(*, actor: Membership, details: EventDetails, now: datetime) -> Event:
    require(actor, Cap.MANAGE_EVENTS)
    event = Event(family=actor.family, created_by=actor, created_at=now)
    _apply(actor, event, details, now)
    children = list(details.children)
    event.save()
    event.children.set(children)
    entry = records.append(actor.family, "calendar.event.created", actor,
                           {"event": event.pk, **_recorded(event, children)}, now=now)
    event.created_at = event.updated_at = entry.recorded_at
    event.save(update_fields=["created_at", "updated_at"])
    shown = _shown(event, children, actor)
    EventRevision.objects.create(
        event=event, actor=actor, action=EventRevision.Action.CREATED, at=entry.recorded_at,
        changes=[{"field": key, "old": "", "new": value} for key, value in shown.items()],
        record_seq=entry.seq)
    return event


def _locked(actor: Membership, event: Event) -> Event:
    found = get_event(actor, event.pk)  # 404 for another family's event
    locked = Event.objects.select_for_update().get(pk=found.pk)
    if locked.is_cancelled:
        raise ValidationError(_("This event was cancelled; it can no longer be changed."))
    return locked


@transaction.atomic
def change_event(*, actor: Membership, event: Event, details: EventDetails,
                 now: datetime) -> EventRevision | None:
    """Apply ``details``; returns the revision, or None when nothing changed."""
    require(actor, Cap.MANAGE_EVENTS)
    event = _locked(actor, event)
    old_children = list(event.children.all())
    old_shown, old_recorded = _shown(event, old_children, actor), _recorded(event, old_children)
    _apply(actor, event, details, now)
    children = list(details.children)
    shown, recorded = _shown(event, children, actor), _recorded(event, children)
    if recorded == old_recorded:
        return None
    entry = records.append(actor.family, "calendar.event.changed", actor, {
        "event": event.pk,
        "changes": {key: [old_recorded[key], recorded[key]] for key in recorded
                    if old_recorded[key] != recorded[key]},
    }, now=now)
    event.updated_at = entry.recorded_at
    event.save()
    event.children.set(children)
    _follow_skipped(event, now)
    return EventRevision.objects.create(
        event=event, actor=actor, action=EventRevision.Action.CHANGED, at=entry.recorded_at,
        changes=_diff(old_shown, shown), record_seq=entry.seq)


def _follow_skipped(event: Event, now: datetime) -> None:
    """A time called off stays called off when the series moves to another hour: the
    occurrence on the same local day takes its place."""
    zone = event.zone
    for skipped in event.skipped.filter(starts__gt=now):
        day = skipped.starts.astimezone(zone).date()
        start = _midnight(day, zone)
        same_day = [moment for moment in recurrence.expand(
            event.rrule, local_start=event.local_start(), duration=event.duration,
            all_day=event.all_day, window_start=start,
            window_end=_midnight(day + timedelta(days=1), zone)) if moment.date() == day]
        if same_day and same_day[0] != skipped.starts:
            SkippedOccurrence.objects.filter(pk=skipped.pk).update(starts=same_day[0])


@transaction.atomic
def cancel_event(*, actor: Membership, event: Event, reason: str = "",
                 now: datetime) -> EventRevision:
    require(actor, Cap.MANAGE_EVENTS)
    event = _locked(actor, event)
    reason = reason.strip()[:300]
    entry = records.append(actor.family, "calendar.event.cancelled", actor,
                           {"event": event.pk, "reason": reason}, now=now)
    event.status, event.cancelled_at, event.cancel_reason = (
        EventStatus.CANCELLED, entry.recorded_at, reason)
    event.updated_at = entry.recorded_at
    event.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    changes: list[dict[str, Any]] = [{"field": STATUS, "old": {"status": EventStatus.ACTIVE},
                                      "new": {"status": EventStatus.CANCELLED}}]
    if reason:
        changes.append({"field": REASON, "old": "", "new": reason})
    return EventRevision.objects.create(
        event=event, actor=actor, action=EventRevision.Action.CANCELLED, at=entry.recorded_at,
        changes=changes, record_seq=entry.seq)


def describe_occurrence(event: Event | Any, starts: datetime, zone: ZoneInfo) -> str:
    local = starts.astimezone(zone)
    return _day(local) if event.all_day else _moment(local)


@transaction.atomic
def cancel_occurrence(*, actor: Membership, event: Event, starts: datetime, reason: str = "",
                      now: datetime) -> SkippedOccurrence:
    """Call off one time of a repeating event; the other times go on."""
    require(actor, Cap.MANAGE_EVENTS)
    event = _locked(actor, event)
    if not event.rrule:
        raise ValidationError(_("This event does not repeat: cancel the event itself."))
    if starts.tzinfo is None:
        raise ValueError("the occurrence's start must be aware")
    times = recurrence.expand(event.rrule, local_start=event.local_start(),
                              duration=event.duration, all_day=event.all_day,
                              window_start=starts, window_end=starts + timedelta(seconds=1))
    if starts not in times:
        raise ValidationError(_("The event does not take place at that time."))
    if starts <= now:
        raise ValidationError(_("That time has already begun; it stays as it was."))
    if event.skipped.filter(starts=starts).exists():
        raise ValidationError(_("That time is already cancelled."))
    reason = reason.strip()[:300]
    entry = records.append(actor.family, "calendar.event.occurrence_cancelled", actor, {
        "event": event.pk, "starts": starts.isoformat(), "reason": reason}, now=now)
    skipped = SkippedOccurrence.objects.create(event=event, starts=starts, reason=reason,
                                               skipped_by=actor, at=entry.recorded_at,
                                               record_seq=entry.seq)
    event.updated_at = entry.recorded_at  # the feed's version follows
    event.save(update_fields=["updated_at"])
    once = {"occurrence": {"starts": starts.astimezone(UTC).isoformat(),
                           "all_day": event.all_day}}  # worded for each reader
    changes: list[dict[str, Any]] = [{"field": CANCELLED_ONCE, "old": "", "new": once}]
    if reason:
        changes.append({"field": REASON, "old": "", "new": reason})
    EventRevision.objects.create(
        event=event, actor=actor, action=EventRevision.Action.SKIPPED, at=entry.recorded_at,
        changes=changes, record_seq=entry.seq)
    return skipped


@transaction.atomic
def invite_to_event(*, actor: Membership, event: Event, invitee: Membership,
                    now: datetime) -> EventInvitation:
    require(actor, Cap.MANAGE_EVENTS)
    event = _locked(actor, event)
    if (invitee.family_id != actor.family_id or not has(invitee, Cap.BE_INVITED_TO_EVENTS)
            or invitee.status != MembershipStatus.ACTIVE):
        raise ValidationError(_("Invite a parent, partner or relative of this family."))
    if invitee.pk == actor.pk:
        raise ValidationError(_("You cannot invite yourself."))
    earlier = event.invitations.filter(invitee=invitee).first()
    # invited before they left the family: invited afresh
    stale = earlier is not None and not invitee.since_joined(earlier.invited_at)
    if earlier is not None and not stale:
        raise ValidationError(_("%(name)s is already invited.") % {"name": invitee.user.name})
    entry = records.append(actor.family, "calendar.event.invited", actor, {
        "event": event.pk, "invitee": records.actor_id(invitee)}, now=now)
    fresh = {"invited_by": actor, "invited_at": entry.recorded_at, "reply": Reply.PENDING,
             "note": "", "replied_at": None}
    if earlier is not None:
        EventInvitation.objects.filter(pk=earlier.pk).update(**fresh)
        earlier.refresh_from_db()
        return earlier
    return EventInvitation.objects.create(event=event, invitee=invitee, **fresh)


@transaction.atomic
def reply_to_event(*, actor: Membership, event: Event, reply: str, note: str = "",
                   now: datetime) -> EventInvitation:
    """The invitee's yes, no or maybe (which they may change later)."""
    event = get_event(actor, event.pk)
    invitation = current_invitations(actor).select_for_update().filter(event=event).first()
    if invitation is None:
        raise PermissionDenied("You were not invited to this event.")
    if reply not in (Reply.YES, Reply.NO, Reply.MAYBE):
        raise ValidationError(_("Answer yes, no or maybe."))
    if event.is_cancelled:
        raise ValidationError(_("This event was cancelled."))
    note = note.strip()[:300]
    entry = records.append(actor.family, "calendar.event.replied", actor, {
        "event": event.pk, "reply": reply, "note": note}, now=now)
    invitation.reply, invitation.note, invitation.replied_at = reply, note, entry.recorded_at
    invitation.save(update_fields=["reply", "note", "replied_at"])
    return invitation
