"""The messages list and the menu's count are kept between pages, and follow at once every
message, first reading and new place in a thread, whoever made it."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services


def _listed(client: Any, world: Any) -> list[str]:
    """Each conversation as the list shows it, in its order, in words."""
    page = client.get(reverse("thread_list", args=[world.family.pk])).content.decode()
    items = re.findall(r'<li class="thread[^"]*">(.*?)</li>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()).split(", last")[0]
            for item in items]


def _menu_count(client: Any, world: Any) -> str:
    page = client.get(reverse("family_home", args=[world.family.pk])).content.decode()
    found = re.search(r"Messages\s*(?:<[^>]+>\s*)*(\d+)", page)
    return found.group(1) if found else "none"


def test_the_list_and_the_count_follow_every_message_and_reading(
        world: Any, client: Any) -> None:
    now = timezone.now
    school = services.start_thread(actor=world.parent_a, subject="School", body="One",
                                   now=now())
    services.send_message(actor=world.parent_a, thread=school, body="Two", now=now())
    client.force_login(world.parent_b.user)
    assert _listed(client, world) == ["School 2 unread 2 messages"]
    assert _menu_count(client, world) == "2"
    assert _listed(client, world) == ["School 2 unread 2 messages"]  # kept, the same

    services.start_thread(actor=world.parent_a, subject="Holidays", body="Three",
                                     now=now())
    assert _listed(client, world) == ["Holidays 1 unread 1 message",
                                      "School 2 unread 2 messages"]
    assert _menu_count(client, world) == "3"

    client.get(reverse("thread_detail", args=[world.family.pk, school.pk]))  # read
    assert _listed(client, world) == ["Holidays 1 unread 1 message", "School 2 messages"]
    assert _menu_count(client, world) == "1"

    services.send_message(actor=world.parent_b, thread=school, body="Mine", now=now())
    # Bruno's own message is not unread for him; the list puts School first again.
    assert _listed(client, world) == ["School 3 messages", "Holidays 1 unread 1 message"]
    client.force_login(world.parent_a.user)
    assert _listed(client, world) == ["School 1 unread 3 messages", "Holidays 1 message"]


def test_a_member_added_to_a_thread_finds_its_messages_unread(
        world: Any, client: Any) -> None:
    thread = services.start_thread(actor=world.parent_a, subject="Pick-ups", body="One",
                                   now=timezone.now())
    client.force_login(world.partner.user)
    assert _listed(client, world) == [] and _menu_count(client, world) == "none"
    services.add_to_thread(actor=world.parent_a, thread=thread, member=world.partner,
                           now=timezone.now())
    assert _listed(client, world) == ["Pick-ups 1 unread 1 message"]
    assert _menu_count(client, world) == "1"


def test_conversations_come_fifty_to_a_page_latest_first(world: Any, client: Any) -> None:
    started = [services.start_thread(actor=world.parent_a, subject=f"Topic {n}", body="Hi",
                                     now=timezone.now()) for n in range(53)]
    services.send_message(actor=world.parent_a, thread=started[0], body="Again",
                          now=timezone.now())  # the oldest conversation is the latest now
    client.force_login(world.parent_b.user)
    url = reverse("thread_list", args=[world.family.pk])
    first = client.get(url).content.decode()
    subjects = re.findall(r'">(Topic \d+)</a>', first)
    assert subjects == ["Topic 0"] + [f"Topic {n}" for n in range(52, 3, -1)]
    assert f'href="?before={started[4].pk}">Earlier conversations' in first
    second = client.get(url, {"before": started[4].pk}).content.decode()
    assert re.findall(r'">(Topic \d+)</a>', second) == ["Topic 3", "Topic 2", "Topic 1"]
    assert "Earlier conversations" not in second
    assert "Back to the latest conversations" in second
