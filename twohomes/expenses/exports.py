"""The expenses of a period as CSV: every expense with its shares, every payment, and the
balance they add up to; safe to open in a spreadsheet (no cell is read as a formula)."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _

from twohomes.families.models import Membership

from .balance import balance_for, in_period
from .models import Expense, Payment
from .services import other_parent, outstanding

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows(member: Membership, start: date | None, end: date | None) -> list[list[str]]:
    family = member.family
    expenses = list(in_period(Expense.objects.filter(family=family), start, end)
                    .select_related("category", "paid_by__user", "other__user")
                    .prefetch_related("children").order_by("spent_on", "id"))
    left = outstanding([e for e in expenses if e.owed is not None])
    table = [[_("Kind"), _("Date"), _("Category"), _("Children"), _("Paid to"),
              _("Amount"), _("Currency"), _("Paid by"), _("Asked of"), _("Split"),
              _("Share asked"), _("Share agreed"), _("Still to pay"), _("Status"),
              _("Method"), _("Reference"), _("Confirmed"), _("Record entry")]]
    for e in expenses:
        table.append([_("Expense"), e.spent_on.isoformat(), e.category.label,
                      ", ".join(c.name for c in e.children.all()), e.payee, str(e.amount),
                      e.currency, e.paid_by.user.name, e.other.user.name,
                      f"{e.payer_part}:{e.other_part}", str(e.asked),
                      "" if e.owed is None else str(e.owed),
                      str(left[e.pk]) if e.pk in left else "", e.get_status_display(),
                      "", "", "", str(e.record_seq)])
    payments = Payment.objects.filter(family=family).select_related("payer__user",
                                                                    "payee__user")
    if start is not None:
        payments = payments.filter(paid_on__gte=start)
    if end is not None:
        payments = payments.filter(paid_on__lte=end)
    for p in payments.order_by("paid_on", "id"):
        table.append([_("Payment"), p.paid_on.isoformat(), "", "", p.payee.user.name,
                      str(p.amount), p.currency, p.payer.user.name, "", "", "", "",
                      "", _("Credit: %(amount)s") % {"amount": p.credit} if p.credit else "",
                      p.get_method_display(), p.reference,
                      p.confirmed_at.date().isoformat() if p.confirmed_at else _("not yet"),
                      str(p.record_seq)])
    balance = balance_for(member, _other_or_none(member), start=start, end=end)
    if balance.them is not None:
        owes = (_("%(name)s owes you") % {"name": balance.them.user.name}) if balance.net > 0 \
            else (_("You owe %(name)s") % {"name": balance.them.user.name}) if balance.net < 0 \
            else _("Nobody owes anything")
        table.append([_("Balance"), "", "", "", "", str(balance.owed), family.currency, "",
                      "", "", "", "", "", owes, "", "", "", ""])
    return [[safe(cell) for cell in row] for row in table]


def _other_or_none(member: Membership) -> Membership | None:
    from django.core.exceptions import ValidationError

    try:
        return other_parent(member)
    except ValidationError:
        return None


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
