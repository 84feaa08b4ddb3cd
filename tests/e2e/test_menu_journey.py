"""A parent on a phone finds everything from a one-line menu and sees what waits for them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_fits, sign_in
from tests.factories import TEST_PASSWORD


def test_a_parent_sees_an_unread_message_in_a_one_line_menu_and_opens_more(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    from twohomes.messaging import services

    services.start_thread(actor=world.parent_b, subject="Swimming", now=timezone.now(),
                          body="Ada's swimming bag is at my place.")
    alice = open_page()  # 375 px
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/")
    menu = alice.get_by_role("navigation", name="Main")
    items = menu.locator(".nav-main > li")
    expect(items).to_have_count(5)
    tops = {round(box["y"]) for box in (items.nth(i).bounding_box() for i in range(5))}
    assert len(tops) == 1, f"the menu takes {len(tops)} lines"
    expect(menu.get_by_role("link", name="Messages 1 unread")).to_be_visible()
    expect(alice.get_by_role("link", name="1 unread message")).to_be_visible()  # on Today
    assert_fits(alice)

    # More opens from the keyboard, shows the rest, fits, and Esc closes it again.
    more = menu.locator("summary", has_text="More")
    more.focus()
    alice.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Audit list")).to_be_visible()
    assert_fits(alice)
    alice.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Audit list")).to_be_hidden()

    menu.get_by_role("link", name="Messages").click()
    alice.get_by_role("link", name="Swimming").click()
    expect(alice.get_by_text("swimming bag")).to_be_visible()
    expect(menu.get_by_role("link", name="Messages", exact=True)).to_be_visible()
