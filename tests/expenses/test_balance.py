"""The balance after any sequence of steps equals a naive sum kept by the test, seen from
either parent, and the CSV export, the balance page and the family record all agree."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.expenses.conftest import numbered
from twohomes.expenses import services
from twohomes.expenses.balance import balance_for
from twohomes.expenses.models import Expense, Payment
from twohomes.expenses.money import Split
from twohomes.families.access import in_family

CENT = Decimal("0.01")


@dataclass
class Bill:
    """The test's own idea of an expense."""

    pk: int
    payer: str  # "a" or "b"
    units: int
    asked: int  # in cents
    proposer: str
    status: str = "waiting"
    owed: int = 0

    def answerer(self) -> str:
        other = "b" if self.payer == "a" else "a"
        return other if self.proposer == self.payer else self.payer


@dataclass
class Ledger:
    bills: list[Bill] = field(default_factory=list)
    payments: list[tuple[int, str, int, bool]] = field(default_factory=list)  # pk, payer, cents

    def net_for_a(self) -> Decimal:
        cents = 0
        for bill in self.bills:
            if bill.status == "agreed":
                cents += bill.owed if bill.payer == "a" else -bill.owed
        for _pk, payer, amount, confirmed in self.payments:
            if confirmed:
                cents += amount if payer == "a" else -amount
        return Decimal(cents) * CENT


def naive_other_share(units: int, payer: int, other: int) -> int:
    exact = Fraction(units * other, payer + other)
    rest = exact - int(exact)
    # the other parent gets the odd cent only when their fraction is strictly the larger
    return int(exact) + (1 if rest > Fraction(1, 2) else 0)


OPS = st.lists(st.one_of(
    st.tuples(st.just("log"), st.sampled_from("ab"), st.integers(1, 10**6),
              st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("agree"), st.integers(0, 50)),
    st.tuples(st.just("counter"), st.integers(0, 50), st.integers(0, 10**6)),
    st.tuples(st.just("void"), st.integers(0, 50)),
    st.tuples(st.just("pay"), st.sampled_from("ab"), st.integers(1, 10**6)),
    st.tuples(st.just("confirm"), st.integers(0, 50)),
), min_size=1, max_size=14)


class Run:
    """Applies the drawn steps through the services and to the naive ledger."""

    def __init__(self, people: dict[str, Any]) -> None:
        self.people, self.ledger, self.now = people, Ledger(), timezone.now()

    def apply(self, op: tuple[Any, ...]) -> None:
        getattr(self, "_" + op[0])(*op[1:])

    def _expense(self, bill: Bill) -> Any:
        return Expense.objects.get(pk=bill.pk)

    def _log(self, payer: str, units: int, mine: int, theirs: int) -> None:
        if mine == theirs == 0:
            mine = 1
        actor = self.people[payer]
        medical = services.category_for(actor, "medical", self.now)
        expense = services.log_expense(
            actor=actor, category=medical, spent_on=actor.family.today(self.now),
            amount=Decimal(units) * CENT, payee="Shop", note="", children=[],
            split=Split(mine, theirs), now=self.now)
        asked = naive_other_share(units, mine, theirs)
        assert expense.asked == Decimal(asked) * CENT
        self.ledger.bills.append(Bill(expense.pk, payer, units, asked, payer))

    def _open(self, index: int) -> Bill | None:
        open_bills = [b for b in self.ledger.bills if b.status == "waiting"]
        return open_bills[index % len(open_bills)] if open_bills else None

    def _agree(self, index: int) -> None:
        if (bill := self._open(index)) is None:
            return
        services.agree_expense(actor=self.people[bill.answerer()],
                               expense=self._expense(bill), now=self.now)
        bill.status, bill.owed = "agreed", bill.asked

    def _counter(self, index: int, share: int) -> None:
        if (bill := self._open(index)) is None:
            return
        share %= bill.units + 1
        actor = self.people[bill.answerer()]
        if share == bill.asked:
            with pytest.raises(ValidationError):
                services.counter_expense(actor=actor, expense=self._expense(bill),
                                         share=Decimal(share) * CENT, reason="r", now=self.now)
            return
        services.counter_expense(actor=actor, expense=self._expense(bill),
                                 share=Decimal(share) * CENT, reason="r", now=self.now)
        bill.asked, bill.proposer = share, bill.answerer()

    def _void(self, index: int) -> None:
        live = [b for b in self.ledger.bills if b.status != "voided"]
        if not live:
            return
        bill = live[index % len(live)]
        services.void_expense(actor=self.people[bill.payer], expense=self._expense(bill),
                              reason="mistake", now=self.now)
        bill.status = "voided"

    def _pay(self, payer: str, cents: int) -> None:
        actor = self.people[payer]
        payment = services.record_payment(
            actor=actor, amount=Decimal(cents) * CENT, paid_on=actor.family.today(self.now),
            method="bank", reference="", expenses=services.owed_by(actor), as_credit=True,
            now=self.now)
        self.ledger.payments.append((payment.pk, payer, cents, False))

    def _confirm(self, index: int) -> None:
        waiting = [i for i, p in enumerate(self.ledger.payments) if not p[3]]
        if not waiting:
            return
        at = waiting[index % len(waiting)]
        pk, payer, cents, _ = self.ledger.payments[at]
        receiver = self.people["b" if payer == "a" else "a"]
        services.confirm_payment(actor=receiver, payment=Payment.objects.get(pk=pk),
                                 now=self.now)
        self.ledger.payments[at] = (pk, payer, cents, True)


def _fresh_family() -> dict[str, Any]:
    from tests.factories import FamilyFactory, MembershipFactory, UserFactory

    family = FamilyFactory(name="Balance family")
    return {who: MembershipFactory(family=family, user=UserFactory(display_name=name))
            for who, name in (("a", "Alice"), ("b", "Bruno"))}


def _signed(amount: str, words: str, them: str) -> Decimal:
    """A written balance ("Bruno owes you £1,204.50") as a number from Alice's side."""
    value = Decimal(re.sub(r"[^\d.]", "", amount) or "0")
    if words.startswith(f"{them} owes you"):
        return value
    if words.startswith(f"You owe {them}"):
        return -value
    assert words.startswith("Nobody owes anything") and value == 0, words
    return value


def _from_csv(alice: Any) -> Decimal:
    client = Client()
    client.force_login(alice.user)
    response = client.get(reverse("expense_export", args=[alice.family_id]))
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    table = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    head = table[0]
    balance = [row for row in table if row[0] == "Balance"]
    assert len(balance) == 1, table
    return _signed(balance[0][head.index("Amount")], balance[0][head.index("Status")], "Bruno")


def _from_page(alice: Any) -> Decimal:
    client = Client()
    client.force_login(alice.user)
    page = client.get(reverse("expense_balance", args=[alice.family_id])).content.decode()
    line = re.search(r'class="balance-line"><strong>(.*?)</strong>', page)
    assert line, page
    words = line.group(1).replace("&#x27;", "'").replace("\xa0", " ")
    found = re.search(r"([\d,]+\.\d\d)", words)
    return _signed(found.group(1) if found else "0", words, "Bruno")


def _from_record(family: Any, alice: str) -> Decimal:
    """Agreed shares of expenses not voided, less confirmed payments, from Alice's side,
    read from the contents of the family's record entries alone."""
    payer_of: dict[int, str] = {}
    agreed: dict[int, Decimal] = {}
    voided: set[int] = set()
    payments: dict[int, tuple[str, Decimal]] = {}
    confirmed: set[int] = set()
    for seq, kind, content in numbered(family):
        if kind == "expenses.expense.asked":
            payer_of[seq] = content["paid_by"]
        elif kind == "expenses.expense.agreed":
            agreed[content["expense"]] = Decimal(content["share"])
        elif kind == "expenses.expense.voided":
            voided.add(content["expense"])
        elif kind == "expenses.payment.recorded":
            payments[seq] = (content["payer"], Decimal(content["amount"]))
        elif kind == "expenses.payment.confirmed":
            confirmed.add(content["payment"])
    net = Decimal(0)
    for expense, share in agreed.items():
        if expense not in voided:
            net += share if payer_of[expense] == alice else -share
    for payment in confirmed:
        payer, amount = payments[payment]
        net += amount if payer == alice else -amount
    return net


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=OPS)
def test_the_balance_is_the_naive_sum_of_what_happened(ops: list[tuple[Any, ...]]) -> None:
    with transaction.atomic():
        people = _fresh_family()
        family = people["a"].family
        run = Run(people)
        with in_family(family):
            for op in ops:
                run.apply(op)
            expected = run.ledger.net_for_a()
            from_a = balance_for(people["a"], people["b"]).net
            from_b = balance_for(people["b"], people["a"]).net
        assert from_a == expected
        assert from_b == -expected
        assert _from_record(family, f"member-{people['a'].pk}") == expected
        assert _from_csv(people["a"]) == expected
        assert _from_page(people["a"]) == expected
        transaction.set_rollback(True)
