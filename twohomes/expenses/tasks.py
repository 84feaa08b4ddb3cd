"""The worker's round for expenses: bills that repeat, and emails held for quiet hours."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from twohomes.families.access import across_families

from .notify import send_all_due
from .services import log_due_series

EVERY = timedelta(minutes=5)


@task()
@across_families("a worker task")
def expenses_tick() -> int:
    """Log the repeating bills that are due and send the held emails, then come back."""
    now = timezone.now()
    try:
        return log_due_series(now=now) + send_all_due(now=now)
    finally:  # the next round is planned whatever happened in this one
        if expenses_tick.get_backend().supports_defer:
            expenses_tick.using(run_after=now + EVERY).enqueue()
