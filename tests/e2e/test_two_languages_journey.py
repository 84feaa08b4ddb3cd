"""Two parents who read different languages: Maya reads TwoHomes in English, Daniel in
Spanish. She asks him for a change; he reads the request and its email in Spanish and
accepts; what she reads about it is in English. Each on a 375 px phone.

The Spanish expected here is written out by hand (the words a Spanish-speaking parent
reads), not read from the catalogue, and dates as each language writes them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_fits, sign_in
from tests.factories import TEST_PASSWORD

SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]


def spanish_day(day: date) -> str:
    return f"{day.day} de {SPANISH_MONTHS[day.month - 1]} de {day.year}"


def english_day(day: date) -> str:
    return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}"


def test_a_parent_in_english_and_a_parent_in_spanish_agree_on_a_change(
    open_page: Any, world: Any, agreed_plan: Any, mailbox: Any
) -> None:
    maya_member, daniel_member = world.parent_a, world.parent_b
    for member, name, language in ((maya_member, "Maya", ""), (daniel_member, "Daniel", "es")):
        member.user.display_name, member.user.language = name, language
        member.user.save(update_fields=["display_name", "language"])
    today = timezone.localdate(timezone=world.family.zone)
    change, answer_by = today + timedelta(days=10), today + timedelta(days=3)

    maya = open_page()  # her browser asks for English, and she chose nothing
    sign_in(maya, maya_member.user.email, TEST_PASSWORD)
    maya.goto(f"/f/{world.family.pk}/swaps/new/")
    expect(maya.locator("html")).to_have_attribute("lang", "en")
    maya.get_by_label("Ada").check()
    maya.get_by_label("From", exact=True).fill(f"{change}T09:00")
    maya.get_by_label("Until", exact=True).fill(f"{change + timedelta(days=2)}T18:00")
    maya.get_by_label("The children are with").select_option(label="Maya")
    maya.get_by_label("Reason").fill("My sister's wedding.")
    maya.get_by_label("Please answer by").fill(str(answer_by))
    maya.get_by_role("button", name="Send the request").click()
    expect(maya.get_by_text("Request sent.")).to_be_visible()
    assert_fits(maya)

    # Daniel's email is in Spanish, with the date as Spanish writes it; Maya's copy in English.
    _subject, to_daniel = mailbox.wait_for(daniel_member.user.email)
    assert "Hola, Daniel:" in to_daniel
    assert (f"Maya pide un cambio en el horario y quisiera una respuesta a más tardar el "
            f"{spanish_day(answer_by)}.") in " ".join(to_daniel.split())
    assert "vence y no cambia nada" in " ".join(to_daniel.split())
    _subject, to_maya = mailbox.wait_for(maya_member.user.email)
    assert "Hello Maya," in to_maya
    assert (f"you asked for a change to the schedule, with an answer by "
            f"{english_day(answer_by)}.") in " ".join(to_maya.split())

    daniel = open_page()  # his browser asks for English too: his own choice wins
    sign_in(daniel, daniel_member.user.email, TEST_PASSWORD)
    daniel.goto(f"/f/{world.family.pk}/swaps/")
    expect(daniel.locator("html")).to_have_attribute("lang", "es")
    expect(daniel.get_by_role("heading", level=1)).to_have_text("Solicitudes de cambio")
    daniel.locator(".swaps a").first.click()
    expect(daniel.get_by_text("My sister's wedding.")).to_be_visible()  # as she wrote it
    assert_fits(daniel)
    daniel.get_by_role("button", name="Aceptar", exact=True).click()
    expect(daniel.get_by_text("Aceptada: el calendario ya muestra el cambio.")).to_be_visible()
    assert_fits(daniel)
    _subject, daniel_copy = mailbox.wait_for(daniel_member.user.email)
    assert "respondió a una solicitud de cambio (aceptada)." in " ".join(daniel_copy.split())

    # Maya reads that he accepted, in English: her email and her page.
    _subject, answered = mailbox.wait_for(maya_member.user.email)
    assert "Daniel answered a change request: accepted." in " ".join(answered.split())
    maya.goto(f"/f/{world.family.pk}/swaps/")
    maya.locator(".swaps a").first.click()
    expect(maya.locator("html")).to_have_attribute("lang", "en")
    expect(maya.get_by_text("Accepted", exact=True)).to_be_visible()
    assert_fits(maya)
