"""A member's tone choices are their own: saving them changes nothing for anyone else,
shows nowhere else, and is not written in the family's record."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services as messaging
from twohomes.messaging.models import HeldMessage, Message
from twohomes.records.models import LogEntry
from twohomes.tone.models import ToneSettings

HOSTILE = "You are such an idiot.\nThe swimming kit is at the station on Friday at 6 pm."


def _boxes(page: str) -> dict[str, bool]:
    """Each checkbox of the settings form: ticked or not."""
    return {name: " checked" in tag for tag, name in
            re.findall(r'(<input type="checkbox" name="(\w+)"[^>]*>)', page)}


def _without_keys(page: str) -> str:
    """The page without what changes on every drawing (form keys, the CSRF token, the
    scripts' nonce)."""
    page = re.sub(r"\b[A-Za-z0-9]{64}\b", "", page)  # the CSRF token, in a field and a header
    page = re.sub(r'name="once" value="[^"]*"', "", page)
    return re.sub(r'nonce="[^"]*"', "", page)


def test_saving_ones_choices_shows_them_to_oneself_only(
        world: Any, thread: Any, login: Any) -> None:
    url = reverse("tone_settings", args=[world.family.pk])
    messaging.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                           now=timezone.now(), language="en")
    page_url = reverse("thread_detail", args=[world.family.pk, thread.pk])
    brunos_client = login(world.parent_b)
    assert _boxes(brunos_client.get(url).content.decode()) == {
        "fold_incoming": False, "cool_down": False}
    brunos_client.get(page_url)  # his first readings recorded
    brunos_before = _without_keys(brunos_client.get(page_url).content.decode())
    entries = LogEntry.objects.count()

    alices_client = login(world.parent_a)
    saved = alices_client.post(url, {"fold_incoming": "on", "cool_down": "on"})
    assert saved.status_code == 302 and saved["Location"] == url
    assert "Tone help settings saved." in alices_client.get(url).content.decode()
    assert _boxes(alices_client.get(url).content.decode()) == {
        "fold_incoming": True, "cool_down": True}
    assert LogEntry.objects.count() == entries  # private: not in the record

    brunos_client = login(world.parent_b)
    assert _boxes(brunos_client.get(url).content.decode()) == {
        "fold_incoming": False, "cool_down": False}
    assert not ToneSettings.objects.filter(membership=world.parent_b).exists()
    brunos_after = _without_keys(brunos_client.get(page_url).content.decode())
    assert brunos_after == brunos_before
    assert 'class="folded"' not in brunos_after and "Waiting to be sent" not in brunos_after


def test_one_parents_cool_down_does_not_hold_the_other_parents_messages(
        world: Any, thread: Any, login: Any, choose: Any) -> None:
    choose(world.parent_a, fold_incoming=True, cool_down=True)
    client = login(world.parent_b)
    sent = client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                       {"body": "You are such an idiot. See you in court."})
    assert sent.status_code == 302
    assert not HeldMessage.objects.exists()
    assert Message.objects.filter(author=world.parent_b).get().tone == "hostile"
    # Alice's fold is hers: Bruno sees Alice's hostile message as it was written.
    messaging.send_message(actor=world.parent_a, thread=thread, body=HOSTILE,
                           now=timezone.now(), language="en")
    page = client.get(reverse("thread_detail", args=[world.family.pk, thread.pk]))
    html = page.content.decode()
    assert 'class="folded"' not in html and "This message contains" not in html
    assert "You are such an idiot.<br>The swimming kit is at the station" in html


def test_unticking_a_choice_saves_it(world: Any, login: Any, choose: Any) -> None:
    choose(world.parent_a, fold_incoming=True, cool_down=True)
    client = login(world.parent_a)
    url = reverse("tone_settings", args=[world.family.pk])
    assert client.post(url, {"cool_down": "on"}).status_code == 302
    found = ToneSettings.objects.get(membership=world.parent_a)
    assert (found.fold_incoming, found.cool_down) == (False, True)
    assert ToneSettings.objects.count() == 1


def test_who_may_open_the_settings(world: Any, login: Any) -> None:
    url = reverse("tone_settings", args=[world.family.pk])
    for persona in ("parent_a", "partner", "relative", "child"):
        assert login(world.membership(persona)).get(url).status_code == 200, persona
    client = login(world.professional)
    assert client.get(url).status_code == 403
    assert client.post(url, {"fold_incoming": "on"}).status_code == 403
    assert not ToneSettings.objects.exists()
    assert login(world.outsider).get(url).status_code == 404
    assert login(world.parent_a).delete(url).status_code == 405
