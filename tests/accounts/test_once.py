"""A form sent twice creates its thing once; the repeat is answered with the first result."""

from __future__ import annotations

import re
import threading
import time
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from twohomes.accounts.models import SubmissionKey
from twohomes.accounts.tasks import forget_old_submissions
from twohomes.messaging import services as messaging
from twohomes.messaging.models import Message
from twohomes.records.models import Log
from twohomes.schedules.models import SwapRequest

KEY = "k" * 32


def _swap_form(world: Any, **changes: Any) -> dict[str, Any]:
    form = {"children": [world.linked_child.pk], "starts": "2027-03-14T09:00",
            "ends": "2027-03-15T18:00", "parent": world.parent_b.pk, "reason": "Wedding",
            "answer_by": (date.today() + timedelta(days=3)).isoformat(), "once": KEY}
    form.update(changes)
    return form


def _ask(client: Any, world: Any, **changes: Any) -> Any:
    return client.post(reverse("swap_new", args=[world.family.pk]), _swap_form(world, **changes))


def test_the_form_page_carries_a_key_that_changes_with_each_visit(
        world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    url = reverse("swap_new", args=[world.family.pk])
    pattern = r'<input type="text" name="once" value="([A-Za-z0-9_-]{32})" hidden data-once>'
    first = re.findall(pattern, client.get(url).content.decode())
    second = re.findall(pattern, client.get(url).content.decode())
    assert len(first) == 1 and len(second) == 1 and first != second


def test_a_change_request_sent_twice_is_asked_once(
        world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    first = _ask(client, world)
    swap = SwapRequest.objects.get()
    detail = reverse("swap_detail", args=[world.family.pk, swap.pk])
    assert first.status_code == 302 and first["Location"] == detail
    again = _ask(client, world)
    assert again.status_code == 302 and again["Location"] == detail
    assert SwapRequest.objects.count() == 1
    page = client.get(detail).content.decode()
    assert "This was already sent; nothing was sent twice." in page


def test_a_form_with_errors_can_be_corrected_and_sent_with_its_key(
        world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    wrong = _ask(client, world, ends="2027-03-13T09:00")
    assert wrong.status_code == 200 and b"must end after it starts" in wrong.content
    assert not SwapRequest.objects.exists() and not SubmissionKey.objects.exists()
    corrected = _ask(client, world)
    assert corrected.status_code == 302
    assert SwapRequest.objects.count() == 1


def test_a_new_key_asks_again(world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    _ask(client, world)
    _ask(client, world, once="n" * 32)
    assert SwapRequest.objects.count() == 2


def test_another_persons_key_is_not_theirs(world: Any, agreed_plan: Any, client: Any) -> None:
    client.force_login(world.parent_b.user)
    _ask(client, world)
    client.force_login(world.parent_a.user)
    response = _ask(client, world, parent=world.parent_a.pk)
    assert response.status_code == 302
    assert sorted(SwapRequest.objects.values_list("requested_by__user__email", flat=True)) == [
        "alice@example.org", "bruno@example.org"]


def test_a_malformed_key_is_refused_and_nothing_is_asked(
        world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    response = _ask(client, world, once="short'\"<key>")
    assert response.status_code == 400
    assert b"This form is out of date and was not sent" in response.content
    assert not SwapRequest.objects.exists() and not SubmissionKey.objects.exists()


def test_keys_are_forgotten_after_a_day(world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_b)
    SubmissionKey.objects.create(user=world.parent_b.user, key=KEY, path="/old/",
                                 result="/old/", created_at=timezone.now() - timedelta(hours=25))
    SubmissionKey.objects.create(user=world.parent_a.user, key="a" * 32, path="/alices/",
                                 result="/alices/", created_at=timezone.now() - timedelta(days=2))
    kept = SubmissionKey.objects.create(user=world.parent_b.user, key="r" * 32, path="/recent/",
                                        result="/recent/",
                                        created_at=timezone.now() - timedelta(hours=23))
    _ask(client, world)  # the day-old key is forgotten: this is a new submission
    assert SwapRequest.objects.count() == 1
    assert sorted(SubmissionKey.objects.values_list("path", flat=True)) == [
        "/alices/", f"/f/{world.family.pk}/swaps/new/", "/recent/"]
    assert forget_old_submissions.call() == 1  # the worker's round: Alice's two-day-old key
    assert sorted(SubmissionKey.objects.values_list("path", flat=True)) == [
        f"/f/{world.family.pk}/swaps/new/", "/recent/"]
    assert SubmissionKey.objects.filter(pk=kept.pk).exists()


def _thread(world: Any) -> Any:
    return messaging.start_thread(actor=world.parent_a, subject="School", body="First",
                                  files=[], members=[], now=timezone.now())


def _send(client: Any, world: Any, thread: Any, body: str) -> Any:
    page = "http://testserver" + reverse("thread_detail", args=[world.family.pk, thread.pk])
    return client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                       {"body": body, "once": KEY},
                       headers={"HX-Request": "true", "HX-Current-URL": page})


def test_a_message_sent_again_after_a_lost_answer_is_stored_once(
        world: Any, login: Any) -> None:
    thread = _thread(world)
    client = login(world.parent_b)
    first = _send(client, world, thread, "Pick-up at 3?")
    assert first.status_code == 200 and "Pick-up at 3?" in first.content.decode()
    again = _send(client, world, thread, "Pick-up at 3?")
    page = f"http://testserver/f/{world.family.pk}/messages/{thread.pk}/"
    assert again.status_code == 200 and again["HX-Redirect"] == page
    assert b"Pick-up" not in again.content
    assert list(Message.objects.filter(thread=thread).values_list("body", flat=True)
                .order_by("pk")) == ["First", "Pick-up at 3?"]
    assert "nothing was sent twice" in client.get(page).content.decode()


def test_a_message_refused_by_the_composer_keeps_its_key(world: Any, login: Any) -> None:
    thread = _thread(world)
    client = login(world.parent_b)
    refused = _send(client, world, thread, "")
    assert refused.status_code == 200 and refused["HX-Retarget"] == "#composer-errors"
    sent = _send(client, world, thread, "Now with words")
    assert sent.status_code == 200 and "Now with words" in sent.content.decode()
    assert Message.objects.filter(thread=thread).count() == 2


def _waiting_on_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")
        return int(cursor.fetchone()[0])


@pytest.mark.postgres
def test_two_sendings_at_the_same_moment_ask_once(
        transactional_db: Any, world: Any, agreed_plan: Any) -> None:
    """The first sending is held inside its view (on the family's record, locked here); the
    second, with the same key, waits on the first one's key and then gets its answer."""
    if connection.vendor != "postgresql":
        pytest.skip("runs against PostgreSQL (DATABASE_URL); SQLite takes one writer at a time")
    answers: list[Any] = []

    def send(client: Any) -> None:
        try:
            answers.append(_ask(client, world))
        finally:
            connections.close_all()

    clients = [Client(), Client()]  # one browser tab each, both signed in as Bruno
    for tab in clients:
        tab.force_login(world.parent_b.user)
    senders = [threading.Thread(target=send, args=(tab,)) for tab in clients]
    with transaction.atomic():
        Log.objects.select_for_update().get(family=world.family)
        for sender in senders:
            sender.start()
        deadline = time.monotonic() + 20
        while _waiting_on_locks() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _waiting_on_locks() == 2
    for sender in senders:
        sender.join(timeout=30)
    swap = SwapRequest.objects.get()
    detail = reverse("swap_detail", args=[world.family.pk, swap.pk])
    assert [(a.status_code, a["Location"]) for a in answers] == [(302, detail), (302, detail)]
