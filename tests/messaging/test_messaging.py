"""Messaging: threads, who may read and write, first views, search, immutability."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services
from twohomes.messaging.models import Message, Receipt
from twohomes.records.models import LogEntry


@pytest.fixture
def thread(world: Any) -> Any:
    return services.start_thread(actor=world.parent_a, subject="Dentist", now=timezone.now(),
                                 body="Ada's dentist is on Monday 9:00.",
                                 members=[world.partner, world.professional])


def test_parents_and_added_members_see_a_thread_others_do_not(
    world: Any, thread: Any, client: Any
) -> None:
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    for persona in ("parent_a", "parent_b", "partner", "professional"):
        client.force_login(world.membership(persona).user)
        assert client.get(url).status_code == 200, persona
    for persona in ("relative", "child", "outsider"):
        client.force_login(world.membership(persona).user)
        assert client.get(url).status_code == 404, persona


def test_sending_records_the_message_with_the_servers_time(world: Any, thread: Any) -> None:
    message = Message.objects.get(thread=thread)
    entry = LogEntry.objects.get(family=world.family, seq=message.record_seq)
    assert entry.kind == "messaging.message.sent"
    assert message.sent_at == entry.recorded_at
    assert b"dentist" in bytes(entry.opening.content)


def test_professionals_read_but_never_write(world: Any, thread: Any, client: Any) -> None:
    client.force_login(world.professional.user)
    response = client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                           {"body": "I would suggest…"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.send_message(actor=world.professional, thread=thread, body="x",
                              now=timezone.now())
    assert Message.objects.filter(thread=thread).count() == 1


@pytest.mark.parametrize("statement", [
    "UPDATE messaging_message SET body = 'changed' WHERE id = %s",
    "DELETE FROM messaging_message WHERE id = %s",
])
def test_messages_cannot_be_changed_or_deleted(
    world: Any, thread: Any, statement: str
) -> None:
    message = Message.objects.get(thread=thread)
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [message.pk])
    assert Message.objects.get(pk=message.pk).body == "Ada's dentist is on Monday 9:00."


def test_first_view_is_recorded_once_and_shown_to_the_sender(
    world: Any, thread: Any, client: Any
) -> None:
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    client.force_login(world.parent_b.user)
    client.get(url)
    client.get(url)
    receipts = Receipt.objects.filter(reader=world.parent_b)
    assert receipts.count() == 1
    viewed = LogEntry.objects.filter(family=world.family, kind="messaging.message.viewed")
    assert viewed.count() == 1
    client.force_login(world.parent_a.user)
    page = client.get(url).content.decode()
    assert "Read by Bruno on" in page
    assert Receipt.objects.filter(reader=world.parent_a).count() == 0  # own messages


def test_thread_list_counts_unread_messages(world: Any, thread: Any, client: Any) -> None:
    services.send_message(actor=world.parent_a, thread=thread, body="And a second thing.",
                          now=timezone.now())
    client.force_login(world.parent_b.user)
    page = client.get(reverse("thread_list", args=[world.family.pk])).content.decode()
    assert "2 unread" in page
    client.get(reverse("thread_detail", args=[world.family.pk, thread.pk]))
    page = client.get(reverse("thread_list", args=[world.family.pk])).content.decode()
    assert "unread" not in page


def test_search_finds_subjects_and_bodies_the_member_may_see(
    world: Any, thread: Any, client: Any
) -> None:
    services.start_thread(actor=world.parent_b, subject="Private", body="dentist bill",
                          now=timezone.now())
    url = reverse("thread_list", args=[world.family.pk])
    client.force_login(world.parent_a.user)
    page = client.get(url, {"q": "dentist"}).content.decode()
    assert "Dentist" in page and "Private" in page
    client.force_login(world.partner.user)
    page = client.get(url, {"q": "dentist"}).content.decode()
    assert "Dentist" in page and "Private" not in page


def test_a_child_writes_to_their_parents_in_their_own_thread(world: Any, client: Any) -> None:
    client.force_login(world.child.user)
    response = client.post(reverse("new_thread", args=[world.family.pk]),
                           {"subject": "Football boots", "body": "Can I get new ones?"})
    assert response.status_code == 302
    thread = world.family.threads.get(subject="Football boots")
    assert thread.child == world.child
    client.force_login(world.parent_b.user)
    assert client.get(response["Location"]).status_code == 200
    client.force_login(world.relative.user)
    assert client.get(response["Location"]).status_code == 404


def test_htmx_send_returns_the_new_message_and_resets_the_form(
    world: Any, thread: Any, client: Any
) -> None:
    client.force_login(world.parent_b.user)
    url = reverse("send_message", args=[world.family.pk, thread.pk])
    response = client.post(url, {"body": "Monday works."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Monday works." in response.content.decode()
    assert "twohomes:sent" in json.loads(response["HX-Trigger"])
    empty = client.post(url, {"body": "   "}, HTTP_HX_REQUEST="true")
    assert empty["HX-Retarget"] == "#composer-errors"
    assert b"Problem:" in empty.content
    assert Message.objects.filter(thread=thread).count() == 2


def test_long_threads_load_earlier_messages_in_pages(
    world: Any, thread: Any, client: Any
) -> None:
    for n in range(34):
        services.send_message(actor=world.parent_a, thread=thread, body=f"note {n}",
                              now=timezone.now())
    client.force_login(world.parent_b.user)
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    page = client.get(url).content.decode()
    assert page.count('<li class="message') == 30
    assert "Load earlier messages" in page and "Ada&#x27;s dentist" not in page
    oldest_shown = Message.objects.filter(thread=thread).order_by("-id")[29]
    earlier = client.get(url, {"before": oldest_shown.pk}, HTTP_HX_REQUEST="true")
    assert earlier.content.decode().count('<li class="message') == 5
    assert "Load earlier" not in earlier.content.decode()
    assert Receipt.objects.filter(reader=world.parent_b).count() == 35
    for junk in ("9" * 30, "-1", "abc", "²"):  # an edited address shows the newest page
        assert client.get(url, {"before": junk}).content.decode().count(
            '<li class="message') == 30


def test_new_thread_form_rejects_bad_input(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("new_thread", args=[world.family.pk])
    response = client.post(url, {"subject": "", "body": ""})
    assert response.content.decode().count("This field is required") == 2
    response = client.post(url, {"subject": "x", "body": "y",
                                 "members": [world.outsider.pk]})
    assert b"Select a valid choice" in response.content
    assert not world.family.threads.exists()
