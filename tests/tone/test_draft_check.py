"""The draft check beside a text field: how the draft may land, in words, and why; the
composer's Send label; nothing of the draft kept; members it reads for, and members it
does not."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from twohomes.accounts.models import SubmissionKey
from twohomes.messaging.models import HeldMessage, Message
from twohomes.records.models import EntryOpening, LogEntry

HOSTILE = "You are such an idiot. See you in court."
CALM = "Hi, could you bring Ada to the dentist on Monday at 9:00? Thanks!"
CANARY = "Quokkaville-5521"


def _check(client: Any, world: Any, text: str, *, send: bool = False) -> Any:
    url = reverse("tone_check", args=[world.family.pk]) + "?field=body&for=id_body"
    if send:
        url += "&send=1"
    return client.post(url, {"body": text}, headers={"HX-Request": "true"})


def test_a_hostile_draft_is_answered_with_its_level_and_the_reasons(
        world: Any, login: Any) -> None:
    answer = _check(login(world.parent_a), world, HOSTILE)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert ("<strong>How it may land: Hostile.</strong> The reader will likely feel attacked, "
            "and answer in kind.") in html
    # Both findings weigh 3: numbered in the order they are written.
    assert ("<mark>You are such an idiot<sup>[1]</sup></mark>. "
            "<mark>See you in court<sup>[2]</sup></mark>.") in html
    assert ("<strong>Name-calling</strong>: “You are such an idiot”. Name-calling makes the "
            "reader defend themselves instead of reading the rest.") in html
    assert ("<strong>Threat</strong>: “See you in court”. A threat makes the reader dig in, "
            "and a judge reads it as pressure.") in html
    assert 'data-tone-for="id_body"' in html  # the fixes go back to the field checked
    assert "This is only advice: you can still send it as it is." in html
    assert "Your draft is not kept; only what you send is." in html
    assert "no-store" in answer["Cache-Control"]


def test_a_calm_draft_is_answered_calm_without_findings(world: Any, login: Any) -> None:
    html = _check(login(world.parent_b), world, CALM).content.decode()
    assert ("<strong>How it may land: Calm.</strong> Nothing here should hit the reader."
            in html)
    assert "tone-findings" not in html and "<mark>" not in html
    assert "This is only advice" not in html


def test_send_anyway_is_offered_only_to_the_composer_and_only_for_a_hostile_draft(
        world: Any, login: Any) -> None:
    client = login(world.parent_a)
    label = '<span id="composer-send-label" data-words="Send" hx-swap-oob="true">'
    hostile = _check(client, world, HOSTILE, send=True).content.decode()
    assert f"{label}Send anyway</span>" in hostile
    heated = _check(client, world, "You always forget the inhaler.", send=True)
    assert f"{label}Send anyway</span>" in heated.content.decode()  # heated warns too
    calm = _check(client, world, CALM, send=True).content.decode()
    assert f"{label}Send</span>" in calm and "Send anyway" not in calm
    other_field = _check(client, world, HOSTILE).content.decode()  # no &send=1
    assert "composer-send-label" not in other_field and "Send anyway" not in other_field
    assert "How it may land: Hostile." in other_field


def _cached_values() -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM twohomes_cache")
        return [base64.b64decode(value) for (value,) in cursor.fetchall()]


def _sessions_text() -> str:
    return " ".join(str(session.get_decoded()) for session in Session.objects.all())


def test_the_draft_is_kept_nowhere(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    draft = f"You are such an idiot, {CANARY}. See you in court."
    counts = (Message.objects.count(), HeldMessage.objects.count(), LogEntry.objects.count(),
              EntryOpening.objects.count(), SubmissionKey.objects.count())
    cached = len(_cached_values())
    for send in (False, True):
        answer = _check(client, world, draft, send=send)
        assert answer.status_code == 200 and CANARY in answer.content.decode()
    assert (Message.objects.count(), HeldMessage.objects.count(), LogEntry.objects.count(),
            EntryOpening.objects.count(), SubmissionKey.objects.count()) == counts
    values = _cached_values()
    assert len(values) == cached
    assert not any(CANARY.encode() in value for value in values)
    assert CANARY not in _sessions_text()


def test_a_member_reading_spanish_is_told_the_draft_was_not_checked(
        world: Any, login: Any) -> None:
    world.parent_b.user.language = "es"
    world.parent_b.user.save(update_fields=["language"])
    html = _check(login(world.parent_b), world, HOSTILE, send=True).content.decode()
    with translation.override("es"):  # the sentence as Spanish readers have it
        notice = _("Tone help does not read %(language)s yet, so nothing in this draft was "
                   "checked.") % {"language": "Español"}
    assert f'<p class="small muted">{notice}</p>' in html
    assert "How it may land" not in html and "tone-findings" not in html
    assert "<mark>" not in html and "Name-calling" not in html
    # Nothing was rated, so the button keeps its plain word (in Spanish).
    assert '<span id="composer-send-label" data-words="Enviar" hx-swap-oob="true">Enviar</span>' \
        in html


def test_an_empty_draft_is_answered_with_nothing(world: Any, login: Any) -> None:
    html = _check(login(world.parent_a), world, "   ").content.decode()
    assert "<section" not in html and "How it may land" not in html
    assert "does not read" not in html and "<mark>" not in html


@pytest.mark.parametrize("persona", ["parent_a", "parent_b", "partner", "relative", "child"])
def test_every_member_who_writes_may_check_a_draft(world: Any, login: Any,
                                                  persona: str) -> None:
    answer = _check(login(world.membership(persona)), world, HOSTILE)
    assert answer.status_code == 200 and b"How it may land: Hostile." in answer.content


def test_a_professional_may_not_check_a_draft(world: Any, login: Any) -> None:
    answer = _check(login(world.professional), world, HOSTILE)
    assert answer.status_code == 403
    assert b"idiot" not in answer.content


def test_another_familys_member_is_not_answered(world: Any, login: Any) -> None:
    assert _check(login(world.outsider), world, HOSTILE).status_code == 404


def test_a_get_is_refused(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    url = reverse("tone_check", args=[world.family.pk]) + "?field=body&for=id_body"
    assert client.get(url, {"body": HOSTILE}).status_code == 405


def test_field_names_from_the_address_are_read_only_when_plain(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    url = reverse("tone_check", args=[world.family.pk])
    # The reason field of a change request: its own name and id.
    html = client.post(url + "?field=reason&for=id_reason", {"reason": HOSTILE},
                       headers={"HX-Request": "true"}).content.decode()
    assert 'data-tone-for="id_reason"' in html and "How it may land: Hostile." in html
    # An id that is not a plain name is not written into the page.
    html = client.post(url + '?field=body&for="><script>', {"body": HOSTILE},
                       headers={"HX-Request": "true"}).content.decode()
    assert "<script>" not in html and 'data-tone-for="id_body"' in html
