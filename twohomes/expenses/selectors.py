"""Reads for the menu and the Today page."""

from __future__ import annotations

from django.db.models import F, Q

from twohomes.families.models import Membership

from .models import Expense, ExpenseStatus, Payment


def waiting_count(membership: Membership) -> int:
    """Requests this parent is to answer, and payments to them not yet confirmed."""
    mine = Expense.objects.filter(family=membership.family_id).filter(
        (Q(status=ExpenseStatus.WAITING) & (
            (Q(other=membership) & Q(proposer=F("paid_by")))
            | (Q(paid_by=membership) & Q(proposer=F("other")))))
        | (Q(status=ExpenseStatus.QUESTION) & Q(paid_by=membership))).count()
    return mine + Payment.objects.filter(family=membership.family_id, payee=membership,
                                         confirmed_at__isnull=True).count()

