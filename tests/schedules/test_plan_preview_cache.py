"""A plan page's six weeks, statistics and comparison are drawn once per version of what
they show, and follow every change to it at once."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.accounts.services import change_name
from twohomes.families import services as families
from twohomes.schedules import services


def _kept(world: Any) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM twohomes_cache WHERE cache_key LIKE %s",
                       ["%plan-preview:%"])
        count: int = cursor.fetchone()[0]
    return count


def _preview(client: Any, world: Any, plan: Any) -> str:
    page = client.get(reverse("plan_detail", args=[world.family.pk, plan.pk])).content.decode()
    found = re.search(r"<h2>Six weeks from the day it starts</h2>.*?</table>\s*</div>|"
                      r"<h2>Six weeks from the day it starts</h2>.*", page, re.S)
    assert found, page
    return found.group(0)


def test_the_preview_is_drawn_once_and_follows_names_and_children(
        world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    first = _preview(client, world, agreed_plan)
    assert "Bruno" in first and _kept(world) == 1
    client.force_login(world.parent_b.user)
    assert _preview(client, world, agreed_plan) == first and _kept(world) == 1  # shared
    change_name(actor=world.parent_b.user, name="Bruno Renamed")
    assert "Bruno Renamed" in _preview(client, world, agreed_plan)
    families.add_child(actor=world.parent_a, name="Zoe", birth_date=date(2020, 5, 1))
    # A new child changes what the family's pages may show: the preview is drawn again.
    _preview(client, world, agreed_plan)
    assert _kept(world) == 3


def test_a_proposal_is_compared_with_the_plan_in_force_then(
        world: Any, agreed_plan: Any, client: Any) -> None:
    proposal = services.propose_plan(
        actor=world.parent_a, now=timezone.now(),
        choices=plan_choices([world.linked_child, world.unlinked_child],
                             pattern="alternating-weeks"))
    client.force_login(world.parent_b.user)
    url = reverse("plan_detail", args=[world.family.pk, proposal.pk])
    assert f"version {agreed_plan.version}" in client.get(url).content.decode()
    newer = services.propose_plan(
        actor=world.parent_b, now=timezone.now(),
        choices=plan_choices([world.linked_child, world.unlinked_child], pattern="3-4-4-3"))
    services.decide_plan(actor=world.parent_a, plan=newer, agreed=True, comment="",
                         now=timezone.now())
    # The plan in force is now the newer one: the old proposal's page compares with it.
    assert f"version {newer.version}" in client.get(url).content.decode()
