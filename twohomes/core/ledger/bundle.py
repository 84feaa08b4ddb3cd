"""Writing export bundles: one zip that anyone can verify offline with ``verify.py``.

Layout (see docs/record-format.md)::

    README.txt            what this is and how to check it, for whoever receives it
    manifest.json         format, log id, scope (full | partial), selection, counts
    people.json           member id -> name, from the entries' own member entries
    entries.jsonl         one leaf per line: the exact stored leaf bytes (canonical JSON)
    contents.jsonl        one opening per line: {"seq","salt","content"} | attachment | withheld
    attachments/<sha256>  attachment files, named by the SHA-256 of their bytes
    checkpoint.txt        the signed checkpoint (C2SP signed note)
    key.vkey              the server's verifier key (name+hash+base64 key)
    proofs/<seq>.tlog-proof   partial exports only: an inclusion proof per entry
    verify.py             a copy of the standalone verifier
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from twohomes.core.ledger import verify
from twohomes.core.ledger.merkle import MerkleTree, leaf_hash, root_from_leaf_hashes
from twohomes.core.ledger.proof import format_tlog_proof
from twohomes.core.ledger.verify import (
    BUNDLE_FORMAT,
    LEAF_PATTERN,
    PERSON_KINDS,
    Checkpoint,
    Person,
    parse_checkpoint_body,
    parse_vkey,
    people_document,
    people_from_contents,
    split_note,
)


@dataclass(frozen=True)
class ExportEntry:
    """One entry to export: its stored leaf and, unless withheld, what opens its commitment.

    ``content`` is the committed canonical-JSON content; for an attachment entry give
    ``attachment_sha256`` instead and pass the file in ``write_bundle(attachments=...)``.
    ``withheld`` exports the entry without its content: only its leaf (and so its
    commitment) is in the bundle, as a partial export or a private item needs.
    """

    leaf: bytes
    salt: bytes | None = None
    content: bytes | None = None
    attachment_sha256: str | None = None
    withheld: bool = False

    @property
    def seq(self) -> int:
        match = LEAF_PATTERN.fullmatch(self.leaf)
        if match is None:
            raise ValueError("the leaf is not a canonical v1 leaf")
        return int(match[3])

    def opening_line(self) -> bytes:
        """This entry's contents.jsonl line. Content bytes are copied, never re-encoded."""
        seq = self.seq
        if self.withheld:
            return b'{"seq":%d,"withheld":true}' % seq
        if self.salt is None or (self.content is None) == (self.attachment_sha256 is None):
            raise ValueError(f"entry {seq}: give a salt and either content or an attachment")
        if self.attachment_sha256 is not None:
            return b'{"seq":%d,"salt":"%s","attachment":"%s"}' % (
                seq, self.salt.hex().encode(), self.attachment_sha256.encode()
            )
        content = self.content or b""
        if b"\n" in content or b"\r" in content:
            raise ValueError(f"entry {seq}: content must be canonical JSON (one line)")
        json.loads(content)  # a JSON value, so the line stays valid JSON
        return b'{"seq":%d,"salt":"%s","content":%s}' % (seq, self.salt.hex().encode(), content)


def gettext_noop(text: str) -> str:
    """Marks ``text`` for the catalogues (the engines import no Django): the server
    translates it into the reader's language; the command line keeps the English."""
    return text


README = gettext_noop("""\
TwoHomes record export
======================

This archive is an export of a family's record from a TwoHomes server: messages,
decisions and other events, each one an entry in an append-only log. The server signed
the state of the whole log (the "checkpoint"); anyone can check, with nothing but this
archive, that the entries below are exactly the ones the server recorded, in order,
unaltered.

Log id:      {log_id}
Scope:       {scope}
Entries:     {entries}
Exported at: {exported_at}

People named in it
------------------
The entries name people by a member id only. Their names come from the record's own
entries (a member joining, a change of name), so they are checked with the rest; the
latest name is shown first.

{people}

How to check it
---------------
    python3 verify.py {bundle_name}              (needs Python 3.11+ and `cryptography`)
    python3 verify.py {bundle_name} --key '<the server's published key>'

or `twohomes verify {bundle_name}` where TwoHomes is installed. It prints a one-screen
verdict and exits with status 0 only when every check passes. verify.py is a copy of the
TwoHomes verifier; for an independent check obtain it from the TwoHomes project instead.
Pinning the key with --key (the server's key as published by its operator) is what proves
the server, and not merely someone with a key, signed this record.

What is inside
--------------
entries.jsonl    one entry per line, exactly the bytes the log hashed: log id, sequence
                 number, kind, time (UTC), actor id and a commitment to the content.
contents.jsonl   the content of each entry with its salt: SHA-256(salt || content) must
                 equal the entry's commitment. An entry exported without its content
                 (withheld) has only {{"seq": N, "withheld": true}} here; it still counts
                 in the log and its entry is still checked.
attachments/     files, named by their SHA-256.
checkpoint.txt   the signed log size and root hash (C2SP tlog-checkpoint format).
key.vkey         the server's public key (C2SP signed-note verifier key).
proofs/          in a partial export, a proof (C2SP tlog-proof) that each entry is in
                 the signed log.
people.json      the people above: member id, name and earlier names (if any).
manifest.json    the facts above, for programs.

The format is described in full in TwoHomes' docs/record-format.md.
""")


def bundle_people(entries: Sequence[ExportEntry]) -> list[Person]:
    """The people the exported member entries name (withheld ones name nobody)."""
    pairs = []
    for entry in entries:
        kind = json.loads(entry.leaf)["kind"]
        if kind in PERSON_KINDS and entry.content is not None and not entry.withheld:
            pairs.append((kind, json.loads(entry.content)))
    return people_from_contents(pairs)


def _verifier_source() -> bytes:
    return Path(verify.__file__).read_bytes()


def _zip_time(exported_at: str) -> tuple[int, int, int, int, int, int]:
    date, _, time = exported_at.partition("T")
    year, month, day = (int(part) for part in date.split("-"))
    hour, minute, second = (int(float(part)) for part in time.rstrip("Z").split(":"))
    return (max(year, 1980), month, day, hour, minute, second)


class _Writer:
    def __init__(self, out: IO[bytes], exported_at: str) -> None:
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
        self.date_time = _zip_time(exported_at)

    def put(self, name: str, data: bytes | IO[bytes], stored: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self.zip.open(info, "w", force_zip64=True) as member:
            if isinstance(data, bytes):
                member.write(data)
            else:
                shutil.copyfileobj(data, member)


def _check_full(entries: Sequence[ExportEntry], checkpoint: Checkpoint) -> None:
    if [e.seq for e in entries] != list(range(checkpoint.size)):
        raise ValueError("a full export holds entries 0..size-1 of the checkpoint, in order")
    if root_from_leaf_hashes([leaf_hash(e.leaf) for e in entries]) != checkpoint.root:
        raise ValueError("the entries do not hash to the checkpoint's root")


def _proofs(
    entries: Sequence[ExportEntry],
    checkpoint: Checkpoint,
    note: str,
    log_leaf_hashes: Sequence[bytes],
) -> dict[int, str]:
    tree = MerkleTree(log_leaf_hashes[: checkpoint.size])
    if tree.size != checkpoint.size or tree.root != checkpoint.root:
        raise ValueError("the log's leaf hashes do not match the checkpoint")
    proofs = {}
    for entry in entries:
        if log_leaf_hashes[entry.seq] != leaf_hash(entry.leaf):
            raise ValueError(f"entry {entry.seq} is not the log's leaf {entry.seq}")
        proofs[entry.seq] = format_tlog_proof(entry.seq, tree.inclusion_proof(entry.seq), note)
    return proofs


def write_bundle(
    out: IO[bytes],
    *,
    log_id: str,
    checkpoint: str,
    vkey: str,
    entries: Sequence[ExportEntry],
    exported_at: str,
    attachments: Mapping[str, bytes | IO[bytes]] | None = None,
    log_leaf_hashes: Sequence[bytes] | None = None,
    selection: str = "",
    bundle_name: str = "BUNDLE.zip",
    readme: str = README,
) -> None:
    """Write a bundle zip to the binary file ``out``.

    A full export passes every entry of the checkpointed log, in order. A partial export
    (one thread, a date range) passes its entries, a ``selection`` description and
    ``log_leaf_hashes``: the leaf hashes of the whole log up to the checkpoint's size,
    from which each entry's inclusion proof is made. ``exported_at`` is an RFC 3339 UTC
    time (the caller's clock). Raises ValueError rather than write a bundle that would
    not verify.
    """
    cp = parse_checkpoint_body(split_note(checkpoint)[0])
    parse_vkey(vkey)
    attachments = attachments or {}
    partial = log_leaf_hashes is not None
    proofs = {} if log_leaf_hashes is None else _proofs(entries, cp, checkpoint, log_leaf_hashes)
    if not partial:
        _check_full(entries, cp)
    manifest = {
        "format": BUNDLE_FORMAT,
        "log": log_id,
        "scope": "partial" if partial else "full",
        "selection": selection or ("" if partial else "the whole log"),
        "exported_at": exported_at,
        "entries": len(entries),
        "checkpoint_size": cp.size,
    }
    people = bundle_people(entries)
    writer = _Writer(out, exported_at)
    readme = readme.format(
        people="\n".join(f"    {p.line()}" for p in people) or "    (none in this export)",
        log_id=log_id,
        scope=f"partial ({selection})" if partial else "full (the whole log)",
        entries=len(entries),
        exported_at=exported_at,
        bundle_name=bundle_name,
    )
    writer.put("README.txt", readme.encode())
    writer.put("manifest.json", json.dumps(manifest, indent=2).encode() + b"\n")
    if people:
        writer.put("people.json", people_document(people))
    writer.put("entries.jsonl", b"".join(e.leaf + b"\n" for e in entries))
    writer.put("contents.jsonl", b"".join(e.opening_line() + b"\n" for e in entries))
    _write_attachments(writer, entries, attachments)
    writer.put("checkpoint.txt", checkpoint.encode())
    writer.put("key.vkey", vkey.strip().encode() + b"\n")
    for seq, proof in proofs.items():
        writer.put(f"proofs/{seq}.tlog-proof", proof.encode())
    writer.put("verify.py", _verifier_source())
    writer.zip.close()


def _write_attachments(
    writer: _Writer, entries: Sequence[ExportEntry], attachments: Mapping[str, bytes | IO[bytes]]
) -> None:
    wanted = {e.attachment_sha256 for e in entries if e.attachment_sha256 and not e.withheld}
    missing = wanted - set(attachments)
    if missing:
        raise ValueError(f"attachments not given: {', '.join(sorted(missing))}")
    for digest in sorted(wanted):
        data = attachments[digest]
        if isinstance(data, bytes) and hashlib.sha256(data).hexdigest() != digest:
            raise ValueError(f"attachment {digest} does not have that SHA-256")
        writer.put(f"attachments/{digest}", data, stored=True)


def bundle_bytes(**kwargs: Any) -> bytes:
    """``write_bundle`` into memory; returns the zip's bytes (same keyword arguments)."""
    buffer = io.BytesIO()
    write_bundle(buffer, **kwargs)
    return buffer.getvalue()
