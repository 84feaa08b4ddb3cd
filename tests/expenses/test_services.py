"""Shared expenses through their service functions: each step, its entry in the family
record, what is refused (with nothing written), voids, splits and bills that repeat."""

from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.expenses.conftest import category, entries, entry_at, log, receipt
from tests.factories import MembershipFactory, UserFactory
from twohomes.expenses import services
from twohomes.expenses.balance import balance_for
from twohomes.expenses.models import (
    Expense,
    ExpenseNotice,
    ExpenseReceipt,
    ExpenseSeries,
    ExpenseStatus,
    ExpenseStep,
    Payment,
    Repeat,
    Settlement,
)
from twohomes.expenses.money import Split
from twohomes.families.access import in_family
from twohomes.families.models import MembershipStatus, Role
from twohomes.records import services as records
from twohomes.records.models import LogEntry

LONDON = ZoneInfo("Europe/London")


def _net(world: Any) -> tuple[Decimal, Decimal]:
    with in_family(world.family):
        return (balance_for(world.parent_a, world.parent_b).net,
                balance_for(world.parent_b, world.parent_a).net)


def _rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (
        Expense, ExpenseStep, ExpenseReceipt, ExpenseNotice, Payment, Settlement, LogEntry)}


def test_a_bill_from_request_to_confirmed_payment(world: Any, media: Any) -> None:
    now = timezone.now()
    bill = receipt()
    first = log(world, "120.00", payee="Dr Smith", note="Ada's check-up",
                children=[world.linked_child], receipts=[bill], now=now)
    with in_family(world.family):
        stored = ExpenseReceipt.objects.get(expense=first)
        on_disk = records.open_file(world.family, stored.sha256).read()
    assert on_disk == bill.data
    kind, asked = entry_at(world.family, first.record_seq)
    assert kind == "expenses.expense.asked"
    assert asked["receipts"][0]["sha256"] == hashlib.sha256(on_disk).hexdigest()
    assert (asked["amount"], asked["currency"], asked["share"]) == ("120.00", "GBP", "60.00")
    assert (asked["payee"], asked["note"], asked["split"]) == ("Dr Smith", "Ada's check-up",
                                                                [1, 1])
    assert asked["children"] == [world.linked_child.pk]
    assert asked["paid_by"] == f"member-{world.parent_a.pk}"
    assert asked["asked_of"] == f"member-{world.parent_b.pk}"
    assert entry_at(world.family, stored.record_seq) == ("expenses.receipt.added", {
        "file_sha256": hashlib.sha256(bill.data).hexdigest()})
    assert first.status == ExpenseStatus.WAITING and first.asked == Decimal("60.00")
    assert _net(world) == (Decimal(0), Decimal(0))  # asked is not owed

    with in_family(world.family):
        services.counter_expense(actor=world.parent_b, expense=first, share=Decimal("50"),
                                 reason="The bus was not for Ada", now=now)
        services.agree_expense(actor=world.parent_a, expense=first, now=now)
    kinds = [k for k, _ in entries(world.family)][-2:]
    assert kinds == ["expenses.expense.countered", "expenses.expense.agreed"]
    countered = entries(world.family, "expenses.expense.countered")[-1][1]
    assert countered["share"] == "50.00"
    assert countered["reason"] == "The bus was not for Ada"
    assert countered["expense"] == first.record_seq
    agreed = entries(world.family, "expenses.expense.agreed")[-1][1]
    assert agreed == {"expense": first.record_seq, "share": "50.00", "by_series": False}
    first.refresh_from_db()
    assert first.status == ExpenseStatus.AGREED and first.owed == Decimal("50.00")
    assert _net(world) == (Decimal("50.00"), Decimal("-50.00"))

    with in_family(world.family):
        payment = services.record_payment(
            actor=world.parent_b, amount=Decimal("50.00"), paid_on=world.family.today(now),
            method="bank", reference="REF-1", expenses=[first], as_credit=False, now=now)
    kind, paid = entry_at(world.family, payment.record_seq)
    assert kind == "expenses.payment.recorded"
    assert (paid["amount"], paid["credit"], paid["method"]) == ("50.00", "0.00", "bank")
    assert paid["settles"] == [{"expense": first.record_seq, "amount": "50.00"}]
    assert (paid["payer"], paid["payee"]) == (f"member-{world.parent_b.pk}",
                                              f"member-{world.parent_a.pk}")
    assert _net(world) == (Decimal("50.00"), Decimal("-50.00"))  # not confirmed yet

    with in_family(world.family), pytest.raises(ValidationError):
        services.confirm_payment(actor=world.parent_b, payment=payment, now=now)
    with in_family(world.family):
        services.confirm_payment(actor=world.parent_a, payment=payment, now=now)
    kind, confirmed = entries(world.family)[-1]
    assert kind == "expenses.payment.confirmed" and confirmed == {"payment": payment.record_seq}
    assert _net(world) == (Decimal(0), Decimal(0))
    with in_family(world.family):
        assert services.owed_by(world.parent_b) == []
    steps = [s.kind for s in ExpenseStep.objects.filter(expense=first).order_by("id")]
    assert steps == ["asked", "countered", "agreed"]


@pytest.mark.parametrize(("amount", "extra"), [
    ("0", {}), ("-5.00", {}), ("1000000.01", {}), ("2000000", {}), ("10.001", {}),
    ("10.00", {"currency": "USD"}),
])
def test_a_bad_bill_is_refused_and_nothing_is_written(world: Any, media: Any, amount: str,
                                                       extra: dict[str, Any]) -> None:
    medical = category(world)
    before = _rows()
    with pytest.raises(ValidationError):
        log(world, amount, category=medical, receipts=[receipt()], **extra)
    assert _rows() == before
    assert [p for p in media.rglob("*") if p.is_file()] == []  # no receipt stored


def test_the_largest_bill_is_accepted(world: Any) -> None:
    assert log(world, "1000000.00").asked == Decimal("500000.00")


def test_a_child_of_another_family_is_refused(world: Any) -> None:
    medical = category(world)
    before = _rows()
    with pytest.raises(ValidationError):
        log(world, "10.00", category=medical, children=[world.other_child])
    with pytest.raises(ValidationError):  # a parent sees both children; one is enough
        log(world, "10.00", category=medical,
            children=[world.unlinked_child, world.other_child])
    assert _rows() == before
    assert log(world, "10.00", children=[world.unlinked_child]).children.get() == \
        world.unlinked_child


def test_another_familys_category_is_refused(world: Any) -> None:
    from twohomes.expenses.models import ExpenseCategory

    theirs = ExpenseCategory.objects.create(family=world.other_family, builtin="medical",
                                            first=world.outsider, created_at=timezone.now())
    before = _rows()
    with pytest.raises(ValidationError):
        log(world, "10.00", category=theirs)
    assert _rows() == before


def _agreed(world: Any, amount: str = "100.00", **kwargs: Any) -> Any:
    expense = log(world, amount, **kwargs)
    with in_family(world.family):
        services.agree_expense(actor=world.parent_b, expense=expense, now=timezone.now())
    expense.refresh_from_db()
    return expense


@pytest.mark.parametrize(("amount", "days", "as_credit", "method"), [
    ("50.01", 0, False, "cash"),  # more than the 50.00 owed, without keeping it as credit
    ("50.00", 1, False, "cash"),  # tomorrow
    ("0", 0, True, "cash"), ("-1", 0, True, "cash"), ("1.001", 0, True, "cash"),
    ("1000000.01", 0, True, "cash"), ("50.00", 0, False, "bitcoin"),
])
def test_a_bad_payment_is_refused_and_nothing_is_written(world: Any, amount: str, days: int,
                                                          as_credit: bool, method: str) -> None:
    expense = _agreed(world)
    now = timezone.now()
    before = _rows()
    with in_family(world.family), pytest.raises(ValidationError):
        services.record_payment(
            actor=world.parent_b, amount=Decimal(amount),
            paid_on=world.family.today(now) + timedelta(days=days), method=method,
            reference="", expenses=[expense], as_credit=as_credit, now=now)
    assert _rows() == before


def test_a_payment_settles_oldest_first_and_keeps_the_rest_as_credit_only_when_asked(
        world: Any) -> None:
    today = world.family.today(timezone.now())
    newer = _agreed(world, "30.00", spent_on=today - timedelta(days=1))  # 15.00 owed
    older = _agreed(world, "40.00", spent_on=today - timedelta(days=9))  # 20.00 owed
    with in_family(world.family):
        payment = services.record_payment(
            actor=world.parent_b, amount=Decimal("25.00"), paid_on=today, method="cash",
            reference="", expenses=[newer, older], as_credit=False, now=timezone.now())
        settled = {s.expense_id: s.amount for s in payment.settlements.all()}
        assert settled == {older.pk: Decimal("20.00"), newer.pk: Decimal("5.00")}
        assert services.outstanding([older, newer]) == {older.pk: Decimal(0),
                                                        newer.pk: Decimal("10.00")}
        with pytest.raises(ValidationError):
            services.record_payment(
                actor=world.parent_b, amount=Decimal("12.00"), paid_on=today, method="cash",
                reference="", expenses=[newer], as_credit=False, now=timezone.now())
        extra = services.record_payment(
            actor=world.parent_b, amount=Decimal("12.00"), paid_on=today, method="cash",
            reference="", expenses=[newer], as_credit=True, now=timezone.now())
        assert extra.credit == Decimal("2.00")
        for made in (payment, extra):
            services.confirm_payment(actor=world.parent_a, payment=made, now=timezone.now())
    # owed 35.00, paid 37.00: Alice owes Bruno the 2.00 of credit
    assert _net(world) == (Decimal("-2.00"), Decimal("2.00"))


def test_only_the_parent_asked_answers_and_only_them_dispute_or_ask(world: Any) -> None:
    now = timezone.now()
    expense = log(world, "80.00")
    with in_family(world.family):
        for act in (services.agree_expense,):
            with pytest.raises(ValidationError):
                act(actor=world.parent_a, expense=expense, now=now)
        with pytest.raises(ValidationError):
            services.dispute_expense(actor=world.parent_a, expense=expense, reason="x", now=now)
        with pytest.raises(ValidationError):
            services.ask_about_expense(actor=world.parent_a, expense=expense, question="x",
                                       now=now)
        with pytest.raises(ValidationError):
            services.counter_expense(actor=world.parent_a, expense=expense,
                                     share=Decimal("10"), reason="x", now=now)
        for persona in (world.partner, world.relative, world.professional, world.child):
            with pytest.raises(PermissionDenied):
                services.agree_expense(actor=persona, expense=expense, now=now)
        # Bruno proposes another share: now Alice answers, and Bruno may not dispute it
        services.counter_expense(actor=world.parent_b, expense=expense, share=Decimal("30"),
                                 reason="Only the lessons", now=now)
        with pytest.raises(ValidationError):
            services.agree_expense(actor=world.parent_b, expense=expense, now=now)
        with pytest.raises(ValidationError):
            services.dispute_expense(actor=world.parent_b, expense=expense, reason="x", now=now)
        with pytest.raises(ValidationError):
            services.dispute_expense(actor=world.parent_a, expense=expense, reason="x", now=now)
        with pytest.raises(ValidationError):
            services.ask_about_expense(actor=world.parent_a, expense=expense, question="x",
                                       now=now)
        services.counter_expense(actor=world.parent_a, expense=expense, share=Decimal("35"),
                                 reason="Lessons and the book", now=now)
        services.dispute_expense(actor=world.parent_b, expense=expense,
                                 reason="The book was a gift", now=now)
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.DISPUTED and expense.owed is None
    assert entries(world.family)[-1] == ("expenses.expense.disputed", {
        "expense": expense.record_seq, "reason": "The book was a gift"})
    assert _net(world) == (Decimal(0), Decimal(0))


def test_a_question_and_its_answer(world: Any, media: Any) -> None:
    now = timezone.now()
    expense = log(world, "80.00")
    with in_family(world.family):
        services.ask_about_expense(actor=world.parent_b, expense=expense,
                                   question="Which visit?", now=now)
        with pytest.raises(ValidationError):  # the question is answered first
            services.agree_expense(actor=world.parent_b, expense=expense, now=now)
        with pytest.raises(ValidationError):
            services.answer_question(actor=world.parent_b, expense=expense, answer="x",
                                     now=now)
        services.answer_question(actor=world.parent_a, expense=expense,
                                 answer="The one on Monday", receipts=[receipt()], now=now)
        services.agree_expense(actor=world.parent_b, expense=expense, now=now)
    kinds = [k for k, _ in entries(world.family)][-4:]
    assert kinds == ["expenses.expense.question", "expenses.receipt.added",
                     "expenses.expense.answered", "expenses.expense.agreed"]
    assert entries(world.family, "expenses.expense.answered")[0][1]["answer"] == \
        "The one on Monday"
    assert _net(world) == (Decimal("40.00"), Decimal("-40.00"))


def test_void_by_the_payer_only_and_a_paid_share_becomes_credit(world: Any) -> None:
    now = timezone.now()
    expense = _agreed(world, "100.00")
    with in_family(world.family):
        payment = services.record_payment(
            actor=world.parent_b, amount=Decimal("50.00"), paid_on=world.family.today(now),
            method="bank", reference="", expenses=[expense], as_credit=False, now=now)
        services.confirm_payment(actor=world.parent_a, payment=payment, now=now)
    assert _net(world) == (Decimal(0), Decimal(0))
    with in_family(world.family):
        with pytest.raises(ValidationError):
            services.void_expense(actor=world.parent_b, expense=expense, reason="no", now=now)
        with pytest.raises(ValidationError):
            services.void_expense(actor=world.parent_a, expense=expense, reason=" ", now=now)
        services.void_expense(actor=world.parent_a, expense=expense, reason="Billed twice",
                              now=now)
        with pytest.raises(ValidationError):
            services.void_expense(actor=world.parent_a, expense=expense, reason="again",
                                  now=now)
    kind, voided = entries(world.family)[-1]
    assert kind == "expenses.expense.voided"
    assert voided == {"expense": expense.record_seq, "reason": "Billed twice", "credit": "50.00"}
    # Bruno's 50.00 now counts for nothing owed: Alice owes it back
    assert _net(world) == (Decimal("-50.00"), Decimal("50.00"))


def test_an_unanswered_request_is_shown_overdue_not_agreed(world: Any, client: Any) -> None:
    long_ago = timezone.now() - timedelta(days=31)  # 30 days to answer, by default
    expense = log(world, "60.00", now=long_ago)
    assert expense.answer_by == world.family.today(timezone.now()) - timedelta(days=1)
    client.force_login(world.parent_b.user)
    page = client.get(reverse("expense_detail", args=[world.family.pk, expense.pk]))
    text = page.content.decode()
    assert "Overdue" in text and "Waiting for an answer" in text
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.WAITING and expense.owed is None
    assert _net(world) == (Decimal(0), Decimal(0))
    with in_family(world.family):
        assert balance_for(world.parent_a, world.parent_b).waiting_from_them == Decimal("30")


def test_an_accepted_split_is_the_categorys_split_for_both_parents(world: Any) -> None:
    now = timezone.now()
    school = category(world, "school")
    assert (school.split_for(world.parent_a).simplest,
            school.split_for(world.parent_b).simplest) == (Split(1, 1), Split(1, 1))
    with in_family(world.family):
        proposal = services.propose_split(actor=world.parent_a, category=school,
                                          split=Split(60, 40), now=now)
        with pytest.raises(ValidationError):  # the proposer only withdraws
            services.decide_split(actor=world.parent_a, proposal=proposal, accepted=True,
                                  reason="", now=now)
        services.decide_split(actor=world.parent_b, proposal=proposal, accepted=True,
                              reason="Fair", now=now)
    school.refresh_from_db()
    assert school.split_for(world.parent_a) == Split(60, 40)
    assert school.split_for(world.parent_b) == Split(40, 60)
    proposed = entries(world.family, "expenses.split.proposed")[-1][1]
    assert (proposed["proposer_part"], proposed["other_part"]) == (60, 40)
    assert entries(world.family)[-1] == ("expenses.split.accepted", {
        "proposal": proposal.record_seq, "reason": "Fair"})
    # Bruno pays a school bill of 100.00: his part is 40, Alice's 60
    theirs = school.split_for(world.parent_b)
    bill = log(world, "100.00", actor=world.parent_b, category=school,
               split=(theirs.payer, theirs.other))
    assert bill.asked == Decimal("60.00") and bill.other_id == world.parent_a.pk


def test_a_declined_or_withdrawn_split_changes_nothing(world: Any) -> None:
    now = timezone.now()
    school = category(world, "school")
    with in_family(world.family):
        with pytest.raises(ValidationError):  # half each is already the split
            services.propose_split(actor=world.parent_a, category=school, split=Split(1, 1),
                                   now=now)
        first = services.propose_split(actor=world.parent_a, category=school,
                                       split=Split(2, 1), now=now)
        with pytest.raises(ValidationError):  # one waiting proposal per category
            services.propose_split(actor=world.parent_b, category=school, split=Split(1, 2),
                                   now=now)
        services.decide_split(actor=world.parent_b, proposal=first, accepted=False,
                              reason="No", now=now)
        second = services.propose_split(actor=world.parent_b, category=school,
                                        split=Split(1, 3), now=now)
        services.decide_split(actor=world.parent_b, proposal=second, accepted=False,
                              reason="", now=now)
    school.refresh_from_db()
    assert school.split_for(world.parent_a).simplest == Split(1, 1)
    assert [k for k, _ in entries(world.family)][-2:] == ["expenses.split.proposed",
                                                          "expenses.split.withdrawn"]


def _at(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def _series(world: Any, first_on: date, now: datetime, **extra: Any) -> Any:
    with in_family(world.family):
        return services.start_series(
            actor=extra.pop("actor", world.parent_a),
            category=extra.pop("category", None) or category(world, "school"),
            first_on=first_on, amount=Decimal("90.00"), payee="Tuition", note="",
            children=[], split=Split(1, 2), repeat=extra.pop("repeat", Repeat.MONTHLY),
            until=extra.pop("until", None), now=now)


def _spent(series: Any) -> list[tuple[date, str]]:
    return [(e.spent_on, e.status) for e in
            Expense.objects.filter(series=series).order_by("spent_on")]


def test_a_monthly_series_logs_each_bill_on_its_day_once(world: Any) -> None:
    # 75 days after Sunday 31 January 2027 is Friday 16 April: three bills are due, the
    # month-ends kept (28 February, not 28 March, after February)
    now = _at(2027, 4, 16, 12)
    series = _series(world, date(2027, 1, 31), now)
    waiting = ExpenseStatus.WAITING
    assert _spent(series) == [(date(2027, 1, 31), waiting), (date(2027, 2, 28), waiting),
                              (date(2027, 3, 31), waiting)]
    assert {e.asked for e in Expense.objects.filter(series=series)} == {Decimal("60.00")}
    series.refresh_from_db()
    assert series.next_on == date(2027, 4, 30)
    assert services.log_due_series(now=now) == 0
    assert services.log_due_series(now=_at(2027, 4, 29, 23, 59)) == 0
    assert services.log_due_series(now=_at(2027, 4, 30, 0, 1)) == 1
    assert services.log_due_series(now=_at(2027, 4, 30, 0, 2)) == 0
    assert len(_spent(series)) == 4
    assert len(entries(world.family, "expenses.expense.asked")) == 4


def test_an_approved_series_arrives_agreed_and_an_ended_one_stops(world: Any) -> None:
    now = _at(2027, 2, 10, 9)
    series = _series(world, date(2027, 1, 15), now)
    with in_family(world.family):
        with pytest.raises(ValidationError):
            services.approve_series(actor=world.parent_a, series=series, now=now)
        services.approve_series(actor=world.parent_b, series=series, now=now)
    assert _spent(series) == [(date(2027, 1, 15), ExpenseStatus.AGREED)]
    assert services.log_due_series(now=_at(2027, 2, 15, 9)) == 1
    newest = Expense.objects.filter(series=series).order_by("spent_on").last()
    assert newest is not None and newest.status == ExpenseStatus.AGREED
    assert newest.owed == Decimal("60.00")
    kind, agreed = entries(world.family)[-1]
    assert kind == "expenses.expense.agreed" and agreed["by_series"] is True
    assert _net(world) == (Decimal("120.00"), Decimal("-120.00"))
    with in_family(world.family):
        services.end_series(actor=world.parent_b, series=series, now=_at(2027, 2, 20, 9))
    assert services.log_due_series(now=_at(2027, 9, 1, 9)) == 0
    assert len(_spent(series)) == 2
    assert entries(world.family)[-1][0] == "expenses.series.ended"


def test_a_series_ends_on_its_last_date(world: Any) -> None:
    series = _series(world, date(2027, 1, 10), _at(2027, 1, 10, 9), repeat=Repeat.QUARTERLY,
                     until=date(2027, 7, 10))
    assert services.log_due_series(now=_at(2028, 1, 1, 9)) == 2
    assert [d for d, _ in _spent(series)] == [date(2027, 1, 10), date(2027, 4, 10),
                                              date(2027, 7, 10)]
    series.refresh_from_db()
    assert series.next_on is None


def test_a_series_of_a_parent_who_left_stops(world: Any) -> None:
    series = _series(world, date(2027, 3, 1), _at(2027, 2, 1, 9))
    world.parent_a.status = MembershipStatus.LEFT
    world.parent_a.save()
    assert services.log_due_series(now=_at(2027, 3, 2, 9)) == 0
    series.refresh_from_db()
    assert series.next_on is None and _spent(series) == []


def test_one_failing_series_does_not_stop_the_others(world: Any, caplog: Any) -> None:
    broken = _series(world, date(2027, 3, 1), _at(2027, 2, 1, 9))
    other_parent = MembershipFactory(
        family=world.other_family, role=Role.PARENT,
        user=UserFactory(email="olga@example.org", display_name="Olga"))
    theirs = ExpenseSeries.objects.get(pk=_other_family_series(world, other_parent).pk)
    # Bruno leaves: Alice's series has nobody to ask, and cannot be logged
    world.parent_b.status = MembershipStatus.LEFT
    world.parent_b.save()
    with caplog.at_level(logging.ERROR):
        assert services.log_due_series(now=_at(2027, 3, 2, 9)) == 1
    assert _spent(broken) == [] and len(_spent(theirs)) == 1
    assert any(str(broken.pk) in r.getMessage() for r in caplog.records)


def _other_family_series(world: Any, other_parent: Any) -> Any:
    with in_family(world.other_family):
        mine = services.category_for(world.outsider, "other", _at(2027, 2, 1, 9))
        return services.start_series(
            actor=world.outsider, category=mine, first_on=date(2027, 3, 1),
            amount=Decimal("10.00"), payee="Club", note="", children=[], split=Split(1, 1),
            repeat=Repeat.YEARLY, until=None, now=_at(2027, 2, 1, 9))


def test_another_familys_category_or_proposal_is_refused_everywhere(world: Any) -> None:
    from twohomes.expenses.models import ExpenseCategory, SplitProposal

    now = timezone.now()
    Olga = MembershipFactory(family=world.other_family, role=Role.PARENT,  # noqa: N806
                             user=UserFactory(email="olga@example.org", display_name="Olga"))
    theirs = ExpenseCategory.objects.create(family=world.other_family, builtin="school",
                                            first=world.outsider, created_at=now)
    with in_family(world.other_family):
        proposal = services.propose_split(actor=Olga, category=theirs, split=Split(1, 2),
                                          now=now)
    before = {**_rows(), "proposals": SplitProposal.objects.count(),
              "series": ExpenseSeries.objects.count()}
    with in_family(world.family):
        with pytest.raises(ValidationError):
            services.propose_split(actor=world.parent_a, category=theirs, split=Split(2, 1),
                                   now=now)
        with pytest.raises(ValidationError):
            services.start_series(
                actor=world.parent_a, category=theirs, first_on=date(2027, 1, 1),
                amount=Decimal("10"), payee="x", note="", children=[], split=Split(1, 1),
                repeat=Repeat.MONTHLY, until=None, now=now)
    with pytest.raises(SplitProposal.DoesNotExist):
        services.decide_split(actor=world.parent_a, proposal=proposal, accepted=True,
                              reason="", now=now)
    assert {**_rows(), "proposals": SplitProposal.objects.count(),
            "series": ExpenseSeries.objects.count()} == before
    theirs.refresh_from_db()
    assert theirs.split_for(world.outsider).simplest == Split(1, 1)
