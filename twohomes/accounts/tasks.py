"""The worker's round for account bookkeeping."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from twohomes.families.access import across_families

from .models import SubmissionKey
from .once import KEPT_FOR

EVERY = timedelta(hours=1)


@task()
@across_families("a worker task")
def forget_old_submissions() -> int:
    """Remove the keys of forms sent more than a day ago (a form sent twice within the day
    is still answered with its first result), then come back in an hour."""
    now = timezone.now()
    count, _ = SubmissionKey.objects.filter(created_at__lt=now - KEPT_FOR).delete()
    if forget_old_submissions.get_backend().supports_defer:
        forget_old_submissions.using(run_after=now + EVERY).enqueue()
    return count
