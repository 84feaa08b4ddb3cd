"""The demo family's agreed plan and two change requests (one accepted, one waiting)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from twohomes.families.models import Family, Membership

from . import services
from .forms import public_holiday_names

NATIONAL = ["New Year's Day", "Memorial Day", "Independence Day", "Labor Day",
            "Thanksgiving Day", "Christmas Day"]


def seed_demo_plan(family: Family, *, now: datetime) -> None:
    if family.plans.exists():
        return
    people = {m.user.email.split("@")[0]: m for m in
              Membership.objects.filter(family=family).select_related("user", "family")}
    maya, daniel = people["maya"], people["daniel"]
    zone = family.zone
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday() + 7)
    kids = {c.name: c.pk for c in family.children.all()}
    names = set(public_holiday_names(family.country, family.subdivision, today.year))
    choices = {
        "groups": [
            {"children": [kids["Amara"], kids["Sofia"], kids["Theo"]], "pattern": "2-2-5-5",
             "nights": "", "start": monday.isoformat(), "first_parent": "A",
             "exchange_time": "18:00", "midweek_day": "", "midweek_overnight": False},
            {"children": [kids["Leo"]], "pattern": "alternating-weeks", "nights": "",
             "start": monday.isoformat(), "first_parent": "B", "exchange_time": "18:00",
             "midweek_day": "", "midweek_overnight": False},
        ],
        "season": None,
        "holidays": {name: {"rule": "alt-A", "window": "day"} for name in NATIONAL
                     if name in names},
        "birthdays": "", "mothers_day": "A", "fathers_day": "B",
        "school_breaks": [], "school_break_rule": "",
        "exchange_place": "at school, or at the receiving parent's home",
    }
    plan = services.propose_plan(actor=maya, choices=choices, now=now)
    services.decide_plan(actor=daniel, plan=plan, agreed=True, comment="Agreed, thank you.",
                         now=now)
    _demo_swaps(family, maya, daniel, today, zone, now)


def _demo_swaps(family: Family, maya: Membership, daniel: Membership, today: date,
                zone: ZoneInfo, now: datetime) -> None:
    children = list(family.children.all())
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 + 7)
    accepted = services.request_swap(
        actor=daniel, children=children, parent=daniel, now=now,
        starts=datetime.combine(saturday, time(10), zone),
        ends=datetime.combine(saturday, time(18), zone),
        reason="My mother's 70th birthday lunch; the children would love to be there.",
        answer_by=today, makeup=None)
    services.accept_swap(actor=maya, swap=accepted, now=now)
    later = saturday + timedelta(days=14)
    services.request_swap(
        actor=maya, children=children, parent=maya, now=now,
        starts=datetime.combine(later, time(9), zone),
        ends=datetime.combine(later + timedelta(days=1), time(18), zone),
        reason="A weekend at the lake with my sister Rosa and the cousins.",
        answer_by=later - timedelta(days=5),
        makeup=(datetime.combine(later + timedelta(days=7), time(9), zone),
                datetime.combine(later + timedelta(days=8), time(18), zone)))
