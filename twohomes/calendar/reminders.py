"""Evening-before reminders of exchanges and events, sent by the background worker."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django_tasks import task

from twohomes.core.schedule import PlanError
from twohomes.families.access import across_families, visible_children
from twohomes.families.models import MembershipStatus
from twohomes.mail import send_neutral_email, speaking_to
from twohomes.schedules.engine import family_timeline
from twohomes.schedules.grid import handovers_by_day

from .feeds import warm_feeds
from .models import ReminderPreference, SentReminder
from .occurrences import events_between

HOUR = timedelta(hours=1)


def _tomorrow_lines(preference: ReminderPreference, tomorrow: date) -> list[str]:
    membership = preference.membership
    children = list(visible_children(membership))
    lines: list[str] = []
    if preference.exchanges:
        try:
            ft = family_timeline(membership.family, tomorrow, tomorrow + timedelta(days=1))
        except PlanError:  # the calendar page says why; the events are still reminded
            ft = None
        if ft is not None:
            place = f" ({ft.plan.exchange_place})" if ft.plan.exchange_place else ""
            # Children handed over together are one line, as in the calendar's agenda.
            for h in handovers_by_day(ft, children, tomorrow,
                                      tomorrow + timedelta(days=1)).get(tomorrow, []):
                lines.append(_("%(time)s exchange of %(children)s: %(from)s to %(to)s%(place)s")
                             % {"time": time_format(h.at, "CLOCK_FORMAT"), "children": h.names,
                                "from": h.from_name, "to": h.to_name, "place": place})
    if preference.events:
        zone = membership.family.zone
        for event in events_between(membership, tomorrow, tomorrow + timedelta(days=1)):
            when = _("all day") if event.all_day else time_format(
                event.starts.astimezone(zone), "CLOCK_FORMAT")
            lines.append(_("%(when)s: %(title)s") % {"when": when, "title": event.title})
    return lines


def send_due_reminders(*, now: datetime) -> int:
    """Send tomorrow's reminder to each member whose reminder time has come; once a day."""
    sent = 0
    # A professional's access that has ended is still "active" until `expire_access` runs.
    preferences = ReminderPreference.objects.filter(
        membership__status=MembershipStatus.ACTIVE).exclude(exchanges=False, events=False
    ).exclude(membership__expires_at__lte=now
    ).select_related("membership__family", "membership__user")
    for preference in preferences:
        zone = preference.membership.family.zone
        local = now.astimezone(zone)
        if local.time() < preference.send_at:
            continue
        tomorrow = local.date() + timedelta(days=1)
        try:
            with transaction.atomic():
                SentReminder.objects.create(membership=preference.membership, day=tomorrow)
                with speaking_to(preference.membership.user):
                    lines = _tomorrow_lines(preference, tomorrow)
                if not lines:
                    continue
                send_neutral_email(
                    to=preference.membership.user,
                    template="calendar/email/reminder.txt",
                    context={"lines": lines, "day": tomorrow,
                             "link": settings.TWOHOMES_BASE_URL + reverse(
                                 "calendar_agenda", args=[preference.membership.family_id])})
                sent += 1
        except IntegrityError:
            continue  # already sent for that day
    return sent


@task()
@across_families("a worker task")
def reminders_tick() -> int:
    """Send what is due and pre-build changed feeds, then come back in an hour (when the
    queue can schedule)."""
    count = send_due_reminders(now=timezone.now())
    warm_feeds()
    if reminders_tick.get_backend().supports_defer:
        reminders_tick.using(run_after=timezone.now() + HOUR).enqueue()
    return count
