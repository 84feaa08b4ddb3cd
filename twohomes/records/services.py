"""The one place anything is appended to a family's record, and where it is exported.

``append`` runs inside the caller's transaction (or its own) with the family's log head
row locked: on PostgreSQL by SELECT ... FOR UPDATE, on SQLite by the write lock that
``BEGIN IMMEDIATE`` (the ``transaction_mode`` option) takes. Two server processes
appending at once therefore queue; the sequence never forks or skips. An append costs
two statements inside the caller's transaction on PostgreSQL (lock the head; insert the
entry, its opening and its signed checkpoint and move the head, in one), so the lock is
held for those two round trips and the commit; no savepoint is taken.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
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


@functools.cache
def _signer(path: str, name: str) -> ledger.CheckpointSigner:
    return ledger.CheckpointSigner.of(_signing_key(path), name)


def signer(log: Log | None = None) -> ledger.CheckpointSigner:
    """What signs ``log``'s checkpoints (under the name fixed at its creation), else new logs'."""
    return _signer(str(settings.TWOHOMES_SIGNING_KEY_PATH), log_name(log))


def verifier_key(log: Log | None = None) -> ledger.VerifierKey:
    """The verifier key of ``log`` (under the name fixed at its creation), else of new logs."""
    return signer(log).key


def size(family_id: Any) -> int:
    """How many entries the family's record holds. Every append raises it in its own
    transaction, so it is a version of everything recorded: what is worked out from
    recorded actions (a member's unread counts, what waits for their answer) is cached
    under it."""
    found: int | None = Log.objects.filter(family_id=family_id).values_list(
        "size", flat=True).first()
    return found or 0


_SIZE_SEEN = "_record_size"


def size_seen_by(membership: Membership) -> int:
    """``size`` of the member's family, read once per request (the menu's two counts and
    the page's own lists ask it): the membership object is loaded afresh for every
    request, and the member's own append forgets it."""
    kept: int | None = membership.__dict__.get(_SIZE_SEEN)
    if kept is None:
        kept = membership.__dict__[_SIZE_SEEN] = size(membership.family_id)
    return kept


def log_name(log: Log | None) -> str:
    return log.name if log is not None and log.name else str(settings.TWOHOMES_LOG_NAME)


def actor_id(actor: Membership | None) -> str:
    """The opaque actor id in a leaf: the membership's number, never a name or email."""
    return f"member-{actor.pk}" if actor is not None else SYSTEM_ACTOR


def _locked_log(family: Family) -> Log:
    """``family``'s log head, locked until the transaction ends (created on first use)."""
    log = _read_head(family)
    if log is None:
        Log.objects.get_or_create(family=family, defaults={
            "log_id": ledger.new_log_id(), "name": settings.TWOHOMES_LOG_NAME})
        log = _read_head(family)
        assert log is not None  # just created, and nothing deletes a log
    return log


HEAD_READ = ("id", "log_id", "size", "compact", "last_time", "name")


def _read_head(family: Family) -> Log | None:
    """One statement: SELECT the head's columns ... FOR UPDATE (SQLite: the write lock
    that BEGIN IMMEDIATE took already). The ORM would spend longer building it than the
    database spends answering."""
    family_id = _field(Log, "family").get_db_prep_value(family.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(_head_sql(connection.vendor), [family_id])
        row = cursor.fetchone()
    return None if row is None else Log.from_db(connection.alias, list(HEAD_READ), row)


@functools.cache
def _head_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_field(Log, name).column) for name in HEAD_READ)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (f"SELECT {columns} FROM {quote(Log._meta.db_table)} "  # noqa: S608
            f"WHERE {quote(_field(Log, 'family').column)} = %s{lock}")


@dataclass(frozen=True)
class _Opening:
    """What will open the new entry: its salt, and its content or its file's SHA-256."""

    salt: bytes
    content: bytes | None = None
    attachment_sha256: str = ""


def _append_commitment(
    family: Family, kind: str, actor: Membership | None, commitment: str, opening: _Opening,
    now: datetime | None,
) -> LogEntry:
    """Append one entry and its signed checkpoint, taking the head's lock as late as it can.

    Everything that does not depend on the head (the kind's check, the commitment, the
    actor's id, the clock) is ready before the lock is taken; under it come only the leaf,
    the new tree head and its signature (tens of microseconds) and the writes. On
    PostgreSQL the lock is one statement (SELECT ... FOR UPDATE) and the writes are one
    more (``_store``).
    """
    if actor is not None:  # what this member read of the record's size is out of date
        actor.__dict__.pop(_SIZE_SEEN, None)
    if kind not in record_kinds():
        # A programming error, not input: every kind is declared by its area with words.
        raise ValueError(f"record kind {kind!r} is not declared by any area")
    actor_name = actor_id(actor)
    user_id = actor.user_id if actor is not None else None
    now = now or timezone.now()
    # The append's own transaction, or the caller's without a savepoint. Whatever can be
    # refused (the kind here, content that is not JSON in ``append``) is refused before it
    # begins, so the caller's transaction goes on after a refusal; what fails inside is a
    # fault that ends the caller's transaction (as any error does in PostgreSQL).
    with family_scope(family=family.pk), transaction.atomic(savepoint=False):
        log = _locked_log(family)
        head = ledger.LogHead.restore(log.log_id, log.size, bytes(log.compact), log.last_time)
        done = ledger.append(head, kind=kind, actor=actor_name, commitment=commitment, now=now)
        checkpoint_signer = signer(log)
        note = checkpoint_signer.sign_checkpoint(
            origin=ledger.checkpoint_origin(log_name(log), log.log_id), size=done.head.size,
            root=done.head.root)
        recorded_at = datetime.fromisoformat(done.entry.time)
        entry = LogEntry(
            family=family, seq=done.entry.seq, kind=kind, actor=actor_name,
            actor_user_id=user_id, recorded_at=recorded_at, leaf=done.leaf,
            leaf_hash=done.leaf_hash)
        opened = EntryOpening(entry=entry, salt=opening.salt, content=opening.content,
                              attachment_sha256=opening.attachment_sha256)
        checkpoint = Checkpoint(
            family=family, size=done.head.size, root_hash=done.head.root, note=note,
            key_id=checkpoint_signer.key.key_id.hex(), created_at=recorded_at)
        _store(log, done.head, entry, opened, checkpoint)
    return entry


def _store(log: Log, head: ledger.LogHead, entry: LogEntry, opening: EntryOpening,
           checkpoint: Checkpoint) -> None:
    """Insert the entry, its opening and the checkpoint, and move the head, under the lock.

    PostgreSQL does it in one statement (``_one_statement``); elsewhere (SQLite, in the
    server's own process, where a statement costs no round trip) in four.
    """
    log.size, log.compact, log.last_time = head.size, head.tree.to_bytes(), head.last_time
    if connection.vendor == "postgresql":
        _one_statement(log, entry, opening, checkpoint)
        return
    entry.save(force_insert=True)
    opening.entry = entry  # again, now that the entry has its id
    opening.save(force_insert=True)
    checkpoint.save(force_insert=True)
    Log.objects.filter(pk=log.pk).update(size=log.size, compact=log.compact,
                                         last_time=log.last_time)


HEAD_FIELDS = ("size", "compact", "last_time")


def _one_statement(log: Log, entry: LogEntry, opening: EntryOpening,
                   checkpoint: Checkpoint) -> None:
    """The four writes of an append as one PostgreSQL statement (data-modifying WITH)."""
    params = [*_values(entry), *_values(opening, skip="entry"), *_values(checkpoint),
              *(_field(Log, name).get_db_prep_save(getattr(log, name), connection)
                for name in HEAD_FIELDS), log.pk]
    with connection.cursor() as cursor:
        cursor.execute(_append_sql(connection.vendor), params)
        row = cursor.fetchone()
    for instance, pk in zip((entry, opening, checkpoint), row, strict=True):
        instance.pk = pk
        instance._state.adding, instance._state.db = False, connection.alias
    opening.entry = entry  # again, now that the entry has its id


def _field(model: type[models.Model], name: str) -> Any:
    return model._meta.get_field(name)


def _pk_column(model: type[models.Model]) -> str:
    return str(_field(model, "id").column)


@functools.cache
def _inserted(model: type[models.Model], skip: str = "") -> list[Any]:
    """The columns an insert of ``model`` writes: all but the primary key (and ``skip``)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name != skip]


def _values(instance: models.Model, skip: str = "") -> list[Any]:
    return [f.get_db_prep_save(getattr(instance, f.attname), connection)
            for f in _inserted(type(instance), skip)]


@functools.cache
def _append_sql(vendor: str) -> str:
    """``WITH entry AS (INSERT ...), opening AS (INSERT ...), checkpoint AS (INSERT ...),
    head AS (UPDATE ...) SELECT`` the three new ids.

    Built once from the models' own table and column names, quoted; every value is a
    parameter (hence the ``noqa: S608``: nothing from a request reaches the text).
    """
    quote = connection.ops.quote_name

    def insert(model: type[models.Model], skip: str = "", first: str = "") -> str:
        columns = [quote(f.column) for f in _inserted(model, skip)]
        marks = ["%s"] * len(columns)
        if first:  # the opening's entry id, from the entry inserted just before
            columns, marks = [quote(_field(model, skip).column), *columns], [first, *marks]
        return (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(columns)}) "  # noqa: S608
                f"VALUES ({', '.join(marks)}) RETURNING {quote(_pk_column(model))} AS id")

    head = ", ".join(f"{quote(_field(Log, name).column)} = %s" for name in HEAD_FIELDS)
    return (
        f"WITH entry AS ({insert(LogEntry)}), "  # noqa: S608
        f"opening AS ({insert(EntryOpening, 'entry', '(SELECT id FROM entry)')}), "
        f"checkpoint AS ({insert(Checkpoint)}), "
        f"head AS (UPDATE {quote(Log._meta.db_table)} SET {head} "
        f"WHERE {quote(_pk_column(Log))} = %s) "
        "SELECT entry.id, opening.id, checkpoint.id FROM entry, opening, checkpoint"
    )


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
    kept in the entry's opening, from which exports read it. The entry is covered by a
    signed checkpoint stored in the same transaction.
    """
    salt = ledger.new_salt()
    body = ledger.content_bytes(content)
    return _append_commitment(family, kind, actor, ledger.commit(salt, body),
                              _Opening(salt, content=body), now)


RENAMED = "family.member.renamed"


def record_rename(membership: Membership, name: str, *, now: datetime | None = None) -> LogEntry:
    """Record a member's new display name in their family's record (exports name them so)."""
    return append(membership.family, RENAMED, membership,
                  {"member": actor_id(membership), "name": name}, now=now)


def file_name(family: Family, sha256: str) -> str:
    return f"record/{family.pk}/{sha256}"


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
    entry = _append_commitment(family, kind, actor, ledger.commit_file(salt, stream),
                               _Opening(salt, attachment_sha256=sha256), now)
    return entry, sha256


def file_download(request: HttpRequest, family: Family, sha256: str, *, name: str,
                  content_type: str) -> FileResponse:
    """A stored file for its reader: a PDF (or any file asked with ``?download=1``) is
    downloaded, an image shown, either sandboxed and never cached."""
    response = FileResponse(open_file(family, sha256), content_type=content_type,
                            as_attachment=content_type == "application/pdf"
                            or request.GET.get("download") == "1", filename=name)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


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
            raise ValueError(_("This family's record is still empty."))
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
            readme=_(ledger.README),  # what a person reads first, in the exporter's language
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
