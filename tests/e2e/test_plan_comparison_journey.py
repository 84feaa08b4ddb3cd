"""Bruno proposes week on/week off instead of 2-2-5-5; Alice, on her phone, reads what
changes before she agrees. Two parents, two browsers. The figures are worked out by hand
in tests/schedules/test_comparison.py (the same plans over the same year)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, assert_fits, sign_in
from tests.factories import TEST_PASSWORD
from twohomes.schedules.engine import child_id

SHOTS = Path("/tmp/shots-plans")


def test_the_other_parent_reads_the_comparison_before_agreeing(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    today = world.family.today(timezone.now())
    starts = today + timedelta(days=7)  # a Monday that starts a cycle of the plan in force
    starts += timedelta(days=(date(2026, 1, 5) - starts).days % 14)

    bruno = open_page()
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.goto(f"/f/{world.family.pk}/plans/new/")
    bruno.get_by_label("The plan starts on", exact=True).fill(str(starts))
    bruno.get_by_label("Schedule", exact=True).select_option("alternating-weeks")
    bruno.get_by_label("Who starts", exact=True).select_option(label="Alice")
    bruno.get_by_role("button", name="Preview").click()
    expect(bruno.get_by_role("table", name="Ada and Ben")).to_be_visible()
    bruno.get_by_role("button", name="Propose this plan").click()
    expect(bruno.get_by_text("Plan version 2 proposed")).to_be_visible()

    alice = open_page()  # her own phone
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/plans/")
    alice.get_by_role("link", name="Version 2").click()
    table = alice.get_by_role("table", name="Ada and Ben")
    expect(table).to_be_visible()
    expect(alice.locator(".comparison-summary")).to_have_text(
        "Largest changes: Exchanges: 4.4 a month, from 8.8; "
        "Longest time away from Alice: 7 days, from 5.")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Over the year", "Now (version 1)", "Proposed (version 2)"])
    row = table.get_by_role("row", name="Longest time away from Alice")
    expect(row.get_by_role("cell")).to_have_text(["5 days", "7 days (2 days longer)"])
    row = table.get_by_role("row", name="Weekends with Bruno")
    expect(row.get_by_role("cell")).to_have_text(["26 of 52", "26 of 52 (same)"])
    shown = f"{starts:%B} {starts.day}, {starts.year}"  # e.g. "February 15, 2027", as in the US
    expect(alice.get_by_text(f"Over one year from {shown}")).to_be_visible()
    words = table.inner_text()
    assert child_id(world.linked_child) not in words and child_id(world.unlinked_child) \
        not in words and " A " not in words and " B " not in words

    agree = alice.get_by_role("button", name="Agree to this plan")
    follows = agree.evaluate(
        "(button) => Boolean(document.querySelector('table.compare')"
        ".compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING)")
    assert follows, "Agree comes after the table"
    top = alice.locator("table.compare").evaluate("t => t.getBoundingClientRect().top")
    assert top < 1200, f"the table starts {top}px down the page"
    SHOTS.mkdir(parents=True, exist_ok=True)
    alice.screenshot(path=str(SHOTS / "plan-comparison-375.png"), full_page=True)
    box = alice.locator("section.comparison").evaluate(
        "s => [s.getBoundingClientRect().right, s.scrollWidth, s.clientWidth]")
    assert box[0] <= 375 and box[1] <= box[2], f"the comparison is wider than the phone: {box}"

    wide = open_page(DESKTOP)
    sign_in(wide, world.parent_a.user.email, TEST_PASSWORD)
    wide.goto(alice.url)
    expect(wide.get_by_role("table", name="Ada and Ben")).to_be_visible()
    wide.screenshot(path=str(SHOTS / "plan-comparison-1280.png"), full_page=True)
    assert_fits(wide)

    width = alice.evaluate("document.documentElement.scrollWidth")  # the whole page, too
    agree.click()
    expect(alice.get_by_text("The plan is now in force.")).to_be_visible()
    assert width <= 375, f"the plan page is {width}px wide on a 375px phone"
