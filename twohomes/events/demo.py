"""A few events for the demo family: football practice, a dentist visit, a school concert."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from twohomes.families.models import Family, Membership

from . import services
from .models import Reply
from .recurrence import RepeatRule


def seed_demo_events(family: Family, *, now: datetime) -> None:
    """Add the demo events once; a family that already has events is left alone."""
    if family.events.exists():
        return
    people = {m.user.email.split("@")[0]: m for m in
              Membership.objects.filter(family=family).select_related("user", "family")}
    children = {child.name: child for child in family.children.all()}
    maya, daniel, rosa = people["maya"], people["daniel"], people["rosa"]
    zone = family.zone
    today = now.astimezone(zone).date()

    def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(today + timedelta(days=day_offset), time(hour, minute),
                                tzinfo=zone)

    tuesday = (1 - today.weekday()) % 7 or 7
    services.create_event(actor=maya, now=now, details=services.EventDetails(
        title="Football practice", starts=at(tuesday, 17), ends=at(tuesday, 18, 30),
        children=[children["Leo"]], location="Riverside Park, pitch 2", responsible=daniel,
        notes="Shin pads and a water bottle.",
        repeat=RepeatRule(frequency="weekly", weekdays=("TU",))))
    services.create_event(actor=daniel, now=now, details=services.EventDetails(
        title="Dentist check-up", starts=at(9, 9, 30), ends=at(9, 10, 15),
        children=[children["Theo"]], location="Harbor Dental, 14 Quay Street",
        responsible=maya))
    concert = services.create_event(actor=maya, now=now, details=services.EventDetails(
        title="School concert", starts=at(16, 18), ends=at(16, 19, 30),
        children=[children["Amara"]], location="Maple Street Elementary, main hall",
        notes="Amara sings in the second half. Doors open at 17:30."))
    services.invite_to_event(actor=maya, event=concert, invitee=rosa, now=now)
    services.invite_to_event(actor=maya, event=concert, invitee=daniel, now=now)
    services.reply_to_event(actor=daniel, event=concert, reply=Reply.YES,
                            note="I'll bring Leo and Sofia.", now=now)
