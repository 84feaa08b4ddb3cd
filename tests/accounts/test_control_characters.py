"""A control character typed into any address is refused with a reason, on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse


def _pages(family_id: Any) -> list[str]:
    kwargs = {"family_id": family_id}
    return [
        reverse("thread_list", kwargs=kwargs) + "?q=a%00b",
        reverse("thread_list", kwargs=kwargs) + "?q%00=a",
        reverse("calendar_month", kwargs=kwargs) + "?month=2026-0%001",
        reverse("calendar_week", kwargs=kwargs) + "?start=%1b",
        reverse("calendar_agenda", kwargs=kwargs) + "?child=%00",
        reverse("event_list", kwargs=kwargs) + "?more=1%7f",
    ]


@pytest.mark.django_db
def test_a_nul_in_any_query_string_is_refused_with_a_reason(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    for url in _pages(world.family.id):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("text/plain")
        assert "control character" in response.content.decode()


@pytest.mark.django_db
def test_ordinary_searches_still_work(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    url = reverse("thread_list", kwargs={"family_id": world.family.id})
    # Accents, emoji and a literal percent sign are text a person can mean.
    for query in ("a b", "café", "school 🎒", "100%00"):
        assert client.get(url, {"q": query}).status_code == 200, query
