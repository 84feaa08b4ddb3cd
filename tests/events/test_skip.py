"""Calling off one time of a repeating event: the other times go on, everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest
import recurring_ical_events
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from twohomes.calendar.models import CalendarFeed, hash_token
from twohomes.events import services
from twohomes.events.models import EventRevision, SkippedOccurrence
from twohomes.events.recurrence import RepeatRule
from twohomes.events.selectors import event_occurrences, occurrences
from twohomes.records.models import LogEntry


@pytest.fixture
def practice(world: Any, make_event: Any) -> Any:
    return make_event("Swimming", [world.linked_child], repeat=RepeatRule("weekly"))


def _times(world: Any, practice: Any) -> list[Any]:
    now = timezone.now()
    return [o for o in occurrences(world.family, now, now + timedelta(days=29))
            if o.event_id == practice.pk]


def test_one_time_is_called_off_and_the_series_goes_on(world: Any, practice: Any) -> None:
    first, second, *rest = _times(world, practice)
    services.cancel_occurrence(actor=world.parent_a, event=practice, starts=second.starts,
                               reason="Pool closed", now=timezone.now())
    assert [o.starts for o in _times(world, practice)] == [first.starts] + [
        o.starts for o in rest]
    now = timezone.now()
    shown = event_occurrences(practice, now, now + timedelta(days=29))
    assert [(o.starts, o.skipped) for o in shown][:2] == [(first.starts, False),
                                                          (second.starts, True)]
    revision = practice.revisions.get(action=EventRevision.Action.SKIPPED)
    assert revision.changes[0]["field"] == "Cancelled once"
    assert revision.changes[1] == {"field": "Reason", "old": "", "new": "Pool closed"}
    entry = LogEntry.objects.get(kind="calendar.event.occurrence_cancelled")
    assert entry.seq == revision.record_seq


def test_calling_off_is_checked(world: Any, practice: Any, make_event: Any) -> None:
    first, second, *_ = _times(world, practice)
    now = timezone.now()
    services.cancel_occurrence(actor=world.parent_a, event=practice, starts=second.starts,
                               now=now)
    refused = [
        (second.starts, "already cancelled"),
        (second.starts + timedelta(hours=1), "does not take place at that time"),
        (first.starts - timedelta(days=7), "does not take place at that time"),
    ]
    for starts, message in refused:
        with pytest.raises(ValidationError, match=message):
            services.cancel_occurrence(actor=world.parent_a, event=practice, starts=starts,
                                       now=now)
    with pytest.raises(ValidationError, match="already begun"):
        services.cancel_occurrence(actor=world.parent_a, event=practice, starts=first.starts,
                                   now=first.starts + timedelta(minutes=1))
    once = make_event("Dentist", [world.linked_child])
    with pytest.raises(ValidationError, match="does not repeat"):
        services.cancel_occurrence(actor=world.parent_a, event=once, starts=once.starts,
                                   now=now)
    with pytest.raises(PermissionDenied):
        services.cancel_occurrence(actor=world.relative, event=practice, starts=first.starts,
                                   now=now)
    with pytest.raises(Http404):
        services.cancel_occurrence(actor=world.outsider, event=practice, starts=first.starts,
                                   now=now)
    assert SkippedOccurrence.objects.count() == 1


def test_a_parent_calls_off_one_time_from_the_event_page(
    world: Any, practice: Any, client: Any
) -> None:
    client.force_login(world.parent_b.user)
    url = reverse("event_detail", args=[world.family.pk, practice.pk])
    page = client.get(url).content.decode()
    assert page.count("<summary>Cancel only this time</summary>") == 5
    second = _times(world, practice)[1]
    skip = reverse("event_skip", args=[world.family.pk, practice.pk])
    for bad, message in [
        ({}, "Choose one of the event&#x27;s times."),
        ({"starts": "next tuesday"}, "Choose one of the event&#x27;s times."),
        ({"starts": "2027-01-05T17:00:00"}, "Choose one of the event&#x27;s times."),
        ({"starts": "0001-01-01T00:00:00+05:00"}, "Choose one of the event&#x27;s times."),
        ({"starts": "9999-12-31T23:59:59-05:00"}, "Choose one of the event&#x27;s times."),
        ({"starts": (second.starts + timedelta(hours=2)).isoformat()}, "does not take place"),
        ({"starts": second.starts.isoformat(), "reason": "x" * 301}, "at most 300"),
    ]:
        page = client.post(skip, bad, follow=True).content.decode()
        assert "<strong>Problem:</strong>" in page and message in page, bad
    assert not SkippedOccurrence.objects.exists()
    page = client.post(skip, {"starts": second.starts.isoformat(), "reason": "Pool closed"},
                       follow=True).content.decode()
    assert "is cancelled; the other times stay" in page
    assert page.count("Cancelled this time") == 1 and "Pool closed" in page
    client.force_login(world.relative.user)
    assert client.post(skip, {"starts": second.starts.isoformat()}).status_code == 403


def test_the_feed_leaves_the_time_out(world: Any, practice: Any, client: Any) -> None:
    second = _times(world, practice)[1]
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.parent_a, token_hash=hash_token(token))
    feed = reverse("calendar_feed", args=[token])
    before = client.get(feed)
    services.cancel_occurrence(actor=world.parent_a, event=practice, starts=second.starts,
                               now=timezone.now())
    after = client.get(feed, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200  # a new version, not 304
    calendar = icalendar.Calendar.from_ical(after.content)
    start = datetime.now(UTC)
    found = [e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(
        start, start + timedelta(days=29)) if str(e["SUMMARY"]) == "Swimming"]
    assert second.starts not in found
    assert [o.starts for o in _times(world, practice)] == found


def test_a_time_called_off_stays_off_when_the_series_moves_an_hour(
    world: Any, practice: Any
) -> None:
    first, second, third, *_ = _times(world, practice)
    services.cancel_occurrence(actor=world.parent_a, event=practice, starts=second.starts,
                               now=timezone.now())
    later = services.EventDetails(
        title="Swimming", starts=practice.starts + timedelta(hours=1),
        ends=practice.ends + timedelta(hours=1), children=[world.linked_child],
        repeat=RepeatRule("weekly"))
    services.change_event(actor=world.parent_a, event=practice, details=later,
                          now=timezone.now())
    moved = [o.starts for o in _times(world, practice)]
    assert first.starts + timedelta(hours=1) in moved
    assert third.starts + timedelta(hours=1) in moved
    assert second.starts + timedelta(hours=1) not in moved
    assert SkippedOccurrence.objects.get().starts == second.starts + timedelta(hours=1)
