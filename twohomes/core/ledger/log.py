"""Appending to a log: the pure step the database layer runs under the log head's lock.

The caller (the Django ``records`` app) keeps one head row per log and, inside one
transaction with that row locked (``SELECT ... FOR UPDATE``), calls ``append`` for each
new entry, stores the returned leaf, and saves the returned head. Nothing here touches a
clock, a database or a random source except ``new_salt``/``new_log_id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from twohomes.core.ledger.entry import Entry, format_time
from twohomes.core.ledger.merkle import CompactRange, leaf_hash


@dataclass(frozen=True)
class LogHead:
    """What must be stored per log to append: id, compact range and the latest time."""

    log_id: str
    tree: CompactRange = field(default_factory=CompactRange)
    last_time: str = ""

    @property
    def size(self) -> int:
        return self.tree.size

    @property
    def root(self) -> bytes:
        return self.tree.root

    @classmethod
    def restore(cls, log_id: str, size: int, compact: bytes, last_time: str) -> LogHead:
        """Rebuild a head from its stored columns (``compact`` is ``tree.to_bytes()``)."""
        return cls(log_id, CompactRange.from_bytes(size, compact), last_time)


@dataclass(frozen=True)
class Appended:
    """The result of one append: store ``leaf`` and ``leaf_hash`` with the entry."""

    entry: Entry
    leaf: bytes
    leaf_hash: bytes
    head: LogHead


def append(head: LogHead, *, kind: str, actor: str, commitment: str, now: datetime) -> Appended:
    """Append one entry after ``head``; ``now`` is the server's aware current time.

    Times never go backwards within a log: if the clock reads earlier than the latest
    entry (another server's clock, a step back), the entry takes the latest entry's time.
    """
    time = max(format_time(now), head.last_time)
    entry = Entry(head.log_id, head.size, kind, time, actor, commitment)
    leaf = entry.leaf()
    digest = leaf_hash(leaf)
    new_head = LogHead(head.log_id, head.tree.append(digest), time)
    return Appended(entry=entry, leaf=leaf, leaf_hash=digest, head=new_head)
