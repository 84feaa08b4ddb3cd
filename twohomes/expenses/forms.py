"""Forms for expenses: what a parent types, checked field by field with a clear message."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.families.models import Child, Membership
from twohomes.messaging.forms import AttachmentsField

from . import money
from .models import BuiltinCategory, Expense, ExpenseCategory, Method, Repeat

DATE = forms.DateInput(attrs={"type": "date"})


def category_choices(categories: list[ExpenseCategory]) -> list[tuple[str, str]]:
    """Every built-in category (made when first used) and the parents' own, by name."""
    made = {c.builtin: c for c in categories if c.builtin}
    choices = [(key, str(made[key].label) if key in made else str(label))
               for key, label in BuiltinCategory.choices]
    return choices + [(str(c.pk), c.name) for c in categories if not c.builtin]


class AmountField(forms.DecimalField):
    """An amount in the family's currency, with its number of decimal places."""

    def __init__(self, currency: str, **kwargs: Any) -> None:
        digits = money.minor_digits(currency)
        kwargs.setdefault("min_value", Decimal(0).scaleb(-digits) + money.quantum(currency))
        super().__init__(max_digits=9 + digits, decimal_places=digits, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "step": str(money.quantum(currency))})
        self.error_messages["min_value"] = _("The amount must be more than zero.")
        self.error_messages["max_digits"] = _("An amount is at most %(cap)s.") % {
            "cap": f"{money.MAX_AMOUNT:,}"}
        self.error_messages["max_decimal_places"] = _(
            "Write the amount with at most %(digits)s decimal places.") % {"digits": digits}

    def clean(self, value: Any) -> Any:
        cleaned = super().clean(value)
        if cleaned is not None and cleaned > money.MAX_AMOUNT:
            raise ValidationError(_("An expense is at most %(cap)s; check the amount.")
                                  % {"cap": f"{money.MAX_AMOUNT:,}"})
        return cleaned


class SplitFields(forms.Form):
    """The two parts of a split: mine and the other parent's (50 and 50, 60 and 40, 1 and 2)."""

    mine = forms.IntegerField(min_value=0, max_value=money.MAX_PART,
                              label=gettext_lazy("Your part"))
    theirs = forms.IntegerField(min_value=0, max_value=money.MAX_PART,
                                label=gettext_lazy("The other parent's part"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("mine") == 0 and cleaned.get("theirs") == 0:
            raise ValidationError(_("At least one part must be more than zero."))
        return cleaned

    @property
    def split(self) -> money.Split:
        return money.Split(self.cleaned_data["mine"], self.cleaned_data["theirs"])


class ExpenseForm(SplitFields):
    category = forms.ChoiceField(label=pgettext_lazy("expense", "Category"))
    spent_on = forms.DateField(label=gettext_lazy("Date of the bill"), widget=DATE)
    children = forms.ModelMultipleChoiceField(
        queryset=Child.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("For"))
    payee = forms.CharField(max_length=200, label=gettext_lazy("Paid to"))
    note = forms.CharField(required=False, max_length=2000, label=gettext_lazy("Note"),
                           widget=forms.Textarea(attrs={"rows": 3}))
    receipts = AttachmentsField(label=gettext_lazy("Receipts: photos or PDFs (up to 10 MB "
                                                   "each)"))
    repeat = forms.ChoiceField(required=False, label=gettext_lazy("Repeats"))
    until = forms.DateField(required=False, widget=DATE,
                            label=gettext_lazy("Last date (empty: until it is ended)"))
    field_order = ["category", "amount", "spent_on", "children", "payee", "mine", "theirs",
                   "note", "receipts", "repeat", "until"]

    def __init__(self, *args: Any, member: Membership, categories: list[ExpenseCategory],
                 children: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        currency = member.family.currency
        self.fields["amount"] = AmountField(currency, label=_("Amount (%(currency)s)")
                                            % {"currency": currency})
        self.order_fields(self.field_order)
        self.fields["category"].choices = category_choices(categories)  # type: ignore[attr-defined]
        self.fields["children"].queryset = children  # type: ignore[attr-defined]
        self.fields["repeat"].choices = [  # type: ignore[attr-defined]
            ("", pgettext_lazy("repeats", "Only once")), *Repeat.choices]
        self.fields["mine"].help_text = _("The split of the bill between you and the other "
                                          "parent, in parts: 50 and 50, 60 and 40, 1 and 2 "
                                          "for thirds. Empty: the category's agreed split.")
        self.fields["mine"].required = self.fields["theirs"].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = forms.Form.clean(self) or {}
        mine, theirs = cleaned.get("mine"), cleaned.get("theirs")
        if (mine is None) != (theirs is None):
            raise ValidationError(_("Give both parts of the split, or neither to use the "
                                    "category's."))
        if mine == 0 and theirs == 0:
            raise ValidationError(_("At least one part must be more than zero."))
        until, spent = cleaned.get("until"), cleaned.get("spent_on")
        if until and not cleaned.get("repeat"):
            self.add_error("until", _("A last date is for a bill that repeats."))
        if until and spent and until < spent:
            self.add_error("until", _("The last date is before the first."))
        return cleaned

    def chosen_split(self, category: ExpenseCategory, payer: Membership) -> money.Split:
        if self.cleaned_data.get("mine") is None:
            return category.split_for(payer)
        return self.split


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=2000, label=gettext_lazy("Your reason"),
                             widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label is not None:  # one page holds several reasons: each says which it is
            self.fields["reason"].label = label


class QuestionForm(forms.Form):
    question = forms.CharField(max_length=2000, label=gettext_lazy("Your question"),
                               widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(max_length=2000, label=gettext_lazy("Your answer"),
                             widget=forms.Textarea(attrs={"rows": 3}))
    receipts = AttachmentsField(label=gettext_lazy("More receipts (optional)"))


class CounterForm(forms.Form):
    """Another share: an amount, or a part of the bill shared by the bill's split ("half of
    the camp, not the bus")."""

    reason = forms.CharField(max_length=2000, label=gettext_lazy("Your reason"),
                             widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, expense: Expense, member: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expense = expense
        currency = expense.currency
        asked_to_pay = member.pk == expense.other_id
        self.fields["share"] = AmountField(
            currency, required=False, min_value=Decimal(0),
            label=_("The share you will pay") if asked_to_pay
            else _("The share you ask the other parent to pay"))
        self.fields["share"].error_messages["min_value"] = _("A share cannot be negative.")
        percent = expense.split.percent_other()
        if percent == percent.to_integral_value():
            percent = percent.quantize(Decimal(1))  # "50 %", not "50.0 %"
        words = {"percent": number_format(percent, use_l10n=True)}
        self.fields["part"] = AmountField(currency, required=False, label=(
            _("Or: the part of the bill to share, of which you pay %(percent)s %%")
            if asked_to_pay else
            _("Or: the part of the bill to share, of which the other parent pays "
              "%(percent)s %%")) % words)
        self.order_fields(["share", "part", "reason"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        share, part = cleaned.get("share"), cleaned.get("part")
        if share is None and part is None:
            raise ValidationError(_("Write the share you propose, or the part of the bill "
                                    "to share."))
        if share is None and part is not None:
            if part > self.expense.amount:
                raise ValidationError(_("The part is more than the whole bill."))
            cleaned["share"] = money.other_share(part, self.expense.currency,
                                                 self.expense.split)
        share = cleaned.get("share")
        if share is not None and share > self.expense.amount:
            raise ValidationError(_("The share is more than the whole bill."))
        return cleaned


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=gettext_lazy("Paid on"), widget=DATE)
    method = forms.ChoiceField(choices=Method.choices, label=gettext_lazy("How"))
    reference = forms.CharField(required=False, max_length=100,
                                label=gettext_lazy("Reference (optional)"))
    expenses = forms.ModelMultipleChoiceField(
        queryset=Expense.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("This pays my share of"))
    as_credit = forms.BooleanField(required=False, label=gettext_lazy(
        "Keep what is more than these shares as credit"))

    def __init__(self, *args: Any, member: Membership, owed: list[Expense], **kwargs: Any
                 ) -> None:
        super().__init__(*args, **kwargs)
        currency = member.family.currency
        self.fields["amount"] = AmountField(currency, label=_("Amount (%(currency)s)")
                                            % {"currency": currency})
        self.order_fields(["amount", "paid_on", "method", "reference", "expenses", "as_credit"])
        field = self.fields["expenses"]
        field.queryset = Expense.objects.filter(pk__in=[e.pk for e in owed])  # type: ignore[attr-defined]
        field.label_from_instance = lambda e: (  # type: ignore[attr-defined]
            f"{date_format(e.spent_on, 'DATE_FORMAT')} · {e.payee}")


class CategoryForm(SplitFields):
    name = forms.CharField(max_length=60, label=gettext_lazy("Name of the new category"))
    field_order = ["name", "mine", "theirs"]


class SettingsForm(forms.Form):
    answer_days = forms.IntegerField(min_value=1, max_value=365, label=gettext_lazy(
        "Days the other parent has to answer a request"))


class PeriodForm(forms.Form):
    start = forms.DateField(required=False, widget=DATE, label=gettext_lazy("From"))
    end = forms.DateField(required=False, widget=DATE, label=gettext_lazy("To"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise ValidationError(_("The end of the period is before its start."))
        return cleaned

    def period(self) -> tuple[date | None, date | None]:
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")
