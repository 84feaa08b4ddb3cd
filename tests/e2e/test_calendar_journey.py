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


# -- Reading the calendar at a glance ------------------------------------------------------

SHOTS = "/tmp/shots-calendar"
LONG_TITLE = "Swimming gala at the Featherstonehaughwolfeschlegelsteinhausen aquatic centre"


def _look_alike_family(world: Any) -> date:
    """Amara and Amber-Louise (the same initial), parents with long names, a long event
    title with a very long word; returns the event's day, in December next year (Christmas
    and Boxing Day are holidays there)."""
    from twohomes.events import services as events

    world.linked_child.name = "Amara"
    world.unlinked_child.name = "Amber-Louise Featherstonehaugh-Wolfeschlegelsteinhausen"
    for child in (world.linked_child, world.unlinked_child):
        child.save()
    for membership, name in ((world.parent_a, "Maya Rivera"),
                             (world.parent_b, "Daniel Okafor-Featherstonehaugh")):
        membership.user.display_name = name
        membership.user.save()
    day = date(timezone.localdate(timezone=LONDON).year + 1, 12, 16)
    starts = datetime.combine(day, time(17), LONDON)
    events.create_event(actor=world.parent_a, now=timezone.now(), details=events.EventDetails(
        title=LONG_TITLE, starts=starts, ends=starts + timedelta(hours=2)))
    return day


def _day(page: Any, day: date) -> Any:
    return page.locator("td.cal-day:not(.outside)", has=page.locator(
        ".day-number", has_text=re.compile(rf"^{day.day}$"))).first


def _night_parent(world: Any, child: Any, day: date) -> str:
    ft = family_timeline(world.family, day, day + timedelta(days=1))
    assert ft is not None
    return ft.timeline.owner_at(child_id(child), datetime.combine(day, time(23, 59), LONDON))


def test_a_parent_sees_who_has_each_child_by_name_on_a_phone(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    day = _look_alike_family(world)
    page = open_page()
    sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/?month={day:%Y-%m}")
    cell = _day(page, day)
    bands = cell.locator(".who")
    assert bands.locator(".who-child").all_inner_texts() == ["Ama", "Amb"]
    names = {"A": "Maya Rivera", "B": "Daniel Okafor-Featherstonehaugh"}
    for index, short in enumerate(("Ama", "Amb")):
        child = (world.linked_child, world.unlinked_child)[index]
        parent = _night_parent(world, child, day)
        band = bands.nth(index)
        assert band.get_attribute("class") == f"who band-{parent.lower()}"
        # Screen readers hear the child's and the parent's names (the short form is hidden).
        assert band.text_content() == f"{short}{child.name} with {names[parent]},"
        assert band.locator(".sr-only").text_content() == f"{child.name} with {names[parent]},"
    # The two parents' bands differ in pattern, not only in colour.
    patterns = {page.locator(f".cal-grid .band-{key}").first.evaluate(
        "e => getComputedStyle(e).backgroundImage") for key in ("a", "b")}
    assert len(patterns) == 2 and all("gradient" in p for p in patterns)
    legend = page.locator(".legend").inner_text()
    assert "Maya Rivera (striped band)" in legend
    assert "Daniel Okafor-Featherstonehaugh (dotted band)" in legend
    assert f"Names in the days: Ama Amara, Amb {world.unlinked_child.name}." in legend
    # On a phone the titles wait behind a tap; the keyboard opens and closes the day too.
    expect(cell.locator(".day-titles")).to_be_hidden()
    cell.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(cell.locator(".day-why").get_by_text(LONG_TITLE)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/month-375-day-open.png", full_page=True)
    page.keyboard.press("Escape")
    expect(cell.locator(".day-why")).to_be_hidden()
    christmas = _day(page, date(day.year, 12, 25))
    christmas.locator("summary").click()
    expect(christmas.locator(".day-why").get_by_text("★ Christmas Day")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.keyboard.press("Escape")
    page.screenshot(path=f"{SHOTS}/month-375.png", full_page=True)
    page.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
    assert _day(page, day).locator(".who-child").all_inner_texts() == ["Ama", "Amb"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/week-375.png", full_page=True)


def test_a_parent_sees_event_and_holiday_titles_in_the_days_on_a_laptop(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    day = _look_alike_family(world)
    page = open_page(DESKTOP)
    sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/?month={day:%Y-%m}")
    for when, title in ((day, f"● 5:00 PM {LONG_TITLE}"),
                        (date(day.year, 12, 25), "★ Christmas Day"),
                        (date(day.year, 12, 26), "★ Boxing Day")):
        cell = _day(page, when)
        item = cell.locator(".day-item").first
        expect(item).to_be_visible()
        assert item.text_content() == title
        inside = cell.bounding_box()
        box = item.bounding_box()
        assert inside and box and box["x"] + box["width"] <= inside["x"] + inside["width"] + 1
    # The long title is cut with an ellipsis inside its day, never over the next one.
    long_item = _day(page, day).locator(".day-item").first
    assert long_item.evaluate("e => getComputedStyle(e).textOverflow") == "ellipsis"
    assert long_item.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(path=f"{SHOTS}/month-1280.png", full_page=True)
    page.goto(f"/f/{world.family.pk}/calendar/week/?start={day}")
    expect(_day(page, day).locator(".day-item")).to_have_text(f"● 5:00 PM {LONG_TITLE}")
    page.screenshot(path=f"{SHOTS}/week-1280.png", full_page=True)


def test_a_parent_reads_a_hand_over_of_both_children_once_in_the_agenda(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    _look_alike_family(world)
    page = open_page()
    sign_in(page, world.parent_b.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/agenda/?start=2026-01-05")
    lines = page.locator(".agenda li li").all_inner_texts()
    both = f"Amara, {world.unlinked_child.name}"
    # 2-2-5-5 from Monday 5 January, Maya first: hand-overs on the 5th, 7th, 9th, 14th...
    assert lines[:3] == [f"⇄ 6:00 PM {both}: Daniel Okafor-Featherstonehaugh → Maya Rivera",
                         f"⇄ 6:00 PM {both}: Maya Rivera → Daniel Okafor-Featherstonehaugh",
                         f"⇄ 6:00 PM {both}: Daniel Okafor-Featherstonehaugh → Maya Rivera"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/agenda-375.png", full_page=True)


def test_a_parent_copies_the_feed_address(open_page: Any, world: Any) -> None:
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/feed/")
    page.get_by_role("button", name="Make my feed address").click()
    address = page.get_by_label("Feed address").input_value()
    assert re.fullmatch(r"http://[^/]+/feeds/[\w-]{20,}\.ics", address), address
    page.get_by_role("button", name="Copy the address").click()
    expect(page.locator("#copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == address
    link = page.get_by_role("link", name="Add to my calendar app")
    assert link.get_attribute("href") == "webcal://" + address.removeprefix("http://")
    # The whole address shows, wrapped, on a phone; nothing scrolls sideways.
    field = page.get_by_label("Feed address")
    assert field.evaluate("e => e.scrollHeight <= e.clientHeight && e.scrollWidth <= "
                          "e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/feed-375.png", full_page=True)


def test_without_a_clipboard_the_feed_address_is_selected_to_copy(
    open_page: Any, world: Any
) -> None:
    page = open_page()
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
    page.goto(f"/f/{world.family.pk}/calendar/feed/")
    page.get_by_role("button", name="Make my feed address").click()
    address = page.get_by_label("Feed address").input_value()
    page.get_by_role("button", name="Copy the address").click()
    expect(page.locator("#copy-status")).to_have_text(
        re.compile(r"^(Copied|The address is selected: copy it now)$"))
    assert page.evaluate("document.activeElement.id") == "feed-url"
    assert page.evaluate("window.getSelection().toString() || (() => { const e = "
                         "document.activeElement; return e.value.slice(e.selectionStart, "
                         "e.selectionEnd); })()") == address
