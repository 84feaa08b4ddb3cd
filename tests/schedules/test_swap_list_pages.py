"""The change requests list shows what waits, then the answered requests newest first, a
page at a time: however long the family's history, a page holds at most 25 of them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from twohomes.schedules import services

LONDON = ZoneInfo("Europe/London")


def _ask(world: Any, number: int) -> Any:
    starts = datetime(2027, 1, 4, 9, tzinfo=LONDON) + timedelta(days=2 * number)
    return services.request_swap(
        actor=world.parent_b, children=[world.linked_child], starts=starts,
        ends=starts + timedelta(hours=8), parent=world.parent_b, reason=f"Request {number}",
        answer_by=date.today() + timedelta(days=3), now=timezone.now())


def _shown(page: str) -> list[int]:
    return [int(pk) for pk in re.findall(r"/swaps/(\d+)/", page)]


def test_answered_requests_come_a_page_at_a_time(world: Any, agreed_plan: Any,
                                                  client: Any) -> None:
    asked = [_ask(world, n) for n in range(27)]
    for swap in asked[:26]:
        services.decline_swap(actor=world.parent_a, swap=swap, reason="Not that day",
                              now=timezone.now())
    client.force_login(world.parent_a.user)
    url = reverse("swap_list", args=[world.family.pk])
    first = client.get(url).content.decode()
    newest_answered = [s.pk for s in reversed(asked[1:26])]  # 25, newest first
    assert _shown(first) == [asked[26].pk, *newest_answered]  # the waiting one first
    assert f'href="?before={asked[1].pk}">Earlier answered requests' in first
    second = client.get(url, {"before": asked[1].pk}).content.decode()
    assert _shown(second) == [asked[0].pk]
    assert "Earlier answered requests" not in second and "Waiting for an answer" not in second
    assert "Back to the latest requests" in second
    assert client.get(url, {"before": "not-a-number"}).content.decode().count(
        "/swaps/") == first.count("/swaps/")  # a bad address shows the first page
