"""Evening-before reminders: who still receives them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from twohomes.calendar.models import ReminderPreference
from twohomes.calendar.reminders import send_due_reminders

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("access_ends", "expected"), [
    (datetime(2026, 1, 8, tzinfo=LONDON), 1),
    # The last day was Monday; the cleanup command has not run yet.
    (datetime(2026, 1, 6, tzinfo=LONDON), 0),
], ids=["access still open", "access ended"])
def test_a_professional_whose_access_ended_gets_no_reminder(
    world: Any, agreed_plan: Any, access_ends: datetime, expected: int,
    django_capture_on_commit_callbacks: Any
) -> None:
    world.professional.expires_at = access_ends
    world.professional.save(update_fields=["expires_at"])
    ReminderPreference.objects.create(membership=world.professional, exchanges=True,
                                      send_at="19:00")
    # Tuesday 6 January 2026: Ada goes from Alice to Bruno on Wednesday at 18:00.
    evening = datetime(2026, 1, 6, 19, 30, tzinfo=LONDON)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(now=evening) == expected
    assert len(mail.outbox) == expected


def test_a_reminder_is_in_its_readers_language_with_its_clock(
    world: Any, agreed_plan: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world.parent_b.user.language = "es"  # Bruno reads Spanish, Alice the default English
    world.parent_b.user.save(update_fields=["language"])
    for parent in (world.parent_a, world.parent_b):
        ReminderPreference.objects.create(membership=parent, exchanges=True, send_at="19:00")
    # Tuesday 6 January 2026: Ada goes from Alice to Bruno on Wednesday at 18:00, at school.
    evening = datetime(2026, 1, 6, 19, 30, tzinfo=LONDON)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(now=evening) == 2
    bodies = {message.to[0]: " ".join(message.body.split()) for message in mail.outbox}
    assert "Mañana, miércoles 7 de enero:" in bodies["bruno@example.org"]
    assert "18:00: entrega de Ada, Ben, de Alice a Bruno (at school)" \
        in bodies["bruno@example.org"]
    assert "Tomorrow, Wednesday, January 7:" in bodies["alice@example.org"]
    assert "6:00 PM exchange of Ada, Ben: Alice to Bruno (at school)" \
        in bodies["alice@example.org"]
