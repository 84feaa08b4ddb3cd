"""Every action on shared expenses, each with its entry in the family record in the same
transaction. Amounts arrive as ``Decimal`` in the family's currency; the forms have already
said what is wrong with what a person typed, and these functions refuse the rest."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twohomes.families.access import Cap, has, parents_of, require, visible_children
from twohomes.families.models import Child, Family, Membership, MembershipStatus
from twohomes.messaging.uploads import CleanFile
from twohomes.records import services as records

from . import money
from .models import (
    REPEAT_MONTHS,
    BuiltinCategory,
    Expense,
    ExpenseCategory,
    ExpenseReceipt,
    ExpenseSeries,
    ExpenseSettings,
    ExpenseStatus,
    ExpenseStep,
    Method,
    Payment,
    ProposalStatus,
    Settlement,
    SplitProposal,
    StepKind,
)
from .money import Split
from .notify import tell_other_parent

log = logging.getLogger(__name__)

def other_parent(actor: Membership) -> Membership:
    """The family's other parent: expenses are shared between the two homes."""
    others = [p for p in parents_of(actor.family) if p.pk != actor.pk]
    if not others:
        raise ValidationError(_("Expenses are shared between two parents: invite the other "
                                "parent first."))
    return others[0]


def other_parent_if_any(actor: Membership) -> Membership | None:
    """The other parent, or None while the family has only one (pages still open)."""
    try:
        return other_parent(actor)
    except ValidationError:
        return None


def answer_days(family: Family) -> int:
    found = ExpenseSettings.objects.filter(family=family).first()
    return found.answer_days if found else ExpenseSettings._meta.get_field("answer_days").default


@transaction.atomic
def set_answer_days(*, actor: Membership, days: int, now: datetime) -> None:
    require(actor, Cap.SHARE_EXPENSES)
    if not 1 <= days <= 365:
        raise ValidationError(_("The time to answer is between 1 and 365 days."))
    ExpenseSettings.objects.update_or_create(family=actor.family,
                                             defaults={"answer_days": days})
    records.append(actor.family, "expenses.settings.changed", actor,
                   {"answer_days": days}, now=now)


# --- categories and their splits --------------------------------------------------------------

def category_for(actor: Membership, choice: str, now: datetime) -> ExpenseCategory:
    """The category a form chose: a built-in one by its key (made, at 1:1, the first time it
    is used) or one the parents added, by its id."""
    if choice in BuiltinCategory.values:
        found = ExpenseCategory.objects.filter(family=actor.family, builtin=choice).first()
        return found or ExpenseCategory.objects.create(
            family=actor.family, builtin=choice, first=actor, created_at=now)
    found = ExpenseCategory.objects.filter(family=actor.family, pk=int(choice)).first() \
        if choice.isascii() and choice.isdigit() and len(choice) < 12 else None
    if found is None:
        raise ValidationError(_("Choose one of the family's categories."))
    return found


@transaction.atomic
def add_category(*, actor: Membership, name: str, split: Split, now: datetime
                 ) -> ExpenseCategory:
    """A category of the parents' own. Its split is proposed to the other parent; until
    they accept it, expenses in it start at half each."""
    require(actor, Cap.SHARE_EXPENSES)
    name = " ".join(name.split())
    taken = {str(label).casefold() for label in BuiltinCategory.labels} | {
        n.casefold() for n in ExpenseCategory.objects.filter(family=actor.family)
        .exclude(name="").values_list("name", flat=True)}
    if not name or name.casefold() in taken:
        raise ValidationError(_("The family already has a category with this name."))
    category = ExpenseCategory.objects.create(family=actor.family, name=name[:60], first=actor,
                                              created_at=now)
    records.append(actor.family, "expenses.category.added", actor, {"name": category.name},
                   now=now)
    if split.simplest != Split(1, 1):
        propose_split(actor=actor, category=category, split=split, now=now)
    return category


@transaction.atomic
def propose_split(*, actor: Membership, category: ExpenseCategory, split: Split,
                  now: datetime) -> SplitProposal:
    """``split`` is the proposer's part and the other parent's, as on the form."""
    require(actor, Cap.SHARE_EXPENSES)
    other_parent(actor)
    if category.family_id != actor.family_id:
        raise ValidationError(_("Choose one of the family's categories."))
    if SplitProposal.objects.filter(category=category, status=ProposalStatus.WAITING).exists():
        raise ValidationError(_("Another split for this category is waiting for an answer; "
                                "withdraw it or wait for the answer first."))
    if category.split_for(actor).simplest == split.simplest:  # 50:50 is 1:1
        raise ValidationError(_("This is already the category's split."))
    entry = records.append(actor.family, "expenses.split.proposed", actor, {
        "category": category.label, "proposer_part": split.payer, "other_part": split.other,
    }, now=now)
    proposal = SplitProposal.objects.create(
        family=actor.family, category=category, proposed_by=actor, mine=split.payer,
        theirs=split.other, created_at=now, record_seq=entry.seq)
    tell_other_parent(actor, now=now)
    return proposal


@transaction.atomic
def decide_split(*, actor: Membership, proposal: SplitProposal, accepted: bool, reason: str,
                 now: datetime) -> SplitProposal:
    require(actor, Cap.SHARE_EXPENSES)
    proposal = SplitProposal.objects.select_for_update().get(pk=proposal.pk,
                                                             family=actor.family)
    withdrawing = proposal.proposed_by_id == actor.pk
    if proposal.status != ProposalStatus.WAITING or (withdrawing and accepted):
        raise ValidationError(_("This proposal has already been answered."))
    status = ProposalStatus.WITHDRAWN if withdrawing else (
        ProposalStatus.ACCEPTED if accepted else ProposalStatus.DECLINED)
    proposal.status, proposal.decided_by, proposal.reason = status, actor, reason.strip()[:500]
    proposal.save(update_fields=["status", "decided_by", "reason"])
    kind = {ProposalStatus.ACCEPTED: "expenses.split.accepted",
            ProposalStatus.DECLINED: "expenses.split.declined",
            ProposalStatus.WITHDRAWN: "expenses.split.withdrawn"}[status]
    records.append(actor.family, kind, actor,
                   {"proposal": proposal.record_seq, "reason": proposal.reason}, now=now)
    if status == ProposalStatus.ACCEPTED:
        category = proposal.category
        category.first_id, category.first_part, category.second_part = (
            proposal.proposed_by_id, proposal.mine, proposal.theirs)
        category.save(update_fields=["first", "first_part", "second_part"])
    if not withdrawing:
        tell_other_parent(actor, now=now)
    return proposal


# --- expenses ---------------------------------------------------------------------------------

def _written(amount: Decimal, currency: str) -> str:
    """An amount as the record keeps it: in the currency's digits ("60.00", not the
    database's "60.000")."""
    return str(amount.quantize(money.quantum(currency)))


def _check_amount(amount: Decimal, currency: str) -> Decimal:
    try:
        exact = money.exact_amount(amount, currency)
    except ValueError:
        raise ValidationError(_("Write the amount with at most %(digits)s decimal places.")
                              % {"digits": money.minor_digits(currency)}) from None
    if exact <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    if exact > money.MAX_AMOUNT:
        raise ValidationError(_("An expense is at most %(cap)s; check the amount.")
                              % {"cap": f"{money.MAX_AMOUNT:,}"})
    return exact


def _check_children(actor: Membership, children: Sequence[Child]) -> None:
    allowed = set(visible_children(actor).values_list("pk", flat=True))
    if any(child.pk not in allowed or child.family_id != actor.family_id for child in children):
        raise ValidationError(_("Choose children of this family."))


def _store_receipts(actor: Membership, expense: Expense, files: Iterable[CleanFile],
                    now: datetime) -> list[dict[str, str]]:
    stored = []
    for clean in files:
        entry, sha256 = records.append_file(actor.family, "expenses.receipt.added", actor,
                                            io.BytesIO(clean.data), now=now)
        ExpenseReceipt.objects.create(
            family=actor.family, expense=expense, name=clean.name,
            content_type=clean.content_type, size=len(clean.data), sha256=sha256,
            added_at=now, record_seq=entry.seq)
        stored.append({"sha256": sha256, "name": clean.name, "type": clean.content_type})
    return stored


def _step(expense: Expense, actor: Membership | None, kind: str, entry: Any, *,
          share: Decimal | None = None, text: str = "") -> None:
    ExpenseStep.objects.create(family=expense.family, expense=expense, actor=actor, kind=kind,
                               share=share, text=text, created_at=entry.recorded_at,
                               record_seq=entry.seq)


@transaction.atomic
def log_expense(*, actor: Membership, category: ExpenseCategory, spent_on: date,
                amount: Decimal, payee: str, note: str, children: Sequence[Child],
                split: Split, receipts: Sequence[CleanFile] = (), currency: str | None = None,
                now: datetime, series: ExpenseSeries | None = None) -> Expense:
    """A bill ``actor`` paid, and a request to the other parent for their share."""
    require(actor, Cap.SHARE_EXPENSES)
    family = actor.family
    if currency is not None and currency != family.currency:
        raise ValidationError(_("Expenses are kept in the family's currency, %(currency)s.")
                              % {"currency": family.currency})
    amount = _check_amount(amount, family.currency)
    _check_children(actor, children)
    if category.family_id != family.pk:
        raise ValidationError(_("Choose one of the family's categories."))
    if not payee.strip():
        raise ValidationError(_("Say who was paid."))
    other = other_parent(actor)
    share = money.other_share(amount, family.currency, split)
    answer_by = family.today(now) + timedelta(days=answer_days(family))
    expense = Expense(
        family=family, category=category, spent_on=spent_on, amount=amount,
        currency=family.currency, payee=payee.strip()[:200], note=note.strip(),
        paid_by=actor, other=other, payer_part=split.payer, other_part=split.other,
        asked=share, proposer=actor, answer_by=answer_by, series=series, created_at=now,
        record_seq=0)
    expense.save()
    expense.children.set(children)
    stored = _store_receipts(actor, expense, receipts, now)
    entry = records.append(family, "expenses.expense.asked", actor, {
        "category": category.label, "spent_on": spent_on.isoformat(), "amount": str(amount),
        "currency": family.currency, "payee": expense.payee, "note": expense.note,
        "children": sorted(c.pk for c in children), "paid_by": records.actor_id(actor),
        "asked_of": records.actor_id(other), "split": [split.payer, split.other],
        "share": str(share), "answer_by": answer_by.isoformat(), "receipts": stored,
        "series": series.record_seq if series else None,
    }, now=now)
    expense.record_seq = entry.seq
    expense.save(update_fields=["record_seq"])
    _step(expense, actor, StepKind.ASKED, entry, share=share)
    if series is not None and series.approved_at is not None:
        _agree(expense, None, now)  # the other parent approved the whole series
    else:
        tell_other_parent(actor, now=now)
    return expense


def _locked_open(actor: Membership, expense: Expense) -> Expense:
    require(actor, Cap.SHARE_EXPENSES)
    expense = Expense.objects.select_for_update().get(pk=expense.pk, family=actor.family)
    if not expense.open:
        raise ValidationError(_("This expense is %(status)s; it can no longer be answered.")
                              % {"status": expense.get_status_display().lower()})
    if actor.pk not in (expense.paid_by_id, expense.other_id):
        raise PermissionDenied("Only the two parents of an expense answer it.")
    return expense


def _locked_for_answer(actor: Membership, expense: Expense) -> Expense:
    expense = _locked_open(actor, expense)
    if expense.answerer_id() != actor.pk:
        raise ValidationError(_("The other parent answers this; you will be told when they "
                                "do."))
    return expense


def _agree(expense: Expense, actor: Membership | None, now: datetime) -> None:
    expense.status, expense.owed = ExpenseStatus.AGREED, expense.asked
    expense.save(update_fields=["status", "owed"])
    entry = records.append(expense.family, "expenses.expense.agreed", actor, {
        "expense": expense.record_seq, "share": _written(expense.owed, expense.currency),
        "by_series": actor is None}, now=now)
    _step(expense, actor, StepKind.AGREED, entry, share=expense.owed)


@transaction.atomic
def agree_expense(*, actor: Membership, expense: Expense, now: datetime) -> Expense:
    """Agree to the share on the table (the request, or the other parent's counter)."""
    expense = _locked_for_answer(actor, expense)
    if expense.status == ExpenseStatus.QUESTION:
        raise ValidationError(_("Answer the question first."))
    _agree(expense, actor, now)
    tell_other_parent(actor, now=now)
    return expense


def _reason(text: str, empty: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(empty)
    return text[:2000]


@transaction.atomic
def dispute_expense(*, actor: Membership, expense: Expense, reason: str,
                    now: datetime) -> Expense:
    expense = _locked_for_answer(actor, expense)
    if actor.pk != expense.other_id:
        raise ValidationError(_("Only the parent asked to pay can dispute an expense."))
    reason = _reason(reason, _("Say why you dispute this expense."))
    expense.status = ExpenseStatus.DISPUTED
    expense.save(update_fields=["status"])
    entry = records.append(expense.family, "expenses.expense.disputed", actor,
                           {"expense": expense.record_seq, "reason": reason}, now=now)
    _step(expense, actor, StepKind.DISPUTED, entry, text=reason)
    tell_other_parent(actor, now=now)
    return expense


@transaction.atomic
def ask_about_expense(*, actor: Membership, expense: Expense, question: str,
                      now: datetime) -> Expense:
    expense = _locked_for_answer(actor, expense)
    if actor.pk != expense.other_id or expense.status == ExpenseStatus.QUESTION:
        raise ValidationError(_("Only the parent asked to pay asks about an expense."))
    question = _reason(question, _("Write your question."))
    expense.status = ExpenseStatus.QUESTION
    expense.save(update_fields=["status"])
    entry = records.append(expense.family, "expenses.expense.question", actor,
                           {"expense": expense.record_seq, "question": question}, now=now)
    _step(expense, actor, StepKind.QUESTION, entry, text=question)
    tell_other_parent(actor, now=now)
    return expense


@transaction.atomic
def answer_question(*, actor: Membership, expense: Expense, answer: str,
                    receipts: Sequence[CleanFile] = (), now: datetime) -> Expense:
    expense = _locked_open(actor, expense)
    if expense.status != ExpenseStatus.QUESTION or actor.pk != expense.paid_by_id:
        raise ValidationError(_("There is no question for you to answer on this expense."))
    answer = _reason(answer, _("Write your answer."))
    stored = _store_receipts(actor, expense, receipts, now)
    expense.status = ExpenseStatus.WAITING
    expense.save(update_fields=["status"])
    entry = records.append(expense.family, "expenses.expense.answered", actor, {
        "expense": expense.record_seq, "answer": answer, "receipts": stored}, now=now)
    _step(expense, actor, StepKind.ANSWERED, entry, text=answer)
    tell_other_parent(actor, now=now)
    return expense


@transaction.atomic
def counter_expense(*, actor: Membership, expense: Expense, share: Decimal, reason: str,
                    now: datetime) -> Expense:
    """Propose another share for the other parent to pay (a part of the bill, another
    split): the parent who did not propose it answers."""
    expense = _locked_for_answer(actor, expense)
    if expense.status == ExpenseStatus.QUESTION:
        raise ValidationError(_("Answer the question first."))
    try:
        share = money.exact_amount(share, expense.currency)
    except ValueError:
        raise ValidationError(_("Write the share with at most %(digits)s decimal places.")
                              % {"digits": money.minor_digits(expense.currency)}) from None
    if not Decimal(0) <= share <= expense.amount:
        raise ValidationError(_("The share is between zero and the whole amount."))
    if share == expense.asked:
        raise ValidationError(_("This is the share already proposed; agree to it instead."))
    reason = _reason(reason, _("Say why you propose another share."))
    expense.asked, expense.proposer = share, actor
    expense.save(update_fields=["asked", "proposer"])
    entry = records.append(expense.family, "expenses.expense.countered", actor, {
        "expense": expense.record_seq, "share": str(share), "reason": reason}, now=now)
    _step(expense, actor, StepKind.COUNTERED, entry, share=share, text=reason)
    tell_other_parent(actor, now=now)
    return expense


def settled(expense: Expense, *, confirmed_only: bool = False) -> Decimal:
    rows = expense.settlements.all()
    if confirmed_only:
        rows = rows.filter(payment__confirmed_at__isnull=False)
    return rows.aggregate(total=Sum("amount"))["total"] or Decimal(0)


@transaction.atomic
def void_expense(*, actor: Membership, expense: Expense, reason: str,
                 now: datetime) -> Expense:
    """A mistaken expense is voided by the parent who logged it, with a reason. What was
    already paid towards it stays paid and becomes credit in the balance."""
    require(actor, Cap.SHARE_EXPENSES)
    expense = Expense.objects.select_for_update().get(pk=expense.pk, family=actor.family)
    if expense.paid_by_id != actor.pk:
        raise ValidationError(_("Only the parent who logged an expense can void it."))
    if expense.status == ExpenseStatus.VOIDED:
        raise ValidationError(_("This expense is already voided."))
    reason = _reason(reason, _("Say why the expense is voided."))
    credit = settled(expense)
    expense.status = ExpenseStatus.VOIDED
    expense.save(update_fields=["status"])
    entry = records.append(expense.family, "expenses.expense.voided", actor, {
        "expense": expense.record_seq, "reason": reason,
        "credit": _written(credit, expense.currency)}, now=now)
    _step(expense, actor, StepKind.VOIDED, entry, share=credit, text=reason)
    tell_other_parent(actor, now=now)
    return expense


# --- payments ---------------------------------------------------------------------------------

def outstanding(expenses: Iterable[Expense]) -> dict[int, Decimal]:
    """What is still to pay on each agreed expense (counting payments not yet confirmed)."""
    listed = list(expenses)
    paid = dict(Settlement.objects.filter(expense__in=listed).values("expense")
                .annotate(total=Sum("amount")).values_list("expense", "total"))
    return {e.pk: (e.owed or Decimal(0)) - (paid.get(e.pk) or Decimal(0)) for e in listed}


def owed_by(actor: Membership) -> list[Expense]:
    """The agreed expenses whose share ``actor`` still has to pay, oldest first."""
    agreed = list(Expense.objects.filter(family=actor.family, other=actor,
                                         status=ExpenseStatus.AGREED)
                  .select_related("category").order_by("spent_on", "id"))
    left = outstanding(agreed)
    return [e for e in agreed if left[e.pk] > 0]


@transaction.atomic
def record_payment(*, actor: Membership, amount: Decimal, paid_on: date, method: str,
                   reference: str, expenses: Sequence[Expense], as_credit: bool,
                   now: datetime) -> Payment:
    """A payment ``actor`` made to the other parent, settling ``expenses`` oldest first; what
    is left over is credit, only when the payer says so."""
    require(actor, Cap.SHARE_EXPENSES)
    family = actor.family
    amount = _check_amount(amount, family.currency)
    if method not in Method.values:
        raise ValidationError(_("Choose how the payment was made."))
    if paid_on > family.today(now):
        raise ValidationError(_("The payment date cannot be in the future."))
    payee = other_parent(actor)
    chosen = sorted(Expense.objects.select_for_update().filter(
        pk__in=[e.pk for e in expenses], family=family, other=actor,
        status=ExpenseStatus.AGREED), key=lambda e: (e.spent_on, e.pk))
    if len(chosen) != len({e.pk for e in expenses}):
        raise ValidationError(_("Choose agreed expenses whose share you owe."))
    left, settles = amount, []
    for expense, due in outstanding(chosen).items():
        part = min(left, due)
        if part > 0:
            settles.append((next(e for e in chosen if e.pk == expense), part))
            left -= part
    if left > 0 and not as_credit:
        raise ValidationError(_("This payment is %(extra)s more than the chosen shares still "
                                "owed. Choose more expenses, or keep the rest as credit.")
                              % {"extra": money.money(left, family.currency,
                                                      get_language() or "en")})
    entry = records.append(family, "expenses.payment.recorded", actor, {
        "payer": records.actor_id(actor), "payee": records.actor_id(payee),
        "amount": str(amount), "currency": family.currency, "paid_on": paid_on.isoformat(),
        "method": method, "reference": reference.strip()[:100],
        "settles": [{"expense": e.record_seq, "amount": _written(part, family.currency)}
                    for e, part in settles],
        "credit": _written(left, family.currency)}, now=now)
    payment = Payment.objects.create(
        family=family, payer=actor, payee=payee, amount=amount, currency=family.currency,
        paid_on=paid_on, method=method, reference=reference.strip()[:100], credit=left,
        recorded_at=now, record_seq=entry.seq)
    Settlement.objects.bulk_create([Settlement(family=family, payment=payment, expense=e,
                                               amount=part) for e, part in settles])
    tell_other_parent(actor, now=now)
    return payment


@transaction.atomic
def confirm_payment(*, actor: Membership, payment: Payment, now: datetime) -> Payment:
    """The parent who received a payment says it arrived; only then does it count."""
    require(actor, Cap.SHARE_EXPENSES)
    payment = Payment.objects.select_for_update().get(pk=payment.pk, family=actor.family)
    if payment.payee_id != actor.pk:
        raise ValidationError(_("Only the parent who received a payment confirms it."))
    if payment.confirmed_at is not None:
        raise ValidationError(_("This payment is already confirmed."))
    entry = records.append(actor.family, "expenses.payment.confirmed", actor,
                           {"payment": payment.record_seq}, now=now)
    payment.confirmed_at, payment.confirm_seq = now, entry.seq
    payment.save(update_fields=["confirmed_at", "confirm_seq"])
    tell_other_parent(actor, now=now)
    return payment


# --- bills that repeat ------------------------------------------------------------------------

@transaction.atomic
def start_series(*, actor: Membership, category: ExpenseCategory, first_on: date,
                 amount: Decimal, payee: str, note: str, children: Sequence[Child],
                 split: Split, repeat: str, until: date | None, now: datetime
                 ) -> ExpenseSeries:
    """A bill that comes back: the first one is logged now if due, the others by the worker
    on their day."""
    require(actor, Cap.SHARE_EXPENSES)
    family = actor.family
    amount = _check_amount(amount, family.currency)
    _check_children(actor, children)
    if category.family_id != family.pk:
        raise ValidationError(_("Choose one of the family's categories."))
    if until is not None and until < first_on:
        raise ValidationError(_("The last date is before the first."))
    other = other_parent(actor)
    entry = records.append(family, "expenses.series.started", actor, {
        "category": category.label, "amount": str(amount), "currency": family.currency,
        "payee": payee.strip()[:200], "repeat": repeat, "first_on": first_on.isoformat(),
        "until": until.isoformat() if until else None, "split": [split.payer, split.other],
    }, now=now)
    series = ExpenseSeries.objects.create(
        family=family, paid_by=actor, other=other, category=category, amount=amount,
        currency=family.currency, payee=payee.strip()[:200], note=note.strip(),
        payer_part=split.payer, other_part=split.other, repeat=repeat, first_on=first_on,
        next_on=first_on, until=until, created_at=now, record_seq=entry.seq)
    series.children.set(children)
    _log_series(series.pk, now)  # the bills due already; an error reaches whoever starts it
    return series


def _next_date(series: ExpenseSeries, count: int) -> date:
    return series.first_on + relativedelta(months=REPEAT_MONTHS[series.repeat] * count)


def log_due_series(*, now: datetime, family: Family | None = None) -> int:
    """Log every repeating bill whose day has come (in its family's time zone). A series
    that fails is logged and tried again next round; the others are still logged."""
    logged = 0
    candidates = ExpenseSeries.objects.filter(next_on__isnull=False, ended_at__isnull=True)
    if family is not None:
        candidates = candidates.filter(family=family)
    for series_id in list(candidates.values_list("pk", flat=True)):
        try:
            logged += _log_series(series_id, now)
        except Exception:  # a round must never stop for one series
            log.exception("expense series %s could not be logged; it is tried again",
                          series_id)
    return logged


@transaction.atomic
def _log_series(series_id: int, now: datetime) -> int:
    series = ExpenseSeries.objects.select_for_update().select_related(
        "paid_by__family", "category").get(pk=series_id)
    logged = 0
    today = series.family.today(now)
    while series.next_on is not None and series.next_on <= today:
        payer = series.paid_by
        if not has(payer, Cap.SHARE_EXPENSES) or payer.status != MembershipStatus.ACTIVE:
            series.next_on = None
            break
        log_expense(actor=series.paid_by, category=series.category, spent_on=series.next_on,
                    amount=series.amount, payee=series.payee, note=series.note,
                    children=list(series.children.all()), split=series.split, now=now,
                    series=series)
        logged += 1
        count = Expense.objects.filter(series=series).count()
        upcoming = _next_date(series, count)
        series.next_on = upcoming if series.until is None or upcoming <= series.until else None
    series.save(update_fields=["next_on"])
    return logged


@transaction.atomic
def approve_series(*, actor: Membership, series: ExpenseSeries, now: datetime) -> ExpenseSeries:
    """The other parent agrees to every bill of the series at once (those waiting too)."""
    require(actor, Cap.SHARE_EXPENSES)
    series = ExpenseSeries.objects.select_for_update().get(pk=series.pk, family=actor.family)
    if series.other_id != actor.pk or series.approved_at or series.ended_at:
        raise ValidationError(_("Only the other parent approves a series, once, while it "
                                "runs."))
    records.append(actor.family, "expenses.series.approved", actor,
                   {"series": series.record_seq}, now=now)
    series.approved_at = now
    series.save(update_fields=["approved_at"])
    for expense in Expense.objects.filter(series=series, status=ExpenseStatus.WAITING,
                                          proposer=series.paid_by):
        _agree(expense, actor, now)
    tell_other_parent(actor, now=now)
    return series


@transaction.atomic
def end_series(*, actor: Membership, series: ExpenseSeries, now: datetime) -> ExpenseSeries:
    require(actor, Cap.SHARE_EXPENSES)
    series = ExpenseSeries.objects.select_for_update().get(pk=series.pk, family=actor.family)
    if actor.pk not in (series.paid_by_id, series.other_id) or series.ended_at:
        raise ValidationError(_("This series has already ended."))
    records.append(actor.family, "expenses.series.ended", actor,
                   {"series": series.record_seq}, now=now)
    series.ended_at, series.next_on = now, None
    series.save(update_fields=["ended_at", "next_on"])
    tell_other_parent(actor, now=now)
    return series
