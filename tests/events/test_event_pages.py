"""The events list shows fifty times to a page, so that a family with many events reads as
fast as one with few; the others follow a page at a time, in order."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse


def _titles(html: str) -> list[str]:
    return re.findall(r">(Practice \d+)</a>", html)


def test_many_events_come_fifty_to_a_page(world: Any, make_event: Any, client: Any) -> None:
    # 120 practices, one a day at 17:00 from tomorrow on: four months, past the eight weeks.
    for day in range(1, 121):
        make_event(f"Practice {day}", days=day)
    client.force_login(world.parent_a.user)
    url = reverse("event_list", args=[world.family.pk])
    # Eight weeks from today hold days 1 to 55 (day 56 starts at the eighth week's end).
    first = client.get(url).content.decode()
    assert _titles(first) == [f"Practice {day}" for day in range(1, 51)]
    assert "Later events" in first and "Earlier events" not in first
    second = client.get(url, {"page": "2"}).content.decode()
    assert _titles(second) == [f"Practice {day}" for day in range(51, 56)]
    assert "Earlier events" in second and "Later events" not in second
    # Sixteen weeks: days 1 to 111, in three pages.
    third = client.get(url, {"page": "3", "more": "1"}).content.decode()
    assert _titles(third) == [f"Practice {day}" for day in range(101, 112)]
    for junk in ("0", "-1", "x", "²", "9" * 30):  # an edited address shows the first page
        assert _titles(client.get(url, {"page": junk}).content.decode())[0] == "Practice 1"
    assert _titles(client.get(url, {"page": "99"}).content.decode()) == _titles(second)
