"""Every URL the resolver knows, requested as every persona and method, against the policy.

The expected answers are the hand-written table in `tests/access_policy.py`, never the
code's own role x capability table: a capability granted by mistake fails here. Routes are
read from the URL configuration: a route whose access is not declared (in
`families.access`) fails `test_every_route_declares_access`, and a route or method without
its row in the policy fails `test_the_policy_has_a_row_for_every_route_and_method`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_policy import policy
from twohomes.families.access import EXTERNAL_ROUTES, Access
from twohomes.families.models import Invitation

POLICY = policy()
# The table's personas, in the order they act: whoever changes something (a parent removing
# a member, a member leaving) comes after those who only look.
ACTING_ORDER = ("anon", "other", "expired", "partner", "relative", "professional", "child",
                "parent")
WORLD_PERSONA = {"parent": "parent_a", "other": "outsider"}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    callback: Any

    @property
    def callback_kwargs(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.pattern)

    @property
    def access(self) -> Access | None:
        return getattr(self.callback, "access", None)

    def __str__(self) -> str:
        return self.name


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield Route(entry.name or "", prefix + str(entry.pattern), entry.callback)


ALL_ROUTES = list(_walk(get_resolver().url_patterns))
OWN_ROUTES = [r for r in ALL_ROUTES if r.access is not None]
FAMILY_ROUTES = [r for r in OWN_ROUTES if r.access.kind == "family"]
EXTERNAL = [r for r in ALL_ROUTES if r.access is None]


def _is_external(route: Route) -> bool:
    return any(route.name.startswith(prefix) for prefix in EXTERNAL_ROUTES)


def test_every_route_declares_access() -> None:
    undeclared = [f"{r.pattern} ({r.name})" for r in ALL_ROUTES
                  if r.access is None and not _is_external(r)]
    assert not undeclared, f"Routes without a declared capability: {undeclared}"
    assert len(FAMILY_ROUTES) >= 10


@pytest.fixture
def conversations(world: Any, settings: Any, tmp_path: Any) -> dict[str, Any]:
    """A parents' thread that every non-child role is in, a child's own thread, and the
    same in the other family; each with an attachment."""
    from django.utils import timezone

    from twohomes.messaging import services
    from twohomes.messaging.uploads import CleanFile

    settings.MEDIA_ROOT = tmp_path
    now = timezone.now()
    pdf = [CleanFile("note.pdf", "application/pdf", b"%PDF-1.4 note")]
    shared = services.start_thread(
        actor=world.parent_a, subject="Shared", body="Hello", files=pdf, now=now,
        members=[world.partner, world.relative, world.professional])
    own = services.start_thread(actor=world.child, subject="Mine", body="Hi", files=pdf,
                                now=now)
    foreign = services.start_thread(actor=world.outsider, subject="Theirs", body="x",
                                    files=pdf, now=now)
    return {"shared": shared, "child": own, "foreign": foreign}


@pytest.fixture
def calendar_events(world: Any) -> dict[str, Any]:
    """An event for the linked child (Ada) with parent_a and the relative invited, and one
    in the other family."""
    from datetime import timedelta

    from django.utils import timezone

    from twohomes.events import services as events

    now = timezone.now()
    ada = events.create_event(actor=world.parent_b, now=now, details=events.EventDetails(
        title="Swimming", starts=now + timedelta(days=1), ends=now + timedelta(days=1, hours=1),
        children=[world.linked_child]))
    for invitee in (world.parent_a, world.relative):
        events.invite_to_event(actor=world.parent_b, event=ada, invitee=invitee, now=now)
    foreign = events.create_event(actor=world.outsider, now=now, details=events.EventDetails(
        title="Theirs", starts=now + timedelta(days=1), ends=now + timedelta(days=1, hours=1)))
    return {"shared": ada, "foreign": foreign}


def _expenses(requester: Any, now: Any) -> dict[str, Any]:
    """An expense with a receipt asked of the other parent, a payment to them (as credit),
    a proposed split for its category and a repeating bill, all by ``requester``."""
    from datetime import timedelta
    from decimal import Decimal

    from twohomes.expenses import services as expenses
    from twohomes.expenses.money import Split
    from twohomes.families.access import in_family
    from twohomes.messaging.uploads import CleanFile

    with in_family(requester.family):
        category = expenses.category_for(requester, "medical", now)
        pdf = CleanFile("bill.pdf", "application/pdf", b"%PDF-1.4 bill")
        expense = expenses.log_expense(
            actor=requester, category=category, spent_on=now.date(), amount=Decimal("80.00"),
            payee="Clinic", note="", children=[], split=Split(1, 1), receipts=[pdf], now=now)
        payment = expenses.record_payment(
            actor=requester, amount=Decimal("10.00"), paid_on=now.date(), method="cash",
            reference="", expenses=[], as_credit=True, now=now)
        proposal = expenses.propose_split(actor=requester, category=category,
                                          split=Split(2, 1), now=now)
        series = expenses.start_series(
            actor=requester, category=category, first_on=now.date() + timedelta(days=3),
            amount=Decimal("20.00"), payee="Club", note="", children=[], split=Split(1, 1),
            repeat="monthly", until=None, now=now)
    return {"expense_id": expense.pk, "receipt_id": expense.receipts.get().pk,
            "payment_id": payment.pk, "category_id": category.pk,
            "proposal_id": proposal.pk, "series_id": series.pk}


@pytest.fixture
def plans(world: Any, conversations: Any) -> dict[str, Any]:
    """An agreed plan, a pending swap and a feed address in each family, and the other
    parent's expense, payment, split proposal and repeating bill (see ``_expenses``)."""
    from datetime import date, timedelta

    from django.utils import timezone

    from twohomes.calendar.models import CalendarFeed, hash_token
    from twohomes.schedules import services as schedules

    now = timezone.now()
    made: dict[str, Any] = {}
    for key, first, second in (("own", world.parent_a, world.parent_b),
                               ("foreign", world.outsider, None)):
        if second is None:
            from tests.factories import MembershipFactory

            second = MembershipFactory(family=first.family)
        children = list(first.family.children.all())
        choices = {"groups": [{"children": [c.pk for c in children], "pattern": "2-2-5-5",
                               "nights": "", "start": "2026-01-05", "first_parent": "A",
                               "exchange_time": "18:00", "midweek_day": "",
                               "midweek_overnight": False}],
                   "season": None, "holidays": {}, "school_breaks": []}
        plan = schedules.propose_plan(actor=first, choices=choices, now=now)
        schedules.decide_plan(actor=second, plan=plan, agreed=True, comment="", now=now)
        swap = schedules.request_swap(
            actor=second, children=children, parent=second, now=now, reason="Trip",
            starts=now + timedelta(days=10), ends=now + timedelta(days=11),
            answer_by=date.today() + timedelta(days=5))
        made[key] = {"plan": plan, "swap": swap,
                     "expenses": _expenses(second if key == "own" else first, now)}
    token = CalendarFeed.new_token()
    CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    made["feed_token"] = token
    return made


def _thread_for(persona: str, conversations: dict[str, Any], foreign: bool) -> Any:
    if foreign:
        return conversations["foreign"]
    return conversations["child" if persona == "child" else "shared"]


def _kwargs(route: Route, world: Any, *, foreign_objects: bool = False,
            persona: str = "parent_a", conversations: dict[str, Any] | None = None,
            calendar_events: dict[str, Any] | None = None,
            plans: dict[str, Any] | None = None) -> dict[str, Any]:
    from twohomes.families.services import invitation_token

    family = world.family
    thread = _thread_for(persona, conversations or {}, foreign_objects) if conversations \
        else None
    invitation = Invitation.objects.create(
        family=world.other_family if foreign_objects else family, email="new@example.org",
        role="relative", nonce=f"n-{route.name}-{foreign_objects}-{persona}",
        expires_at=world.family.created_at.replace(year=2100),
    )
    values = {
        "family_id": family.pk,
        "child_id": (world.other_child if foreign_objects else world.linked_child).pk,
        "member_id": (world.outsider if foreign_objects else world.relative).pk,
        "invitation_id": invitation.pk,
        "token": invitation_token(invitation),
        "thread_id": thread.pk if thread else 0,
        "attachment_id": thread.messages.first().attachments.first().pk if thread else 0,
        "event_id": calendar_events["foreign" if foreign_objects else "shared"].pk
        if calendar_events else 0,
    }
    if plans:
        side = plans["foreign" if foreign_objects else "own"]
        values.update(plan_id=side["plan"].pk, swap_id=side["swap"].pk, **side["expenses"])
        if route.name == "calendar_feed":
            values["token"] = plans["feed_token"]
    return {key: values[key] for key in route.callback_kwargs}


def _request(client: Any, route: Route, url: str, method: str) -> Any:
    return client.post(url) if method == "POST" else client.get(url)


def test_the_policy_has_a_row_for_every_route_and_method() -> None:
    declared = {(r.name, method) for r in OWN_ROUTES for method in r.access.methods}
    assert set(POLICY) == declared, (
        f"without a policy row: {sorted(declared - set(POLICY))}; "
        f"rows for no route: {sorted(set(POLICY) - declared)}")


@pytest.fixture
def expired_professional(world: Any) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import MembershipFactory, UserFactory
    from twohomes.families.models import Role

    user = UserFactory(email="edith@example.org", display_name="Edith")
    return MembershipFactory(family=world.family, user=user, role=Role.PROFESSIONAL,
                             expires_at=timezone.now() - timedelta(days=1))


def _answer(response: Any) -> str:
    """The policy's word for a response."""
    if response.status_code == 302:
        return "login" if "/accounts/login/" in response["Location"] else "ok"
    if response.status_code == 200:
        return "ok"
    return str(response.status_code)


@pytest.mark.parametrize("route", OWN_ROUTES, ids=str)
def test_every_persona_gets_what_the_policy_says(
    route: Route, world: Any, client: Any, conversations: dict[str, Any],
    calendar_events: dict[str, Any], plans: dict[str, Any], expired_professional: Any,
) -> None:
    members = {persona: world.membership(WORLD_PERSONA.get(persona, persona))
               for persona in ACTING_ORDER if persona not in ("anon", "expired")}
    members["expired"] = expired_professional
    urls = {persona: reverse(route.name, kwargs=_kwargs(
        route, world, persona=persona, conversations=conversations,
        calendar_events=calendar_events, plans=plans)) for persona in ACTING_ORDER}
    wrong = []
    for method in sorted(route.access.methods):  # GET before POST
        for persona in ACTING_ORDER:
            client.logout()
            if persona != "anon":
                client.force_login(members[persona].user)
            url = urls[persona]
            response = client.post(url) if method == "POST" else client.get(url)
            expected = POLICY[route.name, method][persona]
            if _answer(response) != expected:
                wrong.append(f"{method} as {persona}: {response.status_code}, "
                             f"the policy says {expected}")
    assert not wrong, f"{route.name}: " + "; ".join(wrong)


@pytest.mark.parametrize("route", FAMILY_ROUTES, ids=str)
def test_family_route_refuses_other_methods(
    route: Route, world: Any, client: Any, conversations: dict[str, Any],
    calendar_events: dict[str, Any], plans: dict[str, Any],
) -> None:
    client.force_login(world.parent_a.user)
    url = reverse(route.name, kwargs=_kwargs(route, world, conversations=conversations,
                                             calendar_events=calendar_events, plans=plans))
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)(url).status_code == 405
    if "GET" not in route.access.methods:
        assert client.get(url).status_code == 405


OBJECT_ROUTES = [r for r in FAMILY_ROUTES
                 if {"child_id", "member_id", "invitation_id", "thread_id", "attachment_id",
                     "event_id", "plan_id", "swap_id", "expense_id", "receipt_id", "payment_id",
                     "category_id", "proposal_id", "series_id"} & set(r.callback_kwargs)]


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=str)
def test_another_familys_object_is_not_found(
    route: Route, world: Any, client: Any, conversations: dict[str, Any],
    calendar_events: dict[str, Any], plans: dict[str, Any],
) -> None:
    """A parent naming another family's object gets 404, not 403."""
    client.force_login(world.parent_a.user)
    url = reverse(route.name, kwargs=_kwargs(route, world, foreign_objects=True,
                                             conversations=conversations,
                                             calendar_events=calendar_events, plans=plans))
    method = "GET" if "GET" in route.access.methods else "POST"
    assert _request(client, route, url, method).status_code == 404


SIGNED_IN_ROUTES = [r for r in OWN_ROUTES if r.access.kind == "signed_in"]


@pytest.mark.parametrize("route", SIGNED_IN_ROUTES, ids=str)
def test_signed_in_route_refuses_other_methods(route: Route, world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    assert client.put(reverse(route.name, kwargs=_kwargs(route, world))).status_code == 405


ALLAUTH_PLAIN = [r for r in EXTERNAL if not r.callback_kwargs and r.name]
ACCOUNT_PAGES = {"account_email", "account_change_password", "mfa_index", "usersessions_list",
                 "mfa_activate_totp", "mfa_view_recovery_codes"}


@pytest.mark.parametrize("route", ALLAUTH_PLAIN, ids=str)
def test_account_library_routes(route: Route, world: Any, client: Any) -> None:
    """The sign-in library's pages never fail, and account pages need a sign-in."""
    url = reverse(route.name)
    response = client.get(url)
    assert response.status_code in (200, 302, 404, 405)
    if route.name in ACCOUNT_PAGES:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _links(html: str) -> set[str]:
    from html import unescape

    return {unescape(href).split("?")[0].split("#")[0]
            for href in re.findall(r'<a [^>]*href="(/[^"]*)"', html)}


def test_no_page_shows_a_link_that_its_reader_may_not_open(
    world: Any, client: Any, conversations: dict[str, Any],
    calendar_events: dict[str, Any], plans: dict[str, Any],
) -> None:
    """The menu and every page, as every member: each link the policy says they may open."""
    from django.urls import Resolver404, resolve

    routes = [r for r in OWN_ROUTES if "GET" in r.access.methods]
    refused = []
    for persona in ("partner", "relative", "professional", "child", "parent"):
        client.force_login(world.membership(WORLD_PERSONA.get(persona, persona)).user)
        for route in routes:
            if route.name in ("calendar_feed", "attachment", "invitation", "expense_receipt",
                              "expense_export") or \
                    POLICY[route.name, "GET"][persona] != "ok":
                continue
            url = reverse(route.name, kwargs=_kwargs(
                route, world, persona=persona, conversations=conversations,
                calendar_events=calendar_events, plans=plans))
            for link in _links(client.get(url).content.decode()):
                try:
                    name = resolve(link).url_name
                except Resolver404:
                    continue
                row = POLICY.get((name or "", "GET"))
                if row is not None and row[persona] not in ("ok", "login"):
                    refused.append(f"{persona} on {route.name}: {link} ({name}) is {row[persona]}")
    assert not refused, "\n".join(sorted(set(refused)))
