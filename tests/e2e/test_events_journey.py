"""A parent puts a weekly practice on the calendar and invites the aunt, who answers."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_fits, open_from_menu, sign_in
from tests.factories import TEST_PASSWORD


def test_parent_creates_a_weekly_practice_invites_the_relative_who_replies(
    open_page: Any, world: Any
) -> None:
    next_tuesday = timezone.localdate() + timedelta(days=(1 - timezone.localdate().weekday()) % 7
                                                    or 7)
    alice = open_page()  # phone, 375 px
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/")
    open_from_menu(alice, "Events")
    expect(alice.get_by_role("heading", name="Events")).to_be_visible()
    assert_fits(alice)
    alice.get_by_role("link", name="New event").click()
    expect(alice.get_by_role("heading", name="New event")).to_be_visible()
    assert_fits(alice)
    alice.get_by_label("Title").fill("Football practice")
    alice.get_by_label("Ada").check()
    alice.get_by_label("Date", exact=True).fill(next_tuesday.isoformat())
    alice.get_by_label("Start time").fill("17:00")
    alice.get_by_label("End time").fill("18:30")
    alice.get_by_label("Location").fill("Riverside Park, pitch 2")
    alice.get_by_label("Parent responsible").select_option(label="Bruno")
    alice.get_by_label("Repeats").select_option("weekly")
    alice.get_by_label("Tuesday").check()
    alice.get_by_label("Or: number of times (optional)").fill("10")
    alice.get_by_role("button", name="Save event").click()

    expect(alice.get_by_role("heading", name="Football practice")).to_be_visible()
    expect(alice.get_by_text("Every week on Tuesday, 10 times")).to_be_visible()
    expect(alice.get_by_text(re.compile(r"5:00 PM – 6:30 PM"))).to_be_visible()
    assert_fits(alice)
    alice.get_by_label("Invite").select_option(label="Rita (relative)")
    alice.get_by_role("button", name="Send invitation").click()
    expect(alice.get_by_text("Rita was invited.")).to_be_visible()
    expect(alice.locator("#invitations")).to_contain_text("No reply yet")
    assert_fits(alice)

    rita = open_page()
    sign_in(rita, world.relative.user.email, TEST_PASSWORD)
    rita.goto(f"/f/{world.family.pk}/")
    open_from_menu(rita, "Events")
    expect(rita.get_by_text("Riverside Park, pitch 2").first).to_be_visible()
    assert_fits(rita)
    rita.get_by_role("link", name="Football practice").first.click()
    expect(rita.get_by_role("heading", name="Football practice")).to_be_visible()
    expect(rita.get_by_role("link", name="Edit")).to_have_count(0)
    rita.get_by_label("Yes").check()
    rita.get_by_label("Note (optional)").fill("I'll bring oranges for half time")
    rita.get_by_role("button", name="Send reply").click()
    expect(rita.get_by_text("Your reply was sent.")).to_be_visible()
    assert_fits(rita)

    alice.reload()
    invitations = alice.locator("#invitations")
    expect(invitations).to_contain_text("Yes")
    expect(invitations).to_contain_text("I'll bring oranges for half time")
    expect(alice.get_by_role("heading", name="History")).to_be_visible()
    assert_fits(alice)

    # One practice is called off; the rest of the series stays.
    second = next_tuesday + timedelta(days=7)
    times = alice.locator(".next-times li")
    expect(times).to_have_count(5)
    times.nth(1).get_by_text("Cancel only this time").click()
    times.nth(1).get_by_label("Reason (optional)").fill("Pitch closed for the tournament")
    times.nth(1).get_by_role("button", name=re.compile("Cancel this time")).click()
    expect(alice.get_by_text("the other times stay")).to_be_visible()
    expect(alice.locator(".next-times li").nth(1)).to_contain_text("Cancelled this time")
    expect(alice.locator(".next-times li").nth(2)).not_to_contain_text("Cancelled")
    expect(alice.locator(".audit")).to_contain_text("Pitch closed for the tournament")
    assert_fits(alice)
    rita.goto(f"/f/{world.family.pk}/events/")
    called_off = rita.locator("li", has=rita.locator(f"time[datetime^='{second.isoformat()}']"))
    expect(called_off.first).to_contain_text("Cancelled")


def test_a_second_press_while_saving_does_not_add_the_event_twice(
    open_page: Any, world: Any
) -> None:
    from twohomes.events.models import Event

    alice = open_page()
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/events/new/")
    alice.get_by_label("Title").fill("Dentist")
    alice.get_by_label("Date", exact=True).fill(
        (timezone.localdate() + timedelta(days=3)).isoformat())
    alice.get_by_label("Start time").fill("09:00")
    alice.get_by_label("End time").fill("09:30")
    # An impatient thumb: more presses while the first is on its way to the server.
    posts: list[str] = []
    alice.on("request", lambda request: posts.append(request.url)
             if request.method == "POST" else None)
    alice.evaluate("""() => {
        const form = document.querySelector("main form[method=post]");
        const save = [...form.querySelectorAll("button")]
            .find(b => b.textContent.includes("Save event"));
        form.requestSubmit(save);
        for (const wait of [5, 15, 30, 60]) {
            setTimeout(() => form.requestSubmit(save), wait);
        }
    }""")
    expect(alice.get_by_role("heading", name="Dentist")).to_be_visible()
    assert len(posts) == 1, posts
    assert Event.objects.filter(title="Dentist").count() == 1
