"""RFC 9162 Merkle trees: roots, inclusion and consistency proofs, and the compact range.

The hash functions and proof *verification* live in ``verify.py`` (the standalone offline
verifier) and are re-exported here, so the server and the verifier share one
implementation. This module adds what only the server needs: building proofs and keeping
the log head as a compact range, so appending a leaf costs O(log n) without reading the
log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twohomes.core.ledger.verify import (
    EMPTY_ROOT,
    HASH_SIZE,
    leaf_hash,
    leaf_hashes_of,
    next_level,
    node_hash,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)

__all__ = [
    "EMPTY_ROOT",
    "CompactRange",
    "MerkleTree",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "leaf_hashes_of",
    "node_hash",
    "root_from_leaf_hashes",
    "verify_consistency",
    "verify_inclusion",
]


def _split(size: int) -> int:
    """The largest power of two strictly smaller than ``size`` (RFC 9162's k), size >= 2."""
    return 1 << ((size - 1).bit_length() - 1)


class MerkleTree:
    """All levels of the RFC 9162 tree over a list of leaf hashes, for answering proofs.

    Level 0 holds the leaf hashes; each level above pairs neighbours and carries an odd
    last node up unchanged, which yields exactly RFC 9162's shape: node ``j`` of level
    ``l`` is the hash of leaves ``[j * 2**l, min((j + 1) * 2**l, size))``. Building costs
    about ``size`` node hashes; each proof then costs O(log size).
    """

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        level = list(leaf_hashes)
        if any(len(h) != HASH_SIZE for h in level):
            raise ValueError("leaf hashes are 32 bytes")
        self.size = len(level)
        self._levels = [level]
        while len(level) > 1:
            level = next_level(level)
            self._levels.append(level)

    @property
    def root(self) -> bytes:
        return self._levels[-1][0] if self.size else EMPTY_ROOT

    def range_hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]), ``end`` <= size: a stored node when the range is one, else
        RFC 9162's split (O(log n) for the aligned ranges that proofs ask for)."""
        length = end - start
        level = (length - 1).bit_length()
        aligned = start % (1 << level) == 0
        if aligned and (length == 1 << level or end == self.size):
            return self._levels[level][start >> level]
        k = _split(length)
        return node_hash(self.range_hash(start, start + k), self.range_hash(start + k, end))

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """RFC 9162 PATH(index, D[0:size]) — ``size`` defaults to the whole tree."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ValueError(f"no leaf {index} in a tree of size {size}")
        path: list[bytes] = []
        start, end = 0, size
        while end - start > 1:
            k = _split(end - start)
            if index < start + k:
                path.append(self.range_hash(start + k, end))
                end = start + k
            else:
                path.append(self.range_hash(start, start + k))
                start += k
        path.reverse()
        return path

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        """RFC 9162 PROOF(size1, D[0:size2]); 0 < size1 <= size2 <= size."""
        size2 = self.size if size2 is None else size2
        if not 0 < size1 <= size2 <= self.size:
            raise ValueError(f"no consistency proof from {size1} to {size2}")
        proof: list[bytes] = []
        start, end, m, whole = 0, size2, size1, True
        while m != end - start:
            k = _split(end - start)
            if m <= k:
                proof.append(self.range_hash(start + k, end))
                end = start + k
            else:
                proof.append(self.range_hash(start, start + k))
                start, m, whole = start + k, m - k, False
        if not whole:
            proof.append(self.range_hash(start, end))
        proof.reverse()
        return proof


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 inclusion proof for leaf ``index`` in the tree of all ``leaf_hashes``."""
    return MerkleTree(leaf_hashes).inclusion_proof(index)


def consistency_proof(size1: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 consistency proof from the first ``size1`` leaves to all ``leaf_hashes``."""
    return MerkleTree(leaf_hashes).consistency_proof(size1)


@dataclass(frozen=True)
class CompactRange:
    """The log head as a compact range: one hash per set bit of ``size``, largest first.

    This is everything needed to append a leaf and compute the new root in O(log n), so a
    database keeps it in the log's head row (``to_bytes``/``from_bytes``: 32 bytes a hash).
    """

    size: int = 0
    hashes: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        if self.size < 0 or len(self.hashes) != self.size.bit_count():
            raise ValueError("a compact range holds one hash per set bit of its size")
        if any(len(h) != HASH_SIZE for h in self.hashes):
            raise ValueError("compact range hashes are 32 bytes")

    def append(self, leaf_hash_: bytes) -> CompactRange:
        """The range after appending one leaf (given as its leaf hash)."""
        if len(leaf_hash_) != HASH_SIZE:
            raise ValueError("a leaf hash is 32 bytes")
        hashes = list(self.hashes)
        merged, carry = leaf_hash_, self.size
        while carry & 1:
            merged = node_hash(hashes.pop(), merged)
            carry >>= 1
        hashes.append(merged)
        return CompactRange(self.size + 1, tuple(hashes))

    @property
    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        root = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            root = node_hash(h, root)
        return root

    def to_bytes(self) -> bytes:
        return b"".join(self.hashes)

    @classmethod
    def from_bytes(cls, size: int, data: bytes) -> CompactRange:
        if len(data) % HASH_SIZE:
            raise ValueError("compact range bytes are a multiple of 32")
        hashes = tuple(data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE))
        return cls(size, hashes)

    @classmethod
    def from_leaf_hashes(cls, leaf_hashes: Sequence[bytes]) -> CompactRange:
        """Rebuild the head from all leaf hashes (recovery, or checking a stored head)."""
        compact = cls()
        for h in leaf_hashes:
            compact = compact.append(h)
        return compact
