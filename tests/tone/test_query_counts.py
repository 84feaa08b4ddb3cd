"""Folding costs no query per message: the level and kinds are stored with each message,
so a page of folded messages asks the database as much as a page of a few."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services

HOSTILE = "You are such an idiot.\nThe swimming kit is at the station on Friday at {n} pm."


def _grow(world: Any, thread: Any, count: int) -> None:
    for n in range(count):
        services.send_message(actor=world.parent_a, thread=thread, now=timezone.now(),
                              body=HOSTILE.format(n=n % 12 + 1), language="en")


def _counted(client: Any, url: str) -> tuple[int, str]:
    client.get(url)  # first readings recorded, caches warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_page_of_folded_messages_asks_no_more_as_the_thread_grows(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    client = login(world.parent_b)
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    _grow(world, thread, 10)
    ten, page = _counted(client, url)
    assert page.count('<div class="folded">') == 10
    _grow(world, thread, 30)
    forty, page = _counted(client, url)
    assert page.count('<div class="folded">') == 30  # a page is thirty messages
    assert forty == ten


def test_folding_adds_no_query_to_the_page(world: Any, thread: Any, login: Any,
                                           choose: Any) -> None:
    _grow(world, thread, 10)
    client = login(world.parent_b)
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    choose(world.parent_b, fold_incoming=False)
    unfolded, page = _counted(client, url)
    assert '<div class="folded">' not in page
    choose(world.parent_b, fold_incoming=True)
    folded, page = _counted(client, url)
    assert page.count('<div class="folded">') == 10
    assert folded == unfolded
