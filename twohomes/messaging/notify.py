"""New-message emails: never the text, held during quiet hours, or one daily digest."""

from __future__ import annotations

import functools
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from twohomes.families.access import across_families
from twohomes.families.models import Membership, MembershipStatus
from twohomes.mail import send_neutral_email

from .models import Message, NotificationPreference, PendingNotification
from .selectors import participants


def _in_quiet_hours(moment: time, start: time, end: time) -> bool:
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end  # spans midnight, e.g. 21:00-07:00


def _next_local(now_local: datetime, at: time) -> datetime:
    candidate = now_local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if candidate <= now_local:
        candidate = (now_local + timedelta(days=1)).replace(
            hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return candidate


def due_time(preference: NotificationPreference, zone: ZoneInfo, now: datetime) -> datetime:
    """When a notice about a message arriving ``now`` should go out for this member."""
    local = now.astimezone(zone)
    if preference.daily_digest:
        return _next_local(local, preference.digest_time)
    return after_quiet_hours(preference, zone, now)


def after_quiet_hours(preference: NotificationPreference | None, zone: ZoneInfo,
                      now: datetime) -> datetime:
    """``now``, or the end of the member's quiet hours if ``now`` falls within them."""
    start, end = (preference.quiet_start, preference.quiet_end) if preference else (None, None)
    local = now.astimezone(zone)
    if start and end and _in_quiet_hours(local.time(), start, end):
        return _next_local(local, end)
    return now


def notify_recipients(message: Message, *, now: datetime) -> None:
    """Queue notices for everyone in the thread who opted in, except the author."""
    zone = message.family.zone
    recipients = [m for m in participants(message.thread) if m.pk != message.author_id]
    wanted = {p.membership_id: p for p in NotificationPreference.objects.filter(
        membership__in=recipients, email_on_message=True)}
    for membership_id, preference in wanted.items():
        due = due_time(preference, zone, now)
        PendingNotification.objects.create(
            membership_id=membership_id, message=message, due_at=due)
        transaction.on_commit(functools.partial(_schedule, membership_id, due, now))


def _schedule(membership_id: int, due: datetime, now: datetime) -> None:
    if due <= now:
        send_due_notices.enqueue(membership_id)
    elif send_due_notices.get_backend().supports_defer:
        send_due_notices.using(run_after=due).enqueue(membership_id)
    # Otherwise `twohomes send_notifications` (run from cron) sends it when due.


def send_all_due(*, now: datetime) -> int:
    """Send every held notice that is due (for deployments whose queue cannot defer)."""
    members = set(PendingNotification.objects.filter(sent_at__isnull=True, due_at__lte=now)
                  .values_list("membership_id", flat=True))
    return sum(send_due_notices.call(m) for m in sorted(members))


@task()
@across_families("a worker task")
def send_due_notices(membership_id: int) -> int:
    """Send one email covering every notice now due for the member; returns the count."""
    now = timezone.now()
    with transaction.atomic():
        due = list(PendingNotification.objects.select_for_update()
                   .filter(membership_id=membership_id, sent_at__isnull=True, due_at__lte=now))
        if not due:
            return 0
        PendingNotification.objects.filter(pk__in=[n.pk for n in due]).update(sent_at=now)
        membership = Membership.objects.select_related("user", "family").get(pk=membership_id)
        # A professional's ended access stays "active" until `expire_access` runs.
        if membership.status != MembershipStatus.ACTIVE or (
                membership.expires_at is not None and membership.expires_at <= now):
            return 0
        send_neutral_email(
            to=membership.user,
            template="messaging/email/new_messages.txt",
            context={"count": len(due), "link": settings.TWOHOMES_BASE_URL
                     + reverse("thread_list", args=[membership.family_id])},
        )
    return len(due)
