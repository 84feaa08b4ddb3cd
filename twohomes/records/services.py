"""The one place anything is appended to a family's record, and where it is exported.

``append`` runs inside the caller's transaction (or its own) with the family's log head
row locked: on PostgreSQL by SELECT ... FOR UPDATE, on SQLite by the write lock that
``BEGIN IMMEDIATE`` (the ``transaction_mode`` option) takes. Two server processes
appending at once therefore queue; the sequence never forks or skips.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_scopes import scope as family_scope

from twohomes.areas import record_kinds
from twohomes.core import ledger

from .models import Checkpoint, EntryOpening, Log, LogEntry

if TYPE_CHECKING:  # the record is the families'; it reads no family table itself
    from twohomes.families.models import Family, Membership

SYSTEM_ACTOR = "system"


@functools.cache
def _signing_key(path: str) -> Ed25519PrivateKey:
    return ledger.load_or_create_signing_key(path)


def signing_key() -> Ed25519PrivateKey:
    return _signing_key(str(settings.TWOHOMES_SIGNING_KEY_PATH))


def verifier_key(log: Log | None = None) -> ledger.VerifierKey:
    """The verifier key of ``log`` (under the name fixed at its creation), else of new logs."""
    return ledger.verifier_key(signing_key(), log_name(log))


def log_name(log: Log | None) -> str:
    return log.name if log is not None and log.name else str(settings.TWOHOMES_LOG_NAME)


def actor_id(actor: Membership | None) -> str:
    """The opaque actor id in a leaf: the membership's number, never a name or email."""
    return f"member-{actor.pk}" if actor is not None else SYSTEM_ACTOR


def _locked_log(family: Family) -> Log:
    log = Log.objects.select_for_update().filter(family=family).first()
    if log is None:
        Log.objects.get_or_create(family=family, defaults={
            "log_id": ledger.new_log_id(), "name": settings.TWOHOMES_LOG_NAME})
        log = Log.objects.select_for_update().get(family=family)
    return log


def _append_commitment(
    family: Family, kind: str, actor: Membership | None, commitment: str, now: datetime | None
) -> tuple[LogEntry, Log]:
    if kind not in record_kinds():
        # A programming error, not input: every kind is declared by its area with words.
        raise ValueError(f"record kind {kind!r} is not declared by any area")
    with family_scope(family=family.pk):  # the record of this family, whoever asks
        return _append_in_scope(family, kind, actor, commitment, now)


def _append_in_scope(
    family: Family, kind: str, actor: Membership | None, commitment: str, now: datetime | None
) -> tuple[LogEntry, Log]:
    log = _locked_log(family)
    head = ledger.LogHead.restore(log.log_id, log.size, bytes(log.compact), log.last_time)
    done = ledger.append(head, kind=kind, actor=actor_id(actor), commitment=commitment,
                         now=now or timezone.now())
    entry = LogEntry.objects.create(
        family=family, seq=done.entry.seq, kind=kind, actor=done.entry.actor,
        actor_user_id=actor.user_id if actor is not None else None,
        recorded_at=datetime.strptime(done.entry.time, ledger.entry.TIME_FORMAT)
        .replace(tzinfo=UTC),
        leaf=done.leaf, leaf_hash=done.leaf_hash,
    )
    log.size, log.compact, log.last_time = (
        done.head.size, done.head.tree.to_bytes(), done.head.last_time)
    log.save(update_fields=["size", "compact", "last_time"])
    _checkpoint(family, log, done.head, entry.recorded_at)
    return entry, log


def _checkpoint(family: Family, log: Log, head: ledger.LogHead, at: datetime) -> None:
    key = verifier_key(log)
    note = ledger.sign_checkpoint(
        signing_key(), key_name=key.name,
        origin=ledger.checkpoint_origin(log_name(log), log.log_id),
        size=head.size, root=head.root,
    )
    Checkpoint.objects.create(family=family, size=head.size, root_hash=head.root, note=note,
                              key_id=key.key_id.hex(), created_at=at)


@transaction.atomic
def append(
    family: Family,
    kind: str,
    actor: Membership | None,
    content: Mapping[str, Any],
    *,
    now: datetime | None = None,
) -> LogEntry:
    """Append one decision or message to ``family``'s record and sign the new head.

    ``kind`` is a stable dotted code (``messaging.message.sent``); ``content`` is plain
    JSON data. The leaf carries only a salted commitment to it; the content itself is
    kept in the entry's opening, from which exports read it.
    """
    salt = ledger.new_salt()
    body = ledger.content_bytes(content)
    entry, _ = _append_commitment(family, kind, actor, ledger.commit(salt, body), now)
    EntryOpening.objects.create(entry=entry, salt=salt, content=body)
    return entry


RENAMED = "family.member.renamed"


def record_rename(membership: Membership, name: str, *, now: datetime | None = None) -> LogEntry:
    """Record a member's new display name in their family's record (exports name them so)."""
    return append(membership.family, RENAMED, membership,
                  {"member": actor_id(membership), "name": name}, now=now)


def file_name(family: Family, sha256: str) -> str:
    return f"record/{family.pk}/{sha256}"


@transaction.atomic
def append_file(
    family: Family, kind: str, actor: Membership | None, stream: IO[bytes], *,
    now: datetime | None = None,
) -> tuple[LogEntry, str]:
    """Store a file by its SHA-256 and append its commitment; returns (entry, sha256)."""
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
    sha256 = digest.hexdigest()
    name = file_name(family, sha256)
    if not default_storage.exists(name):
        stream.seek(0)
        default_storage.save(name, File(stream))
    salt = ledger.new_salt()
    stream.seek(0)
    entry, _ = _append_commitment(family, kind, actor, ledger.commit_file(salt, stream), now)
    EntryOpening.objects.create(entry=entry, salt=salt, attachment_sha256=sha256)
    return entry, sha256


def open_file(family: Family, sha256: str) -> IO[bytes]:
    return default_storage.open(file_name(family, sha256), "rb")


@dataclass(frozen=True)
class ExportScope:
    """Which entries a bundle holds: all of them, or those in ``seqs`` (a partial export)."""

    seqs: frozenset[int] | None = None
    description: str = ""


def export_bundle(family: Family, out: IO[bytes], *, scope: ExportScope, now: datetime,
                  bundle_name: str = "record.zip") -> int:
    """Write ``family``'s record (or the part in ``scope``) as a verifiable bundle.

    Returns the number of entries written. Reads one consistent snapshot: the latest
    checkpoint and exactly the entries it covers.
    """
    with transaction.atomic(), family_scope(family=family.pk):
        checkpoint = family.checkpoints.order_by("-size").first()
        if checkpoint is None:
            raise ValueError("This family's record is still empty.")
        rows = list(
            LogEntry.objects.filter(family=family, seq__lt=checkpoint.size)
            .select_related("opening").order_by("seq")
        )
        log = family.log
    chosen = _with_names([r for r in rows if scope.seqs is None or r.seq in scope.seqs], rows)
    entries = [_export_entry(row) for row in chosen]
    attachments = _attachments(family, chosen)
    try:
        ledger.write_bundle(
            out, log_id=log.log_id, checkpoint=checkpoint.note, vkey=verifier_key(log).vkey(),
            entries=entries, exported_at=ledger.format_time(now), attachments=attachments,
            log_leaf_hashes=None if scope.seqs is None else [bytes(r.leaf_hash) for r in rows],
            selection=scope.description, bundle_name=bundle_name,
        )
    finally:
        for stream in attachments.values():
            stream.close()
    return len(entries)


def _with_names(chosen: list[LogEntry], rows: list[LogEntry]) -> list[LogEntry]:
    """A partial export also holds the member entries naming its entries' actors."""
    actors = {row.actor for row in chosen}
    naming = {row.seq for row in rows if row.kind in ledger.PERSON_KINDS and row.actor in actors}
    wanted = naming | {row.seq for row in chosen}
    return [row for row in rows if row.seq in wanted]


def _export_entry(row: LogEntry) -> ledger.ExportEntry:
    opening = row.opening
    if opening.salt is None:  # every opening keeps its salt: a fault, not input
        raise RuntimeError(f"record entry {row.seq} has no salt")
    return ledger.ExportEntry(
        leaf=bytes(row.leaf), salt=bytes(opening.salt),
        content=bytes(opening.content) if opening.content is not None else None,
        attachment_sha256=opening.attachment_sha256 or None,
    )


def _attachments(family: Family, rows: Iterable[LogEntry]) -> dict[str, IO[bytes]]:
    digests = {r.opening.attachment_sha256 for r in rows
               if r.opening.attachment_sha256}
    return {sha: open_file(family, sha) for sha in sorted(digests)}


def export_path(family: Family, path: Path, *, scope: ExportScope, now: datetime) -> int:
    with path.open("wb") as out:
        return export_bundle(family, out, scope=scope, now=now, bundle_name=path.name)
