"""A new parent signs up with their name and starts a family where they live; the name can
be changed later, and the family's audit list says so."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE, Mailbox, assert_fits, open_from_menu
from tests.e2e.test_family_journeys import sign_up_and_verify
from twohomes.families.models import Family

SHOTS = Path(os.environ.get("TWOHOMES_ACCOUNT_SHOTS", "/tmp/shots-accounts"))


def _shoot(page: Any, name: str) -> None:
    """The page as a reviewer sees it, at the width it is open at and at the other width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    other = DESKTOP if width == PHONE["width"] else PHONE
    page.set_viewport_size(other)
    page.screenshot(path=str(SHOTS / f"{name}-{other['width']}.png"), full_page=True)
    page.set_viewport_size({"width": width, "height": page.viewport_size["height"]})


@pytest.fixture
def open_in_chicago(browser: Any, live_server: Any) -> Iterator[Any]:
    """A phone whose browser is set to Chicago's time zone and American English."""
    context = browser.new_context(viewport=PHONE, base_url=live_server.url,
                                  timezone_id="America/Chicago", locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_new_parent_signs_up_with_the_name_the_family_sees(
    open_in_chicago: Any, mailbox: Mailbox
) -> None:
    nadia = open_in_chicago
    nadia.goto("/accounts/signup/")
    name_field = nadia.get_by_label("Your name, as your family will see it")
    expect(name_field).to_be_visible()
    expect(nadia.get_by_text("Up to 80 characters.")).to_be_visible()
    _shoot(nadia, "sign-up")
    sign_up_and_verify(nadia, mailbox, "nadia.h@example.org", "Nadia Haddad")

    nadia.get_by_role("link", name="Create a family").click()
    expect(nadia.get_by_role("heading", name="Create a family")).to_be_visible()
    # Chicago's browser, American English: the family starts in Chicago, the US, dollars.
    expect(nadia.get_by_label("Time zone")).to_have_value("America/Chicago")
    expect(nadia.get_by_label("Country (for public holidays)")).to_have_value("US")
    expect(nadia.get_by_label("Currency")).to_have_value("USD")
    expect(nadia.locator("#id_subdivision option[value=IL]")).to_have_count(1)
    assert_fits(nadia)
    _shoot(nadia, "new-family")
    nadia.get_by_label("Family name").fill("Haddad family")
    nadia.get_by_label("State, province or region").select_option("IL")
    nadia.get_by_role("button", name="Create family").click()
    expect(nadia.get_by_role("heading", name="Haddad family")).to_be_visible()
    family = Family.objects.get(name="Haddad family")
    assert (family.timezone, family.country, family.subdivision, family.currency) == (
        "America/Chicago", "US", "IL", "USD")
    expect(nadia.locator(".members li", has_text="Nadia Haddad")).to_contain_text("Parent")
    expect(nadia.get_by_text("nadia.h", exact=True)).to_have_count(0)

    open_from_menu(nadia, "Account")
    nadia.get_by_role("navigation", name="Account").get_by_role("link", name="Name").click()
    expect(nadia.get_by_role("heading", name="Your name")).to_be_visible()
    assert_fits(nadia)
    field = nadia.get_by_label("Your name, as your family will see it")
    expect(field).to_have_value("Nadia Haddad")
    field.fill("Nadia\tHaddad")  # a tab typed by mistake is refused, and nothing changes
    nadia.get_by_role("button", name="Save name").click()
    expect(nadia.get_by_text("cannot contain control characters")).to_be_visible()
    _shoot(nadia, "name-refused")
    field.fill("Nadia Haddad-Rivera")
    nadia.get_by_role("button", name="Save name").click()
    expect(nadia.get_by_text("Your families now see you as Nadia Haddad-Rivera.")).to_be_visible()
    _shoot(nadia, "name-changed")

    nadia.goto(f"/f/{family.pk}/audit/")
    expect(nadia.get_by_text("Nadia Haddad is now called Nadia Haddad-Rivera.")).to_be_visible()
    expect(nadia.get_by_text(re.compile("Nadia Haddad created the family"))).to_be_visible()
    assert_fits(nadia)
    _shoot(nadia, "audit-renamed")
