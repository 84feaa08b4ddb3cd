"""The expenses of a period as CSV: every expense with its shares, every payment, and the
balance they add up to; safe to open in a spreadsheet (no cell is read as a formula)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from twohomes.families.models import Membership

from .balance import balance_for, in_period, payments_in
from .models import Expense, ExpenseStatus
from .money import quantum
from .services import other_parent_if_any, outstanding

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def written(amount: Decimal | None, currency: str) -> str:
    """An amount in the currency's digits ("60.00", not the database's "60.000")."""
    return "" if amount is None else str(amount.quantize(quantum(currency)))


def rows(member: Membership, start: date | None, end: date | None) -> list[list[str]]:
    family = member.family
    expenses = list(in_period(Expense.objects.filter(family=family), start, end)
                    .select_related("category", "paid_by__user", "other__user")
                    .prefetch_related("children").order_by("spent_on", "id"))
    left = outstanding([e for e in expenses if e.status == ExpenseStatus.AGREED])
    cur = family.currency
    table = [[_("Kind"), _("Date"), _("Category"), _("Children"), _("Paid to"),
              _("Amount"), _("Currency"), _("Paid by"), _("Asked of"), _("Split"),
              _("Share asked"), _("Share agreed"), _("Still to pay"), _("Status"),
              _("Method"), _("Reference"), _("Confirmed"), _("Record entry")]]
    for e in expenses:
        table.append([_("Expense"), e.spent_on.isoformat(), e.category.label,
                      ", ".join(c.name for c in e.children.all()), e.payee,
                      written(e.amount, e.currency), e.currency, e.paid_by.user.name,
                      e.other.user.name, f"{e.payer_part}:{e.other_part}",
                      written(e.asked, e.currency), written(e.owed, e.currency),
                      written(left.get(e.pk), e.currency), e.get_status_display(),
                      "", "", "", str(e.record_seq)])
    payments = payments_in(family, start, end).select_related("payer__user", "payee__user")
    for p in payments.order_by("paid_on", "id"):
        table.append([_("Payment"), p.paid_on.isoformat(), "", "", p.payee.user.name,
                      written(p.amount, cur), p.currency, p.payer.user.name, "", "", "", "",
                      "", _("Credit: %(amount)s") % {"amount": written(p.credit, cur)}
                      if p.credit else "",
                      p.get_method_display(), p.reference,
                      family.today(p.confirmed_at).isoformat() if p.confirmed_at else _("not yet"),
                      str(p.record_seq)])
    balance = balance_for(member, other_parent_if_any(member), start=start, end=end)
    if balance.them is not None:
        owes = (_("%(name)s owes you") % {"name": balance.them.user.name}) if balance.net > 0 \
            else (_("You owe %(name)s") % {"name": balance.them.user.name}) if balance.net < 0 \
            else _("Nobody owes anything")
        table.append([_("Balance"), "", "", "", "", written(balance.owed, cur), cur, "",
                      "", "", "", "", "", owes, "", "", "", ""])
    return [[safe(cell) for cell in row] for row in table]


def csv_response(member: Membership, start: date | None, end: date | None) -> HttpResponse:
    out = io.StringIO()
    csv.writer(out).writerows(rows(member, start, end))
    name = "expenses"
    if start or end:
        name += f"-{start.isoformat() if start else ''}-{end.isoformat() if end else ''}"
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
