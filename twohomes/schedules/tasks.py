"""The worker's round for plans and change requests whose date has passed."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from twohomes.families.access import across_families

from .services import expire_plans, expire_swaps

EVERY = timedelta(minutes=15)


@task()
@across_families("a worker task")
def expiry_tick() -> int:
    """Record as expired every proposal and request whose date has passed, then come back
    in a quarter of an hour. Running it twice records nothing twice: each expiry locks its
    row and checks that it still waits. Until the round runs, the pages already show them
    as expired (``services.show_lapsed``), and no page writes it."""
    now = timezone.now()
    count = expire_swaps(now=now) + expire_plans(now=now)
    if expiry_tick.get_backend().supports_defer:
        expiry_tick.using(run_after=now + EVERY).enqueue()
    return count
