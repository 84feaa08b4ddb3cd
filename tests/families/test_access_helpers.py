"""The access module's named helpers for addressing people by what they are to the family."""

from __future__ import annotations

import pytest

from twohomes.families.access import Cap, parents_of, roles_with
from twohomes.families.models import MembershipStatus

from ..factories import FamilyFactory, MembershipFactory

# Written by hand from the role descriptions in the README, not read from ROLE_CAPS.
WHO_IS_WHAT = {
    Cap.HOLD_CUSTODY: {"parent"},
    Cap.JOIN_THREADS: {"partner", "relative", "professional"},
    Cap.BE_INVITED_TO_EVENTS: {"parent", "partner", "relative"},
    Cap.WRITE_MESSAGES: {"parent", "partner", "relative", "child"},
    Cap.IN_EVERY_THREAD: {"parent"},
    Cap.OWN_CHILD_THREADS: {"child"},
    Cap.EXPORT_WHOLE_RECORD: {"parent"},
    Cap.TIME_LIMITED_ACCESS: {"professional"},
    Cap.VIEWS_LOGGED: {"professional"},
    Cap.VIEW_ALL_CHILDREN: {"parent", "professional"},
}


@pytest.mark.parametrize("cap", list(WHO_IS_WHAT), ids=lambda cap: cap.value)
def test_roles_with_each_trait(cap: Cap) -> None:
    assert set(roles_with(cap)) == WHO_IS_WHAT[cap]


@pytest.mark.django_db
def test_parents_of_is_the_active_parents_of_that_family_only() -> None:
    family, other = FamilyFactory(), FamilyFactory()
    first = MembershipFactory(family=family, role="parent")
    second = MembershipFactory(family=family, role="parent")
    MembershipFactory(family=family, role="parent", status=MembershipStatus.REMOVED)
    MembershipFactory(family=family, role="partner")
    MembershipFactory(family=other, role="parent")
    assert list(parents_of(family)) == [first, second]
    assert list(parents_of(family.pk)) == [first, second]
