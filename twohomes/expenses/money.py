"""Amounts in a family's currency, and how a bill is split between the two parents.

Amounts are ``Decimal`` with exactly the currency's minor units (CLDR's, through Babel: the
US dollar has two, the yen none, the Bahraini dinar three). A split is two whole parts, the
paying parent's and the other parent's (1:1, 60:40, 1:2 for thirds), never a rounded
percentage, so that every split is exact until the one rounding below.

Shares (largest remainder): the amount is counted in minor units; each parent first gets
the whole units of their exact share; the units left over (at most one per parent) go to
the largest fractions; when the fractions are equal, the odd unit goes to the parent who
paid the bill, so the other parent is never asked for a unit more than their part.
The shares always add up to the amount exactly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision

MAX_AMOUNT = Decimal("1000000")  # one bill of a million is a typing mistake, not a receipt
MAX_PART = 1000


def minor_digits(currency: str) -> int:
    """The number of decimal places of ``currency``'s minor unit (USD 2, JPY 0, BHD 3)."""
    return int(get_currency_precision(currency))


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


def exact_amount(value: Decimal, currency: str) -> Decimal:
    """``value`` in ``currency``'s minor units; ValueError if it has finer digits than the
    currency (0.005 dollars) or is not a finite number."""
    try:
        fixed = value.quantize(quantum(currency))
    except InvalidOperation:
        raise ValueError("not an amount") from None
    if not value.is_finite() or fixed != value:
        raise ValueError("finer than the currency's smallest unit")
    return fixed


def to_minor(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(minor_digits(currency)))


def from_minor(units: int, currency: str) -> Decimal:
    return Decimal(units).scaleb(-minor_digits(currency)).quantize(quantum(currency))


@dataclass(frozen=True)
class Split:
    """Parts of a bill: the paying parent's and the other parent's (both whole, not both 0)."""

    payer: int
    other: int

    def __post_init__(self) -> None:
        if self.payer < 0 or self.other < 0 or self.payer + self.other == 0 \
                or max(self.payer, self.other) > MAX_PART:
            raise ValueError("a split is two whole parts from 0 to 1000, not both 0")

    @property
    def simplest(self) -> Split:
        """The same split in its smallest parts (60:40 is 3:2)."""
        from math import gcd

        common = gcd(self.payer, self.other)
        return Split(self.payer // common, self.other // common)

    def percent_other(self) -> Decimal:
        return (Decimal(self.other) * 100 / (self.payer + self.other)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_EVEN)


def shares(amount: Decimal, currency: str, split: Split) -> tuple[Decimal, Decimal]:
    """(the paying parent's share, the other parent's share) of ``amount``: they add up to
    it exactly (largest remainder; a tie gives the odd unit to the paying parent)."""
    units = to_minor(amount, currency)
    whole = split.payer + split.other
    other_units, other_rest = divmod(units * split.other, whole)
    payer_units, payer_rest = divmod(units * split.payer, whole)
    left = units - other_units - payer_units  # 0 or 1: the two fractions add up to a whole
    if left and other_rest > payer_rest:
        other_units += left
    else:
        payer_units += left
    return from_minor(payer_units, currency), from_minor(other_units, currency)


def other_share(amount: Decimal, currency: str, split: Split) -> Decimal:
    return shares(amount, currency, split)[1]


def money(amount: Decimal, currency: str, language: str) -> str:
    """``amount`` written for a reader of ``language`` ("$1,234.50", "1.234,50 US$"); a
    language CLDR does not know is written as its base language, else as English."""
    return str(format_currency(amount, currency, locale=_locale(language),
                               currency_digits=True))


@functools.cache
def _locale(language: str) -> Locale:
    for candidate in (language.replace("-", "_"), language.split("-")[0].split("_")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")
