"""Log entries and their leaves: the exact canonical bytes that the Merkle tree hashes."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from twohomes.core.ledger.canonical import canonical_json

LEAF_VERSION = 1
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_LOG_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KIND_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")
_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_LEAF_KEYS = {"v", "log", "seq", "kind", "time", "actor", "commitment"}


def new_log_id() -> str:
    """A random log id (128 bits, hex): it says nothing about the family."""
    return secrets.token_hex(16)


def format_time(moment: datetime) -> str:
    """An aware datetime as the leaf's UTC RFC 3339 form, always with microseconds.

    The fixed width makes the text order the time order, which the verifier relies on.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("entry times must be timezone-aware")
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


@dataclass(frozen=True)
class Entry:
    """One log entry as its leaf states it. ``commitment`` stands in for the content."""

    log_id: str
    seq: int
    kind: str
    time: str
    actor: str
    commitment: str

    def __post_init__(self) -> None:
        problems = [
            ("log_id", _LOG_ID_RE.fullmatch(self.log_id)),
            ("seq", type(self.seq) is int and self.seq >= 0),
            ("kind", _KIND_RE.fullmatch(self.kind)),
            ("time", _TIME_RE.fullmatch(self.time)),
            ("actor", isinstance(self.actor, str) and self.actor),
            ("commitment", _HEX64_RE.fullmatch(self.commitment)),
        ]
        bad = [name for name, valid in problems if not valid]
        if bad:
            raise ValueError(f"invalid entry field(s): {', '.join(bad)}")

    def leaf(self) -> bytes:
        """The exact leaf bytes: RFC 8785 JSON of the fields. Store these; never rebuild."""
        return canonical_json(
            {
                "v": LEAF_VERSION,
                "log": self.log_id,
                "seq": self.seq,
                "kind": self.kind,
                "time": self.time,
                "actor": self.actor,
                "commitment": self.commitment,
            }
        )

    @classmethod
    def from_leaf(cls, leaf: bytes) -> Entry:
        """Read a stored leaf back; raises ValueError unless it is a canonical v1 leaf."""
        fields = json.loads(leaf)
        if not isinstance(fields, dict) or set(fields) != _LEAF_KEYS:
            raise ValueError("a leaf has exactly the v1 fields")
        if fields.pop("v") != LEAF_VERSION:
            raise ValueError("unknown leaf version")
        entry = cls(log_id=fields.pop("log"), **fields)
        if entry.leaf() != leaf:
            raise ValueError("leaf is not in canonical form")
        return entry

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def make_leaf(
    *, log_id: str, seq: int, kind: str, time: str, actor: str, commitment: str
) -> bytes:
    """The canonical leaf bytes for these fields (validated as an Entry)."""
    return Entry(log_id, seq, kind, time, actor, commitment).leaf()
