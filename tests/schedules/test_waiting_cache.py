"""What waits for a parent's answer is kept between pages, and follows at once every
request, answer, withdrawal and proposal, and the passing of an answer-by day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from tests.families.test_menu import _menu
from twohomes.families.models import Membership
from twohomes.schedules import services

LONDON = ZoneInfo("Europe/London")


def _changes(client: Any, world: Any) -> str:
    home = client.get(reverse("family_home", args=[world.family.pk])).content.decode()
    return next(link for link in _menu(home)[0] if link.startswith("Changes"))


def _ask(world: Any, day: int, answer_by: date) -> Any:
    return services.request_swap(
        actor=world.parent_b, children=[world.linked_child],
        starts=datetime(2027, 3, day, 9, tzinfo=LONDON),
        ends=datetime(2027, 3, day, 18, tzinfo=LONDON), parent=world.parent_b,
        reason="Wedding", answer_by=answer_by, now=timezone.now())


def test_the_count_follows_every_request_and_answer(world: Any, agreed_plan: Any,
                                                    login: Any) -> None:
    client = login(world.parent_a)
    assert _changes(client, world) == "Changes"
    soon = date.today() + timedelta(days=3)
    first, second = _ask(world, 14, soon), _ask(world, 21, soon)
    assert _changes(client, world) == "Changes 2 waiting for your answer"
    assert _changes(client, world) == "Changes 2 waiting for your answer"  # kept
    services.decline_swap(actor=world.parent_a, swap=first, reason="No", now=timezone.now())
    assert _changes(client, world) == "Changes 1 waiting for your answer"
    services.withdraw_swap(actor=world.parent_b, swap=second, now=timezone.now())
    assert _changes(client, world) == "Changes"
    plan = services.propose_plan(
        actor=world.parent_b, now=timezone.now(),
        choices=plan_choices([world.linked_child, world.unlinked_child],
                             pattern="alternating-weeks"))
    assert _changes(client, world) == "Changes 1 waiting for your answer"
    services.decide_plan(actor=world.parent_a, plan=plan, agreed=True, comment="",
                         now=timezone.now())
    assert _changes(client, world) == "Changes"


def test_a_request_whose_answer_by_day_passed_no_longer_waits(world: Any, agreed_plan: Any
                                                              ) -> None:
    swap = _ask(world, 14, date.today() + timedelta(days=1))
    parent = Membership.objects.get(pk=world.parent_a.pk)
    now = timezone.now()
    assert services.waiting_for(parent, now)["swaps"] == [swap]
    later = Membership.objects.get(pk=world.parent_a.pk)  # the next request's object
    assert services.waiting_for(later, now + timedelta(days=2))["swaps"] == []
