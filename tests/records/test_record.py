"""The family record in the database: appends, signatures, triggers, export and verify."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from twohomes import records
from twohomes.core.ledger import verify_bundle, verify_checkpoint
from twohomes.records import services
from twohomes.records.models import Checkpoint, EntryOpening, Log, LogEntry


def _export(family: Any, scope: services.ExportScope | None = None) -> bytes:
    out = io.BytesIO()
    services.export_bundle(family, out, scope=scope or services.ExportScope(),
                           now=timezone.now())
    return out.getvalue()


def test_appends_are_numbered_signed_and_verify(world: Any) -> None:
    family = world.family
    for n in range(5):
        records.append(family, "messaging.message.sent", world.parent_a, {"body": f"m{n}"})
    seqs = list(LogEntry.objects.filter(family=family).values_list("seq", flat=True))
    assert seqs == list(range(5))
    log = Log.objects.get(family=family)
    assert log.size == 5
    latest = Checkpoint.objects.filter(family=family).order_by("-size").first()
    assert latest is not None and latest.size == 5
    checkpoint = verify_checkpoint(latest.note, services.verifier_key())
    assert checkpoint.root == bytes(latest.root_hash)
    verdict = verify_bundle(io.BytesIO(_export(family)), key=services.verifier_key().vkey())
    assert verdict.ok, verdict.render()


def test_the_leaf_names_no_person_and_holds_no_content(world: Any) -> None:
    entry = records.append(world.family, "messaging.message.sent", world.parent_a,
                           {"body": "Pick-up moved to 5 pm"})
    leaf = json.loads(bytes(entry.leaf))
    assert leaf["actor"] == f"member-{world.parent_a.pk}"
    assert "Pick-up" not in bytes(entry.leaf).decode()
    assert world.family.name not in bytes(entry.leaf).decode()
    assert leaf["log"] == Log.objects.get(family=world.family).log_id


def test_times_never_go_backwards(world: Any) -> None:
    now = timezone.now()
    first = records.append(world.family, "messaging.message.sent", None, {}, now=now)
    second = records.append(world.family, "messaging.message.viewed", None, {},
                            now=now - timedelta(hours=1))
    assert second.recorded_at == first.recorded_at


@pytest.mark.parametrize("statement", [
    "UPDATE records_logentry SET kind = 'x.y' WHERE id = %s",
    "DELETE FROM records_logentry WHERE id = %s",
])
def test_database_refuses_to_change_or_delete_an_entry(world: Any, statement: str) -> None:
    entry = records.append(world.family, "messaging.message.sent", None, {"a": 1})
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.pk])
    assert LogEntry.objects.get(pk=entry.pk).kind == "messaging.message.sent"


def test_database_refuses_to_delete_a_checkpoint(world: Any) -> None:
    records.append(world.family, "messaging.message.sent", None, {"a": 1})
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            Checkpoint.objects.filter(family=world.family).delete()


def test_a_partial_export_carries_proofs_and_verifies(world: Any) -> None:
    entries = [records.append(world.family, "messaging.message.sent", world.parent_a,
                              {"body": f"m{n}"}) for n in range(7)]
    scope = services.ExportScope(seqs=frozenset({entries[2].seq, entries[5].seq}),
                                 description="two messages")
    bundle = _export(world.family, scope)
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert "proofs/2.tlog-proof" in names and "proofs/5.tlog-proof" in names
    assert b"m3" not in zipfile.ZipFile(io.BytesIO(bundle)).read("contents.jsonl")
    verdict = verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()


def test_files_are_stored_by_hash_and_exported(world: Any, tmp_path: Any, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    entry, sha = services.append_file(world.family, "messaging.attachment.added",
                                      world.parent_a, io.BytesIO(b"%PDF-1.4 school report"))
    assert entry.opening.attachment_sha256 == sha
    bundle = _export(world.family)
    archive = zipfile.ZipFile(io.BytesIO(bundle))
    assert archive.read(f"attachments/{sha}") == b"%PDF-1.4 school report"
    assert verify_bundle(io.BytesIO(bundle)).ok


def test_membership_changes_are_in_the_record(world: Any) -> None:
    from twohomes.families import services as family_services

    family_services.remove_member(actor=world.parent_a, member=world.relative,
                                  now=timezone.now())
    kinds = list(LogEntry.objects.filter(family=world.family).values_list("kind", flat=True))
    assert kinds == ["family.member.removed"]


def test_export_of_an_empty_record_says_so(world: Any) -> None:
    with pytest.raises(ValueError, match="still empty"):
        _export(world.family)


def test_an_entry_without_its_salt_is_a_fault_not_a_form_error(world: Any) -> None:
    """A damaged record is the server's problem (logged, 500), not the parent's input."""
    entry = records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "m"})
    EntryOpening.objects.filter(entry=entry).update(salt=None)
    with pytest.raises(RuntimeError, match=f"record entry {entry.seq} has no salt"):
        _export(world.family)
