"""Every text field of a form says how long its text may be, and is read out with it."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse


def _described(html: str, name: str) -> str:
    """The text that the control called ``name`` is described by (its aria-describedby)."""
    control = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert control, name
    ids = re.search(r'aria-describedby="([^"]+)"', control.group(0))
    assert ids, f"{name} has no description"
    texts = []
    for ident in ids.group(1).split():
        element = re.search(rf'id="{ident}"[^>]*>(.*?)</', html, flags=re.S)
        texts.append(element.group(1) if element else "")
    return " ".join(texts)


def test_text_fields_state_their_limits(world: Any, agreed_plan: Any, login: Any) -> None:
    client = login(world.parent_a)
    family = world.family.pk
    expected = [  # from each form's declared limit, written out by hand
        ("event_new", "title", "Up to 200 characters."),
        ("event_new", "notes", "Up to 5,000 characters."),
        ("swap_new", "reason", "Up to 2,000 characters."),
        ("new_thread", "subject", "Up to 200 characters."),
        ("invite", "email", "Up to 254 characters."),
    ]
    for url_name, field, stated in expected:
        page = client.get(reverse(url_name, args=[family])).content.decode()
        assert stated in _described(page, field), (url_name, field)


def test_the_message_composer_states_its_limit(world: Any, login: Any) -> None:
    from django.utils import timezone

    from twohomes.messaging import services

    thread = services.start_thread(actor=world.parent_a, subject="Shoes", body="Size 32?",
                                   now=timezone.now())
    page = login(world.parent_b).get(
        reverse("thread_detail", args=[world.family.pk, thread.pk])).content.decode()
    assert "Up to 20,000 characters." in _described(page, "body")


def test_fields_without_text_state_no_limit(world: Any, login: Any) -> None:
    page = login(world.parent_a).get(
        reverse("add_child", args=[world.family.pk])).content.decode()
    # The name has a limit; the birth date and the colour choice have none to state.
    assert "characters." in _described(page, "name")
    birth = re.search(r'<input[^>]*name="birth_date"[^>]*>', page)
    assert birth and "aria-describedby" not in birth.group(0)


def test_a_limit_reads_as_the_readers_language_writes_numbers(world: Any, login: Any) -> None:
    from django.utils import timezone

    from twohomes.messaging import services

    world.parent_b.user.language = "es"  # Spanish groups thousands with a (no-break) space
    world.parent_b.user.save(update_fields=["language"])
    thread = services.start_thread(actor=world.parent_a, subject="Shoes", body="Size 32?",
                                   now=timezone.now())
    client = login(world.parent_b)
    page = client.get(reverse("thread_detail", args=[world.family.pk, thread.pk])).content
    assert "Hasta 20\xa0000 caracteres." in _described(page.decode(), "body")
    swap = client.get(reverse("swap_new", args=[world.family.pk])).content.decode()
    assert "Hasta 2\xa0000 caracteres." in _described(swap, "reason")
