"""The cool-down: a parent who chose it has their hostile drafts held for ten minutes, seen
by them alone, which they may edit or withdraw; then the worker sends it, once."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from twohomes.accounts.once import new_key
from twohomes.families import services as families
from twohomes.messaging import services
from twohomes.messaging.models import HeldMessage, Message, PendingNotification
from twohomes.messaging.tasks import held_messages_tick
from twohomes.records.models import EntryOpening, LogEntry

CANARY = "Quokkaville-5521"
HOSTILE = f"You are such an idiot, {CANARY}. See you in court."
CALM = "Hi, could you bring Ada to the dentist on Monday at 9:00? Thanks!"
COOL_DOWN = timedelta(minutes=10)


def _send(client: Any, world: Any, thread: Any, body: str, *, key: str | None = None,
          htmx: bool = False, **files: Any) -> Any:
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                       {"body": body, "once": key or new_key(), **files}, headers=headers)


def _page_url(world: Any, thread: Any) -> str:
    return reverse("thread_detail", args=[world.family.pk, thread.pk])


def _record_text(world: Any) -> bytes:
    return b" ".join(bytes(opening.content or b"") for opening in
                     EntryOpening.objects.filter(entry__family=world.family))


@pytest.fixture
def cooling(world: Any, choose: Any) -> Any:
    """Alice chose the cool-down."""
    choose(world.parent_a, cool_down=True)
    return world.parent_a


def test_a_hostile_message_waits_and_nothing_is_sent_or_recorded(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    client = login(world.parent_a)
    messages, entries = Message.objects.count(), LogEntry.objects.count()
    before = timezone.now()
    answer = _send(client, world, thread, HOSTILE)
    assert answer.status_code == 302
    assert answer["Location"] == _page_url(world, thread) + "#waiting"
    held = HeldMessage.objects.get()
    assert (held.author, held.thread, held.body, held.language) == (
        world.parent_a, thread, HOSTILE, "en")
    assert held.send_at == held.held_at + COOL_DOWN and held.held_at >= before
    assert Message.objects.count() == messages and LogEntry.objects.count() == entries
    assert CANARY.encode() not in _record_text(world)
    page = client.get(answer["Location"]).content.decode()
    assert "As you chose, this message waits until" in page
    assert '<section class="card" id="waiting"' in page and "Waiting to be sent" in page
    waiting = re.search(rf'<textarea name="body" id="held-{held.pk}"[^>]*>([^<]*)</textarea>',
                        page)
    assert waiting and waiting.group(1) == HOSTILE
    assert f'hx-target="#held-{held.pk}-tone"' in waiting.group(0)  # checked as it is edited
    assert "load" in waiting.group(0)  # and as soon as the page shows it
    assert f'<input type="hidden" name="held" value="{held.pk}">' in page


def test_sent_twice_with_one_key_it_waits_once(world: Any, thread: Any, login: Any,
                                               cooling: Any) -> None:
    client = login(world.parent_a)
    key = new_key()
    first = _send(client, world, thread, HOSTILE, key=key, htmx=True)
    assert first.status_code == 200
    assert first["HX-Refresh"] == "true"  # the page is shown again, with the waiting message
    again = _send(client, world, thread, HOSTILE, key=key, htmx=True)
    assert again.status_code == 200 and "HX-Redirect" in again
    assert HeldMessage.objects.count() == 1
    assert Message.objects.filter(thread=thread).count() == 1  # the fixture's first


def _download(client: Any, world: Any, form: dict[str, Any]) -> bytes:
    response = client.post(reverse("export_record", args=[world.family.pk]), form)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return b" ".join(bundle.read(name) for name in bundle.namelist())


def test_a_waiting_message_is_seen_by_its_author_alone(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    """The canary: a held draft is on no page, search, list or export of anyone else, nor
    in anyone's export (it is not in the record until it is sent)."""
    preferences = services.preferences_for(world.parent_b)
    preferences.email_on_message = True
    preferences.save()
    assert _send(login(world.parent_a), world, thread, HOSTILE).status_code == 302
    assert HeldMessage.objects.count() == 1
    assert not PendingNotification.objects.exists()  # nobody is told of it
    family = world.family.pk
    pages = [reverse("family_home", args=[family]), reverse("thread_list", args=[family]),
             reverse("thread_list", args=[family]) + "?q=Quokkaville",  # its first half
             _page_url(world, thread)]
    for persona in ("parent_b", "partner", "professional"):
        client = login(world.membership(persona))
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, (persona, url)
            page = response.content.decode()
            assert CANARY not in page and "Waiting to be sent" not in page, (persona, url)
            assert "?q=" not in url or "No message matches." in page, (persona, url)
    client = login(world.professional)
    assert CANARY not in client.get(reverse("tone_trend", args=[family])).content.decode()
    assert CANARY.encode() not in _download(client, world, {"thread": thread.pk})
    for persona in ("parent_b", "parent_a"):
        assert CANARY.encode() not in _download(login(world.membership(persona)), world, {})
    alices = login(world.parent_a).get(_page_url(world, thread)).content.decode()
    assert CANARY in alices  # shown to her, to edit or withdraw


def test_the_author_edits_the_waiting_message(world: Any, thread: Any, login: Any,
                                              cooling: Any) -> None:
    client = login(world.parent_a)
    _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    edited = "Please bring the swimming kit on Friday at 6 pm."
    answer = client.post(reverse("held_edit", args=[world.family.pk, thread.pk]),
                         {"held": str(held.pk), "body": edited})
    assert answer.status_code == 302
    assert answer["Location"] == _page_url(world, thread) + "#waiting"
    changed = HeldMessage.objects.get()
    assert changed.body == edited and changed.send_at == held.send_at  # still sent then
    page = client.get(answer["Location"]).content.decode()
    assert "Your waiting message was changed. It is still sent at its time." in page
    assert f">{edited}</textarea>" in page and CANARY not in page
    assert not Message.objects.filter(body=edited).exists()


def test_a_waiting_message_cannot_be_emptied(world: Any, thread: Any, login: Any,
                                             cooling: Any) -> None:
    client = login(world.parent_a)
    _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    answer = client.post(reverse("held_edit", args=[world.family.pk, thread.pk]),
                         {"held": str(held.pk), "body": "   "}, follow=True)
    assert "Write a message before sending." in answer.content.decode()
    assert HeldMessage.objects.get().body == HOSTILE


def test_nobody_else_edits_or_withdraws_it(world: Any, thread: Any, login: Any,
                                           cooling: Any) -> None:
    _send(login(world.parent_a), world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    edit = reverse("held_edit", args=[world.family.pk, thread.pk])
    withdraw = reverse("held_withdraw", args=[world.family.pk, thread.pk])
    for persona in ("parent_b", "partner"):
        client = login(world.membership(persona))
        assert client.post(edit, {"held": str(held.pk), "body": "Changed"}).status_code == 302
        assert client.post(withdraw, {"held": str(held.pk)}).status_code == 302
        page = client.get(_page_url(world, thread)).content.decode()
        assert "That message is no longer waiting: it was sent or withdrawn." in page
    client = login(world.professional)
    assert client.post(edit, {"held": str(held.pk), "body": "Changed"}).status_code == 403
    assert client.post(withdraw, {"held": str(held.pk)}).status_code == 403
    assert login(world.outsider).post(withdraw, {"held": str(held.pk)}).status_code == 404
    client = login(world.parent_a)
    for junk in ("", "abc", "9" * 30, "-1", str(held.pk + 1)):
        client.post(withdraw, {"held": junk})
        client.post(edit, {"held": junk, "body": "Changed"})
    assert client.get(edit).status_code == 405 and client.get(withdraw).status_code == 405
    assert HeldMessage.objects.get().body == HOSTILE


def test_a_withdrawn_message_is_never_sent_and_nothing_of_it_is_kept(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    client = login(world.parent_a)
    entries = LogEntry.objects.count()
    _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    answer = client.post(reverse("held_withdraw", args=[world.family.pk, thread.pk]),
                         {"held": str(held.pk)})
    assert answer.status_code == 302 and answer["Location"] == _page_url(world, thread)
    assert not HeldMessage.objects.exists()
    assert services.send_due_messages(now=held.send_at + timedelta(hours=1)) == 0
    assert not Message.objects.filter(body__contains=CANARY).exists()
    assert LogEntry.objects.count() == entries
    assert CANARY.encode() not in _record_text(world)
    page = client.get(_page_url(world, thread)).content.decode()
    assert "Your message was withdrawn. It was never sent, and nothing of it is kept." in page
    assert CANARY not in page and "Waiting to be sent" not in page


def test_the_worker_sends_it_once_when_its_time_comes(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    preferences = services.preferences_for(world.parent_b)
    preferences.email_on_message = True
    preferences.save()
    client = login(world.parent_a)
    _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    edited = "You are such an idiot. The swimming kit is at the station on Friday at 6 pm."
    client.post(reverse("held_edit", args=[world.family.pk, thread.pk]),
                {"held": str(held.pk), "body": edited})
    assert held_messages_tick.call() == 0  # the worker's round: ten minutes are not over
    assert services.send_due_messages(now=held.send_at - timedelta(seconds=1)) == 0
    assert HeldMessage.objects.count() == 1
    assert services.send_due_messages(now=held.send_at) == 1
    assert services.send_due_messages(now=held.send_at + timedelta(minutes=1)) == 0
    assert not HeldMessage.objects.exists()
    message = Message.objects.get(thread=thread, author=world.parent_a, body=edited)
    assert message.sent_at == held.send_at
    assert (message.tone, message.tone_kinds) == ("hostile", "insult")  # rated as sent
    assert Message.objects.filter(thread=thread).count() == 2
    entry = LogEntry.objects.get(family=world.family, seq=message.record_seq)
    assert edited.encode() in bytes(entry.opening.content)
    assert CANARY.encode() not in _record_text(world)  # the first words never were sent
    assert PendingNotification.objects.filter(membership=world.parent_b,
                                              message=message).count() == 1
    page = login(world.parent_b).get(_page_url(world, thread)).content.decode()
    assert edited in page


def test_an_edited_calm_message_is_rated_calm_when_sent(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    client = login(world.parent_a)
    _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    client.post(reverse("held_edit", args=[world.family.pk, thread.pk]),
                {"held": str(held.pk), "body": CALM})
    assert services.send_due_messages(now=held.send_at) == 1
    message = Message.objects.get(body=CALM)
    assert (message.tone, message.tone_kinds) == ("calm", "")


def test_a_calm_message_goes_at_once_with_the_cool_down_on(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    answer = _send(login(world.parent_a), world, thread, CALM)
    assert answer.status_code == 302 and answer["Location"] == _page_url(world, thread)
    assert not HeldMessage.objects.exists()
    assert Message.objects.get(body=CALM).tone == "calm"


def test_a_hostile_message_goes_at_once_with_the_cool_down_off(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_a, fold_incoming=True, cool_down=False)
    answer = _send(login(world.parent_a), world, thread, HOSTILE, htmx=True)
    assert answer.status_code == 200 and CANARY in answer.content.decode()
    assert not HeldMessage.objects.exists()
    assert Message.objects.get(body=HOSTILE).tone == "hostile"


def test_a_hostile_message_with_a_file_goes_at_once(world: Any, thread: Any, login: Any,
                                                    cooling: Any) -> None:
    letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n" + b"0" * 1015, "application/pdf")
    answer = _send(login(world.parent_a), world, thread, HOSTILE, attachments=letter)
    assert answer.status_code == 302 and answer["Location"] == _page_url(world, thread)
    assert not HeldMessage.objects.exists()
    message = Message.objects.get(body=HOSTILE)
    assert message.tone == "hostile"
    assert [a.name for a in message.attachments.all()] == ["letter.pdf"]


def test_the_waiting_time_is_shown_in_the_familys_time(
        world: Any, thread: Any, login: Any, cooling: Any) -> None:
    world.family.timezone = "America/New_York"  # not the server's UTC, even in winter
    world.family.save(update_fields=["timezone"])
    client = login(world.parent_a)
    answer = _send(client, world, thread, HOSTILE)
    held = HeldMessage.objects.get()
    local = held.send_at.astimezone(ZoneInfo("America/New_York"))
    clock = f"{local.hour % 12 or 12}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"
    page = client.get(answer["Location"]).content.decode()
    assert (f'Sent at <time datetime="{local.isoformat()}">{clock}</time> unless you '
            "withdraw it.") in page
    assert f"As you chose, this message waits until {clock} before it is sent." in page


@pytest.mark.parametrize("how", ["removed", "left"])
def test_a_message_held_by_someone_who_is_gone_is_dropped(
        world: Any, thread: Any, choose: Any, how: str) -> None:
    author = world.partner if how == "removed" else world.parent_b
    choose(author, cool_down=True)
    held = services.hold_message(actor=author, thread=thread, body=HOSTILE, language="en",
                                 now=timezone.now())
    if how == "removed":
        families.remove_member(actor=world.parent_a, member=author, now=timezone.now())
    else:
        families.leave_family(actor=author, now=timezone.now())
    assert services.send_due_messages(now=held.send_at) == 0
    assert not HeldMessage.objects.exists()
    assert not Message.objects.filter(author=author).exists()
    assert CANARY.encode() not in _record_text(world)


def _start(client: Any, world: Any, subject: str, body: str, **extra: Any) -> Any:
    return client.post(reverse("new_thread", args=[world.family.pk]),
                       {"subject": subject, "body": body, "once": new_key(), **extra})


def test_a_hostile_new_conversation_waits_then_is_started_once(
        world: Any, login: Any, cooling: Any) -> None:
    from twohomes.messaging.models import Thread

    client = login(world.parent_a)
    threads, entries = Thread.objects.count(), LogEntry.objects.count()
    answer = _start(client, world, "Weekend", HOSTILE, members=[world.partner.pk])
    assert answer.status_code == 302
    assert answer["Location"] == reverse("thread_list", args=[world.family.pk]) + "#waiting"
    held = HeldMessage.objects.get()
    assert (held.thread, held.subject, held.member_ids, held.body) == (
        None, "Weekend", [world.partner.pk], HOSTILE)
    # Nothing is started, recorded or shown to anyone else while it waits.
    assert Thread.objects.count() == threads and LogEntry.objects.count() == entries
    mine = client.get(answer["Location"]).content.decode()
    assert "A new conversation: “Weekend”" in mine and CANARY in mine
    for other in (world.parent_b, world.partner, world.professional):
        page = login(other).get(reverse("thread_list", args=[world.family.pk]))
        assert CANARY not in page.content.decode()

    edited = HOSTILE.replace("an idiot", "impossible")
    login(world.parent_a).post(reverse("held_thread_edit", args=[world.family.pk]),
                               {"held": held.pk, "body": edited})
    assert services.send_due_messages(now=held.send_at) == 1
    assert services.send_due_messages(now=held.send_at) == 0  # once
    thread = Thread.objects.exclude(pk__lte=0).order_by("-pk").first()
    assert thread.subject == "Weekend" and Thread.objects.count() == threads + 1
    assert [m.body for m in thread.messages.all()] == [edited]
    assert list(thread.extra_members.values_list("membership", flat=True)) == [world.partner.pk]
    assert not HeldMessage.objects.exists()


def test_a_waiting_new_conversation_can_be_withdrawn_by_its_author_only(
        world: Any, login: Any, cooling: Any) -> None:
    from twohomes.messaging.models import Thread

    _start(login(world.parent_a), world, "Weekend", HOSTILE)
    held = HeldMessage.objects.get()
    url = reverse("held_thread_withdraw", args=[world.family.pk])
    login(world.parent_b).post(url, {"held": held.pk})  # not theirs: nothing happens
    assert HeldMessage.objects.filter(pk=held.pk).exists()
    login(world.parent_a).post(url, {"held": held.pk})
    assert not HeldMessage.objects.exists()
    threads = Thread.objects.count()
    assert services.send_due_messages(now=held.send_at) == 0
    assert Thread.objects.count() == threads
    assert CANARY.encode() not in _record_text(world)


def test_a_waiting_new_conversations_subject_reaches_nobody_else(
        world: Any, login: Any, cooling: Any) -> None:
    subject = "Marmoset-Ridge-8812"
    _start(login(world.parent_a), world, subject, HOSTILE)
    assert HeldMessage.objects.get().subject == subject
    for other in (world.parent_b, world.partner, world.relative, world.professional,
                  world.child):
        client = login(other)
        for name in ("family_home", "thread_list"):
            page = client.get(reverse(name, args=[world.family.pk])).content.decode()
            assert subject not in page, (other.role, name)
    assert subject.encode() not in _record_text(world)
