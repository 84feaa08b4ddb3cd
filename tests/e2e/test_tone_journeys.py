"""Tone help in the browser, on a 375 px phone. Alice writes a hostile draft: the panel says
how it may land and why, never stops her sending, and its fixes calm the draft; what she
sends is stored and shown exactly as it was in the box. Bruno chose to have hostile messages
folded: he reads a calm heads-up and the practical details first, and opens the message,
unchanged, with the keyboard.

Screenshots for a reviewer (not asserted) go to /tmp/tone_shots/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE, assert_fits, sign_in
from tests.factories import TEST_PASSWORD
from twohomes.messaging import services as messaging
from twohomes.messaging.models import Message
from twohomes.tone.models import ToneSettings

SHOTS = Path("/tmp/tone_shots")
HOSTILE_DRAFT = ("WHERE ARE YOU??? You are pathetic, you ALWAYS do this. "
                 "I'm filing for full custody if you are late again.")
HOSTILE_MESSAGE = ("You ALWAYS forget. Pick-up is Friday at 6 pm, be there or I will take "
                   "you to court, you idiot.")
SHOUTING = re.compile(r"\b[A-Z]{2,}\b")  # a word of two or more capitals


def shoot(page: Any, name: str) -> None:
    """The whole page at the phone's width and at a desktop's, then back to the phone."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-375.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)


def test_a_parent_calms_a_hostile_draft_and_sends_it(open_page: Any, world: Any) -> None:
    thread = messaging.start_thread(actor=world.parent_b, subject="Friday pick-up",
                                    body="I'll be at the school gate at 5.", now=timezone.now(),
                                    language="en")
    alice = open_page(PHONE)
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/messages/{thread.pk}/")
    box = alice.get_by_label("Message", exact=True)
    panel = alice.locator("#id_body-tone")
    box.click()
    alice.keyboard.type(HOSTILE_DRAFT)  # key by key: input events fire, as on a phone

    # How it may land, and why: the words marked in the draft, each with its reason.
    expect(panel.locator(".tone-level")).to_contain_text("How it may land: Hostile.")
    expect(panel.locator(".tone-draft")).to_contain_text("You are pathetic")
    expect(panel.locator("mark").first).to_be_visible()
    assert panel.locator("mark").count() >= 3
    reasons = panel.locator(".tone-findings > li")
    assert reasons.count() >= 3
    expect(reasons.filter(has_text="Name-calling").first).to_contain_text("“You are pathetic”")
    expect(reasons.filter(has_text="Threat").first).to_be_visible()
    expect(panel).to_contain_text("This is only advice: you can still send it as it is.")
    # The check never blocks: Send is still there, and says what sending now means.
    expect(alice.locator("#composer-send-label")).to_have_text("Send anyway")
    expect(alice.get_by_role("button", name="Send anyway")).to_be_enabled()
    assert_fits(alice)
    shoot(alice, "panel-hostile")

    alice.get_by_role("button", name="Apply every quick fix").click()
    expect(box).not_to_have_value(HOSTILE_DRAFT)
    quick_fixed = box.input_value()
    assert "pathetic" not in quick_fixed
    assert not SHOUTING.search(quick_fixed), quick_fixed
    assert "???" not in quick_fixed
    # The fixed draft is checked again (the panel now quotes it).
    expect(panel.locator(".tone-draft")).not_to_contain_text("pathetic")
    assert_fits(alice)

    threat_fix = panel.locator(".tone-findings > li", has_text="Threat").locator("button.tone-fix")
    if threat_fix.count():  # "Leave this sentence out", where the threat has a fix
        threat_fix.first.click()
        expect(box).not_to_have_value(quick_fixed)
        assert "custody" not in box.input_value()
        expect(panel.locator(".tone-level")).not_to_contain_text("Hostile")
        # "Where are you? You always do this." is still blame: heated, so "Send anyway".
        expect(panel.locator(".tone-level")).to_contain_text("How it may land: Heated.")
        expect(alice.locator("#composer-send-label")).to_have_text("Send anyway")
    sent = box.input_value()
    assert sent.strip() and sent != HOSTILE_DRAFT
    alice.locator("#composer button[type=submit]").click()

    mine = alice.locator("#messages li.message.mine")
    expect(mine).to_have_count(1)
    expect(box).to_have_value("")  # the composer is emptied for the next message
    # What is shown and stored is what was in the box: nothing rewritten after sending.
    assert mine.locator(".body").inner_text() == sent
    assert Message.objects.filter(thread=thread).order_by("pk").last().body == sent
    alice.reload()
    assert alice.locator("#messages li.message.mine .body").inner_text() == sent
    assert_fits(alice)


def test_a_parent_reads_a_hostile_message_folded(open_page: Any, world: Any) -> None:
    bruno = open_page(PHONE)
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.goto(reverse("tone_settings", args=[world.family.pk]))
    expect(bruno.get_by_role("heading", name="Tone help")).to_be_visible()
    assert_fits(bruno)
    bruno.get_by_label("Fold messages that arrive heated or hostile").check()
    bruno.get_by_role("button", name="Save").click()
    expect(bruno.get_by_text("Tone help settings saved.")).to_be_visible()
    expect(bruno.get_by_label("Fold messages that arrive heated or hostile")).to_be_checked()
    assert ToneSettings.objects.get(membership=world.parent_b).fold_incoming

    thread = messaging.start_thread(actor=world.parent_a, subject="Pick-up", now=timezone.now(),
                                    body="Hi, about this week's pick-up.", language="en")
    messaging.send_message(actor=world.parent_a, thread=thread, body=HOSTILE_MESSAGE,
                           now=timezone.now(), language="en")

    bruno.goto(f"/f/{world.family.pk}/messages/{thread.pk}/")
    rows = bruno.locator("#messages li.message")
    expect(rows).to_have_count(2)
    calm, hostile = rows.nth(0), rows.nth(1)
    expect(calm.locator(".body")).to_have_text("Hi, about this week's pick-up.")  # not folded
    folded = hostile.locator(".folded")
    expect(folded).to_contain_text(re.compile(r"This message contains [^.]*\."))
    expect(folded).to_contain_text("a threat")
    expect(folded.locator("p.small")).to_contain_text("Details in it:")
    expect(folded.locator("p.small")).to_contain_text("Friday")
    expect(folded.locator("p.small")).to_contain_text("6 pm")
    body = folded.locator("details .body")
    expect(body).to_be_hidden()
    expect(bruno.get_by_text("you idiot")).to_be_hidden()
    assert_fits(bruno)
    shoot(bruno, "folded-closed")

    summary = folded.locator("summary", has_text="Show the message")
    summary.focus()
    bruno.keyboard.press("Enter")
    expect(folded.locator("details")).to_have_attribute("open", "")
    expect(body).to_be_visible()
    assert body.inner_text() == HOSTILE_MESSAGE  # unchanged
    assert_fits(bruno)
    shoot(bruno, "folded-open")


def test_a_parent_cools_down_edits_a_waiting_message_and_it_is_sent_later(
        open_page: Any, world: Any) -> None:
    from twohomes.messaging.models import HeldMessage
    from twohomes.messaging.services import send_due_messages

    thread = messaging.start_thread(actor=world.parent_b, subject="Swimming", now=timezone.now(),
                                    body="Swimming moved to Tuesday.", language="en")
    alice = open_page(PHONE)
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(reverse("tone_settings", args=[world.family.pk]))
    alice.get_by_label("Hold my hostile drafts for ten minutes before sending").check()
    alice.get_by_role("button", name="Save").click()
    expect(alice.get_by_text("Tone help settings saved.")).to_be_visible()

    alice.goto(f"/f/{world.family.pk}/messages/{thread.pk}/")
    alice.get_by_label("Message", exact=True).fill("You are pathetic. Tuesday is fine.")
    alice.locator("#composer button[type=submit]").click()
    waiting = alice.locator("#waiting")
    expect(waiting).to_contain_text("Waiting to be sent")
    expect(alice.get_by_text("As you chose, this message waits until")).to_be_visible()
    expect(alice.locator("#messages li.message.mine")).to_have_count(0)  # not sent yet
    # The waiting message is checked as soon as the page shows it.
    held = HeldMessage.objects.get()
    panel = alice.locator(f"#held-{held.pk}-tone")
    expect(panel.locator(".tone-level")).to_contain_text("How it may land: Hostile.")
    assert_fits(alice)
    shoot(alice, "waiting")

    box = alice.get_by_label("Your waiting message")
    box.fill("Tuesday is fine, thanks.")
    waiting.get_by_role("button", name="Save the change").click()
    expect(alice.get_by_text("Your waiting message was changed.")).to_be_visible()
    expect(alice.get_by_label("Your waiting message")).to_have_value("Tuesday is fine, thanks.")

    bruno = open_page(PHONE)  # the other parent sees nothing of it while it waits
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.goto(f"/f/{world.family.pk}/messages/{thread.pk}/")
    expect(bruno.locator("#waiting")).to_have_count(0)
    expect(bruno.get_by_text("Tuesday is fine, thanks.")).to_have_count(0)

    assert send_due_messages(now=HeldMessage.objects.get().send_at) == 1  # the worker's round
    bruno.reload()
    expect(bruno.locator("#messages li.message").last.locator(".body")).to_have_text(
        "Tuesday is fine, thanks.")
    alice.reload()
    expect(alice.locator("#waiting")).to_have_count(0)
    expect(alice.locator("#messages li.message.mine .body")).to_have_text(
        "Tuesday is fine, thanks.")
    assert_fits(alice)
