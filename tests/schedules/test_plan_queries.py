"""The calendar reads a fixed number of queries, however many plan versions and accepted
changes make up the family's timeline."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.schedules import services
from twohomes.schedules.engine import agreed_plans
from twohomes.schedules.models import Override


def _month_ahead(world: Any) -> date:
    """The first of the month after next: every version below starts in the future."""
    today = world.family.today(timezone.now())
    return (today.replace(day=1) + timedelta(days=62)).replace(day=1)


def _queries(client: Any, world: Any, month: date) -> list[str]:
    url = reverse("calendar_month", args=[world.family.pk]) + f"?month={month:%Y-%m}"
    client.get(url)  # the session and the family's caches settle first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _agree_version(world: Any, starts: date, pattern: str) -> None:
    now = timezone.now()
    plan = services.propose_plan(
        actor=world.parent_a, now=now, effective_from=starts,
        choices=plan_choices([world.linked_child, world.unlinked_child], pattern=pattern))
    services.decide_plan(actor=world.parent_b, plan=plan, agreed=True, comment="", now=now)


def _accept_change(world: Any, day: date) -> None:
    zone = ZoneInfo(world.family.timezone)
    now = timezone.now()
    swap = services.request_swap(
        actor=world.parent_a, children=[world.linked_child], parent=world.parent_b,
        starts=datetime.combine(day, time(9), zone), ends=datetime.combine(day, time(20), zone),
        reason="Dentist", answer_by=world.family.today(now) + timedelta(days=3), now=now)
    services.accept_swap(actor=world.parent_b, swap=swap, now=now)


def test_the_month_page_does_not_query_per_plan_version_or_change(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    month = _month_ahead(world)
    one = _queries(client, world, month)
    patterns = ["alternating-weeks", "2-2-3", "3-4-4-3", "5-2-2-5", "2-2-5-5"]
    for index, pattern in enumerate(patterns):
        _agree_version(world, month + timedelta(days=2 + 4 * index), pattern)
        _accept_change(world, month + timedelta(days=3 + 4 * index))
    assert len(agreed_plans(world.family)) == 6  # each version governs from its own day
    assert Override.objects.filter(family=world.family).count() == 5
    six = _queries(client, world, month)
    assert len(six) == len(one), "\n".join(six)
