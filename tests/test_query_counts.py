"""A page's queries do not grow with the family's history: each daily page is counted
with a small history and again with ten times as much, and the counts must be equal."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from twohomes.events import services as events
from twohomes.messaging import services as messaging

PAGES = ["family_home", "calendar_month", "calendar_week", "calendar_agenda", "thread_list",
         "thread_detail", "event_list", "plan_list", "swap_list", "members", "audit",
         "feed_settings"]


def _grow(world: Any, thread: Any, times: int) -> None:
    """``times`` rounds of history: messages both ways in the thread, another thread,
    events in the month shown, and a message read by the other parent."""
    now = timezone.now()
    for n in range(times):
        for author in (world.parent_a, world.parent_b):
            message = messaging.send_message(actor=author, thread=thread, body=f"m{n}",
                                             now=now)
        messaging.record_first_views(actor=world.parent_a, messages=[message], now=now)
        messaging.start_thread(actor=world.parent_b, subject=f"t{n}", body="b", now=now)
        starts = datetime.combine(timezone.localdate() + timedelta(days=n % 20),
                                  datetime.min.time(), tzinfo=world.family.zone) \
            + timedelta(hours=9)
        events.create_event(actor=world.parent_a, now=now, details=events.EventDetails(
            title=f"e{n}", starts=starts, ends=starts + timedelta(hours=1),
            children=[world.linked_child]))


def _counts(client: Any, world: Any, thread: Any) -> dict[str, int]:
    counts = {}
    for name in PAGES:
        args = [world.family.pk, thread.pk] if name == "thread_detail" else [world.family.pk]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_no_daily_page_asks_more_of_the_database_as_the_history_grows(
        world: Any, agreed_plan: Any, client: Any) -> None:
    thread = messaging.start_thread(actor=world.parent_a, subject="School", body="first",
                                    now=timezone.now())
    client.force_login(world.parent_a.user)
    _grow(world, thread, 3)
    _counts(client, world, thread)  # first readings recorded, caches warm
    small = _counts(client, world, thread)
    _grow(world, thread, 30)
    _counts(client, world, thread)
    assert _counts(client, world, thread) == small
