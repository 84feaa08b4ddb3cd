"""Every page, as every role, fits a 375 px phone with the longest names and words people
type; the main pages are photographed at phone and laptop width for a reviewer to look at."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from tests.e2e.conftest import DESKTOP, PHONE, screenshot_dir, sign_in
from tests.factories import TEST_PASSWORD
from tests.test_authorization_matrix import _walk

# Long, but what real people type: names at their limits, words with no place to break.
LONG_WORD = "Kindergartenfrühlingsfestvorbereitungsausschuss"
LONG_NAMES = {
    "parent_a": "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegel",
    "parent_b": "Bartholomew Christopher Montgomery-Oyelaran Jr.",
    "partner": "Patricia Llewellyn-Bowes-Lyon de la Fuente",
    "relative": "Grandmother Rosalind Wolfeschlegelsteinhausen",
    "professional": "Dr. Mona Oyelowo-Featherstonehaugh, LCSW",
    "child": "Kit Montgomery-Featherstonehaugh",
}
ROLES = ["parent_a", "partner", "relative", "professional", "child"]

# Pages that are not pages: a file, a feed, a fragment, a link from an email.
NOT_PAGES = {"calendar_feed", "attachment", "subdivision_options", "invitation",
             "expense_receipt", "expense_export"}  # files, not pages
# Account pages (from the sign-in library) every signed-in person opens.
ACCOUNT_PAGES = ["account_email", "account_change_password", "mfa_index"]
# The pages a reviewer looks at, photographed as a parent at both widths.
MAIN_PAGES = ["family_home", "calendar_month", "calendar_week", "calendar_agenda",
              "thread_list", "thread_detail", "swap_list", "swap_detail", "swap_new",
              "plan_list", "plan_detail", "event_list", "event_detail", "members",
              "feed_settings", "export_record", "audit", "family_settings"]


def _lengthen(world: Any, agreed_plan: Any) -> dict[str, Any]:
    """Give the family the longest values, and one of each thing a page shows."""
    from twohomes.events.services import EventDetails, create_event
    from twohomes.expenses import services as expenses
    from twohomes.expenses.money import Split
    from twohomes.messaging import services as messaging
    from twohomes.schedules import services as schedules

    for persona, name in LONG_NAMES.items():
        user = world.membership(persona).user
        user.display_name = name
        user.save(update_fields=["display_name"])
    world.linked_child.name = "Anastasia-Wilhelmina Featherstonehaugh"
    world.linked_child.save(update_fields=["name"])
    world.unlinked_child.name = "Bartholomew-Maximilian Oyelaran"
    world.unlinked_child.save(update_fields=["name"])
    now = timezone.now()
    zone = ZoneInfo(world.family.timezone)
    tomorrow = timezone.localdate() + timedelta(days=1)
    event = create_event(actor=world.parent_a, now=now, details=EventDetails(
        title=f"Parent-teacher conference about the {LONG_WORD} and the spring concert",
        starts=datetime.combine(tomorrow, time(17), tzinfo=zone),
        ends=datetime.combine(tomorrow, time(18, 30), tzinfo=zone),
        children=[world.linked_child, world.unlinked_child],
        location=f"{LONG_WORD} Hall, Room 204, 1200 Long Avenue Extension",
        responsible=world.parent_b, notes=f"Bring the {LONG_WORD} forms. " * 5))
    thread = messaging.start_thread(
        actor=world.parent_a, now=now, members=[world.partner, world.professional],
        subject=f"Summer camp {LONG_WORD} registration and the pick-up arrangements",
        body=f"See https://example.org/{LONG_WORD}{LONG_WORD}/registration?child=1 " * 3)
    messaging.send_message(actor=world.parent_b, thread=thread, now=now,
                           body=f"{LONG_WORD}{LONG_WORD} — agreed, thank you.")
    start = datetime.combine(timezone.localdate() + timedelta(days=20), time(9), tzinfo=zone)
    swap = schedules.request_swap(
        actor=world.parent_b, children=[world.linked_child, world.unlinked_child],
        starts=start, ends=start + timedelta(days=2), parent=world.parent_b,
        reason=f"The {LONG_WORD} weekend with the grandparents. " * 4,
        answer_by=date.today() + timedelta(days=5), now=now)
    category = expenses.category_for(world.parent_b, "activities", now)
    expense = expenses.log_expense(
        actor=world.parent_b, category=category, spent_on=timezone.localdate(),
        amount=Decimal("123456.78"), payee=f"The {LONG_WORD} Summer Academy of Music",
        note=f"Tuition for the {LONG_WORD} course. " * 4,
        children=[world.linked_child, world.unlinked_child], split=Split(1, 1), now=now)
    series = expenses.start_series(
        actor=world.parent_b, category=category, first_on=timezone.localdate(),
        amount=Decimal("999.99"), payee=f"{LONG_WORD} After-School Club", note="",
        children=[world.linked_child], split=Split(60, 40), repeat="monthly", until=None,
        now=now)
    return {"family_id": world.family.pk, "event_id": event.pk, "thread_id": thread.pk,
            "swap_id": swap.pk, "plan_id": agreed_plan.pk, "child_id": world.linked_child.pk,
            "member_id": world.parent_b.pk, "expense_id": expense.pk, "series_id": series.pk}


def _pages(ids: dict[str, Any]) -> list[tuple[str, str]]:
    """(URL name, address) of every page a GET opens, with its ids filled in."""
    pages = []
    for route in _walk(get_resolver().url_patterns):
        access = getattr(route.callback, "access", None)
        if access is None or "GET" not in access.methods or route.name in NOT_PAGES:
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>", route.pattern)
        if all(name in ids for name in names):
            pages.append((route.name, reverse(route.name, kwargs={n: ids[n] for n in names})))
    pages += [(name, reverse(name)) for name in ACCOUNT_PAGES]
    return pages


def _width_problems(page: Any, name: str, address: str, persona: str) -> list[str]:
    response = page.goto(address)
    if response is None or response.status in (403, 404, 405):
        return []  # not this role's page: the authorization matrix checks who opens what
    assert response.status < 500, f"{persona} {address} answered {response.status}"
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    problems = [] if width <= PHONE["width"] else [f"{persona} {name}: {width}px"]
    more = page.locator("nav summary")
    if more.count():  # the menu's hidden half must fit too
        more.first.click()
        opened = page.evaluate("document.documentElement.scrollWidth")
        if opened > PHONE["width"]:
            problems.append(f"{persona} {name} with More open: {opened}px")
    return problems


@pytest.mark.parametrize("language", ["en", "es"])  # Spanish runs about a quarter longer
def test_every_page_fits_a_phone_as_every_role_with_long_names(
    open_page: Any, world: Any, agreed_plan: Any, language: str
) -> None:
    ids = _lengthen(world, agreed_plan)
    for persona in ROLES:
        user = world.membership(persona).user
        user.language = language
        user.save(update_fields=["language"])
    pages = _pages(ids)
    assert len(pages) > 20  # the walk found the pages, not an empty list
    problems: list[str] = []
    opened: set[str] = set()
    for persona in ROLES:
        page = open_page(PHONE)
        sign_in(page, world.membership(persona).user.email, TEST_PASSWORD)
        for name, address in pages:
            found = _width_problems(page, name, address, persona)
            problems += found
            opened.add(name)
        page.context.close()
    assert not problems, "Pages wider than a phone:\n" + "\n".join(problems)
    assert set(MAIN_PAGES) <= opened


def test_main_pages_are_photographed_at_phone_and_laptop_width(
    open_page: Any, world: Any, agreed_plan: Any
) -> None:
    ids = _lengthen(world, agreed_plan)
    addresses = dict(_pages(ids))
    folder: Path = screenshot_dir()
    taken = []
    for label, viewport in (("375", PHONE), ("1280", DESKTOP)):
        page = open_page(viewport)
        sign_in(page, world.parent_a.user.email, TEST_PASSWORD)
        for name in MAIN_PAGES:
            response = page.goto(addresses[name])
            assert response is not None and response.status == 200, name
            target = folder / f"{name}-{label}.png"
            page.screenshot(path=str(target), full_page=True)
            taken.append(target)
        page.context.close()
    assert all(path.stat().st_size > 5_000 for path in taken)  # real pictures, not blanks
