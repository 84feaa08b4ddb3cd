"""Who owes whom: the balance between the two parents, computed from the agreed shares of
expenses that are not voided and from confirmed payments, with a fixed number of queries
however long the family's history is.

Seen from one parent (``me``): what the other parent owes me is the shares they agreed to
on bills I paid, less what they paid me (confirmed); and the same the other way round. The
balance is the difference: positive, the other parent owes me; negative, I owe them. A
payment beyond what was owed (credit) and a payment towards a voided expense simply count
on the payer's side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from twohomes.families.models import Membership

from .models import Expense, ExpenseCategory, ExpenseStatus, Payment

ZERO = Decimal(0)


@dataclass
class CategoryLine:
    category: ExpenseCategory
    spent_by_me: Decimal = ZERO
    spent_by_them: Decimal = ZERO
    they_owe: Decimal = ZERO  # their agreed shares of what I paid
    i_owe: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.they_owe - self.i_owe


@dataclass
class Balance:
    me: Membership
    them: Membership | None
    start: date | None
    end: date | None
    categories: list[CategoryLine] = field(default_factory=list)
    they_paid: Decimal = ZERO  # confirmed payments from them to me
    i_paid: Decimal = ZERO
    unconfirmed_to_me: Decimal = ZERO
    unconfirmed_from_me: Decimal = ZERO
    waiting_from_them: Decimal = ZERO  # shares asked of them, not yet agreed
    waiting_from_me: Decimal = ZERO

    @property
    def they_owe(self) -> Decimal:
        return sum((line.they_owe for line in self.categories), ZERO)

    @property
    def i_owe(self) -> Decimal:
        return sum((line.i_owe for line in self.categories), ZERO)

    @property
    def net(self) -> Decimal:
        """Positive: the other parent owes me this much; negative: I owe them."""
        return (self.they_owe - self.they_paid) - (self.i_owe - self.i_paid)

    @property
    def owed(self) -> Decimal:
        return abs(self.net)


def in_period(rows: QuerySet[Expense], start: date | None, end: date | None
              ) -> QuerySet[Expense]:
    if start is not None:
        rows = rows.filter(spent_on__gte=start)
    if end is not None:
        rows = rows.filter(spent_on__lte=end)
    return rows


def payments_in(family: Any, start: date | None, end: date | None) -> QuerySet[Payment]:
    """The family's payments made from ``start`` to ``end`` (either open)."""
    payments = Payment.objects.filter(family=family)
    if start is not None:
        payments = payments.filter(paid_on__gte=start)
    if end is not None:
        payments = payments.filter(paid_on__lte=end)
    return payments


def balance_for(me: Membership, them: Membership | None, *, start: date | None = None,
                end: date | None = None) -> Balance:
    """The balance between ``me`` and ``them`` over a period (every day when not given)."""
    result = Balance(me=me, them=them, start=start, end=end)
    if them is None:
        return result
    pair = Q(paid_by=me, other=them) | Q(paid_by=them, other=me)
    expenses = in_period(Expense.objects.filter(pair, family=me.family), start, end) \
        .exclude(status=ExpenseStatus.VOIDED)
    lines: dict[int, CategoryLine] = {}
    categories = {c.pk: c for c in ExpenseCategory.objects.filter(family=me.family)}
    totals = expenses.values("category", "paid_by", "status").annotate(
        spent=Sum("amount"), owed=Sum("owed"), asked=Sum("asked"))
    for row in totals.order_by():
        line = lines.setdefault(row["category"], CategoryLine(categories[row["category"]]))
        mine = row["paid_by"] == me.pk
        if mine:
            line.spent_by_me += row["spent"]
        else:
            line.spent_by_them += row["spent"]
        if row["status"] == ExpenseStatus.AGREED:
            if mine:
                line.they_owe += row["owed"] or ZERO
            else:
                line.i_owe += row["owed"] or ZERO
        elif row["status"] in (ExpenseStatus.WAITING, ExpenseStatus.QUESTION):
            if mine:
                result.waiting_from_them += row["asked"]
            else:
                result.waiting_from_me += row["asked"]
    result.categories = sorted(lines.values(), key=lambda line: line.category.pk)
    _payments(result, me, them, start, end)
    return result


def _payments(result: Balance, me: Membership, them: Membership, start: date | None,
              end: date | None) -> None:
    payments = payments_in(me.family, start, end).filter(
        Q(payer=me, payee=them) | Q(payer=them, payee=me))
    sums: dict[tuple[bool, bool], Decimal] = defaultdict(lambda: ZERO)
    for row in payments.values("payer").annotate(
            confirmed=Sum("amount", filter=Q(confirmed_at__isnull=False)),
            unconfirmed=Sum("amount", filter=Q(confirmed_at__isnull=True))).order_by():
        from_me = row["payer"] == me.pk
        sums[from_me, True] += row["confirmed"] or ZERO
        sums[from_me, False] += row["unconfirmed"] or ZERO
    result.i_paid, result.unconfirmed_from_me = sums[True, True], sums[True, False]
    result.they_paid, result.unconfirmed_to_me = sums[False, True], sums[False, False]
