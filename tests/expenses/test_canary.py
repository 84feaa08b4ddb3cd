"""The canary: an expense's payee and note are never on a page, feed or email of anyone
but the two parents (partner, relative, child, professional, a parent of another family)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core import mail
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLPattern, URLResolver
from django.utils import timezone

from tests.expenses.conftest import category, log, receipt
from twohomes.calendar.models import CalendarFeed, hash_token
from twohomes.events import services as events
from twohomes.expenses import notify, services
from twohomes.expenses.models import ExpenseReceipt, Repeat
from twohomes.expenses.money import Split
from twohomes.families.access import in_family
from twohomes.messaging import services as messaging

NOTE = "CANARY-EXPENSE-7731"
PAYEE = "CANARY-PAYEE-7731 Clinic"
CANARIES = (NOTE, "CANARY-PAYEE-7731", "7731")
PERSONAS = ("partner", "relative", "child", "professional", "outsider")


def _routes(patterns: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((pattern.name, prefix + str(pattern.pattern)))
    return found


def _family_urls(world: Any, ids: dict[str, Any]) -> dict[str, str]:
    """Every family page that can be reversed with the objects made here."""
    urls = {}
    for name, route in _routes(get_resolver().url_patterns):
        params = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if "family_id" not in params or not set(params) <= set(ids):
            continue
        urls[name] = reverse(name, kwargs={p: ids[p] for p in params})
    return urls


def _clean(content: bytes, where: str) -> None:
    text = content.decode("utf-8", "replace")
    for canary in CANARIES:
        assert canary not in text, where


def _content(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_expense_is_seen_by_the_two_parents_alone(
        world: Any, login: Any, media: Any, django_capture_on_commit_callbacks: Any) -> None:
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True), in_family(world.family):
        thread = messaging.start_thread(actor=world.parent_a, subject="School", body="Hello",
                                        now=now, members=[world.partner, world.professional])
        event = events.create_event(actor=world.parent_a, now=now, details=events.EventDetails(
            title="Concert", starts=now, ends=now + timedelta(hours=1),
            children=[world.linked_child]))
        expense = log(world, "84.20", payee=PAYEE, note=NOTE, children=[world.linked_child],
                      receipts=[receipt("CANARY-PAYEE-7731.png")], now=now)
        services.ask_about_expense(actor=world.parent_b, expense=expense,
                                   question=f"Is {NOTE} right?", now=now)
        services.answer_question(actor=world.parent_a, expense=expense,
                                 answer=f"Yes, {PAYEE}", now=now)
        services.agree_expense(actor=world.parent_b, expense=expense, now=now)
        payment = services.record_payment(
            actor=world.parent_b, amount=Decimal("42.10"), paid_on=world.family.today(now),
            method="bank", reference=NOTE, expenses=[expense], as_credit=False, now=now)
        services.confirm_payment(actor=world.parent_a, payment=payment, now=now)
        series = services.start_series(
            actor=world.parent_a, category=category(world, "activities"),
            first_on=date(2026, 1, 1), amount=Decimal("30"), payee=PAYEE, note=NOTE,
            children=[], split=Split(1, 1), repeat=Repeat.MONTHLY, until=None, now=now)
        proposal = services.propose_split(actor=world.parent_a, category=expense.category,
                                          split=Split(2, 1), now=now)
        notify.send_all_due(now=now)
    ids = {"family_id": world.family.pk, "expense_id": expense.pk, "series_id": series.pk,
           "receipt_id": ExpenseReceipt.objects.get(expense=expense).pk,
           "payment_id": payment.pk, "category_id": expense.category_id,
           "proposal_id": proposal.pk, "thread_id": thread.pk, "event_id": event.pk,
           "child_id": world.linked_child.pk, "membership_id": world.parent_a.pk}
    urls = _family_urls(world, ids)
    assert {"family_home", "calendar_month", "thread_list", "event_list", "expense_list",
            "expense_detail", "expense_balance", "expense_export", "expense_receipt",
            "series_detail", "expense_categories"} <= set(urls)

    parent = login(world.parent_b)
    assert PAYEE in parent.get(urls["expense_detail"]).content.decode()  # the control
    assert NOTE in parent.get(urls["expense_detail"]).content.decode()

    for persona in PERSONAS:
        member = world.membership(persona)
        client = login(member)
        opened = set()
        for name, url in sorted(urls.items()):
            response = client.get(url)
            if response.status_code == 200:
                opened.add(name)
                _clean(_content(response), f"{persona} {name}")
        if persona != "outsider":
            assert {"family_home", "calendar_month", "event_list"} <= opened, persona
        else:
            assert opened == set(), opened
        assert not {n for n in opened if n.startswith(("expense_", "series_", "payment_"))}
        token = CalendarFeed.new_token()
        CalendarFeed.objects.create(membership=member, token_hash=hash_token(token))
        feed = client.get(reverse("calendar_feed", args=[token]))
        assert feed.status_code == 200, persona
        _clean(_content(feed), f"{persona} feed")

    assert mail.outbox, "the parents were told"
    for message in mail.outbox:
        _clean(f"{message.subject}\n{message.body}".encode(), f"email to {message.to}")
    others = {world.membership(p).user.email for p in PERSONAS}
    assert not [m for m in mail.outbox if others & set(m.to)]
