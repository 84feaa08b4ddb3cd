"""Offline verifier for TwoHomes record bundles: one self-contained file.

It imports nothing but the Python standard library and ``cryptography``, so it can be
handed on its own to whoever must check a bundle (a court's expert, the other parent's
lawyer); every bundle carries a copy::

    python3 verify.py BUNDLE.zip [--key VKEY]

It also holds the RFC 9162 hash and proof-verification functions and the C2SP
signed-note, checkpoint and tlog-proof parsers; the rest of ``twohomes.core.ledger``
imports them from here, so the server and the verifier cannot disagree. The bundle format
is described in docs/record-format.md and in the README.txt inside every bundle.

In reading order: hashing and proofs; signed notes; the verdict; the checks of the
entries (line by line, and the fast path of a full export); the checks of the contents;
the people a bundle names; reading the zip; ``verify_bundle`` and the command line.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import gc
import hashlib
import io
import itertools
import json
import operator
import re
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
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

# Hashes are computed in chained map() calls over whole lists, so that no Python code runs
# per entry: CPython's cost of a short hash is the call, not the bytes.
_sha256 = hashlib.sha256
_digest = type(_sha256()).digest


# --- RFC 9162 hashing --------------------------------------------------------------------


def leaf_hash(leaf: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || leaf)."""
    return _sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def leaf_hashes_of(leaves: Iterable[bytes]) -> list[bytes]:
    """The leaf hash of every leaf."""
    return list(map(_digest, map(_sha256, map(b"\x00".__add__, leaves))))


def next_level(level: Sequence[bytes]) -> list[bytes]:
    """One level up the RFC 9162 tree: neighbours paired, an odd last node carried up."""
    pairs = map(operator.add, map(b"\x01".__add__, level[0::2]), level[1::2])
    upper = list(map(_digest, map(_sha256, pairs)))  # stops at the last full pair
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


# --- The verdict ----------------------------------------------------------------------------

FAIL = "fail"
INFO = "info"
_MAX_PER_CODE = 5


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


# --- The entries, line by line ----------------------------------------------------------------
#
# Leaves are RFC 8785 canonical JSON, so the server's leaves have exactly this layout (keys
# sorted, no spaces); a leaf in another layout is parsed with json instead. Groups:
# commitment, log, seq, time.

_JSTR = rb'"(?:[^"\\\x00-\x1f]|\\.)*"'
_TIME = rb"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z"
LEAF_PATTERN = re.compile(
    rb'\{"actor":' + _JSTR + rb',"commitment":"([0-9a-f]{64})","kind":' + _JSTR
    + rb',"log":"([A-Za-z0-9_-]{1,64})","seq":(0|[1-9][0-9]{0,18}),"time":"(' + _TIME
    + rb')","v":1\}'
)
_TIME_RE = re.compile(_TIME.decode())


@dataclass(frozen=True)
class _Leaf:
    seq: int
    log: str
    time: str
    commitment: bytes


def _parse_leaf(line: bytes) -> _Leaf | None:
    """The fields a leaf is checked by; None when the line is not a valid leaf."""
    m = LEAF_PATTERN.fullmatch(line)
    if m is not None:
        commitment, log, seq, time = m.groups()
        return _Leaf(int(seq), log.decode(), time.decode(), binascii.unhexlify(commitment))
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


def _check_leaves(
    lines: list[bytes], log_id: str, size: int, full: bool, verdict: Verdict
) -> list[tuple[bytes, _Leaf]]:
    """Parse and check each leaf, naming every problem; returns (line, leaf) of the valid ones."""
    parsed = []
    for number, line in enumerate(lines, start=1):
        leaf = _parse_leaf(line)
        if leaf is None:
            verdict.add("entry.format", f"line {number} of entries.jsonl is not a leaf")
        else:
            parsed.append((line, leaf))
    leaves = [leaf for _, leaf in parsed]
    _check_order(leaves, log_id, verdict)
    _check_complete(leaves, size, full, verdict)
    return parsed


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


# --- The fast path of a full export -----------------------------------------------------------
#
# A full export as the server writes it has one canonical leaf per line, numbered 0, 1, 2,
# ... and usually one plain opening per line in the same order. For those the checks below
# are exact and run as whole-block operations, so that no Python code runs per entry: one
# regular expression splits about a mebibyte of a file at a time into the fields of its
# lines (every byte must belong to a matched line), then joins, comparisons and hashes in
# chained maps. A block at a time keeps the objects made for it in the processor's cache.
# A bundle these checks do not accept goes to the line-by-line checks, which name each
# problem: the fast path never decides a failure.

_FREE = rb'"[^"\\\x00-\x1f]*"'  # actor and kind strings without escapes
_NUMBER = rb"(0|[1-9][0-9]{0,18})"
# A plain opening line; groups: seq, salt, content (the bytes up to the line's last "}").
_CONTENT = rb'\{"seq":' + _NUMBER + rb',"salt":"([0-9a-f]{64})","content":(.*)\}'
_OPENING_LINE = re.compile(_CONTENT.replace(b"(.*)", b"([^\n]*)") + b"\n")
_BLOCK = 1 << 20  # bytes: the objects made for a block stay in the processor's cache
_SUBTREE = 1 << 12  # leaves


def _leaf_line(log_id: str) -> re.Pattern[bytes]:
    """A canonical leaf of ``log_id`` without escapes and its newline; groups: the leaf,
    commitment, seq, time."""
    return re.compile(
        rb'(\{"actor":' + _FREE + rb',"commitment":"([0-9a-f]{64})","kind":' + _FREE
        + rb',"log":"' + re.escape(log_id.encode()) + rb'","seq":' + _NUMBER
        + rb',"time":"(' + _TIME + rb')","v":1\})\n'
    )


def _blocks(data: bytes) -> Iterator[bytes]:
    """``data`` (lines ending with a newline) in whole lines, about ``_BLOCK`` bytes at a time."""
    start = 0
    while start < len(data):
        end = data.rfind(b"\n", start, start + _BLOCK) + 1
        if end <= start:  # one line longer than a block
            end = data.find(b"\n", start + _BLOCK) + 1 or len(data)
        yield data[start:end]
        start = end


def _fields(line: re.Pattern[bytes], block: bytes) -> list[list[bytes]] | None:
    """The groups of ``line`` as columns, when ``block`` is nothing but such lines."""
    groups = line.groups + 1
    parts = line.split(block)  # before each line, then its groups: '', g1, g2, ..., ''
    if any(parts[0::groups]):
        return None  # some bytes are not part of a matched line
    return [parts[n::groups] for n in range(1, groups)]


def _numbers(start: int, end: int) -> bytes:
    return ",".join(map(str, range(start, end))).encode()


@dataclass(frozen=True)
class _Fast:
    """A full export's leaves checked by the fast path: the root still to compare."""

    root: bytes
    commitments: bytes  # the leaves' commitments, 32 bytes each, in order
    opened: bool  # every opening is plain, in order and matches its commitment


def _fast_full(entries: bytes, contents: bytes, log_id: str, size: int) -> _Fast | None:
    """None unless ``entries`` is ``size`` canonical leaves of this log, one a line,
    numbered 0 .. size-1, with times that never go back."""
    line = _leaf_line(log_id)
    # The roots of the tree's aligned subtrees of _SUBTREE leaves, made as they fill: they
    # are its nodes at that level (a last, partial subtree's root too: RFC 9162's shape).
    subtrees: list[bytes] = []
    hashes: list[bytes] = []
    commitments, last_time, count = [], b"", 0
    for block in _blocks(entries):
        columns = _fields(line, block)
        if columns is None:
            return None
        leaves, hexes, seqs, times = columns
        if b",".join(seqs) != _numbers(count, count + len(leaves)):
            return None
        if last_time > times[0] or not all(map(operator.le, times, times[1:])):
            return None
        hashes += leaf_hashes_of(leaves)
        while len(hashes) >= _SUBTREE:
            subtrees.append(root_from_leaf_hashes(hashes[:_SUBTREE]))
            del hashes[:_SUBTREE]
        commitments.append(binascii.unhexlify(b"".join(hexes)))
        last_time, count = times[-1], count + len(leaves)
    if count == 0 or count != size:
        return None
    committed = b"".join(commitments)
    opened = _openings_match(contents, size, committed)
    if hashes:
        subtrees.append(root_from_leaf_hashes(hashes))
    return _Fast(root_from_leaf_hashes(subtrees), committed, opened)


def _openings_match(contents: bytes, size: int, committed: bytes) -> bool:
    """Every line {"seq":N,"salt":"<64 hex>","content":...} for the next N, matching."""
    digests, count = [], 0
    for block in _blocks(contents):
        columns = _fields(_OPENING_LINE, block)
        if columns is None:
            return False
        seqs, salts, bodies = columns
        if b",".join(seqs) != _numbers(count, count + len(seqs)):
            return False
        # The committed bytes are sliced from the line as they are, never re-serialized.
        salted = map(operator.add, map(binascii.unhexlify, salts), bodies)
        digests.append(b"".join(map(_digest, map(_sha256, salted))))
        count += len(seqs)
    return count == size and b"".join(digests) == committed


# --- The contents -----------------------------------------------------------------------------

_CONTENT_LINES = re.compile(b"^" + _CONTENT + b"$", re.MULTILINE)
# Lines of contents.jsonl in any other shape: attachments, withheld entries, damaged lines.
_OTHER_LINES = re.compile(rb"^(?!" + _CONTENT + rb"$).*$", re.MULTILINE)


def _check_contents(bundle: _Bundle, committed: dict[int, bytes], verdict: Verdict) -> None:
    """Each opened content must match its entry's commitment; withheld ones are noted."""
    data = bundle.lines_file("contents.jsonl")
    rows = _CONTENT_LINES.findall(data)
    seq_texts, salts, contents = zip(*rows, strict=True) if rows else ((),) * 3
    seqs = list(map(int, seq_texts))
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
        verdict.add("content.missing", f"entry {seq} has neither content nor a withheld note")


def _check_other_content(
    bundle: _Bundle, line: bytes, committed: dict[int, bytes], verdict: Verdict, number: int
) -> int:
    """An attachment opening or a withheld entry; returns the entry number (-1 if none)."""
    try:
        obj = json.loads(line)
    except ValueError:
        obj = None
    seq = obj.get("seq") if isinstance(obj, dict) else None
    if type(seq) is not int:
        verdict.add("bundle.format", f"line {number} of contents.jsonl is malformed")
        return -1
    if obj.get("withheld") is True:
        verdict.add("entry.withheld", f"entry {seq} was exported without its content", INFO)
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


# --- The tree -------------------------------------------------------------------------------


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
        leaf = _parse_leaf(entries[start : entries.find(b"\n", match.end())])
        if leaf is None:
            continue
        prefix = b'{"seq":%d,' % leaf.seq
        where = 0 if contents.startswith(prefix) else contents.find(b"\n" + prefix, at) + 1
        if where == 0 and not contents.startswith(prefix):
            continue  # no opening for this entry: no name from it
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

    A bundle without people.json (its entries name no one) is not scanned for names.
    """
    if "people.json" not in bundle.names:
        return  # no one to name (or an older bundle): names are shown only as checked here
    entries, contents = bundle.lines_file("entries.jsonl"), bundle.lines_file("contents.jsonl")
    verdict.people = people_from_contents(_person_openings(entries, contents))
    if bundle.read("people.json") != people_document(verdict.people):
        verdict.add("people.list", "people.json does not match the names the entries carry")


# --- Reading the zip --------------------------------------------------------------------------

# What zipfile raises for a damaged or unusual member (bad CRC, corrupt deflate data, cut
# short, encrypted, an unknown compression method).
_UNREADABLE = (
    zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError,
    zlib.error,
)


class _Bundle:
    """The zip, read with the standard library's zipfile (its two large files once)."""

    def __init__(self, source: str | IO[bytes]) -> None:
        try:
            self.zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BundleError(f"cannot read {getattr(source, 'name', source)}: {exc}") from exc
        self.names = set(self.zip.namelist())
        self._lines: dict[str, bytes] = {}

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise BundleError(f"the bundle has no {name}")
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
        """A JSON-lines member (kept once read): empty, or lines each ending with a newline."""
        if name not in self._lines:
            data = self.read(name)
            if data and not data.endswith(b"\n"):
                raise BundleError(f"{name} does not end with a newline")
            self._lines[name] = data
        return self._lines[name]


# --- Verifying a bundle -----------------------------------------------------------------------


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


def _check_entries(
    bundle: _Bundle, log_id: str, checkpoint: Checkpoint, full: bool, scope: str,
    verdict: Verdict,
) -> dict[int, bytes] | None:
    """Leaves, order, times and the tree or proofs; returns each entry's commitment, or
    None when the fast path found every opening plain and matching (nothing left to do)."""
    entries = bundle.lines_file("entries.jsonl")
    contents = bundle.lines_file("contents.jsonl")
    fast = _fast_full(entries, contents, log_id, checkpoint.size) if full else None
    if fast is not None and fast.root == checkpoint.root:
        verdict.fact("Bundle", f"{scope}, {checkpoint.size} entries")
        if fast.opened:
            return None
        table = fast.commitments
        return {seq: table[seq * 32 : seq * 32 + 32] for seq in range(checkpoint.size)}
    lines = entries[:-1].split(b"\n") if entries else []
    verdict.fact("Bundle", f"{scope}, {len(lines)} entries")
    parsed = _check_leaves(lines, log_id, checkpoint.size, full, verdict)
    if full:
        _check_full_tree(lines, checkpoint, verdict)
    else:
        _check_proofs(bundle, [(line, leaf.seq) for line, leaf in parsed], checkpoint, verdict)
    return {leaf.seq: leaf.commitment for _, leaf in parsed}


def _verify(bundle: _Bundle, pinned: VerifierKey | None) -> Verdict:
    verdict = Verdict()
    manifest = _load_manifest(bundle)
    log_id, full = manifest["log"], manifest["scope"] == "full"
    verdict.fact("Log", log_id)
    checkpoint = _load_checkpoint(bundle, pinned, verdict)
    if checkpoint.origin.rsplit("/", 1)[-1] != log_id:
        verdict.add("checkpoint.origin", f"the checkpoint is for {checkpoint.origin}, not {log_id}")
    scope = "full export" if full else f"partial export ({manifest.get('selection', '')})"
    committed = _check_entries(bundle, log_id, checkpoint, full, scope, verdict)
    if committed is not None:
        _check_contents(bundle, committed, verdict)
    _check_people(bundle, verdict)
    withheld = verdict.counts.get("entry.withheld", 0)
    if withheld:
        entries = "entry" if withheld == 1 else "entries"
        verdict.fact("Withheld", f"{withheld} {entries} exported without content "
                                 "(only the commitment, in the leaf, which is verified)")
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
    gc.disable()  # millions of short-lived objects, no cycles: the collector only costs time
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
