"""Emails about expenses: content-free (no amount, payee or reason), held until the reader's
quiet hours end, and gathered into one email when several are due at once."""

from __future__ import annotations

import functools
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django_tasks import task

from twohomes.families.access import across_families, parents_of
from twohomes.families.models import Membership, MembershipStatus
from twohomes.mail import send_neutral_email
from twohomes.messaging.models import NotificationPreference
from twohomes.messaging.notify import after_quiet_hours

from .models import ExpenseNotice


def tell_other_parent(actor: Membership, *, now: datetime) -> None:
    """Owe the other parent an email saying that something about expenses waits for them."""
    for parent in parents_of(actor.family):
        if parent.pk == actor.pk:
            continue
        preference = NotificationPreference.objects.filter(membership=parent).first()
        due = after_quiet_hours(preference, actor.family.zone, now)
        ExpenseNotice.objects.create(family=actor.family, membership=parent, due_at=due)
        if due <= now:
            transaction.on_commit(functools.partial(send_expense_notices.enqueue, parent.pk))


def send_all_due(*, now: datetime) -> int:
    """Send every notice that is due (the worker's round, after quiet hours end)."""
    members = set(ExpenseNotice.objects.filter(sent_at__isnull=True, due_at__lte=now)
                  .values_list("membership_id", flat=True))
    return sum(send_due(member, now=now) for member in sorted(members))


@task()
@across_families("a worker task")
def send_expense_notices(membership_id: int) -> int:
    from django.utils import timezone

    return send_due(membership_id, now=timezone.now())


def send_due(membership_id: int, *, now: datetime) -> int:
    """One email for everything now due for the member; returns how many notices it covers."""
    with transaction.atomic():
        due = list(ExpenseNotice.objects.select_for_update()
                   .filter(membership_id=membership_id, sent_at__isnull=True, due_at__lte=now))
        if not due:
            return 0
        ExpenseNotice.objects.filter(pk__in=[n.pk for n in due]).update(sent_at=now)
        member = Membership.objects.select_related("user", "family").get(pk=membership_id)
        if member.status != MembershipStatus.ACTIVE:
            return 0
        send_neutral_email(to=member.user, template="expenses/email/expenses_changed.txt",
                           context={"link": settings.TWOHOMES_BASE_URL
                                    + reverse("expense_list", args=[member.family_id])})
    return len(due)
