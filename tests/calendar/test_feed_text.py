"""The feed's words, read back with the icalendar parser: the calendar's plain words, names
rather than codes, and each description one sentence with one full stop."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse
from django.utils import timezone

from twohomes.calendar.ics import sentence
from twohomes.calendar.models import CalendarFeed, hash_token
from twohomes.schedules import services
from twohomes.schedules.engine import child_id, family_timeline

LONDON = ZoneInfo("Europe/London")
ROTATION = "because of 2-2-5-5 (the regular rotation)."


def _descriptions(client: Any, membership: Any) -> list[str]:
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=membership, token_hash=hash_token(token))
    body = client.get(reverse("calendar_feed", args=[token])).content
    return [str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
            if "DESCRIPTION" in e]


def _bruno_night(world: Any) -> Any:
    """A night, three days or more ahead, that the agreed plan gives to Bruno."""
    today = timezone.localdate(timezone=LONDON)
    ft = family_timeline(world.family, today, today + timedelta(days=30))
    assert ft is not None
    for offset in range(3, 30):
        day = today + timedelta(days=offset)
        if ft.timeline.owner_at(child_id(world.linked_child),
                                datetime.combine(day, time(23), LONDON)) == "B":
            return day
    raise AssertionError("no night with Bruno")


def _swap_a_night(world: Any) -> None:
    night = _bruno_night(world)
    now = timezone.now()
    swap = services.request_swap(
        actor=world.parent_a, children=[world.linked_child], parent=world.parent_a, now=now,
        reason="My parents visit.", starts=datetime.combine(night, time(20), LONDON),
        ends=datetime.combine(night + timedelta(days=1), time(8), LONDON),
        answer_by=timezone.localdate() + timedelta(days=1))
    services.accept_swap(actor=world.parent_b, swap=swap, now=now)


def _assert_plain(descriptions: list[str]) -> None:
    for text in descriptions:
        assert text.endswith(".") and ".." not in text, text
        assert not re.search(r"\b[A-Z]\b|\bc\d+\b|\b(base|override|holiday|season):", text), text


def test_feed_descriptions_are_plain_sentences_with_names(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    _swap_a_night(world)
    found = _descriptions(client, world.parent_a)
    _assert_plain(found)
    assert {
        f"Ada and Ben with Alice, {ROTATION}",
        f"Ada and Ben with Bruno, {ROTATION}",
        f"Ada with Bruno, {ROTATION}",  # Ada's own blocks, either side of the change
        f"Ben with Bruno, {ROTATION}",
        # The parent's reason ended in its own full stop: the sentence has one.
        "Ada with Alice, because of Swap: My parents visit (a change agreed between the "
        "parents).",
        "Ada and Ben go from Alice to Bruno at 6:00 PM.",
        "Ada and Ben go from Bruno to Alice at 6:00 PM.",
        "Ada goes from Bruno to Alice at 8:00 PM.",
        "Ada goes from Alice to Bruno at 8:00 AM.",
    } == set(found)


def test_a_relatives_feed_says_a_change_was_agreed_without_its_reason(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    _swap_a_night(world)
    found = _descriptions(client, world.relative)
    _assert_plain(found)
    assert {
        f"Ada with Alice, {ROTATION}",
        f"Ada with Bruno, {ROTATION}",
        "Ada with Alice, because of a change agreed between the parents.",
        "Ada goes from Alice to Bruno at 6:00 PM.",
        "Ada goes from Bruno to Alice at 6:00 PM.",
        "Ada goes from Bruno to Alice at 8:00 PM.",
        "Ada goes from Alice to Bruno at 8:00 AM.",
    } == set(found)


def test_a_sentence_ends_in_one_full_stop() -> None:
    assert sentence("Ada with Alice") == "Ada with Alice."
    assert sentence("Ada with Alice.") == "Ada with Alice."
    assert sentence("Ada with Alice...  ") == "Ada with Alice."
    assert sentence("Swap: back at 6 p.m. ") == "Swap: back at 6 p.m."


def test_a_feed_is_in_its_members_language(world: Any, agreed_plan: Any, client: Any) -> None:
    from twohomes.calendar.feeds import feed_version

    english_version = feed_version(world.relative, timezone.localdate())[0]
    world.relative.user.language = "es"
    world.relative.user.save(update_fields=["language"])
    assert feed_version(world.relative, timezone.localdate())[0] != english_version
    found = set(_descriptions(client, world.relative))
    _assert_plain(list(found))
    # Written by hand: Spanish words, the 24-hour clock.
    assert {"Ada pasa de Alice a Bruno a las 18:00.",
            "Ada pasa de Bruno a Alice a las 18:00."} <= found
    assert not any("goes from" in text for text in found)
