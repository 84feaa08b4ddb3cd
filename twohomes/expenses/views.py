"""Pages of shared expenses: the balance and the list, logging a bill, answering a request,
paying and confirming, categories and their splits, bills that repeat, the CSV export."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from twohomes.families.access import Cap, family_view, posted, visible_children
from twohomes.families.forms import error_summary
from twohomes.families.models import Membership
from twohomes.records import services as records
from twohomes.tone.widgets import with_tone_check

from . import exports, money, services
from .balance import balance_for, in_period, payments_in
from .forms import (
    AnswerForm,
    CategoryForm,
    CounterForm,
    ExpenseForm,
    PaymentForm,
    PeriodForm,
    QuestionForm,
    ReasonForm,
    SettingsForm,
    SplitFields,
)
from .models import (
    Expense,
    ExpenseCategory,
    ExpenseReceipt,
    ExpenseSeries,
    ExpenseStatus,
    Payment,
    ProposalStatus,
    SplitProposal,
    StepKind,
)

PER_PAGE = 50


def _context(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"membership": membership, "family": membership.family, **extra}


def _expenses(membership: Membership) -> Any:
    return (Expense.objects.filter(family=membership.family)
            .select_related("category", "paid_by__user", "other__user")
            .prefetch_related("children"))


def _page(asked: str) -> int:
    return int(asked) if re.fullmatch(r"[1-9][0-9]{0,5}", asked) else 1


@family_view(Cap.VIEW_EXPENSES)
def expense_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    period = PeriodForm(request.GET or None)
    start, end = period.period()
    rows = in_period(_expenses(membership), start, end)
    status = request.GET.get("status", "")
    if status in ExpenseStatus.values:
        rows = rows.filter(status=status)
    category = request.GET.get("category", "")
    if category.isascii() and category.isdigit() and len(category) < 12:
        rows = rows.filter(category_id=int(category))
    page = _page(request.GET.get("page", ""))
    shown = list(rows[(page - 1) * PER_PAGE:page * PER_PAGE + 1])
    today = membership.family.today(timezone.now())
    waiting = list(_expenses(membership).filter(
        status__in=[ExpenseStatus.WAITING, ExpenseStatus.QUESTION]).order_by("answer_by", "id"))
    unconfirmed = list(Payment.objects.filter(payee=membership, confirmed_at__isnull=True)
                       .select_related("payer__user"))
    return render(request, "expenses/expense_list.html", _context(
        membership, balance=balance_for(membership, services.other_parent_if_any(membership)),
        expenses=shown[:PER_PAGE], later=len(shown) > PER_PAGE, page=page, today=today,
        for_me=[e for e in waiting if e.answerer_id() == membership.pk],
        from_me=[e for e in waiting if e.answerer_id() != membership.pk],
        unconfirmed=unconfirmed, period=period, status=status, category=category,
        statuses=ExpenseStatus.choices,
        categories=ExpenseCategory.objects.filter(family=membership.family)))


@family_view(Cap.VIEW_EXPENSES)
def expense_balance(request: HttpRequest, membership: Membership) -> HttpResponse:
    period = PeriodForm(request.GET or None)
    start, end = period.period()
    payments = (payments_in(membership.family, start, end)
                .select_related("payer__user", "payee__user").order_by("-paid_on", "-id"))
    shown = list(payments[:PER_PAGE + 1])
    return render(request, "expenses/balance.html", _context(
        membership, period=period, start=start, end=end,
        payments=shown[:PER_PAGE], more_payments=len(shown) > PER_PAGE,
        balance=balance_for(membership, services.other_parent_if_any(membership),
                            start=start, end=end)))


@family_view(Cap.VIEW_EXPENSES)
def expense_export(request: HttpRequest, membership: Membership) -> HttpResponse:
    period = PeriodForm(request.GET or None)
    if request.GET and not period.is_valid():
        flash.error(request, error_summary(period))
        return redirect("expense_balance", family_id=membership.family_id)
    start, end = period.period()
    return exports.csv_response(membership, start, end)


def _categories(membership: Membership) -> list[ExpenseCategory]:
    return list(ExpenseCategory.objects.filter(family=membership.family))


@family_view(Cap.SHARE_EXPENSES, methods=("GET", "POST"))
def expense_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    data, files = posted(request)
    form = ExpenseForm(data, files, member=membership, categories=_categories(membership),
                       children=visible_children(membership),
                       initial={"spent_on": membership.family.today(timezone.now())})
    if request.method == "POST" and form.is_valid():
        try:
            return _log(request, membership, form)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "expenses/expense_form.html", _context(
        membership, form=form, other=services.other_parent_if_any(membership)))


def _log(request: HttpRequest, membership: Membership, form: ExpenseForm) -> HttpResponse:
    now = timezone.now()
    clean = form.cleaned_data
    category = services.category_for(membership, clean["category"], now)
    details = {"actor": membership, "category": category, "amount": clean["amount"],
               "payee": clean["payee"], "note": clean["note"],
               "children": list(clean["children"]),
               "split": form.chosen_split(category, membership), "now": now}
    if clean["repeat"]:
        if clean["receipts"]:
            raise ValidationError(_("Add receipts to each bill of a series when it comes, "
                                    "not to the series."))
        series = services.start_series(first_on=clean["spent_on"], repeat=clean["repeat"],
                                       until=clean["until"], **details)
        flash.success(request, _("The series is saved; each bill is logged on its day."))
        return redirect("series_detail", family_id=membership.family_id, series_id=series.pk)
    expense = services.log_expense(spent_on=clean["spent_on"], receipts=clean["receipts"],
                                   **details)
    flash.success(request, _("The expense is logged and the other parent is asked for their "
                             "share."))
    return redirect("expense_detail", family_id=membership.family_id, expense_id=expense.pk)


@family_view(Cap.VIEW_EXPENSES)
def expense_detail(request: HttpRequest, membership: Membership, expense_id: int
                   ) -> HttpResponse:
    expense = get_object_or_404(_expenses(membership), pk=expense_id)
    today = membership.family.today(timezone.now())
    acting = expense.open and expense.answerer_id() == membership.pk
    counter = CounterForm(expense=expense, member=membership, prefix="counter")
    dispute = ReasonForm(prefix="dispute", label=_("Why you dispute it"))
    question, answer = QuestionForm(), AnswerForm()
    for form, name in ((counter, "reason"), (dispute, "reason"), (question, "question"),
                       (answer, "answer")):
        with_tone_check(form, name, membership)
    steps = list(expense.steps.select_related("actor__user"))
    # The reason given with the share on the table, next to it: the parent who answers
    # reads why before the buttons, not only in the history below.
    countered = [s for s in steps if s.kind == StepKind.COUNTERED]
    return render(request, "expenses/expense_detail.html", _context(
        membership, expense=expense, today=today, acting=acting,
        overdue=expense.open and today > expense.answer_by,
        steps=steps, counter_reason=countered[-1].text if countered and expense.open else "",
        receipts=expense.receipts.all(),
        settlements=expense.settlements.select_related("payment"),
        left=services.outstanding([expense])[expense.pk] if expense.owed is not None else None,
        counter=counter, dispute=dispute, question=question, answer=answer,
        void=ReasonForm(prefix="void", label=_("Why it was a mistake"))))


def _act(request: HttpRequest, membership: Membership, expense_id: int,
         act: Callable[[Expense], Any], done: str, form: Any = None) -> HttpResponse:
    """Run one answer on an expense; a form with errors or a refusal is said on the page."""
    expense = get_object_or_404(Expense.objects.filter(family=membership.family),
                                pk=expense_id)
    if form is not None and not form.is_valid():
        flash.error(request, error_summary(form))
    else:
        try:
            act(expense)
            flash.success(request, done)
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    return redirect("expense_detail", family_id=membership.family_id, expense_id=expense_id)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_agree(request: HttpRequest, membership: Membership, expense_id: int
                  ) -> HttpResponse:
    return _act(request, membership, expense_id, lambda e: services.agree_expense(
        actor=membership, expense=e, now=timezone.now()), _("You agreed to the share."))


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_dispute(request: HttpRequest, membership: Membership, expense_id: int
                    ) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="dispute")
    return _act(request, membership, expense_id, lambda e: services.dispute_expense(
        actor=membership, expense=e, reason=form.cleaned_data["reason"], now=timezone.now()),
        _("You disputed the expense."), form)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_ask(request: HttpRequest, membership: Membership, expense_id: int) -> HttpResponse:
    form = QuestionForm(request.POST)
    return _act(request, membership, expense_id, lambda e: services.ask_about_expense(
        actor=membership, expense=e, question=form.cleaned_data["question"],
        now=timezone.now()), _("Your question was sent."), form)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_answer(request: HttpRequest, membership: Membership, expense_id: int
                   ) -> HttpResponse:
    form = AnswerForm(request.POST, request.FILES)
    return _act(request, membership, expense_id, lambda e: services.answer_question(
        actor=membership, expense=e, answer=form.cleaned_data["answer"],
        receipts=form.cleaned_data["receipts"], now=timezone.now()),
        _("Your answer was sent."), form)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_counter(request: HttpRequest, membership: Membership, expense_id: int
                    ) -> HttpResponse:
    expense = get_object_or_404(Expense.objects.filter(family=membership.family),
                                pk=expense_id)
    form = CounterForm(request.POST, expense=expense, member=membership, prefix="counter")
    return _act(request, membership, expense_id, lambda e: services.counter_expense(
        actor=membership, expense=e, share=form.cleaned_data["share"],
        reason=form.cleaned_data["reason"], now=timezone.now()),
        _("Your proposal was sent."), form)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_void(request: HttpRequest, membership: Membership, expense_id: int
                 ) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="void")
    return _act(request, membership, expense_id, lambda e: services.void_expense(
        actor=membership, expense=e, reason=form.cleaned_data["reason"], now=timezone.now()),
        _("The expense is voided."), form)


@family_view(Cap.VIEW_EXPENSES)
def expense_receipt(request: HttpRequest, membership: Membership, receipt_id: int
                    ) -> HttpResponseBase:
    found = get_object_or_404(ExpenseReceipt.objects.filter(family=membership.family),
                              pk=receipt_id)
    return records.file_download(request, membership.family, found.sha256,
                                 name=found.name, content_type=found.content_type)


@family_view(Cap.SHARE_EXPENSES, methods=("GET", "POST"))
def payment_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    owed = services.owed_by(membership)
    left = services.outstanding(owed)
    chosen = request.GET.get("expense", "")
    initial: dict[str, Any] = {"paid_on": membership.family.today(timezone.now())}
    if chosen.isascii() and chosen.isdigit() and int(chosen) in left:
        # Stored amounts carry three decimals (for every currency): offer the share in the
        # family currency's own digits, which the amount field accepts.
        due = left[int(chosen)].quantize(money.quantum(membership.family.currency))
        initial |= {"expenses": [int(chosen)], "amount": due}
    form = PaymentForm(posted(request)[0], member=membership, owed=owed, initial=initial)
    if request.method == "POST" and form.is_valid():
        clean = form.cleaned_data
        try:
            services.record_payment(
                actor=membership, amount=clean["amount"], paid_on=clean["paid_on"],
                method=clean["method"], reference=clean["reference"],
                expenses=list(clean["expenses"]), as_credit=clean["as_credit"],
                now=timezone.now())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            flash.success(request, _("The payment is recorded; the other parent is asked to "
                                     "confirm that it arrived."))
            return redirect("expense_list", family_id=membership.family_id)
    return render(request, "expenses/payment_form.html", _context(
        membership, form=form, owed=[(e, left[e.pk]) for e in owed],
        other=services.other_parent_if_any(membership)))


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def payment_confirm(request: HttpRequest, membership: Membership, payment_id: int
                    ) -> HttpResponse:
    payment = get_object_or_404(Payment.objects.filter(family=membership.family),
                                pk=payment_id)
    try:
        services.confirm_payment(actor=membership, payment=payment, now=timezone.now())
        flash.success(request, _("You confirmed that the payment arrived."))
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    return redirect("expense_list", family_id=membership.family_id)


@family_view(Cap.VIEW_EXPENSES)
def expense_categories(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _categories_page(request, membership,
                            CategoryForm(initial={"mine": 50, "theirs": 50}))


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def category_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CategoryForm(request.POST)
    if form.is_valid():
        try:
            services.add_category(actor=membership, name=form.cleaned_data["name"],
                                  split=form.split, now=timezone.now())
        except ValidationError as error:
            form.add_error("name", error)
        else:
            flash.success(request, _("The category is added."))
            return redirect("expense_categories", family_id=membership.family_id)
    return _categories_page(request, membership, form)


def _categories_page(request: HttpRequest, membership: Membership, form: CategoryForm
                     ) -> HttpResponse:
    categories = _categories(membership)
    waiting = {p.category_id: p for p in SplitProposal.objects.filter(
        family=membership.family, status=ProposalStatus.WAITING).select_related(
        "proposed_by__user")}
    rows = [(c, c.split_for(membership), waiting.get(c.pk)) for c in categories]
    return render(request, "expenses/categories.html", _context(
        membership, form=form, rows=rows, other=services.other_parent_if_any(membership),
        settings_form=SettingsForm(initial={"answer_days": services.answer_days(
            membership.family)}),
        series=ExpenseSeries.objects.filter(family=membership.family)
        .select_related("category", "paid_by__user")))


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def expense_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = SettingsForm(request.POST)
    if form.is_valid():
        services.set_answer_days(actor=membership, days=form.cleaned_data["answer_days"],
                                 now=timezone.now())
        flash.success(request, _("Saved."))
    else:
        flash.error(request, error_summary(form))
    return redirect("expense_categories", family_id=membership.family_id)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def split_propose(request: HttpRequest, membership: Membership, category_id: int
                  ) -> HttpResponse:
    category = get_object_or_404(ExpenseCategory.objects.filter(family=membership.family),
                                 pk=category_id)
    form = SplitFields(request.POST)
    if not form.is_valid():
        flash.error(request, error_summary(form))
    else:
        try:
            services.propose_split(actor=membership, category=category, split=form.split,
                                   now=timezone.now())
            flash.success(request, _("The new split is proposed to the other parent."))
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    return redirect("expense_categories", family_id=membership.family_id)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def split_decide(request: HttpRequest, membership: Membership, proposal_id: int
                 ) -> HttpResponse:
    proposal = get_object_or_404(SplitProposal.objects.filter(family=membership.family),
                                 pk=proposal_id)
    answer = request.POST.get("answer", "")
    if answer not in ("accept", "decline", "withdraw"):
        flash.error(request, _("Choose an answer."))
    else:
        try:
            services.decide_split(actor=membership, proposal=proposal,
                                  accepted=answer == "accept",
                                  reason=request.POST.get("reason", ""), now=timezone.now())
            flash.success(request, _("Your answer is saved."))
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
    return redirect("expense_categories", family_id=membership.family_id)


@family_view(Cap.VIEW_EXPENSES)
def series_detail(request: HttpRequest, membership: Membership, series_id: int
                  ) -> HttpResponse:
    series = get_object_or_404(ExpenseSeries.objects.filter(family=membership.family)
                               .select_related("category", "paid_by__user", "other__user"),
                               pk=series_id)
    return render(request, "expenses/series_detail.html", _context(
        membership, series=series,
        expenses=_expenses(membership).filter(series=series)[:PER_PAGE]))


def _series_action(request: HttpRequest, membership: Membership, series_id: int,
                   act: Callable[..., Any], done: str) -> HttpResponse:
    series = get_object_or_404(ExpenseSeries.objects.filter(family=membership.family),
                               pk=series_id)
    try:
        act(actor=membership, series=series, now=timezone.now())
        flash.success(request, done)
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    return redirect("series_detail", family_id=membership.family_id, series_id=series_id)


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def series_approve(request: HttpRequest, membership: Membership, series_id: int
                   ) -> HttpResponse:
    return _series_action(request, membership, series_id, services.approve_series,
                          _("You approved every bill of this series."))


@family_view(Cap.SHARE_EXPENSES, methods=("POST",))
def series_end(request: HttpRequest, membership: Membership, series_id: int) -> HttpResponse:
    return _series_action(request, membership, series_id, services.end_series,
                          _("The series has ended; no more bills will be logged."))

