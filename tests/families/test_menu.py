"""The site menu: one line of four daily places, the rest behind "More", with counts."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services as messaging
from twohomes.schedules import services as schedules


def _menu(html: str) -> tuple[list[str], list[str]]:
    """(the links of the menu's first line, the links behind More), as their visible words."""
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    first, more = nav.split('<details class="nav-more">', 1)

    def words(part: str) -> list[str]:
        links = re.findall(r"<a [^>]*>(.*?)</a>", part, flags=re.S)
        return [" ".join(re.sub(r"<[^>]+>", " ", link).split()) for link in links]

    return words(first), words(more)


def test_a_parent_sees_unread_messages_and_requests_waiting_in_the_menu(
    world: Any, agreed_plan: Any, login: Any
) -> None:
    thread = messaging.start_thread(actor=world.parent_b, subject="School", now=timezone.now(),
                                    body="Ben's school trip is on Friday.")
    messaging.send_message(actor=world.parent_b, thread=thread, body="Can you sign the form?",
                           now=timezone.now())
    london = ZoneInfo("Europe/London")
    schedules.request_swap(
        actor=world.parent_b, children=[world.linked_child],
        starts=datetime(2027, 3, 14, 9, tzinfo=london),
        ends=datetime(2027, 3, 15, 18, tzinfo=london), parent=world.parent_b,
        reason="Cousin's wedding", answer_by=date.today() + timedelta(days=3),
        now=timezone.now())
    client = login(world.parent_a)
    home = client.get(reverse("family_home", args=[world.family.pk])).content.decode()
    first, more = _menu(home)
    assert first == ["Today", "Calendar", "Messages 2 unread",
                     "Changes 1 waiting for your answer"]
    assert more == ["Parenting plans", "Events", "Expenses", "Members", "Audit list",
                    "Family settings",
                    "Account", "Sign out"]
    assert "2 unread messages" in " ".join(re.sub(r"<[^>]+>", " ", home).split())

    client.get(reverse("thread_detail", args=[world.family.pk, thread.pk]))
    first, _ = _menu(client.get(reverse("family_home", args=[world.family.pk])).content.decode())
    assert first[2] == "Messages"

    # The one who asked waits for nobody's answer but their own: no count for them.
    first, _ = _menu(login(world.parent_b).get(
        reverse("family_home", args=[world.family.pk])).content.decode())
    assert first[3] == "Changes"


def test_each_role_sees_only_the_places_it_may_open(world: Any, login: Any) -> None:
    expected = {  # by hand, from the roles table in docs/DESIGN.md
        "relative": (["Today", "Calendar", "Messages"], ["Events", "Account", "Sign out"]),
        "child": (["Today", "Calendar", "Messages"], ["Events", "Account", "Sign out"]),
        "partner": (["Today", "Calendar", "Messages"],
                    ["Events", "Members", "Account", "Sign out"]),
        "professional": (["Today", "Calendar", "Messages", "Changes"],
                         ["Tone over time", "Parenting plans", "Events", "Members", "Account",
                          "Sign out"]),
    }
    for persona, (first, more) in expected.items():
        client = login(world.membership(persona))
        page = client.get(reverse("calendar_month", args=[world.family.pk])).content.decode()
        assert _menu(page) == (first, more), persona
        assert 'aria-current="page">Calendar' in page, persona


def test_the_menu_counts_cost_the_same_however_many_messages_wait(
    world: Any, login: Any
) -> None:
    def queries_for_home() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client = login(world.parent_a)
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("family_home", args=[world.family.pk]))
        return len(captured.captured_queries)

    thread = messaging.start_thread(actor=world.parent_b, subject="Week", now=timezone.now(),
                                    body="First.")
    queries_for_home()  # the first visit also stores the family as the last one visited
    messaging.send_message(actor=world.parent_b, thread=thread, body="Second.",
                           now=timezone.now())
    # The counts are kept per version of the family's record: the first page after a
    # message counts again, the next ones read what was kept.
    few_new, few_kept = queries_for_home(), queries_for_home()
    for number in range(20):
        messaging.send_message(actor=world.parent_b, thread=thread, body=f"Note {number}.",
                               now=timezone.now())
    assert (queries_for_home(), queries_for_home()) == (few_new, few_kept)
