"""The calendar's grid is drawn once per version of what it shows, and never shows an
old version or another member's."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from twohomes.accounts.services import change_name
from twohomes.events import services as events


def _grid(client: Any, world: Any) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("calendar_month", args=[world.family.pk])).content.decode()
    found = re.search(r'<table class="cal-grid">.*?<p class="legend small">.*?</p>', page, re.S)
    assert found, page
    return found.group(0), len(queries)


def test_the_grid_is_drawn_once_and_follows_every_change(world: Any, agreed_plan: Any,
                                                       client: Any) -> None:
    client.force_login(world.parent_a.user)
    first, drawing = _grid(client, world)
    again, kept = _grid(client, world)
    assert again == first and kept < drawing
    starts = datetime.combine(timezone.localdate(), datetime.min.time(),
                              tzinfo=world.family.zone) + timedelta(hours=15)
    events.create_event(actor=world.parent_a, now=timezone.now(), details=events.EventDetails(
        title="Dentist visit", starts=starts, ends=starts + timedelta(hours=1),
        children=[world.linked_child]))
    assert "Dentist visit" in _grid(client, world)[0]
    change_name(actor=world.parent_b.user, name="Bruno Renamed")
    assert "Bruno Renamed" in _grid(client, world)[0]


def test_each_member_sees_their_own_grid(world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    parents = _grid(client, world)[0]
    assert "Ben" in parents  # the parent sees both children
    client.force_login(world.relative.user)
    relatives = _grid(client, world)[0]
    assert "Ada" in relatives and "Ben" not in relatives


def test_a_new_country_brings_its_own_holidays(world: Any, agreed_plan: Any,
                                               client: Any) -> None:
    from twohomes.families import services as families

    client.force_login(world.parent_a.user)
    december = reverse("calendar_month", args=[world.family.pk]) + "?month=2027-12"
    assert "Boxing Day" in client.get(december).content.decode()  # England's
    families.update_family(actor=world.parent_a, name=world.family.name,
                           timezone=world.family.timezone, country="US", subdivision="",
                           currency="USD")
    assert "Boxing Day" not in client.get(december).content.decode()
