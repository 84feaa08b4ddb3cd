"""Shared fixtures. Django is imported inside fixtures only, so that the plain-Python
engine tests (tests/core) also run without Django."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest


@dataclass
class World:
    """One family with every role, and an outsider who is a parent in another family."""

    family: Any
    parent_a: Any
    parent_b: Any
    partner: Any
    relative: Any
    professional: Any
    child: Any
    outsider: Any
    linked_child: Any
    unlinked_child: Any
    other_family: Any
    other_child: Any

    def membership(self, persona: str) -> Any:
        return getattr(self, persona)


@pytest.fixture
def world(db: Any) -> World:
    from django.utils import timezone

    from tests.factories import ChildFactory, FamilyFactory, MembershipFactory, UserFactory
    from twohomes.families.models import Role

    family = FamilyFactory(name="Test family")
    other_family = FamilyFactory(name="Other family")
    linked = ChildFactory(family=family, name="Ada")
    unlinked = ChildFactory(family=family, name="Ben")
    other_child = ChildFactory(family=other_family, name="Cleo")

    def member(role: str, name: str, fam: Any = family, **extra: Any) -> Any:
        user = UserFactory(email=f"{name}@example.org", display_name=name.title())
        return MembershipFactory(family=fam, user=user, role=role, **extra)

    world = World(
        family=family,
        parent_a=member(Role.PARENT, "alice"),
        parent_b=member(Role.PARENT, "bruno"),
        partner=member(Role.PARTNER, "pat"),
        relative=member(Role.RELATIVE, "rita"),
        professional=member(Role.PROFESSIONAL, "mona",
                            expires_at=timezone.now() + timedelta(days=30)),
        child=member(Role.CHILD, "kid"),
        outsider=member(Role.PARENT, "oscar", fam=other_family),
        linked_child=linked,
        unlinked_child=unlinked,
        other_family=other_family,
        other_child=other_child,
    )
    for persona in (world.partner, world.relative, world.child):
        persona.linked_children.set([linked])
    return world


@pytest.fixture
def login(client: Any) -> Any:
    """Sign a membership's user in on the test client (`login(world.parent_a)`)."""

    def sign_in(membership: Any) -> Any:
        client.force_login(membership.user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _append_only_triggers_allow_flush(request: Any) -> Any:
    """Tests that commit (browser tests, concurrency) end with Django emptying every table.

    On SQLite that is a DELETE, which the record's append-only triggers refuse. For those
    tests only, the triggers are dropped just before the flush and put back before the next
    test. (PostgreSQL empties tables with TRUNCATE, which row triggers do not see.)
    """
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    from django.db import connection

    from twohomes.records.triggers import install, protected_tables, remove

    install(connection, protected_tables())
    yield
    remove(connection, protected_tables())


def plan_choices(children: list[Any], pattern: str = "2-2-5-5", start: str = "2026-01-05",
                 **extra: Any) -> dict[str, Any]:
    """Plan-editor choices: one schedule for ``children`` (as stored on a plan)."""
    choices: dict[str, Any] = {
        "groups": [{"children": [c.pk for c in children], "pattern": pattern, "nights": "",
                    "start": start, "first_parent": "A", "exchange_time": "18:00",
                    "midweek_day": "", "midweek_overnight": False}],
        "season": None, "holidays": {}, "school_breaks": [], "school_break_rule": "",
        "birthdays": "", "mothers_day": "", "fathers_day": "", "exchange_place": "at school",
    }
    choices.update(extra)
    return choices


@pytest.fixture
def agreed_plan(world: World) -> Any:
    """A 2-2-5-5 plan from Monday 5 January 2026, Alice first, agreed by both parents."""
    from django.utils import timezone

    from twohomes.schedules import services

    now = timezone.now()
    plan = services.propose_plan(
        actor=world.parent_a, now=now,
        choices=plan_choices([world.linked_child, world.unlinked_child]))
    services.decide_plan(actor=world.parent_b, plan=plan, agreed=True, comment="", now=now)
    plan.refresh_from_db()
    return plan


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language() -> Any:
    """A request leaves its reader's language active in the thread (as Django does): the
    next test must not read Spanish because the last one had a Spanish reader."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _family_scopes_in_tests() -> Any:
    """A test sets up and checks rows of many families, so its own queries read across
    them; every family page it requests still opens its family's scope and is held to it
    (``family_view`` re-enables the scope). A test that asks for ``scopes_enforced`` runs
    from there on as production does, every query outside a family's scope refused."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        yield


@pytest.fixture
def scopes_enforced() -> Any:
    """Ask for it last: the fixtures before it set up data; the test then runs scoped."""
    from django_scopes import scope

    with scope():
        yield
