from __future__ import annotations

import re
from datetime import timedelta
from itertools import groupby
from typing import Any

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from twohomes.families.access import Cap, family_view, has, members_with, posted, visible_children
from twohomes.families.forms import error_summary
from twohomes.families.models import Membership

from . import history, services
from .forms import CancelForm, EventForm, InviteForm, ReplyForm, SkipForm
from .models import Event
from .selectors import current_invitations, event_occurrences, get_event, occurrences

WEEKS_SHOWN = 8
EVENTS_PER_PAGE = 50


def _context(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"membership": membership, "family": membership.family, **extra}


def _child_filter(request: HttpRequest, membership: Membership) -> tuple[Any, Any]:
    children = visible_children(membership)
    chosen = request.GET.get("child", "")
    child = children.filter(pk=int(chosen)).first() \
        if chosen.isascii() and chosen.isdigit() and len(chosen) < 19 else None
    return children, child


@family_view(Cap.VIEW_FAMILY)
def event_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    children, child = _child_filter(request, membership)
    weeks = WEEKS_SHOWN * 2 if request.GET.get("more") == "1" else WEEKS_SHOWN
    zone = membership.family.zone
    start = timezone.now().astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    found = occurrences(membership, start, start + timedelta(weeks=weeks),
                        [child.pk] if child else None, include_cancelled=True)
    # A page of times at most, so that a family with many events reads as fast as one
    # with few; the rest follow a page at a time.
    page = _page_number(request.GET.get("page", ""), len(found))
    shown = found[(page - 1) * EVENTS_PER_PAGE:page * EVENTS_PER_PAGE]
    names = {c.pk: c.name for c in children}
    days = [(day, [(o, [names[i] for i in o.children if i in names]) for o in group])
            for day, group in groupby(shown, key=lambda o: o.starts.astimezone(zone).date())]
    return render(request, "events/event_list.html", _context(
        membership, days=days, children=children, child=child, weeks=weeks,
        can_manage=has(membership, Cap.MANAGE_EVENTS), page=page,
        later=page * EVENTS_PER_PAGE < len(found)))


def _page_number(asked: str, total: int) -> int:
    """The page asked for, kept between the first and the last (a bad number is the first)."""
    last = max(1, -(-total // EVENTS_PER_PAGE))
    if not re.fullmatch(r"[0-9]{1,6}", asked) or int(asked) < 1:
        return 1
    return min(int(asked), last)


def _save_form(request: HttpRequest, membership: Membership, event: Event | None) -> Any:
    initial = EventForm.initial_for(event) if event else None
    form = EventForm(posted(request)[0], initial=initial, family=membership.family,
                     children=visible_children(membership))
    if request.method != "POST" or not form.is_valid() or form.details is None:
        return form
    now = timezone.now()
    try:
        if event is None:
            return services.create_event(actor=membership, details=form.details, now=now)
        services.change_event(actor=membership, event=event, details=form.details, now=now)
    except ValidationError as error:
        form.add_error(None, error)
        return form
    return event


@family_view(Cap.MANAGE_EVENTS, methods=("GET", "POST"))
def event_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    result = _save_form(request, membership, None)
    if isinstance(result, Event):
        flash.success(request, _("“%(title)s” added to the calendar.") % {"title": result.title})
        return redirect("event_detail", family_id=membership.family_id, event_id=result.pk)
    return render(request, "events/event_form.html", _context(membership, form=result))


@family_view(Cap.MANAGE_EVENTS, methods=("GET", "POST"))
def event_edit(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    event = get_event(membership, event_id)
    if event.is_cancelled:
        flash.error(request, _("This event was cancelled; it can no longer be changed."))
        return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)
    result = _save_form(request, membership, event)
    if isinstance(result, Event):
        flash.success(request, _("Changes saved."))
        return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)
    return render(request, "events/event_form.html",
                  _context(membership, form=result, event=event))


def _invitable(membership: Membership, event: Event) -> Any:
    already = event.invitations.exclude(  # invited before they left: may be invited again
        invitee__rejoined_at__gt=F("invited_at")).values("invitee")
    return (members_with(membership.family_id, Cap.BE_INVITED_TO_EVENTS).exclude(pk=membership.pk)
            .exclude(pk__in=already).select_related("user"))


def _children_for(membership: Membership, event: Event) -> tuple[list[Any], int]:
    """The event's children this member may see, and how many others there are."""
    visible = set(visible_children(membership).values_list("pk", flat=True))
    children = list(event.children.all())
    return [c for c in children if c.pk in visible], sum(c.pk not in visible for c in children)


def _revisions_for(membership: Membership, event: Event) -> list[Any]:
    """The history; a member who does not see every child is not shown the children's
    names in it (the "Children" lines)."""
    revisions = list(event.revisions.select_related("actor__user"))
    if not has(membership, Cap.VIEW_ALL_CHILDREN):
        for revision in revisions:
            revision.changes = [c for c in revision.changes if c.get("field") != services.CHILDREN]
    history.in_words(revisions, membership.family.zone)
    return revisions


@family_view(Cap.VIEW_FAMILY)
def event_detail(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    event = get_event(membership, event_id)
    zone = membership.family.zone
    invitations = [  # not those from before the invitee left the family and came back
        i for i in event.invitations.select_related("invitee__user", "invited_by__user")
        if i.invitee.since_joined(i.invited_at)]
    mine = current_invitations(membership).filter(event=event).first()
    can_manage = has(membership, Cap.MANAGE_EVENTS) and not event.is_cancelled
    now = timezone.now()
    upcoming = event_occurrences(event, now, now + timedelta(days=366))
    return render(request, "events/event_detail.html", _context(
        membership, event=event, when=services.describe_when(event, zone),
        next_times=upcoming[:5],
        invitations=invitations, mine=mine, can_manage=can_manage,
        reply_form=ReplyForm(initial={"reply": mine.reply, "note": mine.note})
        if mine and not event.is_cancelled else None,
        invite_form=InviteForm(invitable=_invitable(membership, event)) if can_manage else None,
        cancel_form=CancelForm() if can_manage else None,
        can_skip=can_manage and bool(event.rrule),
        revisions=_revisions_for(membership, event),
        shown_children=_children_for(membership, event),
    ))


@family_view(Cap.MANAGE_EVENTS, methods=("POST",))
def event_cancel(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    event = get_event(membership, event_id)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_event(actor=membership, event=event,
                                  reason=form.cleaned_data["reason"], now=timezone.now())
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
        else:
            flash.success(request, _("“%(title)s” was cancelled. It stays in the history.")
                          % {"title": event.title})
    else:
        flash.error(request, _("The reason can be at most 300 characters."))
    return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)


@family_view(Cap.MANAGE_EVENTS, methods=("POST",))
def event_skip(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    """Call off one time of a repeating event."""
    event = get_event(membership, event_id)
    form = SkipForm(request.POST)
    if form.is_valid():
        starts = form.cleaned_data["starts"]
        try:
            services.cancel_occurrence(actor=membership, event=event, starts=starts,
                                       reason=form.cleaned_data["reason"], now=timezone.now())
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
        else:
            when = services.describe_occurrence(event, starts, membership.family.zone)
            flash.success(request, _("“%(title)s” on %(when)s is cancelled; the other times "
                                     "stay.") % {"title": event.title, "when": when})
    else:
        flash.error(request, error_summary(form))
    return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)


@family_view(Cap.MANAGE_EVENTS, methods=("POST",))
def event_invite(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    event = get_event(membership, event_id)
    form = InviteForm(request.POST, invitable=_invitable(membership, event))
    if form.is_valid():
        invitee = form.cleaned_data["invitee"]
        try:
            services.invite_to_event(actor=membership, event=event, invitee=invitee,
                                     now=timezone.now())
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
        else:
            flash.success(request, _("%(name)s was invited.") % {"name": invitee.user.name})
    else:
        flash.error(request, _("Choose a parent, partner or relative of this family who is not "
                               "invited yet."))
    return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)


@family_view(Cap.VIEW_FAMILY, methods=("POST",))
def event_reply(request: HttpRequest, membership: Membership, event_id: int) -> HttpResponse:
    event = get_event(membership, event_id)
    form = ReplyForm(request.POST)
    if not current_invitations(membership).filter(event=event).exists():
        raise PermissionDenied("You were not invited to this event.")
    if form.is_valid():
        try:
            services.reply_to_event(actor=membership, event=event,
                                    reply=form.cleaned_data["reply"],
                                    note=form.cleaned_data["note"], now=timezone.now())
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
        else:
            flash.success(request, _("Your reply was sent."))
    else:
        flash.error(request, _("Answer yes, no or maybe (a note can be at most 300 "
                               "characters)."))
    return redirect("event_detail", family_id=membership.family_id, event_id=event.pk)
