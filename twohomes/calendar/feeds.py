"""Secret ICS feed addresses: made, shown once, revoked; and the feed itself."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twohomes.events.selectors import visible_events
from twohomes.families.access import (
    Cap,
    access_lapsed,
    end_expired_access,
    family_view,
    has,
    in_family,
    public_view,
    unscoped,
    visible_children,
)
from twohomes.families.models import Membership, MembershipStatus
from twohomes.families.services import audit
from twohomes.mail import reader_language
from twohomes.schedules.models import Override, ParentingPlan, PlanStatus

from .forms import ReminderForm
from .ics import build_feed
from .models import CalendarFeed, ReminderPreference, hash_token

FEED_CACHE_SECONDS = 60 * 60 * 26


def _event_version(membership: Membership) -> tuple[Any, ...]:

    found = visible_events(membership).aggregate(n=Count("pk"), latest=Max("updated_at"))
    return found["n"], found["latest"]


def feed_language(membership: Membership) -> str:
    """A feed's words are in its member's chosen language, as their emails are (a calendar
    app polling it says nothing of its reader)."""
    return reader_language(membership.user)


def feed_version(membership: Membership, today: Any) -> tuple[str, datetime | None]:
    """(ETag, Last-Modified) from a few aggregates: cheap enough to answer every poll."""
    family = membership.family
    plan = (ParentingPlan.objects.filter(family=family, status=PlanStatus.AGREED)
            .aggregate(v=Max("version"), at=Max("agreed_at")))
    changes = Override.objects.filter(family=family).aggregate(n=Count("pk"),
                                                              at=Max("created_at"))
    children = tuple(visible_children(membership).values_list("pk", "name"))
    events = _event_version(membership)
    parts = (today, plan["v"], changes["n"], changes["at"], children, events,
             family.timezone, membership.role,  # the role only keys what this member sees
             feed_language(membership))
    etag = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    stamps = [s for s in (plan["at"], changes["at"], events[1] if events else None) if s]
    return etag, max(stamps) if stamps else None


def cached_feed(membership: Membership, today: Any, etag: str,
                modified: datetime | None) -> bytes:
    """The feed body, built once per version and member: calendar apps poll often."""
    key = f"twohomes:feed:{membership.pk}:{etag}"
    body = cache.get(key)
    if body is None:
        stamp = modified or datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC"))
        with translation.override(feed_language(membership)):
            body = build_feed(membership, today, stamp)
        cache.set(key, body, timeout=FEED_CACHE_SECONDS)
    return body


def warm_feeds() -> int:
    """Build every active feed whose version changed, before its subscriber asks."""
    built = 0
    feeds = CalendarFeed.objects.filter(revoked_at__isnull=True,
                                        membership__status=MembershipStatus.ACTIVE)
    for found in feeds.select_related("membership__family", "membership__user"):
        membership = found.membership
        today = timezone.localdate(timezone=membership.family.zone)
        etag, modified = feed_version(membership, today)
        if cache.get(f"twohomes:feed:{membership.pk}:{etag}") is None:
            cached_feed(membership, today, etag, modified)
            built += 1
    return built


@public_view()
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed a calendar app subscribes to; the token in the address is the key."""
    with unscoped("a feed by its token"):
        found = (CalendarFeed.objects.filter(
            token_hash=hash_token(token), revoked_at__isnull=True,
            membership__status=MembershipStatus.ACTIVE,
        ).select_related("membership__family", "membership__user").first())
    if found is None:
        raise Http404
    with in_family(found.membership.family_id):  # from here on, that family's rows only
        return _feed(request, found)


def _feed(request: HttpRequest, found: CalendarFeed) -> HttpResponse:
    membership = found.membership
    if access_lapsed(membership):
        end_expired_access(membership)  # a view that records: the lapsed access ends now
        raise Http404
    if has(membership, Cap.VIEWS_LOGGED):
        # Every view of a professional's is in the parents' audit list, a feed's too (not
        # its address: that is the professional's secret).
        audit(membership.family, membership.user, "family.professional.viewed",
              gettext_noop("%(name)s (professional) read the calendar feed."),
              name=membership.user.name)
    today = timezone.localdate(timezone=membership.family.zone)
    etag, modified = feed_version(membership, today)
    if request.headers.get("If-None-Match") == quote_etag(etag):
        return HttpResponseNotModified(headers={"ETag": quote_etag(etag)})
    body = cached_feed(membership, today, etag, modified)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = quote_etag(etag)
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="twohomes.ics"'
    CalendarFeed.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return response


def _feed_page(request: HttpRequest, membership: Membership, form: ReminderForm,
               new_url: str | None = None) -> HttpResponse:
    active = CalendarFeed.objects.filter(membership=membership, revoked_at__isnull=True).first()
    return render(request, "calendar/feed_settings.html", {
        "membership": membership, "family": membership.family, "active": active,
        "new_url": new_url, "webcal_url": webcal(new_url) if new_url else "", "form": form})


def _reminders(membership: Membership) -> ReminderPreference:
    """The member's reminder choices; the defaults, unsaved, until they first save them."""
    found = ReminderPreference.objects.filter(membership=membership).first()
    return found or ReminderPreference(membership=membership)


@family_view(Cap.VIEW_CALENDAR)
def feed_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The member's feed address (if any) and reminder choices."""
    return _feed_page(request, membership, ReminderForm(instance=_reminders(membership)))


def _revoke_feeds(membership: Membership) -> int:
    return CalendarFeed.objects.filter(
        membership=membership, revoked_at__isnull=True).update(revoked_at=timezone.now())


@family_view(Cap.VIEW_CALENDAR, methods=("POST",))
def feed_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Make a new secret feed address (the old one stops) and show it, this once."""
    with transaction.atomic():
        _revoke_feeds(membership)
        token = CalendarFeed.new_token()
        CalendarFeed.objects.create(membership=membership, token_hash=hash_token(token))
    new_url = request.build_absolute_uri(reverse("calendar_feed", args=[token]))
    return _feed_page(request, membership, ReminderForm(instance=_reminders(membership)),
                      new_url)


@family_view(Cap.VIEW_CALENDAR, methods=("POST",))
def feed_revoke(request: HttpRequest, membership: Membership) -> HttpResponse:
    if _revoke_feeds(membership):
        messages.success(request, _("The feed address was revoked: it no longer works."))
    else:
        messages.info(request, _("There was no feed address to revoke."))
    return redirect("feed_settings", family_id=membership.family_id)


@family_view(Cap.VIEW_CALENDAR, methods=("POST",))
def feed_reminders(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ReminderForm(request.POST, instance=_reminders(membership))
    if form.is_valid():
        form.save()
        messages.success(request, _("Reminder settings saved."))
        return redirect("feed_settings", family_id=membership.family_id)
    return _feed_page(request, membership, form)


def webcal(address: str) -> str:
    """The feed's address with the webcal scheme, which calendar apps open to subscribe."""
    return "webcal://" + address.split("://", 1)[-1]
