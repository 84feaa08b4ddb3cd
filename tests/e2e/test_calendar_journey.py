"""Parents agree a 2-2-5-5 plan with alternating Christmas, swap a weekend, and the
calendar, its feed and the aunt's view all follow."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, assert_fits, open_from_menu, sign_in
from tests.factories import TEST_PASSWORD
from twohomes.schedules.engine import child_id, family_timeline

LONDON = ZoneInfo("Europe/London")


def _bruno_night(world: Any) -> date:
    """A night, a week or more ahead, that the agreed plan gives to Bruno."""
    today = timezone.localdate(timezone=LONDON)
    ft = family_timeline(world.family, today, today + timedelta(days=30))
    assert ft is not None
    for offset in range(8, 30):
        day = today + timedelta(days=offset)
        moment = datetime.combine(day, time(23), LONDON)
        if ft.timeline.owner_at(child_id(world.linked_child), moment) == "B":
            return day
    raise AssertionError("no night with Bruno")


def test_parents_agree_on_a_2_2_5_5_plan_and_swap_a_night(
    open_page: Any, world: Any, mailbox: Any
) -> None:
    alice = open_page()  # phone
    sign_in(alice, world.parent_a.user.email, TEST_PASSWORD)
    open_from_menu(alice, "Plans")
    alice.get_by_role("link", name="Propose a plan").click()
    expect(alice.get_by_role("heading", name="Propose a parenting plan")).to_be_visible()
    alice.get_by_label("Schedule", exact=True).select_option("2-2-5-5")
    alice.get_by_label("The rotation counts from", exact=True).fill("2026-01-05")
    alice.get_by_label("Who starts", exact=True).select_option(label="Alice")
    alice.get_by_label("Christmas Day", exact=True).select_option("alt-A")
    alice.get_by_role("button", name="Preview").click()
    expect(alice.get_by_role("heading", name="Statistics for the next year")).to_be_visible()
    assert_fits(alice)
    alice.get_by_role("button", name="Propose this plan").click()
    expect(alice.get_by_text("Plan version 1 proposed")).to_be_visible()

    bruno = open_page(DESKTOP)
    sign_in(bruno, world.parent_b.user.email, TEST_PASSWORD)
    bruno.get_by_role("link", name="Parenting plan version 1").click()
    bruno.get_by_role("button", name="Agree to this plan").click()
    expect(bruno.get_by_text("The plan is now in force.")).to_be_visible()
    assert "every parent has agreed" in mailbox.wait_for("alice@example.org")[1].lower()

    # Christmas 2026 (an even year) is Alice's, whatever the rotation says.
    alice.goto(f"/f/{world.family.pk}/calendar/?month=2026-12")
    christmas = alice.locator("td.cal-day", has=alice.locator(".day-number", has_text=re.compile(
        r"^25$"))).first
    christmas.locator("summary").click()
    expect(christmas.get_by_text(re.compile(r"Ada.*Alice tonight — because of Christmas Day"))
           ).to_be_visible()
    assert_fits(alice)

    night = _bruno_night(world)
    alice.get_by_role("link", name="Changes").click()
    alice.get_by_role("link", name="Ask for a change").click()
    alice.get_by_label("Ada").check()
    alice.get_by_label("From", exact=True).fill(f"{night}T10:00")
    alice.get_by_label("Until", exact=True).fill(f"{night + timedelta(days=1)}T10:00")
    alice.get_by_label("The children are with").select_option(label="Alice")
    alice.get_by_label("Reason").fill("My parents visit from abroad that night.")
    alice.get_by_label("Please answer by").fill(str(night - timedelta(days=2)))
    assert_fits(alice)
    alice.get_by_role("button", name="Send the request").click()
    expect(alice.get_by_text("Request sent.")).to_be_visible()

    bruno.goto(f"/f/{world.family.pk}/swaps/")
    bruno.locator(".swaps a").first.click()
    bruno.get_by_role("button", name="Accept").click()
    expect(bruno.get_by_text("Accepted: the calendar now shows the change.")).to_be_visible()

    alice.goto(f"/f/{world.family.pk}/calendar/week/?start={night}&child="
               f"{world.linked_child.pk}")
    day = alice.locator("td.cal-day", has=alice.locator(".day-number", has_text=re.compile(
        rf"^{night.day}$"))).first
    day.locator("summary").click()
    expect(day.get_by_text(re.compile(r"Alice tonight — because of Swap"))).to_be_visible()

    alice.get_by_role("link", name="Subscribe and reminders").click()
    alice.get_by_role("button", name="Make my feed address").click()
    address = alice.get_by_label("Feed address").input_value()
    feed = icalendar.Calendar.from_ical(alice.request.get(address).body())
    moment = datetime.combine(night, time(22), LONDON)
    blocks = [str(e["SUMMARY"]) for e in recurring_ical_events.of(feed).at(moment)
              if str(e["SUMMARY"]).startswith("Ada")]
    assert blocks == ["Ada with Alice"]  # Ben stays with Bruno: Ada has her own block

    rita = open_page()
    sign_in(rita, world.relative.user.email, TEST_PASSWORD)
    rita.get_by_role("link", name="Calendar", exact=True).click()
    expect(rita.locator(".who[title^='Ada:']").first).to_be_visible()
    assert rita.locator(".who[title^='Ada:']").count() >= 28
    expect(rita.locator(".who[title^='Ben:']")).to_have_count(0)
    expect(rita.get_by_role("link", name="Plans")).to_have_count(0)
    assert_fits(rita)
