"""Each message's level is rated once, when it is sent, in its author's language, and
stored with it; the record keeps the message exactly as it was sent."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services
from twohomes.messaging.models import Message
from twohomes.records.models import LogEntry

HOSTILE = "You are such an idiot. See you in court!!!"


def _recorded_body(message: Message) -> str:
    entry = LogEntry.objects.get(family=message.family, seq=message.record_seq)
    assert entry.kind == "messaging.message.sent"
    body: str = json.loads(bytes(entry.opening.content))["body"]
    return body


def test_a_hostile_message_is_stored_hostile_with_its_kinds(world: Any, thread: Any) -> None:
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language="en")
    message.refresh_from_db()
    assert message.tone == "hostile"
    # Name-calling and the threat weigh 3 each, the "!!!" 2: heaviest first, then in order.
    assert message.tone_kinds == "insult,threat,shouting"
    assert message.body == HOSTILE  # nothing rewritten: not the capitals, not the "!!!"
    assert _recorded_body(message) == HOSTILE


@pytest.mark.parametrize(("body", "tone", "kinds"), [
    ("Hi, could you bring Ada to the dentist on Monday at 9:00? Thanks!", "calm", ""),
    # One capitalised word is a note: it leaves the level calm and is not stored as a kind.
    ("Thanks, pick-up is on Saturday, NOT Friday.", "calm", ""),
    ("Could you send the form by Friday? Thanks.", "firm", ""),
    ("You always forget the inhaler.", "heated", "absolute_blame"),
])
def test_each_level_is_stored_as_rated(world: Any, thread: Any, body: str, tone: str,
                                       kinds: str) -> None:
    message = services.send_message(actor=world.parent_b, thread=thread, body=body,
                                    now=timezone.now(), language="en")
    message.refresh_from_db()
    assert (message.tone, message.tone_kinds) == (tone, kinds)
    assert _recorded_body(message) == body


@pytest.mark.parametrize("language", ["en-gb", "EN"])
def test_a_variant_of_english_is_read_with_the_english_rules(
        world: Any, thread: Any, language: str) -> None:
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language=language)
    message.refresh_from_db()
    assert (message.tone, message.tone_kinds) == ("hostile", "insult,threat,shouting")


@pytest.mark.parametrize("language", ["es", ""])
def test_a_message_in_a_language_without_rules_is_not_rated(
        world: Any, thread: Any, language: str) -> None:
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language=language)
    message.refresh_from_db()
    assert (message.tone, message.tone_kinds) == ("", "")
    assert _recorded_body(message) == HOSTILE


def test_the_composer_rates_in_the_senders_language(world: Any, thread: Any,
                                                    login: Any) -> None:
    url = reverse("send_message", args=[world.family.pk, thread.pk])
    assert login(world.parent_a).post(url, {"body": HOSTILE}).status_code == 302
    world.parent_b.user.language = "es"
    world.parent_b.user.save(update_fields=["language"])
    assert login(world.parent_b).post(url, {"body": HOSTILE + " "}).status_code == 302
    alices, brunos = (Message.objects.filter(thread=thread, author=author).latest("pk")
                      for author in (world.parent_a, world.parent_b))
    assert (alices.tone, alices.tone_kinds) == ("hostile", "insult,threat,shouting")
    assert (brunos.tone, brunos.tone_kinds) == ("", "")
    assert alices.body == brunos.body == HOSTILE
    assert _recorded_body(alices) == _recorded_body(brunos) == HOSTILE


def test_a_new_conversations_first_message_is_rated(world: Any, login: Any) -> None:
    response = login(world.parent_b).post(reverse("new_thread", args=[world.family.pk]),
                                          {"subject": "Court", "body": HOSTILE})
    assert response.status_code == 302
    message = Message.objects.get(thread__subject="Court")
    assert (message.tone, message.tone_kinds) == ("hostile", "insult,threat,shouting")
    assert _recorded_body(message) == HOSTILE
