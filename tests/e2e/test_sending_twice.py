"""A form sent twice creates its thing once: Back then Send, and Send again after a lost
answer, on a phone in Debian's Chromium."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_fits, sign_in
from tests.factories import TEST_PASSWORD
from twohomes.messaging import services as messaging
from twohomes.messaging.models import Message
from twohomes.schedules.models import SwapRequest

LONDON = ZoneInfo("Europe/London")
ALREADY_SENT = "This was already sent; nothing was sent twice."


def test_back_then_send_again_asks_for_the_change_once(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    change = timezone.localdate(timezone=LONDON) + timedelta(days=10)
    bruno = open_page()
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.goto(f"/f/{world.family.pk}/swaps/new/")
    bruno.get_by_label("Ada").check()
    bruno.get_by_label("From", exact=True).fill(f"{change}T09:00")
    bruno.get_by_label("Until", exact=True).fill(f"{change + timedelta(days=1)}T18:00")
    bruno.get_by_label("The children are with").select_option(label="Bruno")
    bruno.get_by_label("Reason").fill("My brother's wedding.")
    bruno.get_by_label("Please answer by").fill(str(change - timedelta(days=5)))
    bruno.get_by_role("button", name="Send the request").click()
    expect(bruno.get_by_text("Request sent.")).to_be_visible()
    swap = SwapRequest.objects.get()
    detail = f"/f/{world.family.pk}/swaps/{swap.pk}/"
    assert bruno.url.endswith(detail)

    bruno.go_back()  # the form page is fetched again (no-store); the browser refills it
    expect(bruno.get_by_role("heading", name="Ask for a change")).to_be_visible()
    expect(bruno.get_by_label("Reason")).to_have_value("My brother's wedding.")
    bruno.get_by_role("button", name="Send the request").click()
    expect(bruno.get_by_text(ALREADY_SENT)).to_be_visible()
    assert bruno.url.endswith(detail)
    assert_fits(bruno)
    assert list(SwapRequest.objects.values_list("reason", flat=True)) == [
        "My brother's wedding."]


def test_a_message_sent_again_after_a_lost_answer_arrives_once(
    open_page: Any, world: Any
) -> None:
    thread = messaging.start_thread(actor=world.parent_a, subject="School trip", body="Hello",
                                    files=[], members=[], now=timezone.now())
    bruno = open_page()
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    lost: list[int] = []

    def lose_the_first_answer(route: Any) -> None:
        if lost:
            route.continue_()
            return
        lost.append(route.fetch().status)  # the server stores the message ...
        route.abort("connectionreset")  # ... and its answer never reaches the phone

    bruno.route("**/send/", lose_the_first_answer)
    bruno.goto(f"/f/{world.family.pk}/messages/{thread.pk}/")
    bruno.get_by_label("Message").fill("Pick-up at 3?")
    bruno.get_by_role("button", name="Send").click()
    bruno.wait_for_function("() => !document.querySelector('#composer.htmx-request')")
    assert lost == [200]
    expect(bruno.locator("#messages")).not_to_contain_text("Pick-up at 3?")
    expect(bruno.get_by_label("Message")).to_have_value("Pick-up at 3?")
    bruno.get_by_role("button", name="Send").click()
    expect(bruno.get_by_text(ALREADY_SENT)).to_be_visible()
    expect(bruno.locator("#messages li", has_text="Pick-up at 3?")).to_have_count(1)
    assert list(Message.objects.filter(thread=thread).order_by("pk")
                .values_list("body", flat=True)) == ["Hello", "Pick-up at 3?"]

    bruno.get_by_label("Message").fill("And the lunch box.")  # the next message is new
    bruno.get_by_role("button", name="Send").click()
    expect(bruno.locator("#messages")).to_contain_text("And the lunch box.")
    bruno.get_by_label("Message").fill("Thanks!")
    bruno.get_by_role("button", name="Send").click()
    expect(bruno.locator("#messages")).to_contain_text("Thanks!")
    assert Message.objects.filter(thread=thread).count() == 4
