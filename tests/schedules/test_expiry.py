"""Lapsed proposals and requests expire once, family by family."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.conftest import plan_choices
from tests.factories import ChildFactory, FamilyFactory, MembershipFactory, UserFactory
from twohomes.families.models import Role
from twohomes.records.models import LogEntry
from twohomes.schedules import services
from twohomes.schedules.models import ParentingPlan, PlanStatus, SwapRequest, SwapStatus

ASKED = datetime(2027, 3, 1, 9, tzinfo=UTC)
LATER = datetime(2027, 3, 20, 9, tzinfo=UTC)  # past every answer-by and start day below


def _family(name: str) -> tuple[Any, Any, Any]:
    family = FamilyFactory(name=name)
    first, second = (MembershipFactory(family=family, role=Role.PARENT, user=UserFactory(
        email=f"{who}.{name}@example.org", display_name=who.title())) for who in ("a", "b"))
    return first, second, ChildFactory(family=family, name="Kit")


def _lapsing(first: Any, second: Any, child: Any) -> tuple[ParentingPlan, SwapRequest]:
    plan = services.propose_plan(actor=first, now=ASKED, effective_from=date(2027, 3, 10),
                                 choices=plan_choices([child]))
    swap = services.request_swap(
        actor=second, children=[child], parent=second, reason="Trip",
        starts=ASKED + timedelta(days=30), ends=ASKED + timedelta(days=31),
        answer_by=date(2027, 3, 5), now=ASKED)
    return plan, swap


def _statuses(pair: tuple[ParentingPlan, SwapRequest]) -> tuple[str, str]:
    plan, swap = pair
    plan.refresh_from_db()
    swap.refresh_from_db()
    return plan.status, swap.status


def test_each_family_expires_its_own_and_nothing_expires_twice(db: Any) -> None:
    ours, theirs = _lapsing(*_family("ours")), _lapsing(*_family("theirs"))
    family = ours[0].family
    assert services.expire_plans(now=LATER, family=family) == 1
    assert services.expire_swaps(now=LATER, family=family) == 1
    assert _statuses(ours) == (PlanStatus.EXPIRED, SwapStatus.EXPIRED)
    assert _statuses(theirs) == (PlanStatus.PROPOSED, SwapStatus.PENDING)
    assert (services.expire_plans(now=LATER), services.expire_swaps(now=LATER)) == (1, 1)
    assert (services.expire_plans(now=LATER), services.expire_swaps(now=LATER)) == (0, 0)
    kinds = list(LogEntry.objects.filter(kind__endswith=".expired").values_list("kind",
                                                                                flat=True))
    assert sorted(kinds) == ["schedules.plan.expired"] * 2 + ["schedules.swap.expired"] * 2


def test_nothing_expires_before_its_day(db: Any) -> None:
    plan, swap = _lapsing(*_family("early"))
    day_before_answer = datetime(2027, 3, 5, 12, tzinfo=UTC)  # 5 March in London
    assert (services.expire_plans(now=day_before_answer),
            services.expire_swaps(now=day_before_answer)) == (0, 0)
    assert _statuses((plan, swap)) == (PlanStatus.PROPOSED, SwapStatus.PENDING)


def test_opening_the_pages_writes_nothing_and_the_worker_round_expires_once(
        db: Any, login: Any) -> None:
    from django.urls import reverse
    from django.utils import timezone

    from twohomes.schedules.tasks import expiry_tick

    asked = timezone.now() - timedelta(days=10)
    first, second, child = _family("seen")
    plan = services.propose_plan(actor=first, now=asked,
                                 effective_from=(asked + timedelta(days=5)).date(),
                                 choices=plan_choices([child]))
    swap = services.request_swap(
        actor=second, children=[child], parent=second, reason="Trip",
        starts=asked + timedelta(days=30), ends=asked + timedelta(days=31),
        answer_by=(asked + timedelta(days=3)).date(), now=asked)
    entries = LogEntry.objects.count()
    client = login(first)
    fid = first.family_id
    pages = {reverse("plan_list", args=[fid]): "Expired: its start date passed",
             reverse("plan_detail", args=[fid, plan.pk]): "Expired: its start date passed",
             reverse("swap_list", args=[fid]): "Waiting for an answer</h2> <ul class=\"swaps\">"
                                               " <li>None.</li>",
             reverse("swap_detail", args=[fid, swap.pk]): "Expired unanswered"}
    for url, words in pages.items():
        response = client.get(url)
        assert response.status_code == 200
        assert words in " ".join(response.content.decode().split()), url
    home = client.get(reverse("family_home", args=[fid])).content.decode()
    assert "waiting for your answer" not in home  # nothing lapsed is asked of anyone
    assert _statuses((plan, swap)) == (PlanStatus.PROPOSED, SwapStatus.PENDING)
    assert LogEntry.objects.count() == entries
    assert expiry_tick.call() == 2
    assert _statuses((plan, swap)) == (PlanStatus.EXPIRED, SwapStatus.EXPIRED)
    assert expiry_tick.call() == 0
    assert LogEntry.objects.count() == entries + 2
