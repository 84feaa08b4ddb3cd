"""A new plan starts on its date, and make-up time goes back to the parent who gave time:
two parents on their phones, each in their own browser."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_fits, sign_in
from tests.factories import TEST_PASSWORD
from twohomes.core.schedule import build_timeline, load_plan
from twohomes.schedules.engine import child_id

LONDON = ZoneInfo("Europe/London")


def _column(day: date) -> int:
    """The cell of ``day`` in its week's row: the week starts on Sunday, as in the US."""
    return (day.weekday() + 1) % 7


def test_a_plan_agreed_in_december_starts_in_january(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    today = timezone.localdate(timezone=LONDON)
    starts = today + timedelta(days=40 - today.weekday())  # a Monday some weeks ahead
    # What the plan in force says, read from its own rotation alone (no later version).
    old = build_timeline(load_plan(agreed_plan.spec), today, starts + timedelta(days=7))
    ada = child_id(world.linked_child)

    def old_owner(day: date) -> str:
        key = old.owner_at(ada, datetime.combine(day, time(23), LONDON))
        return "Alice" if key == "A" else "Bruno"

    bruno = open_page()  # phone
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.goto(f"/f/{world.family.pk}/plans/new/")
    bruno.get_by_label("The plan starts on", exact=True).fill(str(starts))
    bruno.get_by_label("Schedule", exact=True).select_option("sole")
    bruno.get_by_label("Who starts", exact=True).select_option(label="Bruno")
    bruno.get_by_role("button", name="Preview").click()
    shown = f"{starts:%B} {starts.day}, {starts.year}"  # e.g. "February 15, 2027", as in the US
    expect(bruno.get_by_text(f"From {shown}, the first day")).to_be_visible()
    assert_fits(bruno)
    bruno.get_by_role("button", name="Propose this plan").click()
    expect(bruno.get_by_text("Plan version 2 proposed")).to_be_visible()
    expect(bruno.get_by_text(f"Starts on {shown}.")).to_be_visible()

    alice = open_page()  # the other parent, on her own phone
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    alice.goto(f"/f/{world.family.pk}/plans/")
    alice.get_by_role("link", name="Version 2").click()
    alice.get_by_role("button", name="Agree to this plan").click()
    expect(alice.get_by_text("The plan is now in force.")).to_be_visible()

    # Tonight and every day before the start keep the plan in force; from it, Bruno.
    for day in (today, today + timedelta(days=1), starts - timedelta(days=1)):
        alice.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
        first = alice.locator("td.cal-day").nth(_column(day))
        assert first.locator(".who[title^='Ada:']").first.get_attribute("title") == \
            f"Ada: {old_owner(day)}", day
    for day in (starts, starts + timedelta(days=3)):
        alice.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
        first = alice.locator("td.cal-day").nth(_column(day))
        assert first.locator(".who[title^='Ada:']").first.get_attribute("title") == \
            "Ada: Bruno", day
    assert_fits(alice)


def test_make_up_time_goes_to_the_parent_who_gave_time(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    today = timezone.localdate(timezone=LONDON)
    change = today + timedelta(days=10)
    makeup = today + timedelta(days=20)
    answer_by = today + timedelta(days=3)
    maya = open_page()  # Alice asks for the children and offers Bruno make-up time
    sign_in(maya, world.parent_a.user.email, TEST_PASSWORD)
    maya.goto(f"/f/{world.family.pk}/swaps/new/")
    maya.get_by_label("Ada").check()
    maya.get_by_label("From", exact=True).fill(f"{change}T09:00")
    maya.get_by_label("Until", exact=True).fill(f"{change + timedelta(days=2)}T18:00")
    maya.get_by_label("The children are with").select_option(label="Alice")
    maya.get_by_label("Reason").fill("My sister's wedding.")
    maya.get_by_label("Please answer by").fill(str(answer_by))
    maya.get_by_label("Make-up time offered: from (optional)").fill(f"{makeup}T09:00")
    maya.get_by_label("Make-up time offered: until").fill(f"{makeup + timedelta(days=2)}T18:00")
    maya.get_by_role("button", name="Send the request").click()
    expect(maya.get_by_text("Request sent.")).to_be_visible()

    daniel = open_page()  # Bruno answers with another time, starting from her request
    sign_in(daniel, world.parent_b.user.email, TEST_PASSWORD)
    daniel.goto(f"/f/{world.family.pk}/swaps/")
    daniel.locator(".swaps a").first.click()
    daniel.get_by_role("link", name="Propose another time").click()
    expect(daniel.get_by_label("Make-up time offered: from (optional)")).to_have_value(
        f"{makeup}T09:00")
    expect(daniel.get_by_label("Make-up time offered: until")).to_have_value(
        f"{makeup + timedelta(days=2)}T18:00")
    daniel.get_by_label("From", exact=True).fill(f"{change}T12:00")
    assert_fits(daniel)
    daniel.get_by_role("button", name="Send the request").click()
    expect(daniel.get_by_text("Your other time was sent.")).to_be_visible()

    maya.goto(f"/f/{world.family.pk}/swaps/")
    maya.locator(".swaps a").first.click()
    maya.get_by_role("button", name="Accept").click()
    expect(maya.get_by_text("Accepted: the calendar now shows the change.")).to_be_visible()
    # The make-up days are Bruno's (who gave up the wedding days), not Alice's.
    for day in (makeup, makeup + timedelta(days=1)):
        maya.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
        first = maya.locator("td.cal-day").nth(_column(day))
        assert first.locator(".who[title^='Ada:']").first.get_attribute("title") == \
            "Ada: Bruno", day
    day = change + timedelta(days=1)
    maya.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
    first = maya.locator("td.cal-day").nth(_column(day))
    assert first.locator(".who[title^='Ada:']").first.get_attribute("title") == "Ada: Alice"
