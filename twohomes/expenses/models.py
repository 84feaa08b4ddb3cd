"""Shared expenses: categories with agreed splits, requests for a share and their answers,
payments and their confirmation, and bills that repeat.

An expense is never deleted: a mistake is voided with a reason. Every step (asked,
agreed, disputed, a question and its answer, a counter, voided) is an ``ExpenseStep``
(append-only, like the record it is also written to). The balance is computed from the
agreed shares of expenses that are not voided and from confirmed payments, so a payment
towards a voided expense becomes credit by itself.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.families.models import Child, Family, Membership
from twohomes.tenancy import FamilyManager

from .money import Split


def amount_field(**options: Any) -> models.DecimalField:
    """An amount: three decimal places for the dinars, shown in the currency's own."""
    return models.DecimalField(max_digits=12, decimal_places=3, **options)



class BuiltinCategory(models.TextChoices):
    MEDICAL = "medical", pgettext_lazy("expense category", "Medical")
    SCHOOL = "school", pgettext_lazy("expense category", "School")
    ACTIVITIES = "activities", pgettext_lazy("expense category", "Activities")
    CHILDCARE = "childcare", pgettext_lazy("expense category", "Childcare")
    CLOTHING = "clothing", pgettext_lazy("expense category", "Clothing")
    TRAVEL = "travel", pgettext_lazy("expense category", "Travel")
    OTHER = "other", pgettext_lazy("expense category", "Other")


class ExpenseSettings(models.Model):
    family = models.OneToOneField(Family, on_delete=models.CASCADE,
                                  related_name="expense_settings")
    answer_days = models.PositiveSmallIntegerField(
        default=30, verbose_name=gettext_lazy("Days to answer a request for a share"))
    objects = FamilyManager()

    def __str__(self) -> str:
        return f"expense settings of {self.family_id}"


class ExpenseCategory(models.Model):
    """A category and its default split, agreed by both parents: ``first`` pays
    ``first_part`` parts and the other parent ``second_part``."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="expense_categories")
    builtin = models.CharField(max_length=20, choices=BuiltinCategory.choices, blank=True)
    name = models.CharField(max_length=60, blank=True)  # a category the parents added
    first = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    first_part = models.PositiveSmallIntegerField(default=50)  # in use: half each
    second_part = models.PositiveSmallIntegerField(default=50)
    created_at = models.DateTimeField()
    objects = FamilyManager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["family", "builtin"], condition=~Q(builtin=""),
                                    name="one_builtin_category_per_family"),
            models.UniqueConstraint(fields=["family", "name"], condition=~Q(name=""),
                                    name="category_names_differ"),
        ]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return str(BuiltinCategory(self.builtin).label) if self.builtin else self.name

    def split_for(self, payer: Membership) -> Split:
        """The default split seen from the parent who paid."""
        if payer.pk == self.first_id:
            return Split(self.first_part, self.second_part)
        return Split(self.second_part, self.first_part)


class ProposalStatus(models.TextChoices):
    WAITING = "waiting", pgettext_lazy("split proposal", "Waiting for the other parent")
    ACCEPTED = "accepted", pgettext_lazy("split proposal", "Accepted")
    DECLINED = "declined", pgettext_lazy("split proposal", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("split proposal", "Withdrawn")


class SplitProposal(models.Model):
    """A parent proposes another default split for a category; the other parent decides."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey(ExpenseCategory, on_delete=models.PROTECT,
                                 related_name="proposals")
    proposed_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    mine = models.PositiveSmallIntegerField()  # the proposer's part
    theirs = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.WAITING)
    decided_by = models.ForeignKey(Membership, on_delete=models.PROTECT, null=True,
                                   related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["category"], condition=Q(status="waiting"),
            name="one_waiting_split_per_category")]

    def __str__(self) -> str:
        return f"split {self.mine}:{self.theirs} for {self.category_id}"


class Repeat(models.TextChoices):
    MONTHLY = "monthly", pgettext_lazy("repeats", "Every month")
    QUARTERLY = "quarterly", pgettext_lazy("repeats", "Every three months")
    YEARLY = "yearly", pgettext_lazy("repeats", "Every year")


REPEAT_MONTHS: dict[str, int] = {Repeat.MONTHLY: 1, Repeat.QUARTERLY: 3, Repeat.YEARLY: 12}


class ExpenseSeries(models.Model):
    """A bill that comes back (tuition, insurance): the worker logs each one when it is due.
    Until the other parent approves the series, each one is asked on its own."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    paid_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    other = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey(ExpenseCategory, on_delete=models.PROTECT, related_name="+")
    children = models.ManyToManyField(Child, blank=True, related_name="+")
    amount = amount_field()
    currency = models.CharField(max_length=3)
    payee = models.CharField(max_length=200)
    note = models.TextField(blank=True)
    payer_part = models.PositiveSmallIntegerField()
    other_part = models.PositiveSmallIntegerField()
    repeat = models.CharField(max_length=10, choices=Repeat.choices)
    first_on = models.DateField()
    next_on = models.DateField(null=True, blank=True)  # null once the series has ended
    until = models.DateField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)  # the other parent, for all
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.payee} {self.repeat}"

    @property
    def split(self) -> Split:
        return Split(self.payer_part, self.other_part)


class ExpenseStatus(models.TextChoices):
    WAITING = "waiting", pgettext_lazy("expense status", "Waiting for an answer")
    QUESTION = "question", pgettext_lazy("expense status", "Question asked")
    AGREED = "agreed", pgettext_lazy("expense status", "Agreed")
    DISPUTED = "disputed", pgettext_lazy("expense status", "Disputed")
    VOIDED = "voided", pgettext_lazy("expense status", "Voided")


class Expense(models.Model):
    """A bill one parent paid, and the share they ask of the other parent.

    ``asked`` is the share on the table, proposed by ``proposer`` (the paying parent, or
    the other parent after a counter); whoever did not propose it answers. ``owed`` is the
    share once agreed."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="expenses")
    category = models.ForeignKey(ExpenseCategory, on_delete=models.PROTECT,
                                 related_name="expenses")
    children = models.ManyToManyField(Child, blank=True, related_name="expenses")
    spent_on = models.DateField()
    amount = amount_field()
    currency = models.CharField(max_length=3)
    payee = models.CharField(max_length=200)
    note = models.TextField(blank=True)
    paid_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    other = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    payer_part = models.PositiveSmallIntegerField()
    other_part = models.PositiveSmallIntegerField()
    asked = amount_field()
    proposer = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    owed = amount_field(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ExpenseStatus.choices,
                              default=ExpenseStatus.WAITING, db_index=True)
    answer_by = models.DateField()
    series = models.ForeignKey(ExpenseSeries, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="expenses")
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["-spent_on", "-id"]
        indexes = [models.Index(fields=["family", "-spent_on", "-id"],
                                name="expense_newest_first")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive"),
            models.CheckConstraint(condition=Q(asked__gte=0) & Q(asked__lte=models.F("amount")),
                                   name="expense_share_within_amount"),
        ]

    def __str__(self) -> str:
        return f"{self.payee} {self.amount} {self.currency}"

    @property
    def split(self) -> Split:
        return Split(self.payer_part, self.other_part)

    @property
    def open(self) -> bool:
        return self.status in (ExpenseStatus.WAITING, ExpenseStatus.QUESTION)

    def answerer_id(self) -> int:
        """Who is to act next: the other side of the proposal, or, for a question, the
        paying parent."""
        if self.status == ExpenseStatus.QUESTION:
            return self.paid_by_id
        return self.other_id if self.proposer_id == self.paid_by_id else self.paid_by_id


class StepKind(models.TextChoices):
    ASKED = "asked", pgettext_lazy("expense step", "asked for a share")
    AGREED = "agreed", pgettext_lazy("expense step", "agreed")
    DISPUTED = "disputed", pgettext_lazy("expense step", "disputed")
    QUESTION = "question", pgettext_lazy("expense step", "asked a question")
    ANSWERED = "answered", pgettext_lazy("expense step", "answered")
    COUNTERED = "countered", pgettext_lazy("expense step", "proposed another share")
    VOIDED = "voided", pgettext_lazy("expense step", "voided the expense")


class ExpenseStep(models.Model):
    """One step of an expense, as it was taken (append-only)."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    expense = models.ForeignKey(Expense, on_delete=models.PROTECT, related_name="steps")
    actor = models.ForeignKey(Membership, on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=StepKind.choices)
    share = amount_field(null=True, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.expense_id}"


class ExpenseReceipt(models.Model):
    """A photo or PDF of the bill, stored by its SHA-256 (append-only)."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    expense = models.ForeignKey(Expense, on_delete=models.PROTECT, related_name="receipts")
    name = models.CharField(max_length=120)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    added_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    objects = FamilyManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Method(models.TextChoices):
    CASH = "cash", pgettext_lazy("payment method", "Cash")
    BANK = "bank", pgettext_lazy("payment method", "Bank transfer")
    CARD = "card", pgettext_lazy("payment method", "Card")
    CHEQUE = "cheque", pgettext_lazy("payment method", "Cheque")
    OTHER = "other", pgettext_lazy("payment method", "Other")


class Payment(models.Model):
    """A payment from one parent to the other, made outside TwoHomes; counted in the
    balance once the parent who received it confirms it."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    payee = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    amount = amount_field()
    currency = models.CharField(max_length=3)
    paid_on = models.DateField()
    method = models.CharField(max_length=10, choices=Method.choices)
    reference = models.CharField(max_length=100, blank=True)
    credit = amount_field(default=Decimal(0))  # beyond the shares it settles
    recorded_at = models.DateTimeField()
    record_seq = models.PositiveBigIntegerField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirm_seq = models.PositiveBigIntegerField(null=True, blank=True)
    objects = FamilyManager()

    class Meta:
        ordering = ["-paid_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} on {self.paid_on}"


class Settlement(models.Model):
    """The part of a payment that settles one expense's agreed share."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="settlements")
    expense = models.ForeignKey(Expense, on_delete=models.PROTECT, related_name="settlements")
    amount = amount_field()
    objects = FamilyManager()

    def __str__(self) -> str:
        return f"{self.amount} of {self.payment_id} for {self.expense_id}"


class ExpenseNotice(models.Model):
    """A content-free email owed to a parent, held until their quiet hours end."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    due_at = models.DateTimeField(db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    objects = FamilyManager()

    def __str__(self) -> str:
        return f"expense notice for {self.membership_id} due {self.due_at}"
