"""An event's history reads in each member's language: its times, repeats and statuses are
kept as data and worded for the reader; names and what people wrote stay as written.
The expected words are written by hand."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from twohomes.events import services


def _history(client: Any, world: Any, event: Any) -> str:
    page = client.get(reverse("event_detail", args=[world.family.pk, event.pk])).content
    html = page.decode()
    return " ".join(html[html.index("<h2>"):].split())


def test_the_history_is_in_each_readers_language(world: Any, make_event: Any,
                                                 login: Any) -> None:
    world.family.timezone = "Europe/London"
    world.family.save(update_fields=["timezone"])
    london = ZoneInfo("Europe/London")
    starts = datetime(2027, 3, 9, 17, tzinfo=london)  # a Tuesday
    event = make_event("Swimming", [world.linked_child], starts=starts,
                       ends=datetime(2027, 3, 9, 18, tzinfo=london))
    later = datetime(2027, 3, 9, 18, tzinfo=london)
    services.change_event(actor=world.parent_a, event=event, now=timezone.now(),
                          details=services.EventDetails(
                              title="Swimming", starts=later,
                              ends=datetime(2027, 3, 9, 19, tzinfo=london),
                              children=[world.linked_child]))
    services.cancel_event(actor=world.parent_a, event=event, reason="Pool closed",
                          now=timezone.now())
    english = _history(login(world.parent_a), world, event)
    assert "When: <del>Tue, Mar 9, 2027, 5:00 PM – 6:00 PM</del> → " \
        "<ins>Tue, Mar 9, 2027, 6:00 PM – 7:00 PM</ins>" in english
    assert "Status: <del>Active</del> → <ins>Cancelled</ins>" in english
    world.parent_b.user.language = "es"
    world.parent_b.user.save(update_fields=["language"])
    spanish = _history(login(world.parent_b), world, event)
    assert "Cuándo: <del>mar 9 Mar 2027, 17:00 – 18:00</del> → " \
        "<ins>mar 9 Mar 2027, 18:00 – 19:00</ins>" in spanish
    assert "Estado: <del>Activo</del> → <ins>Cancelado</ins>" in spanish
    assert "Pool closed" in spanish  # what the parent wrote, as written
