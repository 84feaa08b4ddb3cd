"""Build small logs and bundles for the ledger tests, the way the records app will."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from twohomes.core.ledger import (
    ExportEntry,
    LogHead,
    append,
    bundle_bytes,
    checkpoint_origin,
    commit,
    content_bytes,
    sign_checkpoint,
    verifier_key,
)

SERVER = "twohomes.example.org"
LOG_ID = "9f2c4e1a7b3d5f60a1b2c3d4e5f60718"
START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
EXPORTED_AT = "2025-04-01T12:00:00.000000Z"
PHOTO = b"\x89PNG fake image bytes of a school report"


@dataclass
class Family:
    """A log with its openings, as the records app would hold it."""

    key: Ed25519PrivateKey
    head: LogHead
    leaves: list[bytes] = field(default_factory=list)
    salts: list[bytes] = field(default_factory=list)
    contents: list[bytes | None] = field(default_factory=list)
    attachment: dict[int, str] = field(default_factory=dict)

    @property
    def vkey(self) -> str:
        return verifier_key(self.key, SERVER).vkey()

    def checkpoint(self) -> str:
        return sign_checkpoint(
            self.key,
            key_name=SERVER,
            origin=checkpoint_origin(SERVER, self.head.log_id),
            size=self.head.size,
            root=self.head.root,
        )

    def export_entry(self, seq: int, withheld: Sequence[int] = ()) -> ExportEntry:
        if seq in withheld:
            return ExportEntry(leaf=self.leaves[seq], withheld=True)
        if seq in self.attachment:
            return ExportEntry(
                leaf=self.leaves[seq], salt=self.salts[seq], attachment_sha256=self.attachment[seq]
            )
        return ExportEntry(leaf=self.leaves[seq], salt=self.salts[seq], content=self.contents[seq])


def salt_for(seq: int) -> bytes:
    return hashlib.sha256(b"test salt %d" % seq).digest()


def build_family(
    size: int = 8,
    *,
    photo_at: int | None = 3,
    actor: str = "member-",
    bodies: dict[int, str] | None = None,
) -> Family:
    """``size`` messages (entry ``photo_at`` is a photo attachment), one minute apart;
    ``bodies`` replaces the text of some of them."""
    family = Family(key=Ed25519PrivateKey.generate(), head=LogHead(LOG_ID))
    for seq in range(size):
        salt = salt_for(seq)
        if seq == photo_at:
            content, commitment = None, commit(salt, PHOTO)
            family.attachment[seq] = hashlib.sha256(PHOTO).hexdigest()
            kind = "messaging.attachment.added"
        else:
            text = (bodies or {}).get(seq, f"Pickup at 5? ({seq})")
            body = {"thread": "t1" if seq % 2 else "t2", "body": text}
            content = content_bytes(body)
            commitment = commit(salt, content)
            kind = "messaging.message.sent"
        done = append(
            family.head,
            kind=kind,
            actor=f"{actor}{seq % 2}",
            commitment=commitment,
            now=START + timedelta(minutes=seq),
        )
        family.head = done.head
        family.leaves.append(done.leaf)
        family.salts.append(salt)
        family.contents.append(content)
    return family


def full_bundle(family: Family, withheld: Sequence[int] = ()) -> bytes:
    return bundle_bytes(
        log_id=family.head.log_id,
        checkpoint=family.checkpoint(),
        vkey=family.vkey,
        entries=[family.export_entry(seq, withheld) for seq in range(family.head.size)],
        attachments={hashlib.sha256(PHOTO).hexdigest(): PHOTO},
        exported_at=EXPORTED_AT,
    )


def partial_bundle(family: Family, seqs: Sequence[int], withheld: Sequence[int] = ()) -> bytes:
    from twohomes.core.ledger import leaf_hash

    return bundle_bytes(
        log_id=family.head.log_id,
        checkpoint=family.checkpoint(),
        vkey=family.vkey,
        entries=[family.export_entry(seq, withheld) for seq in seqs],
        attachments={hashlib.sha256(PHOTO).hexdigest(): PHOTO},
        log_leaf_hashes=[leaf_hash(leaf) for leaf in family.leaves],
        selection="thread t1",
        exported_at=EXPORTED_AT,
    )


def rewrite(bundle: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """A copy of ``bundle`` with member ``name`` replaced by ``change(old bytes)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == name else data)
    return out.getvalue()


def read_member(bundle: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(bundle)) as src:
        return src.read(name)
