"""``{{ amount|money:currency }}``: an amount as its reader writes money ("$1,234.50",
"1.234,50 US$"), in the page's language."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from twohomes.expenses.money import money as written

register = template.Library()


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    return written(Decimal(amount), currency, get_language() or "en")
