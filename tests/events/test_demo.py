from __future__ import annotations

from typing import Any

from django.utils import timezone

from twohomes.events.demo import seed_demo_events
from twohomes.events.models import Reply
from twohomes.families.demo import seed_demo_family


def test_demo_family_gets_its_events_once(db: Any) -> None:
    family = seed_demo_family(now=timezone.now()).family
    seed_demo_events(family, now=timezone.now())
    seed_demo_events(family, now=timezone.now())
    events = {e.title: e for e in family.events.all()}
    assert set(events) == {"Football practice", "Dentist check-up", "School concert"}
    practice = events["Football practice"]
    assert practice.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert practice.local_start().strftime("%a %H:%M") == "Tue 17:00"
    assert practice.responsible.user.name == "Daniel Okafor"
    assert [c.name for c in events["Dentist check-up"].children.all()] == ["Theo"]
    replies = {i.invitee.user.name: i.reply for i in events["School concert"].invitations.all()}
    assert replies == {"Rosa Rivera": Reply.PENDING, "Daniel Okafor": Reply.YES}
