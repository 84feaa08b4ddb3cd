"""Forms speak words: a choice nobody has made yet reads "Choose…", never Django's dashes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services


def test_an_unmade_choice_says_choose(world: Any, agreed_plan: Any, login: Any) -> None:
    thread = services.start_thread(actor=world.parent_a, subject="Shoes", body="Size 32?",
                                   now=timezone.now())
    client = login(world.parent_a)
    html = client.get(reverse("thread_detail", args=[world.family.pk, thread.pk])).content
    assert '<option value="" selected>Choose…</option>' in html.decode()
    for name in ("swap_new", "event_new", "plan_new", "export_record"):
        assert b"---------" not in client.get(reverse(name, args=[world.family.pk])).content
