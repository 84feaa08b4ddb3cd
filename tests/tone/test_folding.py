"""A reader who asked for it sees others' heated and hostile messages folded: a calm
heads-up and the practical details first, the message itself one tap away, unchanged."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services
from twohomes.messaging.models import Message

HOSTILE = "You are such an idiot.\nThe swimming kit is at the station on Friday at 6 pm."
HOSTILE_HTML = "You are such an idiot.<br>The swimming kit is at the station on Friday at 6 pm."
CALM = "Hi, could you bring Ada to the dentist on Monday at 9:00? Thanks!"


def _message_html(page: str, message: Message) -> str:
    found = re.search(rf'<li class="message[^"]*" id="message-{message.pk}">.*?\n</li>',
                      page, re.S)
    assert found, page
    return found.group(0)


def _seen_by(client: Any, world: Any, message: Message) -> str:
    page = client.get(reverse("thread_detail", args=[world.family.pk, message.thread_id]))
    assert page.status_code == 200
    return _message_html(page.content.decode(), message)


def test_a_hostile_message_arrives_folded_for_a_reader_who_asked(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language="en")
    html = _seen_by(login(world.parent_b), world, message)
    heads_up = ('<p><span aria-hidden="true">⚑</span> This message contains name-calling. '
                "It is about: activities.</p>")
    details = '<p class="small">Details in it: at the station, Friday, 6 pm</p>'
    folded = ('<details><summary>Show the message</summary>'
              f'<div class="body">{HOSTILE_HTML}</div></details>')
    assert '<div class="folded">' in html
    assert heads_up in html and details in html and folded in html
    assert html.index(heads_up) < html.index(details) < html.index(folded)
    assert html.count(HOSTILE_HTML) == 1  # only inside the fold


def test_the_heads_up_names_every_kind_stored_with_the_message(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    message = services.send_message(actor=world.parent_a, thread=thread, now=timezone.now(),
                                    body="You are such an idiot. See you in court!!!",
                                    language="en")
    html = _seen_by(login(world.parent_b), world, message)
    assert "This message contains name-calling, a threat and shouting.</p>" in html
    assert "It is about" not in html and "Details in it" not in html  # none written
    assert ('<div class="body">You are such an idiot. See you in court!!!</div></details>'
            in html)


def test_a_heated_message_is_folded_too(world: Any, thread: Any, login: Any,
                                        choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    message = services.send_message(actor=world.parent_a, thread=thread, now=timezone.now(),
                                    body="You always forget the inhaler.", language="en")
    html = _seen_by(login(world.parent_b), world, message)
    assert "This message contains blame. It is about: health.</p>" in html
    assert "<summary>Show the message</summary>" in html


def test_the_author_sees_their_own_message_unfolded(world: Any, thread: Any, login: Any,
                                                    choose: Any) -> None:
    choose(world.parent_a, fold_incoming=True)
    choose(world.parent_b, fold_incoming=True)
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language="en")
    html = _seen_by(login(world.parent_a), world, message)
    assert f'<div class="body">{HOSTILE_HTML}</div>' in html
    assert "folded" not in html and "This message contains" not in html
    assert "Show the message" not in html


def test_without_the_choice_a_hostile_message_is_shown_as_written(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_a, fold_incoming=True)  # the other parent's choice is not Bruno's
    message = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                    now=timezone.now(), language="en")
    for persona in ("parent_b", "partner", "professional"):
        html = _seen_by(login(world.membership(persona)), world, message)
        assert f'<div class="body">{HOSTILE_HTML}</div>' in html, persona
        assert "folded" not in html and "Show the message" not in html, persona


@pytest.mark.parametrize(("body", "language"), [
    (CALM, "en"),
    ("Could you send the form by Friday? Thanks.", "en"),  # firm
    ("Thanks, pick-up is on Saturday, NOT Friday.", "en"),  # a note only
    (HOSTILE, "es"),  # not rated: written in a language tone help does not read
])
def test_a_message_not_rated_heated_is_never_folded(
        world: Any, thread: Any, login: Any, choose: Any, body: str, language: str) -> None:
    choose(world.parent_b, fold_incoming=True)
    message = services.send_message(actor=world.parent_a, thread=thread, body=body,
                                    now=timezone.now(), language=language)
    html = _seen_by(login(world.parent_b), world, message)
    assert "folded" not in html and "Show the message" not in html
    assert "This message" not in html
    assert '<div class="body">' in html


def test_earlier_pages_are_folded_alike(world: Any, thread: Any, login: Any,
                                        choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    first = services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                                  now=timezone.now(), language="en")
    for n in range(30):
        services.send_message(actor=world.parent_a, thread=thread, body=f"note {n}",
                              now=timezone.now(), language="en")
    client = login(world.parent_b)
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    newest_shown = Message.objects.filter(thread=thread).order_by("-id")[29]
    earlier = client.get(url, {"before": newest_shown.pk}, headers={"HX-Request": "true"})
    html = _message_html(earlier.content.decode(), first)
    assert "This message contains name-calling." in html
    assert f'<div class="body">{HOSTILE_HTML}</div></details>' in html


def test_every_practical_detail_is_above_the_fold(world: Any, thread: Any, login: Any,
                                                  choose: Any) -> None:
    choose(world.parent_b, fold_incoming=True)
    body = ("You are such an idiot. The school trip money for swimming practice and the "
            "dentist: pick-up Friday at 6 pm at the station, bring $20, Saturday at 9 am.")
    message = services.send_message(actor=world.parent_a, thread=thread, body=body,
                                    now=timezone.now(), language="en")
    html = _seen_by(login(world.parent_b), world, message)
    # What it is about names three topics at most; every detail is listed.
    assert "It is about: pick-up, school, health.</p>" in html
    assert ('<p class="small">Details in it: Friday, 6 pm, at the station, $20, Saturday, '
            "9 am</p>") in html


def test_a_search_result_stays_folded_for_a_reader_who_asked(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    services.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                          now=timezone.now(), language="en")
    url = reverse("thread_list", args=[world.family.pk])
    choose(world.parent_b, fold_incoming=True)
    folded = login(world.parent_b).get(url, {"q": "swimming kit"}).content.decode()
    assert "Folded, as you chose: open the conversation to read it." in folded
    assert "You are such an idiot" not in folded
    choose(world.parent_b, fold_incoming=False)
    plain = login(world.parent_b).get(url, {"q": "swimming kit"}).content.decode()
    assert "You are such an idiot" in plain


def test_a_new_conversation_is_checked_as_it_is_written(world: Any, login: Any) -> None:
    page = login(world.parent_a).get(reverse("new_thread", args=[world.family.pk]))
    html = page.content.decode()
    check = reverse("tone_check", args=[world.family.pk])
    assert f'hx-post="{check}?field=body&amp;for=id_body"' in html
    assert 'hx-params="body"' in html  # only the draft is sent, never the one-time key
    assert 'id="id_body-tone"' in html
