"""A family starts on TwoHomes: sign-up, verification, family, children, the co-parent."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, Mailbox, assert_fits, open_from_menu, sign_in
from tests.factories import TEST_PASSWORD

PASSWORD = "maple-street-lantern-42"
CHILDREN = [("Leo", "2016-04-02"), ("Amara", "2019-06-21"), ("Sofia", "2021-01-30"),
            ("Theo", "2022-09-09")]


def sign_up_and_verify(page: Any, mailbox: Mailbox, address: str, name: str) -> None:
    page.goto("/accounts/signup/")
    assert_fits(page)
    page.get_by_label("Your name, as your family will see it").fill(name)
    page.get_by_label("Email").fill(address)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label(re.compile(r"^Password \(again\):?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    link = mailbox.link(address, r"https?://\S+/accounts/confirm-email/\S+")
    page.goto(link)
    assert_fits(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()


def test_parents_start_a_family_and_both_see_the_four_children(
    open_page: Any, mailbox: Mailbox
) -> None:
    maya = open_page()  # a phone, 375 px wide
    sign_up_and_verify(maya, mailbox, "maya@example.org", "Maya Rivera")

    expect(maya.get_by_role("heading", name="Your families")).to_be_visible()
    maya.get_by_role("link", name="Create a family").click()
    expect(maya.get_by_role("heading", name="Create a family")).to_be_visible()
    assert_fits(maya)
    maya.get_by_label("Family name").fill("Rivera-Okafor family")
    maya.get_by_label("Time zone").select_option("America/New_York")
    maya.get_by_label("Country (for public holidays)").select_option("US")
    expect(maya.locator("#id_subdivision option[value=NY]")).to_have_count(1)
    maya.get_by_label("State, province or region").select_option("NY")
    maya.get_by_label("Currency").select_option("USD")
    maya.get_by_role("button", name="Create family").click()
    expect(maya.get_by_role("heading", name="Rivera-Okafor family")).to_be_visible()

    maya.get_by_role("link", name="Add a child").click()
    expect(maya.get_by_role("heading", name="Add a child")).to_be_visible()
    for index, (name, born) in enumerate(CHILDREN):
        assert_fits(maya)
        maya.get_by_label("First name").fill(name)
        maya.get_by_label("Date of birth").fill(born)
        last = index == len(CHILDREN) - 1
        maya.get_by_role("button", name="Save" if last else "Save and add another",
                         exact=True).click()
        expect(maya.get_by_text(f"{name} added.")).to_be_visible()
    for name, _ in CHILDREN:
        expect(maya.locator(".child-name", has_text=name)).to_be_visible()
    expect(maya.get_by_text(re.compile(r"\d+ years old"))).to_have_count(4)
    assert_fits(maya)

    maya.get_by_role("link", name="Invite someone").click()
    expect(maya.get_by_role("heading", name="Invite someone")).to_be_visible()
    maya.get_by_label("Their email address").fill("daniel@example.org")
    maya.get_by_label("Role").select_option("parent")
    maya.get_by_role("button", name="Send invitation").click()
    expect(maya.get_by_text("Invitation sent to daniel@example.org")).to_be_visible()
    assert_fits(maya)

    invitation = mailbox.link("daniel@example.org", r"https?://\S+/invite/\S+/")
    daniel = open_page(DESKTOP)
    daniel.goto(invitation)
    expect(daniel.get_by_text("Rivera-Okafor family")).to_be_visible()
    daniel.get_by_role("link", name="Create an account").click()
    sign_up_and_verify(daniel, mailbox, "daniel@example.org", "Daniel Okafor")
    expect(daniel.get_by_role("heading", name="You are invited")).to_be_visible()
    daniel.get_by_role("button", name="Accept invitation").click()
    expect(daniel.get_by_role("heading", name="Rivera-Okafor family")).to_be_visible()
    for name, _ in CHILDREN:
        expect(daniel.locator(".child-name", has_text=name)).to_be_visible()

    maya.goto(maya.url.split("/members/")[0] + "/")
    expect(maya.locator(".members li", has_text="Daniel Okafor")).to_contain_text("Parent")
    open_from_menu(maya, "Audit")
    expect(maya.get_by_role("heading", name="Audit list")).to_be_visible()
    expect(maya.get_by_text("Daniel Okafor joined as parent")).to_be_visible()
    assert_fits(maya)


def test_relative_sees_only_linked_children_and_nothing_more(
    open_page: Any, world: Any
) -> None:
    rita = open_page()
    sign_in(rita, world.relative.user.email, TEST_PASSWORD)
    expect(rita.get_by_role("heading", name="Test family")).to_be_visible()
    expect(rita.locator(".child-name", has_text="Ada")).to_be_visible()
    expect(rita.locator(".child-name", has_text="Ben")).to_have_count(0)
    expect(rita.get_by_role("link", name="Members")).to_have_count(0)
    expect(rita.get_by_role("link", name="Add a child")).to_have_count(0)
    assert_fits(rita)
    family_url = rita.url
    response = rita.goto(family_url + "members/")
    assert response is not None and response.status == 403
    response = rita.goto(f"/f/{world.other_family.pk}/")
    assert response is not None and response.status == 404
    assert_fits(rita)


def test_quick_exit_leaves_at_once_and_back_does_not_return(open_page: Any, world: Any) -> None:
    page = open_page()
    sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/")
    # Esc closes a day's explanation first; it takes two more to leave.
    page.locator("details.day-detail summary").nth(10).click()
    expect(page.locator("details.day-detail[open]")).to_have_count(1)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page.locator("details.day-detail[open]")).to_have_count(0)
    assert "/calendar/" in page.url
    page.get_by_role("link", name="Messages").click()
    expect(page.get_by_role("heading", name="Messages")).to_be_visible()
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://neutral.example/weather")
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    # Quick exit signed out: Back reaches only the sign-in page, not the calendar.
    page.go_back()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_text("Who has the children each night")).to_have_count(0)

    page.goto("/accounts/login/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://neutral.example/weather")
    assert page.title() != "TwoHomes"
