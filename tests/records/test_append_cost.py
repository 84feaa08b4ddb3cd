"""What one append costs the database, statement by statement, and that it stores the same
record: the speed of appends rests on these counts (benchmarks/ledger.py)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope

from twohomes import records
from twohomes.core.ledger import leaf_hash, verify_bundle, verify_checkpoint
from twohomes.records import services
from twohomes.records.models import Checkpoint, EntryOpening, Log, LogEntry

# Inside a service's transaction (the usual case: a decision and its entry commit
# together), hand-counted. The append takes no savepoint of its own.
IN_A_TRANSACTION = {
    "postgresql": [
        # 1. read the family's log head and lock it until the transaction ends
        ('SELECT "id", "log_id", "size", "compact", "last_time", "name" FROM "records_log"',
         "FOR UPDATE"),
        # 2. insert the entry, its opening and the signed checkpoint, move the head
        ('WITH entry AS (INSERT INTO "records_logentry"', 'UPDATE "records_log"'),
    ],
    "sqlite": [
        # 1. read the head (the caller's BEGIN IMMEDIATE holds SQLite's one write lock)
        ('SELECT "id", "log_id", "size", "compact", "last_time", "name" FROM "records_log"',
         ""),
        # 2.-5. in-process, where a statement costs no round trip: one write each
        ('INSERT INTO "records_logentry"', ""),
        ('INSERT INTO "records_entryopening"', ""),
        ('INSERT INTO "records_checkpoint"', ""),
        ('UPDATE "records_log"', ""),
    ],
}
# An append that is its own transaction adds the transaction's start and its commit.
BEGIN = {"postgresql": "BEGIN", "sqlite": "BEGIN IMMEDIATE"}


def _statements(family: Any, actor: Any) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        records.append(family, "messaging.message.sent", actor, {"body": "Pickup at 5?"})
    return [query["sql"] for query in captured.captured_queries]


def _expected(vendor: str) -> list[tuple[str, str]]:
    if vendor not in IN_A_TRANSACTION:
        pytest.skip(f"statements are counted for PostgreSQL and SQLite, not {vendor}")
    return IN_A_TRANSACTION[vendor]


def _assert_statements(seen: list[str], expected: list[tuple[str, str]]) -> None:
    assert len(seen) == len(expected), "\n".join(seen)
    for sql, (start, within) in zip(seen, expected, strict=True):
        assert sql.startswith(start) and within in sql, sql


def test_an_append_in_a_transaction_takes_two_statements_on_postgresql_five_on_sqlite(
    world: Any,
) -> None:
    """Two on PostgreSQL (lock, write), five on SQLite; no savepoint, nothing read twice."""
    records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "first"})
    expected = _expected(connection.vendor)
    with transaction.atomic():
        _assert_statements(_statements(world.family, world.parent_a), expected)


def test_an_append_on_its_own_is_its_transaction_and_two_statements_more(
    transactional_db: Any,
) -> None:
    from tests.factories import FamilyFactory, MembershipFactory

    family = FamilyFactory()
    actor = MembershipFactory(family=family)
    records.append(family, "messaging.message.sent", actor, {"body": "first"})  # makes the log
    expected = _expected(connection.vendor)
    seen = _statements(family, actor)
    assert seen[0] == BEGIN[connection.vendor] and seen[-1] == "COMMIT", "\n".join(seen)
    _assert_statements(seen[1:-1], expected)


@pytest.mark.parametrize(("kind", "content"), [
    ("family.made_up", {"body": "x"}),
    ("messaging.message.sent", {"body": {1, 2}}),
])
def test_a_refused_append_leaves_the_callers_transaction_going(
    world: Any, kind: str, content: Any
) -> None:
    """No savepoint, yet a refusal comes before the append's work, as it did with one."""
    with transaction.atomic():
        with pytest.raises((ValueError, TypeError)):
            records.append(world.family, kind, world.parent_a, content)
        entry = records.append(world.family, "messaging.message.sent", None, {"body": "ok"})
    assert entry.seq == 0 and LogEntry.objects.filter(family=world.family).count() == 1


def test_the_entry_returned_is_the_one_stored(world: Any) -> None:
    records.append(world.family, "messaging.message.sent", None, {"body": "first"})
    entry = records.append(world.family, "messaging.message.sent", world.parent_a,
                           {"body": "second"})
    with scope(family=world.family.pk):
        stored = LogEntry.objects.get(pk=entry.pk)
        opening = EntryOpening.objects.get(entry=stored)
        checkpoint = Checkpoint.objects.get(family=world.family, size=entry.seq + 1)
        log = Log.objects.get(family=world.family)
    assert (stored.seq, stored.kind, stored.actor, stored.actor_user_id, stored.recorded_at) == (
        1, "messaging.message.sent", f"member-{world.parent_a.pk}", world.parent_a.user_id,
        entry.recorded_at)
    assert bytes(stored.leaf) == entry.leaf and bytes(stored.leaf_hash) == entry.leaf_hash
    assert bytes(stored.leaf_hash) == leaf_hash(bytes(stored.leaf))
    assert entry.opening.pk == opening.pk and entry.opening.entry_id == entry.pk
    assert bytes(opening.content or b"") == b'{"body":"second"}'
    assert bytes(opening.salt or b"") == entry.opening.salt and opening.attachment_sha256 == ""
    assert checkpoint.created_at == stored.recorded_at
    assert checkpoint.key_id == services.verifier_key(log).key_id.hex()
    assert verify_checkpoint(checkpoint.note, services.verifier_key(log)).root == bytes(
        checkpoint.root_hash)
    assert (log.size, log.last_time) == (2, stored.recorded_at.strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ"))


def test_every_append_is_covered_by_a_signed_checkpoint_when_it_returns(world: Any) -> None:
    key = services.verifier_key()
    for n in range(6):
        entry = records.append(world.family, "messaging.message.sent", world.parent_a,
                               {"body": f"m{n}"})
        latest = Checkpoint.objects.filter(family=world.family).order_by("-size").first()
        assert latest is not None and latest.size == entry.seq + 1
        assert verify_checkpoint(latest.note, key).size == entry.seq + 1


def test_a_record_of_many_appends_exports_and_verifies_offline(
    world: Any, tmp_path: Any, settings: Any
) -> None:
    """Appends one by one, several in one transaction, and a file: the bundle verifies."""
    settings.MEDIA_ROOT = tmp_path
    for n in range(60):
        records.append(world.family, "messaging.message.sent", world.parent_a,
                       {"thread": 1, "body": f"message {n}"})
    with transaction.atomic():
        for n in range(5):
            records.append(world.family, "messaging.message.viewed", world.parent_b,
                           {"thread": 1, "message": n})
    entry, _ = services.append_file(world.family, "messaging.attachment.added", world.parent_a,
                                    io.BytesIO(b"%PDF-1.4 term dates"))
    records.append(world.family, "messaging.message.sent", world.parent_b, {"body": "thanks"})
    out = io.BytesIO()
    written = services.export_bundle(world.family, out, scope=services.ExportScope(),
                                     now=timezone.now())
    assert written == 67 and entry.seq == 65
    verdict = verify_bundle(io.BytesIO(out.getvalue()), key=services.verifier_key().vkey())
    assert verdict.ok, verdict.render()
    part = io.BytesIO()
    services.export_bundle(world.family, part, now=timezone.now(), scope=services.ExportScope(
        seqs=frozenset({3, 62, 65}), description="three entries"))
    verdict = verify_bundle(io.BytesIO(part.getvalue()))
    assert verdict.ok, verdict.render()
