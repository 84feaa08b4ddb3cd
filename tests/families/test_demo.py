"""The demo family: whole, at any hour of any day, and seeded once."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.management import call_command

from twohomes.families.demo import DEMO_PASSWORD, PEOPLE
from twohomes.families.management.commands.demo import seed
from twohomes.families.models import Family
from twohomes.schedules.models import Override, PlanStatus, SwapStatus


@pytest.mark.parametrize("now", [
    datetime(2026, 11, 30, 4, 9, tzinfo=UTC),    # still the day before in New York
    datetime(2026, 11, 30, 12, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 30, tzinfo=UTC),  # the year turns in UTC first
    datetime(2027, 3, 14, 6, 30, tzinfo=UTC),    # the morning clocks go forward
    datetime(2027, 2, 28, 23, 59, tzinfo=UTC),
], ids=str)
def test_the_demo_family_is_whole_at_any_hour(db: Any, now: datetime) -> None:
    family = seed(now).family
    assert sorted(c.name for c in family.children.all()) == ["Amara", "Leo", "Sofia", "Theo"]
    assert family.memberships.count() == len(PEOPLE)
    assert family.plans.get().status == PlanStatus.AGREED
    assert sorted(s.status for s in family.swaps.all()) == [SwapStatus.ACCEPTED,
                                                           SwapStatus.PENDING]
    accepted = family.swaps.get(status=SwapStatus.ACCEPTED)
    assert {(o.child.name, o.swap_id) for o in Override.objects.filter(family=family)} == {
        (name, accepted.pk) for name in ("Amara", "Leo", "Sofia", "Theo")}
    assert family.threads.exists() and family.events.exists()


def test_the_demo_command_seeds_once_and_prints_the_sign_ins(db: Any) -> None:
    out = io.StringIO()
    call_command("demo", "--if-empty", stdout=out)
    call_command("demo", "--if-empty", stdout=out)
    text = out.getvalue()
    assert text.count("Created the demo family") == 1 and "Found the demo family" in text
    for person in PEOPLE:
        assert person.email in text
    assert DEMO_PASSWORD in text
    assert Family.objects.count() == 1


def test_the_demo_is_not_added_beside_real_families(world: Any) -> None:
    out = io.StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "no demo data added" in out.getvalue()
    assert not Family.objects.filter(name="Rivera-Okafor family").exists()


def test_one_demo_parent_reads_twohomes_in_spanish(db: Any) -> None:
    family = seed(datetime(2026, 12, 6, 12, tzinfo=UTC)).family
    languages = {m.user.display_name: m.user.language for m in family.memberships.all()}
    assert languages["Daniel Okafor"] == "es"
    assert languages["Maya Rivera"] == ""  # she follows her browser (English by default)
