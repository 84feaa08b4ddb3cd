"""Offline verifier for TwoHomes record bundles — one self-contained file.

This module imports nothing but the Python standard library and ``cryptography``, so it
can be handed on its own to whoever must check a bundle (a court's expert, the other
parent's lawyer)::

    python verify.py BUNDLE.zip [--key VKEY]

Inside the TwoHomes package it uses the package's optional compiled module for the same
checks, faster, when that was built; alone, it does every check itself.

It also holds the RFC 9162 hash and proof-verification functions and the C2SP
signed-note/checkpoint/tlog-proof parsers; the rest of ``twohomes.core.ledger`` imports
them from here, so the server and the verifier can never disagree. The bundle format is
described in ``docs/record-format.md`` and in the README.txt inside every bundle.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import gc
import hashlib
import importlib
import io
import itertools
import json
import operator
import os
import re
import struct
import sys
import threading
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
BUNDLE_FORMAT = "twohomes-bundle/1"
PROOF_HEADER = "c2sp.org/tlog-proof@v1"
SIGNATURE_PREFIX = "\u2014 "  # an em dash and a space open every signed-note signature line
ED25519_TYPE = b"\x01"

_sha256 = hashlib.sha256
_HASH = type(_sha256())
_digest = _HASH.digest  # the method itself: cheaper in map() than methodcaller("digest")


# --- RFC 9162 hashing --------------------------------------------------------------------


def leaf_hash(leaf: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || leaf)."""
    return _sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def leaf_hashes_of(leaves: Iterable[bytes]) -> list[bytes]:
    """The leaf hash of every leaf (chained C-level maps: no Python call per leaf)."""
    return list(map(_digest, map(_sha256, map(b"\x00".__add__, leaves))))


_NODE_PREFIX = _sha256(b"\x01")


def next_level(level: Sequence[bytes]) -> list[bytes]:
    """One level up the RFC 9162 tree: neighbours paired, an odd last node carried up.

    Each node is SHA-256(0x01 || left || right), fed as copies of a hash of the 0x01
    prefix updated with left then right (C-level maps, no concatenated temporaries).
    """
    rights = level[1::2]
    nodes = list(map(_HASH.copy, itertools.repeat(_NODE_PREFIX, len(rights))))
    deque(map(_HASH.update, nodes, level[0::2]), 0)  # stops at the last pair
    deque(map(_HASH.update, nodes, rights), 0)
    upper = list(map(_digest, nodes))
    if len(level) % 2:
        upper.append(level[-1])
    return upper


def root_from_leaf_hashes(leaf_hashes: Iterable[bytes]) -> bytes:
    """Root of the RFC 9162 tree over ``leaf_hashes``, level by level (no recursion).

    Pairing neighbours and carrying an odd last node up unchanged gives exactly the shape
    of RFC 9162's recursive definition, for any number of leaves.
    """
    level = list(leaf_hashes)
    if not level:
        return EMPTY_ROOT
    while len(level) > 1:
        level = next_level(level)
    return level[0]


def _all_hashes(hashes: Iterable[bytes]) -> bool:
    return all(isinstance(h, bytes) and len(h) == HASH_SIZE for h in hashes)


def _shift_while_even(fn: int, sn: int) -> tuple[int, int]:
    while not fn & 1 and fn != 0:
        fn >>= 1
        sn >>= 1
    return fn, sn


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 section 2.1.3.2: is ``leaf`` (a leaf hash) at ``index`` of the tree ``root``?"""
    if not 0 <= index < size or not _all_hashes([leaf, *proof]):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            fn, sn = _shift_while_even(fn, sn)
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> bool:
    """RFC 9162 section 2.1.4.2: is the tree (size2, root2) an extension of (size1, root1)?

    A proof from the empty tree proves nothing and is rejected, as is a non-empty proof
    between equal sizes.
    """
    if size1 <= 0 or size2 < size1 or not _all_hashes(proof):
        return False
    if size1 == size2:
        return not proof and root1 == root2
    if not proof:
        return False
    path = list(proof)
    if size1 & (size1 - 1) == 0:  # size1 is a power of two: its root is a node of tree 2
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            fn, sn = _shift_while_even(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == root1 and sr == root2


# --- C2SP signed notes, checkpoints and proofs --------------------------------------------


class LedgerError(ValueError):
    """Base class of the ledger's checkable failures."""


class FormatError(LedgerError):
    """A checkpoint, key or proof text that does not follow its C2SP format."""


class VerificationError(LedgerError):
    """A well-formed signature or proof that does not verify."""


@dataclass(frozen=True)
class VerifierKey:
    """An Ed25519 signed-note verifier key (``name+hash+base64(0x01 || key)``)."""

    name: str
    key_id: bytes
    public_key: bytes

    def vkey(self) -> str:
        encoded = base64.b64encode(ED25519_TYPE + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"


@dataclass(frozen=True)
class Checkpoint:
    """The signed body of a C2SP tlog-checkpoint."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def body(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode()]
        return "\n".join([*lines, *self.extensions]) + "\n"


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_id: bytes
    signature: bytes


@dataclass(frozen=True)
class TlogProof:
    """A parsed C2SP tlog-proof: an inclusion proof for ``index`` plus its checkpoint note."""

    index: int
    hashes: tuple[bytes, ...]
    checkpoint_note: str
    extra: bytes | None = None


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise FormatError(f"{what} is not valid base64") from exc


def _check_key_name(name: str) -> None:
    if not name or "+" in name or any(ch.isspace() for ch in name):
        raise FormatError(f"invalid key name {name!r}")


def key_id(name: str, public_key: bytes) -> bytes:
    """C2SP signed-note key ID of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || key)[:4]."""
    return _sha256(name.encode() + b"\n" + ED25519_TYPE + public_key).digest()[:4]


def parse_vkey(vkey: str) -> VerifierKey:
    """Parse a verifier key string ``name+hash+base64(0x01 || public key)``."""
    parts = vkey.strip().split("+", 2)  # the base64 key itself may contain "+"
    if len(parts) != 3:
        raise FormatError("a verifier key has the form name+hash+key")
    name, hash_hex, key_b64 = parts
    _check_key_name(name)
    blob = _b64decode(key_b64, "verifier key")
    if len(blob) != 33 or blob[:1] != ED25519_TYPE:
        raise FormatError("verifier key is not an Ed25519 key")
    kid = key_id(name, blob[1:])
    if hash_hex != kid.hex():
        raise FormatError("verifier key hash does not match its name and key")
    return VerifierKey(name=name, key_id=kid, public_key=blob[1:])


def split_note(note: str) -> tuple[str, list[NoteSignature]]:
    """Split a signed note into its text (ending in a newline) and its signature lines."""
    text, sep, sig_block = note.rpartition("\n\n")
    if not sep or not sig_block.endswith("\n"):
        raise FormatError("a signed note is text, a blank line and signature lines")
    signatures = []
    for line in sig_block[:-1].split("\n"):
        if not line.startswith(SIGNATURE_PREFIX):
            raise FormatError("a signature line starts with an em dash and a space")
        name, _, encoded = line[len(SIGNATURE_PREFIX) :].partition(" ")
        _check_key_name(name)
        blob = _b64decode(encoded, "signature")
        if len(blob) < 5:
            raise FormatError("signature too short")
        signatures.append(NoteSignature(name=name, key_id=blob[:4], signature=blob[4:]))
    return text + "\n", signatures


def parse_checkpoint_body(text: str) -> Checkpoint:
    """Parse the note text of a C2SP tlog-checkpoint (origin, size, base64 root, ...)."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "":
        raise FormatError("a checkpoint has an origin, a size and a root hash line")
    origin, size_text, root_text, *extensions = lines[:-1]
    if not origin or not re.fullmatch(r"0|[1-9][0-9]{0,19}", size_text):
        raise FormatError("checkpoint origin or size is malformed")
    root = _b64decode(root_text, "checkpoint root")
    if len(root) != HASH_SIZE or any(not ext for ext in extensions):
        raise FormatError("checkpoint root or extension lines are malformed")
    return Checkpoint(origin=origin, size=int(size_text), root=root, extensions=tuple(extensions))


def verify_note_signature(text: str, signatures: Sequence[NoteSignature], key: VerifierKey) -> bool:
    """True when one signature line is ``key``'s valid Ed25519 signature over ``text``."""
    public_key = Ed25519PublicKey.from_public_bytes(key.public_key)
    for sig in signatures:
        if sig.name != key.name or sig.key_id != key.key_id:
            continue
        try:
            public_key.verify(sig.signature, text.encode())
        except InvalidSignature:
            continue
        return True
    return False


def verify_checkpoint(note: str, key: VerifierKey) -> Checkpoint:
    """Parse a signed checkpoint note and check ``key``'s signature; raise FormatError if not."""
    text, signatures = split_note(note)
    checkpoint = parse_checkpoint_body(text)
    if not verify_note_signature(text, signatures, key):
        raise VerificationError(f"checkpoint carries no valid signature by key {key.name}")
    return checkpoint


def parse_tlog_proof(text: str) -> TlogProof:
    """Parse a C2SP tlog-proof (header, optional extra, index, hashes, blank, checkpoint)."""
    head, sep, note = text.partition("\n\n")
    lines = head.split("\n")
    if not sep or lines[0] != PROOF_HEADER:
        raise FormatError(f"a proof starts with {PROOF_HEADER} and has a blank line")
    extra = None
    rest = lines[1:]
    if rest and rest[0].startswith("extra "):
        extra = _b64decode(rest[0][6:], "proof extra data")
        rest = rest[1:]
    if not rest or not re.fullmatch(r"index (0|[1-9][0-9]{0,19})", rest[0]):
        raise FormatError("proof index line is missing or malformed")
    hashes = tuple(_b64decode(line, "proof hash") for line in rest[1:])
    if not _all_hashes(hashes):
        raise FormatError("a proof hash is not 32 bytes")
    return TlogProof(index=int(rest[0][6:]), hashes=hashes, checkpoint_note=note, extra=extra)


def verify_tlog_proof(text: str, leaf: bytes, key: VerifierKey) -> Checkpoint:
    """Check a tlog-proof for the exact ``leaf`` bytes against ``key``; return its checkpoint.

    The proof counts only when its checkpoint carries ``key``'s valid signature and the
    inclusion path leads from the leaf at the proof's index to the checkpoint's root.
    """
    proof = parse_tlog_proof(text)
    checkpoint = verify_checkpoint(proof.checkpoint_note, key)
    if not verify_inclusion(
        proof.index, checkpoint.size, leaf_hash(leaf), proof.hashes, checkpoint.root
    ):
        raise VerificationError(f"the proof does not place the leaf at index {proof.index}")
    return checkpoint


# --- Bundle verification ------------------------------------------------------------------

FAIL = "fail"
INFO = "info"
_MAX_PER_CODE = 5

# Leaves are RFC 8785 canonical JSON, so the server's leaves have exactly this layout (keys
# sorted, no spaces); leaves in another layout are parsed with json instead. Groups:
# commitment, log, seq, time.
_JSTR = rb'"(?:[^"\\\x00-\x1f]|\\.)*"'
_TIME = rb"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z"
LEAF_PATTERN = re.compile(
    rb'\{"actor":' + _JSTR + rb',"commitment":"([0-9a-f]{64})","kind":' + _JSTR
    + rb',"log":"([A-Za-z0-9_-]{1,64})","seq":(0|[1-9][0-9]{0,18}),"time":"(' + _TIME
    + rb')","v":1\}'
)
_TIME_RE = re.compile(_TIME.decode())
# The whole-file fast path takes actor and kind strings without escapes (opaque ids and
# dotted codes); a leaf with escapes goes to the line-by-line path, which accepts it.
_LEAF_LINES = re.compile(
    b"^" + LEAF_PATTERN.pattern.replace(_JSTR, rb'"[^"\\\x00-\x1f]*"') + b"$", re.MULTILINE
)
_CONTENT = rb'\{"seq":(0|[1-9][0-9]{0,18}),"salt":"([0-9a-f]{64})","content":(.*)\}'
_CONTENT_LINES = re.compile(b"^" + _CONTENT + b"$", re.MULTILINE)
# Lines of contents.jsonl in any other shape: attachments, sealing notes, damaged lines.
_OTHER_LINES = re.compile(rb"^(?!" + _CONTENT + rb"$).*$", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    """One named result: ``code`` is stable (e.g. ``entry.commitment``), ``level`` fail/info."""

    code: str
    message: str
    level: str = FAIL


@dataclass
class Verdict:
    """The outcome of verifying one bundle: ``ok`` only when nothing failed."""

    findings: list[Finding] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.level == FAIL for f in self.findings)

    @property
    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def add(self, code: str, message: str, level: str = FAIL) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if self.counts[code] <= _MAX_PER_CODE:
            self.findings.append(Finding(code, message, level))

    def fact(self, label: str, value: str) -> None:
        self.facts.append((label, value))

    def render(self) -> str:
        width = max((len(label) for label, _ in self.facts), default=0)
        lines = ["TwoHomes record bundle verification", ""]
        lines += [f"  {label.ljust(width)}  {value}" for label, value in self.facts]
        lines.append("")
        if self.people:
            lines.append("  People named in the record (from its own entries):")
            lines += [f"    {person.line()}" for person in self.people]
            lines.append("")
        for finding in self.findings:
            mark = "FAIL" if finding.level == FAIL else "note"
            lines.append(f"  {mark}  {finding.code}: {finding.message}")
        for code, count in sorted(self.counts.items()):
            if count > _MAX_PER_CODE:
                lines.append(f"  ....  {code}: {count - _MAX_PER_CODE} more like this")
        if self.findings:
            lines.append("")
        lines.append("VERDICT: VALID — every check passed" if self.ok else "VERDICT: NOT VALID")
        return "\n".join(lines)


class BundleError(Exception):
    """The input is not a readable bundle at all (not a zip, a required file missing)."""


@dataclass
class _Leaf:
    seq: int
    log: str
    time: str
    commitment: bytes


@dataclass
class _Leaves:
    """The entries as columns: their lines (exact leaf bytes), numbers and commitments."""

    lines: list[bytes]
    seqs: list[int]
    commitments: list[bytes]
    proved: list[tuple[bytes, int]]


def _parse_leaf_slow(line: bytes) -> _Leaf | None:
    """Parse a leaf that is not in the exported layout; None when it is not a valid leaf."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    seq, log, time, commitment = (obj.get(k) for k in ("seq", "log", "time", "commitment"))
    if type(seq) is not int or not isinstance(log, str) or not isinstance(time, str):
        return None
    if not isinstance(commitment, str) or re.fullmatch("[0-9a-f]{64}", commitment) is None:
        return None
    valid = (
        seq >= 0 and _TIME_RE.fullmatch(time) is not None
        and isinstance(obj.get("kind"), str) and isinstance(obj.get("actor"), str)
    )
    return _Leaf(seq, log, time, bytes.fromhex(commitment)) if valid else None


def _scan_leaves(
    data: bytes, lines: list[bytes], log_id: str, size: int, full: bool
) -> _Leaves | None:
    """Fast path: every leaf in the exported layout, in order, in time, of this log.

    Whole-file regular expression and C-level comparisons; None sends the bundle to the
    line-by-line checks, which name each problem.
    """
    rows = _LEAF_LINES.findall(data)
    if len(rows) != len(lines):
        return None
    commitments, logs, seq_texts, times = zip(*rows, strict=True) if rows else ((),) * 4
    seqs = list(map(int, seq_texts))
    if full:
        in_order = len(seqs) == size and seqs == list(range(size))
    else:
        in_order = all(map(operator.lt, seqs, seqs[1:])) and (not seqs or seqs[-1] < size)
    in_time = all(map(operator.le, times, times[1:]))
    if not (in_order and in_time and set(logs) <= {log_id.encode()}):
        return None
    binary = list(map(binascii.unhexlify, commitments))
    return _Leaves(lines, seqs, binary, list(zip(lines, seqs, strict=True)))


def _check_leaves(
    lines: list[bytes], log_id: str, size: int, full: bool, verdict: Verdict
) -> _Leaves:
    """Slow path: parse and check each leaf, naming every problem found."""
    parsed: list[_Leaf | None] = []
    for number, line in enumerate(lines, start=1):
        m = LEAF_PATTERN.fullmatch(line)
        if m is not None:
            commitment, log, seq, time = m.groups()
            digest = binascii.unhexlify(commitment)
            parsed.append(_Leaf(int(seq), log.decode(), time.decode(), digest))
            continue
        leaf = _parse_leaf_slow(line)
        if leaf is None:
            verdict.add("entry.format", f"line {number} of entries.jsonl is not a leaf")
        parsed.append(leaf)
    leaves = [leaf for leaf in parsed if leaf is not None]
    _check_order(leaves, log_id, verdict)
    _check_complete(leaves, size, full, verdict)
    proved = [(line, leaf.seq) for line, leaf in zip(lines, parsed, strict=True) if leaf]
    return _Leaves(lines, [x.seq for x in leaves], [x.commitment for x in leaves], proved)


def _check_order(leaves: Sequence[_Leaf], log_id: str, verdict: Verdict) -> None:
    """Log id, sequence order and times, in the order the bundle lists the entries."""
    previous, last_time = -1, ""
    for leaf in leaves:
        if leaf.log != log_id:
            verdict.add("entry.log", f"entry {leaf.seq} belongs to another log ({leaf.log})")
        if leaf.seq <= previous:
            verdict.add("entry.sequence", f"entry {leaf.seq} is listed after entry {previous}")
        if leaf.time < last_time:
            verdict.add("entry.time", f"entry {leaf.seq} at {leaf.time} is before {last_time}")
        previous = max(previous, leaf.seq)
        last_time = max(last_time, leaf.time)


def _check_complete(leaves: Sequence[_Leaf], size: int, full: bool, verdict: Verdict) -> None:
    """Every entry number is within the checkpoint; a full export has all of them."""
    seen = {leaf.seq for leaf in leaves}
    for seq in sorted(s for s in seen if s >= size):
        verdict.add("entry.sequence", f"entry {seq} is beyond the checkpoint's {size} entries")
    if full:  # counted, not listed: a forged checkpoint may claim billions of entries
        missing = size - sum(1 for seq in seen if seq < size)
        first = itertools.islice((n for n in range(size) if n not in seen), _MAX_PER_CODE)
        for seq in first:
            verdict.add("entry.missing", f"entry {seq} is missing")
        if missing:
            verdict.counts["entry.missing"] = missing


# --- Full-export fast path ------------------------------------------------------------------
#
# A valid full export has one canonical leaf per line with seq 0, 1, 2, ... and, usually,
# one content opening per line in the same order. For those the checks below are exact
# and run as whole-file C-level operations (one regular expression pass per file, bulk
# joins and comparisons, chained maps for the hashes). A leaf they do not accept sends the
# bundle through the line-by-line checks above, openings they do not accept (attachments,
# sealed entries, mismatches) through _check_contents; both name each problem. Large
# bundles are split in two at a boundary aligned to the tree, and a forked process checks
# the first part.
#
# Where this file runs inside the TwoHomes package and its optional compiled module
# (_verifyc.c) was built, that module takes the same decisions in C, straight from the zip
# members: each file is inflated a mebibyte at a time on its own thread and checked as it
# comes, never held whole. Its answers are exactly those of _python_fast_full (the tests
# compare them on valid and damaged input); without it, nothing changes but the time.

PARALLEL_MIN_ENTRIES = 50_000
_LOG_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FREE = rb'"[^"\\\x00-\x1f]*"'  # actor and kind strings without escapes
_OPENING_LINES = re.compile(b"^" + _CONTENT + b"\n", re.MULTILINE)


def _exported_leaf_lines(log_id: str) -> re.Pattern[bytes]:
    """Whole lines of canonical leaves of ``log_id``; the one group is the commitment."""
    return re.compile(
        rb'^\{"actor":' + _FREE + rb',"commitment":"([0-9a-f]{64})","kind":' + _FREE
        + rb',"log":"' + re.escape(log_id.encode()) + rb'","seq":(?:0|[1-9][0-9]{0,18}),"time":"'
        + _TIME + rb'","v":1\}\n',
        re.MULTILINE,
    )


def _width_runs(lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, end, digits): runs of the numbers lo..hi-1 written with the same width."""
    runs = []
    while lo < hi:
        width = len(str(lo))
        end = min(hi, 10**width)
        runs.append((lo, end, width))
        lo = end
    return runs


def _reduce(level: list[bytes], levels: int | None) -> list[bytes]:
    """``levels`` steps up the tree (None: up to the root)."""
    while len(level) > 1 and (levels is None or levels > 0):
        level = next_level(level)
        levels = None if levels is None else levels - 1
    return level


_Summary = tuple[bytes, bytes, list[bytes], bool]  # first, last time; nodes; openings ok


def _fast_range(
    entries: bytes, contents: bytes | None, lo: int, hi: int, pattern: re.Pattern[bytes],
    levels: int | None,
) -> _Summary | None:
    """Check entries lo..hi-1 exactly; None at the first doubt about a leaf.

    Returns the first and last time, the tree nodes ``levels`` levels above the leaves,
    and whether ``contents`` holds exactly their openings, in order, all matching.
    """
    count = hi - lo
    if count <= 0 or not entries.endswith(b"\n"):
        return None
    # Every line is a canonical leaf of this log (anchored whole-line matches, one per line).
    commitments = pattern.findall(entries)
    lines = entries.split(b"\n")
    if len(commitments) != count or len(lines) != count + 1:
        return None
    lines.pop()
    # seq: the text before ',"time":"<27>","v":1}' must be ':' and the number itself.
    numbers = ":".join(map(str, range(lo, hi))).encode()
    seq_texts = [b""]
    for a, b, width in _width_runs(lo, hi):
        seq_texts += map(operator.itemgetter(slice(-45 - width, -44)), lines[a - lo : b - lo])
    if b"".join(seq_texts) != b":" + numbers:
        return None
    del seq_texts
    times = list(map(operator.itemgetter(slice(-35, -8)), lines))
    if not all(map(operator.le, times, times[1:])):
        return None
    opened = contents is not None and _openings_match(contents, count, numbers, commitments)
    del commitments
    nodes = _reduce(leaf_hashes_of(lines), levels)
    return times[0], times[-1], nodes, opened


def _openings_match(contents: bytes, count: int, numbers: bytes, commitments: list[bytes]) -> bool:
    """Openings one per line, in order ({"seq":N,"salt":"<64 hex>","content":...}), all
    matching their commitments; False sends them to the general check."""
    if not contents.endswith(b"\n") or contents.count(b"\n") != count:
        return False
    rows = _OPENING_LINES.findall(contents)
    if len(rows) != count:
        return False
    seq_texts, salts, bodies = zip(*rows, strict=True)
    del rows
    if b":".join(seq_texts) != numbers:
        return False
    # The committed bytes are sliced from the line as they are, never re-serialized.
    salted = map(operator.add, map(binascii.unhexlify, salts), bodies)
    opened = b"".join(map(_digest, map(_sha256, salted)))
    return opened == binascii.unhexlify(b"".join(commitments))


def _first_part(
    entries: bytes, at: int, contents: bytes | None, cut: int, split: int,
    pattern: re.Pattern[bytes], levels: int,
) -> _Summary | None:
    """``_fast_range`` over the first ``split`` entries (bytes before ``at`` and ``cut``)."""
    opening = None if contents is None else contents[:cut]
    return _fast_range(entries[:at], opening, 0, split, pattern, levels)


def _fast_worker(conn: Any, job: tuple[Any, ...]) -> None:
    try:
        conn.send(_first_part(*job))
    finally:
        conn.close()


def _fork_available() -> bool:
    """A second process is used only where fork is safe, from a single-threaded process.

    (macOS has fork, but its system libraries are not fork-safe: one process there.)
    """
    return (
        hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1
        and os.environ.get("TWOHOMES_VERIFY_PROCESSES") != "1"
    )


def _start_worker(job: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """A forked process running ``_first_part(*job)`` (the data is inherited, not copied)."""
    try:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        receiver, sender = ctx.Pipe(duplex=False)
        worker = ctx.Process(target=_fast_worker, args=(sender, job), daemon=True)
        worker.start()
        sender.close()
    except Exception:  # no usable multiprocessing here (sandbox, daemon process)
        return None
    return worker, receiver


def _finish_worker(started: tuple[Any, Any], wanted: bool) -> tuple[bool, _Summary | None]:
    """(answered, summary) from the worker; it is stopped when its answer is not wanted."""
    worker, receiver = started
    answered, summary = False, None
    if wanted:
        try:
            summary, answered = receiver.recv(), True
        except (EOFError, OSError):  # the worker died: the caller does its part
            pass
    else:
        worker.kill()
    receiver.close()
    worker.join()
    return answered, summary


def _accelerator() -> Any:
    """The optional compiled fast path (``_verifyc`` beside this file in its package), or None.

    It answers exactly as ``_fast_full`` does, faster; this file works without it, and
    ``TWOHOMES_VERIFY_ACCELERATOR=0`` turns it off.
    """
    if os.environ.get("TWOHOMES_VERIFY_ACCELERATOR") == "0" or not __package__:
        return None  # turned off, or this file runs on its own: pure Python
    try:
        compiled = importlib.import_module(f"{__package__}._verifyc")
    except ImportError:
        return None
    return compiled if getattr(compiled, "API", None) == 5 else None


def _cores() -> int:
    """CPUs this process may use (1 when ``TWOHOMES_VERIFY_PROCESSES=1``)."""
    if os.environ.get("TWOHOMES_VERIFY_PROCESSES") == "1":
        return 1
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


_SHORTEST_LEAF_LINE = 128  # a canonical leaf line is longer (its commitment alone is 64)


def _fast_full(
    entries: bytes, contents: bytes, log_id: str, size: int
) -> tuple[bytes, bool] | None:
    """A full export whose leaves pass every check exactly: (tree root, openings all match).

    None sends the bundle to the line-by-line checks; openings that do not all match (a
    sealed entry, an attachment, a mismatch) go to the general openings check.
    """
    if size <= 0 or _LOG_ID.fullmatch(log_id) is None:
        return None
    compiled = _accelerator()
    if compiled is not None:
        return _compiled_fast_full(compiled, entries, contents, log_id, size)
    return _python_fast_full(entries, contents, log_id, size)


def _stored(data: bytes) -> tuple[bytes, bool, int, int]:
    """A file as the compiled module takes a zip member: stored, with its size and CRC-32."""
    return data, False, len(data), zlib.crc32(data)


def _compiled_fast_full(
    compiled: Any, entries: bytes, contents: bytes, log_id: str, size: int
) -> tuple[bytes, bool] | None:
    """``_python_fast_full``'s answer from the compiled module, for files in memory."""
    answer = _compiled_members(compiled, _stored(entries), _stored(contents), log_id, size)
    return None if answer is None else answer[:2]


def _compiled_members(
    compiled: Any, entries: tuple[bytes, bool, int, int], contents: tuple[bytes, bool, int, int],
    log_id: str, size: int,
) -> tuple[bytes, bool, bytes] | None:
    """(root, openings all match, commitments) from zip members as stored, or None."""
    if size <= 0 or _LOG_ID.fullmatch(log_id) is None:
        return None
    if size > entries[2] // _SHORTEST_LEAF_LINE + 1:  # the file cannot hold `size` leaves
        return None
    threads = min(8, _cores()) if size >= PARALLEL_MIN_ENTRIES else 1
    answer = compiled.verify_full(entries, contents, log_id.encode(), size, threads)
    if answer is None:
        return None
    root, commitments, digests = answer
    return root, digests == commitments, commitments


@dataclass(frozen=True)
class _Fast:
    """A full export's leaves and tree checked by the fast path (``root`` still to compare)."""

    root: bytes
    opened: bool  # every opening is plain, in order and matches its commitment
    commitments: Callable[[], list[bytes]]  # the leaves' commitments, in order


def _full_fast_path(bundle: _Bundle, log_id: str, size: int) -> _Fast | None:
    """The fast path over a full export: compiled, straight from the zip members where it
    can be, else in Python over the inflated files. None: the line-by-line checks decide."""
    compiled = _accelerator()
    members = [bundle.raw_member(name) for name in ("entries.jsonl", "contents.jsonl")]
    if compiled is not None and members[0] is not None and members[1] is not None:
        answer = _compiled_members(compiled, members[0], members[1], log_id, size)
        if answer is None:
            return None
        root, opened, table = answer
        return _Fast(root, opened, lambda: [table[i : i + 32] for i in range(0, len(table), 32)])
    bundle.prefetch(["entries.jsonl", "contents.jsonl"])
    data = bundle.lines_file("entries.jsonl")
    fast = _fast_full(data, bundle.lines_file("contents.jsonl"), log_id, size)
    if fast is None:
        return None
    pattern = _exported_leaf_lines(log_id)
    return _Fast(*fast, lambda: list(map(binascii.unhexlify, pattern.findall(data))))


def _python_fast_full(
    entries: bytes, contents: bytes, log_id: str, size: int
) -> tuple[bytes, bool] | None:
    """The fast path in Python: in one process, or from 50,000 entries in two."""
    pattern = _exported_leaf_lines(log_id)
    # Two parts, split at a multiple of 2**levels: each part's nodes at that level are the
    # tree's own nodes there (a partial last block is carried up as RFC 9162 does).
    levels = max(0, size.bit_length() - 6)
    split = max(1, round(size / 2 / (1 << levels))) << levels
    if size < PARALLEL_MIN_ENTRIES or split >= size or not _fork_available():
        whole = _fast_range(entries, contents, 0, size, pattern, None)
        return None if whole is None else (whole[2][0], whole[3])
    at = entries.find(b',"seq":%d,"time":"' % split)
    if at < 0:
        return None
    at = entries.rfind(b"\n", 0, at) + 1
    cut = contents.find(b'\n{"seq":%d,' % split) + 1
    openings = contents if cut > 0 else None
    first_job = (entries, at, openings, cut, split, pattern, levels)
    started = _start_worker(first_job)  # the worker slices its (copy-on-write) inheritance
    rest = None if openings is None else openings[cut:]
    second = _fast_range(entries[at:], rest, split, size, pattern, levels)
    answered, first = False, None
    if started is not None:
        answered, first = _finish_worker(started, wanted=second is not None)
    if second is not None and not answered:  # no worker, or it died: its part here
        first = _first_part(*first_job)
    if first is None or second is None or first[1] > second[0]:
        return None
    return _reduce(first[2] + second[2], None)[0], first[3] and second[3]


# What zipfile raises for a damaged or unusual member (bad CRC, corrupt deflate data, cut
# short, encrypted, an unknown compression method).
_UNREADABLE = (
    zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError,
    zlib.error,
)


class _Bundle:
    """Read access to the zip, with readable errors for missing or unreadable members."""

    def __init__(self, source: str | IO[bytes]) -> None:
        try:
            self.zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BundleError(f"cannot read {getattr(source, 'name', source)}: {exc}") from exc
        self.names = set(self.zip.namelist())
        self.inflated: dict[str, bytes] = {}

    def prefetch(self, names: Sequence[str]) -> None:
        """Inflate large deflated members at once, on threads (zlib runs without the GIL).

        Only members that inflate cleanly to their stated size and CRC-32 are kept (and
        read from then on, never inflated twice); any other is left to ``read``, where
        zipfile reports what is wrong with it.
        """
        raw = {name: self.raw_member(name) for name in names if name not in self.inflated}
        jobs = {name: member for name, member in raw.items() if member and member[1]}

        def inflate(name: str) -> None:
            compressed, _, size, crc = jobs[name]
            data = _inflate(compressed, size, crc)
            if data is not None:
                self.inflated[name] = data

        threads = [threading.Thread(target=inflate, args=(name,)) for name in list(jobs)[1:]]
        for thread in threads:
            thread.start()
        for name in list(jobs)[:1]:
            inflate(name)
        for thread in threads:
            thread.join()

    def raw_member(self, name: str) -> tuple[bytes, bool, int, int] | None:
        """A member as stored (deflated or not) with its stated size and CRC-32; None for a
        missing member or anything unusual (encrypted, another method, a damaged header)."""
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        deflated = info.compress_type == zipfile.ZIP_DEFLATED
        if not deflated and info.compress_type != zipfile.ZIP_STORED:
            return None
        try:  # whatever zipfile refuses to open (flags, names, overlaps) is left to it
            self.zip.open(info).close()
        except _UNREADABLE:
            return None
        try:
            fp = self.zip.fp
            if fp is None:
                return None
            fp.seek(info.header_offset)
            header = fp.read(30)
            if len(header) != 30 or header[:4] != b"PK\x03\x04":
                return None
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
            if fp.read(name_length) != info.orig_filename.encode(encoding):
                return None
            fp.seek(extra_length, os.SEEK_CUR)
            data = fp.read(info.compress_size)
        except (OSError, ValueError, UnicodeEncodeError):
            return None
        if len(data) != info.compress_size:
            return None
        return data, deflated, info.file_size, info.CRC

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise BundleError(f"the bundle has no {name}")
        if name in self.inflated:
            return self.inflated[name]
        try:
            return self.zip.read(name)
        except _UNREADABLE as exc:
            raise BundleError(f"cannot read {name} from the bundle: {exc}") from exc

    def text(self, name: str) -> str:
        try:
            return self.read(name).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleError(f"{name} is not UTF-8 text") from exc

    def lines_file(self, name: str) -> bytes:
        """A JSON-lines member: empty, or lines each ending with a newline."""
        data = self.read(name)
        if data and not data.endswith(b"\n"):
            raise BundleError(f"{name} does not end with a newline")
        return data


_DEFLATE_RATIO = 1032  # deflate's largest expansion: bounds the buffer a header may ask for


def _inflate(compressed: bytes, size: int, crc: int) -> bytes | None:
    """Raw deflate data inflated to exactly ``size`` bytes with CRC-32 ``crc``, or None."""
    try:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        hint = min(size, len(compressed) * _DEFLATE_RATIO) + 1
        data = inflater.decompress(compressed, hint)
    except (zlib.error, MemoryError, OverflowError):
        return None
    whole = len(data) == size and inflater.eof and not inflater.unconsumed_tail
    whole = whole and not inflater.unused_data
    return data if whole and zlib.crc32(data) == crc else None


def _load_manifest(bundle: _Bundle) -> dict[str, Any]:
    try:
        manifest = json.loads(bundle.read("manifest.json"))
    except ValueError as exc:
        raise BundleError("manifest.json is not JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"manifest.json does not declare format {BUNDLE_FORMAT}")
    if manifest.get("scope") not in ("full", "partial") or not isinstance(manifest.get("log"), str):
        raise BundleError("manifest.json needs a log id and a scope (full or partial)")
    return manifest


def _load_checkpoint(bundle: _Bundle, pinned: VerifierKey | None, verdict: Verdict) -> Checkpoint:
    try:
        key = parse_vkey(bundle.text("key.vkey"))
        note = bundle.text("checkpoint.txt")
        text, signatures = split_note(note)
        checkpoint = parse_checkpoint_body(text)
    except FormatError as exc:
        raise BundleError(f"checkpoint or key: {exc}") from exc
    verdict.fact("Checkpoint", f"{checkpoint.origin}, {checkpoint.size} entries")
    verdict.fact("Root hash", base64.b64encode(checkpoint.root).decode())
    verdict.fact("Signing key", key.vkey())
    if pinned is not None and pinned != key:
        verdict.add("checkpoint.key", f"the bundled key is not the pinned key {pinned.vkey()}")
    trusted = [key] if pinned is None or pinned == key else [key, pinned]
    for candidate in trusted:
        if not verify_note_signature(text, signatures, candidate):
            verdict.add("checkpoint.signature", f"no valid signature by key {candidate.vkey()}")
    if pinned is None:
        verdict.fact("Key check", "not pinned: compare the key above with the server's")
    elif pinned == key:
        verdict.fact("Key check", "matches the pinned key")
    return checkpoint


def _check_contents(bundle: _Bundle, leaves: _Leaves, verdict: Verdict) -> None:
    """Each opened content must match its entry's commitment; sealed ones are reported."""
    data = bundle.lines_file("contents.jsonl")
    committed = dict(zip(leaves.seqs, leaves.commitments, strict=True))
    rows = _CONTENT_LINES.findall(data)
    seq_texts, salts, contents = zip(*rows, strict=True) if rows else ((),) * 3
    seqs = list(map(int, seq_texts))
    # The committed bytes are sliced from the line as they are, never re-serialized.
    salted = map(operator.add, map(binascii.unhexlify, salts), contents)
    digests = list(map(_digest, map(_sha256, salted)))
    expected = list(map(committed.get, seqs))
    if digests != expected:
        for seq, digest, want in zip(seqs, digests, expected, strict=True):
            if want is not None and digest != want:
                verdict.add("entry.commitment", f"entry {seq}: content does not match commitment")
    opened = set(seqs)
    if len(rows) != data.count(b"\n"):
        number, counted = 1, 0  # line numbers counted on from the previous line found
        for m in _OTHER_LINES.finditer(data):
            if m.start() < len(data):
                number += data.count(b"\n", counted, m.start())
                counted = m.start()
                opened.add(_check_other_content(bundle, m[0], committed, verdict, number))
    opened.discard(-1)
    for seq in sorted(opened - committed.keys()):
        verdict.add("content.orphan", f"contents.jsonl has content for unknown entry {seq}")
    for seq in sorted(committed.keys() - opened):
        verdict.add("content.missing", f"entry {seq} has neither content nor a sealing note")


def _check_other_content(
    bundle: _Bundle, line: bytes, committed: dict[int, bytes], verdict: Verdict, number: int
) -> int:
    """An attachment opening or a sealing note; returns the entry number (-1 if none)."""
    try:
        obj = json.loads(line)
    except ValueError:
        obj = None
    seq = obj.get("seq") if isinstance(obj, dict) else None
    if type(seq) is not int:
        verdict.add("bundle.format", f"line {number} of contents.jsonl is malformed")
        return -1
    if obj.get("sealed") is True:
        verdict.add("entry.sealed", f"entry {seq} is sealed: its content was removed", INFO)
        return seq
    digest, salt = obj.get("attachment"), obj.get("salt")
    if not isinstance(digest, str) or not isinstance(salt, str) or not re.fullmatch(
        "[0-9a-f]{64}", salt
    ):
        verdict.add("bundle.format", f"line {number} of contents.jsonl is malformed")
        return seq
    name = f"attachments/{digest}"
    if name not in bundle.names:
        verdict.add("attachment.missing", f"entry {seq}: attachment {digest} is not in the bundle")
        return seq
    data = bundle.read(name)
    if _sha256(data).hexdigest() != digest:
        verdict.add("attachment.hash", f"entry {seq}: attachment {digest} has been replaced")
    want = committed.get(seq)
    if want is not None and _sha256(bytes.fromhex(salt) + data).digest() != want:
        verdict.add("entry.commitment", f"entry {seq}: attachment does not match commitment")
    return seq


def _check_full_tree(lines: Sequence[bytes], checkpoint: Checkpoint, verdict: Verdict) -> None:
    """A full export holds every leaf: their root must be the checkpoint's root."""
    if len(lines) != checkpoint.size:
        verdict.add(
            "log.size",
            f"the checkpoint covers {checkpoint.size} entries but the bundle holds {len(lines)}",
        )
    if root_from_leaf_hashes(leaf_hashes_of(lines)) != checkpoint.root:
        verdict.add("log.root", "the entries do not hash to the checkpoint's root")


def _check_proofs(
    bundle: _Bundle, proved: Sequence[tuple[bytes, int]], checkpoint: Checkpoint, verdict: Verdict
) -> None:
    """A partial export proves each of its entries against the checkpoint."""
    tree = (checkpoint.origin, checkpoint.size, checkpoint.root)
    for line, seq in proved:
        name = f"proofs/{seq}.tlog-proof"
        if name not in bundle.names:
            verdict.add("proof.missing", f"entry {seq} has no inclusion proof ({name})")
            continue
        try:
            proof = parse_tlog_proof(bundle.text(name))
            proved_cp = parse_checkpoint_body(split_note(proof.checkpoint_note)[0])
        except FormatError as exc:
            verdict.add("proof.format", f"{name}: {exc}")
            continue
        same_tree = (proved_cp.origin, proved_cp.size, proved_cp.root) == tree
        if not same_tree or proof.index != seq or not verify_inclusion(
            seq, checkpoint.size, leaf_hash(line), proof.hashes, checkpoint.root
        ):
            verdict.add("proof.inclusion", f"entry {seq} is not proven in the checkpoint")


# --- The people an export names -------------------------------------------------------------
#
# Leaves name members only by opaque ids. Their names come from the record's own entries
# (``family.member.joined`` and ``family.member.renamed`` carry {"member", "name"}), taken
# only from openings that match their commitments: the list is covered by the record.

PERSON_KINDS = ("family.member.joined", "family.member.renamed")
_PERSON_LEAF = re.compile(rb'"kind":"family\.member\.(?:joined|renamed)"')


@dataclass(frozen=True)
class Person:
    """A member id and every name the record gave it, in order (the latest last)."""

    member: str
    names: tuple[str, ...]

    def line(self) -> str:
        earlier = [name for name in dict.fromkeys(self.names[:-1]) if name != self.names[-1]]
        former = f", formerly {', '.join(earlier)}" if earlier else ""
        # A name is someone's own text: no control character reaches the reader's terminal.
        line = f"{self.member} {self.names[-1]}{former}"
        return "".join(char if char.isprintable() else "\ufffd" for char in line)


def people_from_contents(contents: Iterable[tuple[str, Any]]) -> list[Person]:
    """People from (kind, content) pairs in record order; other kinds are skipped."""
    names: dict[str, list[str]] = {}
    for kind, content in contents:
        if kind not in PERSON_KINDS or not isinstance(content, dict):
            continue
        member, name = content.get("member"), content.get("name")
        if isinstance(member, str) and isinstance(name, str) and name:
            known = names.setdefault(member, [])
            if not known or known[-1] != name:
                known.append(name)
    return [Person(member, tuple(known)) for member, known in names.items()]


def people_document(people: Sequence[Person]) -> bytes:
    """people.json of a bundle: each member id, its latest name and earlier ones."""
    rows = [{"member": p.member, "name": p.names[-1], "formerly": list(p.names[:-1])}
            for p in people]
    return json.dumps({"people": rows}, indent=2, ensure_ascii=False).encode() + b"\n"


def _person_openings(entries: bytes, contents: bytes) -> list[tuple[str, Any]]:
    """(kind, content) of the member entries whose opening matches the leaf's commitment."""
    found, at = [], 0
    for match in _PERSON_LEAF.finditer(entries):
        start = entries.rfind(b"\n", 0, match.start()) + 1
        leaf = _parse_leaf_slow(entries[start : entries.find(b"\n", match.end())])
        if leaf is None:
            continue
        prefix = b'{"seq":%d,' % leaf.seq
        where = 0 if contents.startswith(prefix) else contents.find(b"\n" + prefix, at) + 1
        if where == 0 and not contents.startswith(prefix):
            continue  # a sealed or missing opening: no name from it
        at = contents.find(b"\n", where)
        opening = re.fullmatch(_CONTENT, contents[where:at])
        if opening is None:
            continue
        salted = bytes.fromhex(opening[2].decode()) + opening[3]
        if _sha256(salted).digest() == leaf.commitment:
            kind = json.loads(entries[start : entries.find(b"\n", match.end())])["kind"]
            found.append((kind, json.loads(opening[3])))
    return found


def _check_people(bundle: _Bundle, verdict: Verdict) -> None:
    """Name the people from the entries; the bundle's people.json must say exactly the same.

    A bundle without people.json (its entries name no one) is not scanned for names, so a
    large log without member entries costs no second reading of its files.
    """
    if "people.json" not in bundle.names:
        return  # no one to name (or an older bundle): names are shown only as checked here
    bundle.prefetch(["entries.jsonl", "contents.jsonl"])
    data = bundle.lines_file("entries.jsonl")
    verdict.people = people_from_contents(
        _person_openings(data, bundle.lines_file("contents.jsonl")))
    if "people.json" in bundle.names and bundle.read("people.json") != people_document(
        verdict.people
    ):
        verdict.add("people.list", "people.json does not match the names the entries carry")


def _verify(bundle: _Bundle, pinned: VerifierKey | None) -> Verdict:
    verdict = Verdict()
    manifest = _load_manifest(bundle)
    log_id, full = manifest["log"], manifest["scope"] == "full"
    verdict.fact("Log", log_id)
    checkpoint = _load_checkpoint(bundle, pinned, verdict)
    if checkpoint.origin.rsplit("/", 1)[-1] != log_id:
        verdict.add("checkpoint.origin", f"the checkpoint is for {checkpoint.origin}, not {log_id}")
    scope = "full export" if full else f"partial export ({manifest.get('selection', '')})"
    fast = _full_fast_path(bundle, log_id, checkpoint.size) if full else None
    if fast is not None and fast.root == checkpoint.root:  # every leaf and the tree check out
        verdict.fact("Bundle", f"{scope}, {checkpoint.size} entries")
        if fast.opened:
            _check_people(bundle, verdict)
            return verdict
        leaves = _Leaves([], list(range(checkpoint.size)), fast.commitments(), [])
    else:
        bundle.prefetch(["entries.jsonl", "contents.jsonl"])
        data = bundle.lines_file("entries.jsonl")
        lines = data[:-1].split(b"\n") if data else []
        verdict.fact("Bundle", f"{scope}, {len(lines)} entries")
        scanned = _scan_leaves(data, lines, log_id, checkpoint.size, full)
        if scanned is None:
            scanned = _check_leaves(lines, log_id, checkpoint.size, full, verdict)
        leaves = scanned
        if full:
            _check_full_tree(lines, checkpoint, verdict)
        else:
            _check_proofs(bundle, leaves.proved, checkpoint, verdict)
    _check_contents(bundle, leaves, verdict)
    _check_people(bundle, verdict)
    sealed = verdict.counts.get("entry.sealed", 0)
    if sealed:
        verdict.fact("Sealed", f"{sealed} entries sealed (content removed, entry still verified)")
    return verdict


def verify_bundle(source: str | IO[bytes], *, key: str | None = None) -> Verdict:
    """Verify a bundle (a path or a binary file object). ``key`` pins the server's vkey.

    Raises BundleError when the input is not a bundle at all; every problem found inside a
    readable bundle is a named Finding in the returned Verdict instead.
    """
    try:
        pinned = parse_vkey(key) if key is not None else None
    except FormatError as exc:
        raise BundleError(f"--key: {exc}") from exc
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived tuples, no cycles: the collector only costs time
    try:
        return _verify(_Bundle(source), pinned)
    finally:
        if collecting:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """``twohomes verify BUNDLE.zip [--key VKEY]``: print the verdict, 0 only when valid."""
    parser = argparse.ArgumentParser(
        prog="twohomes verify", description="Check a TwoHomes record bundle offline."
    )
    parser.add_argument("bundle", help="the bundle .zip file")
    parser.add_argument("--key", help="the server's published verifier key (name+hash+key)")
    args = parser.parse_args(argv)
    try:
        with open(args.bundle, "rb") as source:
            verdict = verify_bundle(io.BufferedReader(source), key=args.key)
    except (OSError, BundleError) as exc:
        print(f"twohomes verify: error: {exc}", file=sys.stderr)
        return 2
    print(verdict.render())
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
