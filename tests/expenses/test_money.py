"""Amounts and shares, worked out by hand, and checked against a naive largest-remainder
reference for any amount, currency and split."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twohomes.expenses.money import Split, exact_amount, from_minor, minor_digits, shares

# (amount, currency, payer's part, other's part) -> (payer's share, other's share)
BY_HAND = [
    ("120.00", "USD", 1, 1, "60.00", "60.00"),
    # 10000 cents in thirds: 3333.33 and 6666.67; the larger fraction (.67) is the other's
    ("100.00", "USD", 1, 2, "33.33", "66.67"),
    # one cent at 1:1: equal fractions, the odd cent to the parent who paid
    ("0.01", "USD", 1, 1, "0.01", "0.00"),
    ("1001", "JPY", 1, 1, "501", "500"),
    # 1001 fils in thirds: 333.67 and 667.33; the larger fraction (.67) is the payer's
    ("1.001", "BHD", 1, 2, "0.334", "0.667"),
    ("99.99", "EUR", 60, 40, "59.99", "40.00"),  # 5999.4 and 3999.6: .6 wins
    ("10.00", "USD", 0, 1, "0.00", "10.00"),
    ("10.00", "USD", 1, 0, "10.00", "0.00"),
    ("7", "CLP", 1, 1, "4", "3"),
    ("0.005", "KWD", 2, 3, "0.002", "0.003"),  # exactly 2 and 3 fils
]


@pytest.mark.parametrize(("amount", "currency", "payer", "other", "payer_share", "other_share"),
                         BY_HAND)
def test_shares_worked_out_by_hand(amount: str, currency: str, payer: int, other: int,
                                   payer_share: str, other_share: str) -> None:
    got = shares(Decimal(amount), currency, Split(payer, other))
    assert got == (Decimal(payer_share), Decimal(other_share))
    assert [str(share) for share in got] == [payer_share, other_share]  # the currency's digits


def test_minor_digits_follow_the_currency() -> None:
    assert [minor_digits(c) for c in ("USD", "JPY", "BHD", "EUR", "CLP", "KWD")] == \
        [2, 0, 3, 2, 0, 3]


@pytest.mark.parametrize(("value", "currency"), [
    ("0.005", "USD"), ("1.5", "JPY"), ("1.0001", "BHD"), ("NaN", "USD"), ("Infinity", "USD"),
])
def test_an_amount_finer_than_the_currency_is_refused(value: str, currency: str) -> None:
    with pytest.raises(ValueError):
        exact_amount(Decimal(value), currency)


@pytest.mark.parametrize(("value", "currency", "exact"), [
    ("12.5", "USD", "12.50"), ("1500", "JPY", "1500"), ("2", "BHD", "2.000"),
])
def test_an_amount_in_the_currency_is_kept_in_its_digits(value: str, currency: str,
                                                         exact: str) -> None:
    assert str(exact_amount(Decimal(value), currency)) == exact


@pytest.mark.parametrize(("payer", "other"), [(0, 0), (-1, 2), (1001, 1), (1, 1001)])
def test_a_split_is_two_whole_parts_up_to_1000_not_both_zero(payer: int, other: int) -> None:
    with pytest.raises(ValueError):
        Split(payer, other)


def naive_shares(units: int, payer: int, other: int) -> tuple[int, int]:
    """Largest remainder, the textbook way: exact fractions, floors, then the units left go
    to the largest remainders, the paying parent first among equals."""
    whole = payer + other
    exact = [Fraction(units * payer, whole), Fraction(units * other, whole)]
    floors = [int(x) for x in exact]  # non-negative, so int() is the floor
    left = units - sum(floors)
    # sorted is stable: on equal remainders the payer (index 0) comes first
    order = sorted(range(2), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += 1
    return floors[0], floors[1]


CURRENCIES = st.sampled_from(["USD", "JPY", "BHD", "EUR", "CLP", "KWD"])
PARTS = st.tuples(st.integers(0, 1000), st.integers(0, 1000)).filter(lambda p: p != (0, 0))


@settings(max_examples=400, deadline=None)
@given(units=st.integers(1, 10**8), currency=CURRENCIES, parts=PARTS)
def test_shares_add_up_are_fair_and_match_the_naive_reference(
        units: int, currency: str, parts: tuple[int, int]) -> None:
    amount = from_minor(units, currency)
    payer_share, other_share = shares(amount, currency, Split(*parts))
    assert payer_share + other_share == amount
    digits = minor_digits(currency)
    payer_units = int(payer_share.scaleb(digits))
    other_units = int(other_share.scaleb(digits))
    assert Decimal(payer_units).scaleb(-digits) == payer_share  # whole minor units
    whole = sum(parts)
    assert abs(Fraction(payer_units) - Fraction(units * parts[0], whole)) < 1
    assert abs(Fraction(other_units) - Fraction(units * parts[1], whole)) < 1
    assert (payer_units, other_units) == naive_shares(units, *parts)
