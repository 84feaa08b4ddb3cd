"""The worker's round for messages held by their author's cool-down."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from twohomes.families.access import across_families

from .services import send_due_messages

EVERY = timedelta(minutes=1)


@task()
@across_families("a worker task")
def held_messages_tick() -> int:
    """Send the held messages whose ten minutes are over, then come back in a minute."""
    now = timezone.now()
    try:
        return send_due_messages(now=now)
    finally:  # the next round is planned whatever happened in this one
        if held_messages_tick.get_backend().supports_defer:
            held_messages_tick.using(run_after=now + EVERY).enqueue()
