"""Parenting plans: the editor, the preview, agreement by every parent, versions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.conftest import plan_choices
from twohomes.records.models import LogEntry
from twohomes.schedules import services
from twohomes.schedules.models import ParentingPlan, PlanStatus


def _editor_post(world: Any, **changes: Any) -> dict[str, Any]:
    form = {"g1_children": [world.linked_child.pk, world.unlinked_child.pk],
            "g1_pattern": "2-2-5-5", "g1_start": "2026-01-05", "g1_first_parent": "A",
            "g1_exchange_time": "18:00", "g2_pattern": "sole", "g2_first_parent": "A",
            "g2_exchange_time": "18:00", "season_pattern": "sole", "exchange_place": "school",
            "effective_from": world.family.today(timezone.now()).isoformat()}
    form.update(changes)
    return form


def _christmas_index(client: Any, world: Any) -> int:
    page = client.get(reverse("plan_new", args=[world.family.pk])).content.decode()
    labels = [line for line in page.splitlines() if "holiday_" in line and "_rule" in line
              and "<label" in line and "Christmas Day" in line]
    assert labels, "the editor lists the family's public holidays"
    return int(labels[0].split('id_holiday_')[1].split('_rule')[0])


def test_preview_shows_the_calendar_and_statistics_without_saving(
    world: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("plan_new", args=[world.family.pk])
    page = client.post(url, {**_editor_post(world)}).content.decode()
    assert "Statistics for the next year" in page
    assert "50." in page  # 2-2-5-5 gives about half the nights to each parent
    assert "Propose this plan" in page
    assert not ParentingPlan.objects.exists()


@pytest.mark.parametrize("weekday", range(7))
@pytest.mark.parametrize("language,first", [
    ("en", (2026, 11, 29)),     # US English: the week of Sunday 29 November 2026
    ("en-gb", (2026, 11, 30)),  # British English: the week of Monday 30 November
])
def test_the_preview_works_on_every_day_of_the_week(world: Any, weekday: int, language: str,
                                                    first: tuple[int, int, int]) -> None:
    """The preview grid starts on the first day of the reader's week holding today."""
    from datetime import date, timedelta

    from django.utils import translation

    from twohomes.schedules.views import _preview

    today = date(*first) + timedelta(days=weekday)
    spec = services.prepare_spec(actor=world.parent_a,
                                 choices=plan_choices([world.linked_child]))
    with translation.override(language):
        shown = _preview(world.parent_a, spec, today)
    first_week = shown["preview_weeks"][0]
    assert first_week[0].day == date(*first) and len(shown["preview_weeks"]) == 6
    assert shown["stats"] is not None


def test_a_plan_takes_effect_only_when_every_parent_agrees(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(world.parent_a.user)
    index = _christmas_index(client, world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plan_propose", args=[world.family.pk]), {
            **_editor_post(world), f"holiday_{index}_rule": "alt-A",
            f"holiday_{index}_window": "day"})
    plan = ParentingPlan.objects.get()
    assert response.status_code == 302
    assert plan.status == PlanStatus.PROPOSED and plan.version == 1
    assert plan.spec["schedules"][0]["holidays"][0]["assign"] == {"even": "A", "odd": "B"}
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]

    client.force_login(world.parent_b.user)
    page = client.get(reverse("plan_detail", args=[world.family.pk, plan.pk])).content
    assert b"Agree to this plan" in page and b"Waiting for Bruno" in page
    client.post(reverse("plan_decide", args=[world.family.pk, plan.pk]),
                {"decision": "agree"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and plan.agreed_at is not None
    kinds = list(LogEntry.objects.filter(family=world.family, kind__startswith="schedules.")
                 .values_list("kind", flat=True))
    assert kinds == ["schedules.plan.proposed", "schedules.plan.agreed",
                     "schedules.plan.agreed", "schedules.plan.in_force"]


def test_declining_needs_a_reason_and_keeps_the_plan_out_of_force(
    world: Any, client: Any
) -> None:
    plan = services.propose_plan(actor=world.parent_a, now=timezone.now(),
                                 choices=plan_choices([world.linked_child]))
    client.force_login(world.parent_b.user)
    url = reverse("plan_decide", args=[world.family.pk, plan.pk])
    for unclear, message in [
        ({"decision": "decline"}, b"Say why you decline"),
        ({"decision": "maybe", "comment": "hmm"}, b"Choose Agree or Decline"),
        ({"comment": "hmm"}, b"Choose Agree or Decline"),
        ({"decision": "agree", "comment": "x" * 2001}, b"at most 2000 characters"),
        ({"decision": "decline", "comment": "no\x00pe"}, b"Null characters are not allowed"),
    ]:
        page = client.post(url, unclear, follow=True).content
        assert message in page, unclear
        plan.refresh_from_db()
        assert plan.status == PlanStatus.PROPOSED
        assert not plan.decisions.filter(parent=world.parent_b).exists()
    client.post(url, {"decision": "decline", "comment": "Weekdays are hard for me."})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DECLINED


def test_a_plan_for_other_children_previews_without_a_comparison(
    world: Any, agreed_plan: Any, client: Any
) -> None:
    """A new child joins: the proposal covers three children, the plan in force two."""
    from tests.factories import ChildFactory

    newborn = ChildFactory(family=world.family, name="Cleo")
    plan = services.propose_plan(
        actor=world.parent_a, now=timezone.now(),
        choices=plan_choices([world.linked_child, world.unlinked_child, newborn]))
    client.force_login(world.parent_b.user)
    page = client.get(reverse("plan_detail", args=[world.family.pk, plan.pk])).content.decode()
    assert "Statistics for the next year" in page and "Cleo" in page
    assert "covers other children than the plan in force" in page
    assert "Problem" not in page


def test_versions_supersede_and_stay_readable(world: Any, agreed_plan: Any, client: Any) -> None:
    now = timezone.now()
    second = services.propose_plan(actor=world.parent_b, now=now,
                                   choices=plan_choices([world.linked_child,
                                                         world.unlinked_child],
                                                        pattern="alternating-weeks"))
    services.decide_plan(actor=world.parent_a, plan=second, agreed=True, comment="", now=now)
    agreed_plan.refresh_from_db()
    second.refresh_from_db()
    assert (agreed_plan.status, second.status) == (PlanStatus.SUPERSEDED, PlanStatus.AGREED)
    client.force_login(world.professional.user)
    page = client.get(reverse("plan_list", args=[world.family.pk])).content.decode()
    assert "Version 1" in page and "Version 2" in page and "Replaced by a later plan" in page
    detail = client.get(reverse("plan_detail", args=[world.family.pk, second.pk]))
    assert b"compared with the plan in force" not in detail.content  # it is the one in force


@pytest.mark.parametrize("changes,message", [
    ({"g1_children": []}, b"Choose the children this plan is for"),
    ({"g1_pattern": "custom", "g1_nights": "AAXB"}, b"Give the cycle as letters"),
    ({"g1_pattern": "fortnightly"}, b"Select a valid choice"),
    ({"school_breaks": "Winter 2026-12-30 2026-12-20"}, b"ends before it starts"),
    ({"school_breaks": "Winter 2027-02-01 2027-02-30"}, b"is not a date on the calendar"),
    ({"school_breaks": "Long ago 0000-01-01 0000-01-02"}, b"is not a date on the calendar"),
    ({"school_breaks": "Far off 9999-01-01 9999-01-02"}, b"between 1900 and 2199"),
    ({"g1_start": "9999-12-31"}, b"out of range (1900 to 2199)"),
    ({"season_name": "Summer", "season_from": "13-40", "season_to": "08-20",
      "season_start": "2026-06-20"}, b"Give the day as MM-DD"),
])
def test_editor_rejects_bad_input_and_saves_nothing(
    world: Any, client: Any, changes: dict[str, Any], message: bytes
) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("plan_propose", args=[world.family.pk]),
                           {**_editor_post(world), **changes})
    assert response.status_code == 200
    assert message in response.content
    assert not ParentingPlan.objects.exists()


def test_a_plan_for_another_familys_child_is_refused(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("plan_propose", args=[world.family.pk]), {
        **_editor_post(world), "g1_children": [world.other_child.pk]})
    assert b"Select a valid choice" in response.content
    assert not ParentingPlan.objects.exists()


def test_a_second_schedule_for_the_eldest(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    client.post(reverse("plan_propose", args=[world.family.pk]), {
        **_editor_post(world), "g1_children": [world.unlinked_child.pk], "use_group2": "on",
        "g2_children": [world.linked_child.pk], "g2_pattern": "alternating-weeks",
        "g2_start": "2026-01-05", "g2_first_parent": "B"})
    plan = ParentingPlan.objects.get()
    patterns = [s["rotation"]["pattern"] for s in plan.spec["schedules"]]
    assert patterns == ["2-2-5-5", "alternating-weeks"]


def test_a_plan_needs_two_parents(world: Any) -> None:
    from django.core.exceptions import ValidationError

    from twohomes.families.models import MembershipStatus

    world.parent_b.status = MembershipStatus.LEFT
    world.parent_b.save()
    with pytest.raises(ValidationError, match="invite the other parent"):
        services.propose_plan(actor=world.parent_a, now=timezone.now(),
                              choices=plan_choices([world.linked_child]))


def test_a_proposal_sent_twice_is_proposed_once(world: Any, client: Any) -> None:
    """Preview, then Propose twice (Back and Send again): one plan, and the second sending
    goes to the plan the first one made."""
    client.force_login(world.parent_a.user)
    data = {**_editor_post(world), "once": "p" * 32}
    assert client.post(reverse("plan_new", args=[world.family.pk]), data).status_code == 200
    first = client.post(reverse("plan_propose", args=[world.family.pk]), data)
    again = client.post(reverse("plan_propose", args=[world.family.pk]), data, follow=True)
    plan = ParentingPlan.objects.get()
    assert first["Location"] == reverse("plan_detail", args=[world.family.pk, plan.pk])
    assert "nothing was sent twice" in again.content.decode()
