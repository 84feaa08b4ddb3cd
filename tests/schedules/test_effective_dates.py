"""A new plan governs from its effective date; the plan in force keeps every day before it.

The expected owners are worked out by hand from the 2-2-5-5 rotation of the `agreed_plan`
fixture (Alice "A" first, from Monday 5 January 2026, exchanges at 18:00): its 14-night
cycle restarts every other Monday, e.g. 6 December 2027 (A 6-7, B 8-9, A 10-14, B 15-19),
20 December 2027 (A 20-21, B 22-23, A 24-28, B 29 Dec-2 Jan) and 3 January 2028.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.records.models import LogEntry
from twohomes.schedules import services
from twohomes.schedules.engine import child_id, family_timeline
from twohomes.schedules.models import ParentingPlan, PlanStatus

LONDON = ZoneInfo("Europe/London")
AGREED_ON = datetime(2027, 12, 10, 20, 0, tzinfo=LONDON)  # a December evening
STARTS = date(2028, 1, 3)  # a Monday


def _owner(world: Any, moment: datetime, child: Any = None) -> str:
    ft = family_timeline(world.family, date(2027, 11, 1), date(2028, 2, 1))
    assert ft is not None
    return ft.timeline.owner_at(child_id(child or world.linked_child), moment)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def _sole_b(world: Any, *, now: datetime, effective_from: date) -> ParentingPlan:
    choices = plan_choices([world.linked_child, world.unlinked_child], pattern="sole")
    choices["groups"][0]["first_parent"] = "B"
    return services.propose_plan(actor=world.parent_b, choices=choices, now=now,
                                 effective_from=effective_from)


def test_a_plan_agreed_in_december_starts_in_january(world: Any, agreed_plan: Any) -> None:
    assert world.family.timezone == "Europe/London"
    before = {day: _owner(world, _at(day)) for day in
              (date(2027, 12, 11), date(2027, 12, 16), date(2028, 1, 4))}
    assert before == {date(2027, 12, 11): "A", date(2027, 12, 16): "B",
                      date(2028, 1, 4): "A"}
    plan = _sole_b(world, now=AGREED_ON, effective_from=STARTS)
    services.decide_plan(actor=world.parent_a, plan=plan, agreed=True, comment="",
                         now=AGREED_ON)
    plan.refresh_from_db()
    agreed_plan.refresh_from_db()
    # Both versions make up the timeline: the old one is in force until the new one starts.
    assert plan.status == agreed_plan.status == PlanStatus.AGREED
    # That evening's handover (B to A at 18:00 on the 10th) and the rest of December stay.
    for child in (world.linked_child, world.unlinked_child):
        assert _owner(world, _at(date(2027, 12, 10), 20), child) == "A"
        assert _owner(world, _at(date(2027, 12, 10), 17), child) == "B"
        assert _owner(world, _at(date(2027, 12, 16)), child) == "B"
        assert _owner(world, _at(date(2027, 12, 25)), child) == "A"
        assert _owner(world, _at(date(2028, 1, 2)), child) == "B"
        # From the effective date on, the new plan: Bruno all the time.
        assert _owner(world, _at(STARTS, 0)) == "B"
        assert _owner(world, _at(date(2028, 1, 4)), child) == "B"
        assert _owner(world, _at(date(2028, 1, 20)), child) == "B"
    ft = family_timeline(world.family, date(2027, 12, 10), date(2028, 1, 10))
    assert ft is not None
    handovers = [(x.at, x.from_parent, x.to_parent) for x in
                 ft.timeline.exchanges(child=child_id(world.linked_child))]
    assert handovers[0] == (_at(date(2027, 12, 10), 18), "B", "A")
    # The last handover is the old plan's 18:00 on 29 December: none at midnight on the 3rd,
    # since Bruno has the children on both sides of it.
    assert handovers[-1] == (_at(date(2027, 12, 29), 18), "A", "B")
    # A past range keeps the old plan even when asked later: the court's "in March?"
    march = family_timeline(world.family, date(2027, 3, 1), date(2027, 4, 1))
    assert march is not None and march.plan.pk == agreed_plan.pk
    kinds = list(LogEntry.objects.filter(family=world.family).values_list("kind", flat=True))
    assert kinds.count("schedules.plan.in_force") == 2


def test_an_accepted_change_keeps_its_dates_across_a_plan_change(
    world: Any, agreed_plan: Any
) -> None:
    # Bruno asks for the 11th-12th December 2027 (Alice's nights), Alice accepts.
    swap = services.request_swap(
        actor=world.parent_b, children=[world.linked_child], parent=world.parent_b,
        starts=_at(date(2027, 12, 11), 9), ends=_at(date(2027, 12, 12), 18),
        reason="Grandma's visit", answer_by=timezone.localdate() + timedelta(days=3),
        now=timezone.now())
    services.accept_swap(actor=world.parent_a, swap=swap, now=timezone.now())
    plan = _sole_b(world, now=AGREED_ON, effective_from=STARTS)
    # A second change, after the new plan starts: Alice on the 8th January 2028.
    services.decide_plan(actor=world.parent_a, plan=plan, agreed=True, comment="",
                         now=AGREED_ON)
    assert _owner(world, _at(date(2027, 12, 11))) == "B"
    assert _owner(world, _at(date(2027, 12, 12), 20)) == "A"
    assert _owner(world, _at(date(2027, 12, 11)), world.unlinked_child) == "A"


def test_a_proposal_whose_start_passes_expires_and_is_proposed_again(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    plan = _sole_b(world, now=AGREED_ON, effective_from=date(2027, 12, 20))
    too_late = datetime(2027, 12, 21, 9, tzinfo=LONDON)
    with pytest.raises(ValidationError, match="has passed"):
        services.decide_plan(actor=world.parent_a, plan=plan, agreed=True, comment="",
                             now=too_late)
    assert services.expire_plans(now=too_late) == 1
    plan.refresh_from_db()
    assert plan.status == PlanStatus.EXPIRED
    assert _owner(world, _at(date(2027, 12, 25))) == "A"  # the plan in force goes on
    again = _sole_b(world, now=too_late, effective_from=STARTS)
    assert again.effective_from == STARTS and again.status == PlanStatus.PROPOSED
    with pytest.raises(ValidationError, match="today or later"):
        _sole_b(world, now=too_late, effective_from=date(2027, 12, 20))
    services.decide_plan(actor=world.parent_a, plan=again, agreed=True, comment="",
                         now=too_late)
    assert _owner(world, _at(date(2028, 1, 4))) == "B"
    assert _owner(world, _at(date(2027, 12, 25))) == "A"


def test_the_proposal_shows_its_start_and_the_editor_refuses_a_past_one(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    today = world.family.today(timezone.now())
    plan = _sole_b(world, now=timezone.now(), effective_from=today + timedelta(days=40))
    client.force_login(world.parent_a.user)
    page = client.get(reverse("plan_detail", args=[world.family.pk, plan.pk])).content.decode()
    starts = today + timedelta(days=40)
    assert f"Starts on {starts:%B} {starts.day}, {starts.year}" in page
    form = client.post(reverse("plan_propose", args=[world.family.pk]), {
        "g1_children": [world.linked_child.pk], "g1_pattern": "sole", "g1_start": "2026-01-05",
        "g1_first_parent": "A", "g1_exchange_time": "18:00", "g2_pattern": "sole",
        "g2_first_parent": "A", "g2_exchange_time": "18:00", "season_pattern": "sole",
        "effective_from": (today - timedelta(days=1)).isoformat()})
    assert form.status_code == 200
    assert "the days already lived keep the plan that was in force" in form.content.decode()
    assert ParentingPlan.objects.count() == 2


def test_a_child_a_new_plan_brings_in_stays_on_the_calendar(world: Any, agreed_plan: Any
                                                           ) -> None:
    from tests.factories import ChildFactory

    newborn = ChildFactory(family=world.family, name="Cleo")
    choices = plan_choices([world.linked_child, world.unlinked_child, newborn],
                           pattern="sole")
    choices["groups"][0]["first_parent"] = "B"
    plan = services.propose_plan(actor=world.parent_b, choices=choices, now=AGREED_ON,
                                 effective_from=STARTS)
    services.decide_plan(actor=world.parent_a, plan=plan, agreed=True, comment="",
                         now=AGREED_ON)
    # Before the new plan, the older children follow the old plan, Cleo the new one.
    assert _owner(world, _at(date(2027, 12, 11)), newborn) == "B"
    assert _owner(world, _at(date(2027, 12, 11))) == "A"
    assert _owner(world, _at(date(2028, 1, 11)), newborn) == "B"
