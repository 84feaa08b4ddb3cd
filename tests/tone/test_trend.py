"""The professionals' trend: messages per month, sender and level, of the conversations
the professional may read, counted from the level stored when each was sent."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services
from twohomes.messaging.models import HeldMessage
from twohomes.messaging.trend import tone_by_month

LONDON = ZoneInfo("Europe/London")  # the test family's zone
CALM = "Thanks, I will collect Ada at 5 pm on Saturday."
CALM_TOO = "Thank you for taking Ada to the dentist on Monday."
FIRM = "Could you send the form by Friday? Thanks."
HEATED = "You always forget the inhaler."
HOSTILE = "You are such an idiot. See you in court."
LEVELS = ("Calm", "Firm", "Heated", "Hostile", "Not rated")


def _month(back: int) -> date:
    """The first day of the month ``back`` months before this one (in London)."""
    today = timezone.localdate(timezone=LONDON)
    index = today.year * 12 + today.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _at(month: date, hour: int) -> datetime:
    return datetime(month.year, month.month, 15, hour, tzinfo=LONDON)


def _title(month: date) -> str:
    return f"{calendar.month_name[month.month]} {month.year}"


def _trend(page: str) -> dict[str, dict[str, tuple[int, ...]]]:
    """{month's title: {sender: counts in the order of LEVELS}}, months in the page's order."""
    table: dict[str, dict[str, tuple[int, ...]]] = {}
    for title, body in re.findall(r"<h2>(.*?)</h2>.*?<tbody>(.*?)</tbody>", page, re.S):
        rows = {}
        for sender, cells in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', body):
            found = re.findall(r'<td data-label="([^"]+)">(\d+)</td>', cells)
            assert tuple(label for label, _count in found) == LEVELS
            rows[sender] = tuple(int(count) for _label, count in found)
        table[title] = rows
    return table


@pytest.fixture
def history(world: Any) -> dict[str, date]:
    """Messages two months ago and last month in Mona's conversation, with one older than
    a year, one in a conversation she is not in, and one held draft, in the order sent."""
    older, before, last = _month(13), _month(2), _month(1)
    a, b = world.parent_a, world.parent_b
    shared = services.start_thread(actor=a, subject="Dentist", body=CALM_TOO, language="en",
                                   members=[world.professional], now=_at(older, 9))

    def send(author: Any, body: str, when: datetime, language: str = "en") -> None:
        services.send_message(actor=author, thread=shared, body=body, now=when,
                              language=language)

    send(a, CALM, _at(before, 9))
    send(b, HOSTILE, _at(before, 10))
    send(b, CALM_TOO, _at(before, 11))
    send(a, HEATED, _at(last, 9))
    send(a, HOSTILE, _at(last, 10))
    send(a, HOSTILE, _at(last, 11), language="es")  # not rated
    send(b, FIRM, _at(last, 12))
    services.start_thread(actor=b, subject="Between us", body=HOSTILE, language="en",
                          now=_at(last, 13))  # Mona is not in it
    services.hold_message(actor=a, thread=shared, body=HOSTILE, language="en",
                          now=timezone.now())  # waiting: never counted
    return {"before": before, "last": last}


def test_the_trend_counts_what_was_sent_per_month_sender_and_level(
        world: Any, history: dict[str, date], login: Any) -> None:
    response = login(world.professional).get(reverse("tone_trend", args=[world.family.pk]))
    assert response.status_code == 200
    assert _trend(response.content.decode()) == {
        _title(history["last"]): {"Alice": (0, 0, 1, 1, 1), "Bruno": (0, 1, 0, 0, 0)},
        _title(history["before"]): {"Alice": (1, 0, 0, 0, 0), "Bruno": (1, 0, 0, 1, 0)},
    }
    assert list(_trend(response.content.decode())) == [  # newest first
        _title(history["last"]), _title(history["before"])]
    assert HeldMessage.objects.count() == 1  # still waiting, and not counted


def test_a_thread_counts_once_the_professional_is_added(
        world: Any, history: dict[str, date], login: Any) -> None:
    private = world.family.threads.get(subject="Between us")
    services.add_to_thread(actor=world.parent_b, thread=private, member=world.professional,
                           now=timezone.now())
    page = login(world.professional).get(reverse("tone_trend", args=[world.family.pk]))
    assert _trend(page.content.decode())[_title(history["last"])] == {
        "Alice": (0, 0, 1, 1, 1), "Bruno": (0, 1, 0, 1, 0)}


def test_sent_held_messages_count_once_sent(world: Any, history: dict[str, date],
                                            login: Any) -> None:
    held = HeldMessage.objects.get()
    assert services.send_due_messages(now=held.send_at) == 1
    page = login(world.professional).get(reverse("tone_trend", args=[world.family.pk]))
    this_month = _title(timezone.localtime(held.send_at, LONDON).date().replace(day=1))
    assert _trend(page.content.decode())[this_month] == {"Alice": (0, 0, 0, 1, 0)}


def test_a_professional_without_conversations_sees_none(world: Any, login: Any) -> None:
    services.start_thread(actor=world.parent_a, subject="Ours", body=HOSTILE, language="en",
                          now=timezone.now())
    page = login(world.professional).get(reverse("tone_trend", args=[world.family.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "No messages in the last twelve months." in html and _trend(html) == {}


@pytest.mark.parametrize("persona", ["parent_a", "parent_b", "partner", "relative", "child"])
def test_only_professionals_see_the_trend(world: Any, login: Any, persona: str) -> None:
    url = reverse("tone_trend", args=[world.family.pk])
    assert login(world.membership(persona)).get(url).status_code == 403


def test_the_trend_is_read_only_and_of_ones_own_family(world: Any, login: Any) -> None:
    url = reverse("tone_trend", args=[world.family.pk])
    assert login(world.professional).post(url).status_code == 405
    assert login(world.outsider).get(url).status_code == 404


def test_months_are_the_familys_months(world: Any) -> None:
    """Counted from the family's calendar, as the page does (it runs in the family's zone):
    half past midnight on 1 July in London is 30 June in UTC, and is July's."""
    thread = services.start_thread(actor=world.parent_a, subject="Summer", body=CALM,
                                   language="en", members=[world.professional],
                                   now=datetime(2027, 6, 30, 23, 0, tzinfo=LONDON))
    services.send_message(actor=world.parent_b, thread=thread, body=HOSTILE, language="en",
                          now=datetime(2027, 7, 1, 0, 30, tzinfo=LONDON))
    with timezone.override(LONDON):
        trend = tone_by_month(world.professional, now=datetime(2028, 6, 20, tzinfo=LONDON))
        assert [(m.month, [(s.sender, s.counts, s.not_rated) for s in m.senders])
                for m in trend.months] == [  # June 2027 is past the twelve months
            (date(2027, 7, 1), [("Bruno", (("Calm", 0), ("Firm", 0), ("Heated", 0),
                                           ("Hostile", 1)), 0)])]
        trend = tone_by_month(world.professional, now=datetime(2027, 7, 20, tzinfo=LONDON))
        assert [m.month for m in trend.months] == [date(2027, 7, 1), date(2027, 6, 1)]
        assert trend.levels == ("Calm", "Firm", "Heated", "Hostile")
