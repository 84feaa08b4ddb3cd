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


def test_the_tone_trend_asks_no_more_as_the_history_grows(world: Any, login: Any) -> None:
    """One grouped query counts the year, however many messages, months and senders."""
    from datetime import timedelta

    thread = services.start_thread(actor=world.parent_a, subject="Year", body="Hello",
                                   members=[world.professional], language="en",
                                   now=timezone.now() - timedelta(days=350))
    client = login(world.professional)
    url = reverse("tone_trend", args=[world.family.pk])

    def grow(days_ago: range) -> None:  # oldest first: the record's clock only moves on
        for n, days in enumerate(days_ago):
            author = world.parent_a if n % 2 else world.parent_b
            services.send_message(actor=author, thread=thread, language="en",
                                  now=timezone.now() - timedelta(days=days),
                                  body=HOSTILE.format(n=n % 12 + 1) if n % 3 else "Thanks!")

    grow(range(340, 280, -30))  # 2 messages
    few, _page = _counted(client, url)
    grow(range(270, -1, -9))  # 31 more, over the months since
    many, page = _counted(client, url)
    assert many == few
    assert page.count("<h2>") >= 10  # the months the messages were spread over


def test_the_tone_settings_page_asks_the_same_whatever_was_chosen(
        world: Any, login: Any, choose: Any) -> None:
    client = login(world.parent_a)
    url = reverse("tone_settings", args=[world.family.pk])
    never_chose, _page = _counted(client, url)
    choose(world.parent_a, fold_incoming=True, cool_down=True)
    chose, page = _counted(client, url)
    assert chose == never_chose
    assert page.count("checked") == 2
