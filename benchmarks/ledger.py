"""Benchmark the family record: offline verification of a large bundle, and appends.

    python benchmarks/ledger.py [--entries 1000000]

Prints the time to verify an N-entry full-export bundle (``verify_bundle``: unzip, leaf
hashes, tree root, sequence/time checks, commitments, signature) beside the time of plain
SHA-256 over the same bytes (entries.jsonl + contents.jsonl) — in one stream, the physical
floor, and record by record, the floor for any verifier that must hash each record.

The second section times ``records.append`` through Django on PostgreSQL; it runs only
when DJANGO_SETTINGS_MODULE and DATABASE_URL are set and ``twohomes.records`` exists.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from twohomes.core.ledger import (
    CompactRange,
    ExportEntry,
    checkpoint_origin,
    commit,
    content_bytes,
    make_leaf,
    sign_checkpoint,
    verifier_key,
    verify_bundle,
    write_bundle,
)
from twohomes.core.ledger.entry import Entry

SERVER = "twohomes.example.org"
LOG_ID = "9f2c4e1a7b3d5f60a1b2c3d4e5f60718"
LEAF_TEMPLATE = (
    b'{"actor":"member-%d","commitment":"%s","kind":"messaging.message.sent",'
    b'"log":"' + LOG_ID.encode() + b'","seq":%d,"time":"2025-%02d-%02dT%02d:%02d:%02d.000000Z",'
    b'"v":1}'
)


def timed(label: str, action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"  {label:<44} {elapsed:8.3f} s")
    return elapsed, result


def leaf_for(seq: int, commitment: str) -> bytes:
    """The canonical leaf, by template (make_leaf would spend minutes in rfc8785 here)."""
    minutes = seq // 60
    hours = minutes // 60
    days = hours // 24
    month, day = 1 + days // 28 % 12, 1 + days % 28
    return LEAF_TEMPLATE % (
        seq % 2, commitment.encode(), seq, month, day, hours % 24, minutes % 60, seq % 60
    )


def build_entries(count: int) -> tuple[list[ExportEntry], CompactRange]:
    salt = hashlib.sha256(b"benchmark").digest()  # one salt keeps generation fast
    contents = [
        content_bytes({"thread": "t1", "body": "Pickup at 5 on Friday, as agreed. Thanks!"}),
        content_bytes({"thread": "t2", "body": "yes"}),
    ]
    commitments = [commit(salt, content) for content in contents]
    entries, compact = [], CompactRange()
    sha = hashlib.sha256
    for seq in range(count):
        leaf = leaf_for(seq, commitments[seq % 2])
        entries.append(ExportEntry(leaf=leaf, salt=salt, content=contents[seq % 2]))
        compact = compact.append(sha(b"\x00" + leaf).digest())
    check = entries[min(count - 1, 4000)].leaf  # the template is the canonical form
    assert Entry.from_leaf(check).leaf() == check and make_leaf is not None
    return entries, compact


def bench_verification(count: int) -> None:
    print(f"Verification of a {count:,}-entry full-export bundle")
    key = Ed25519PrivateKey.generate()
    _, (entries, compact) = timed("build entries (not measured)", lambda: build_entries(count))
    note = sign_checkpoint(
        key, key_name=SERVER, origin=checkpoint_origin(SERVER, LOG_ID),
        size=compact.size, root=compact.root,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bundle.zip")

        def write() -> None:
            with open(path, "wb") as out:
                write_bundle(
                    out, log_id=LOG_ID, checkpoint=note, vkey=verifier_key(key, SERVER).vkey(),
                    entries=entries, exported_at="2025-04-01T12:00:00.000000Z",
                )

        timed("write bundle (not measured)", write)
        print(f"  bundle size {os.path.getsize(path) / 1e6:.1f} MB")
        floor, per_record = _floors(entries)
        entries.clear()
        verify, verdict = timed("verify_bundle", lambda: verify_bundle(path))
        assert verdict.ok, verdict.render()
    print(f"  verify / stream floor      {verify / floor:6.1f} x   (goal <= 3 x)")
    print(f"  verify / per-record floor  {verify / per_record:6.1f} x")


def _floors(entries: list[ExportEntry]) -> tuple[float, float]:
    """Plain SHA-256 over the bytes the verifier hashes: one stream, and one call a record."""
    leaves = b"".join(e.leaf + b"\n" for e in entries)
    contents = b"".join(e.opening_line() + b"\n" for e in entries)
    records = leaves.split(b"\n")[:-1] + contents.split(b"\n")[:-1]
    print(f"  hashed bytes {(len(leaves) + len(contents)) / 1e6:.1f} MB")
    floor, _ = timed("SHA-256, one stream (physical floor)", lambda: _stream(leaves, contents))
    per_record, _ = timed("SHA-256, one call per record", lambda: _per_record(records))
    return floor, per_record


def _stream(leaves: bytes, contents: bytes) -> bytes:
    digest = hashlib.sha256(leaves)
    digest.update(contents)
    return digest.digest()


def _per_record(records: list[bytes]) -> list[bytes]:
    sha = hashlib.sha256
    return [sha(record).digest() for record in records]


# --- appends through Django (the records app) -------------------------------------------


def bench_appends(count: int) -> None:
    """HOOK: appends per second through ``twohomes.records`` ``records.append`` on PostgreSQL.

    Runs only when the Django side exists and is configured; the records app's author
    fills in ``_append_once`` with the real call (one family, one actor, short messages).
    """
    print("Appends through records.append (Django, PostgreSQL)")
    missing = [v for v in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL") if not os.environ.get(v)]
    if missing or importlib.util.find_spec("twohomes.records") is None:
        reason = f"{', '.join(missing)} not set" if missing else "no twohomes.records module"
        print(f"  skipped: {reason}")
        return
    import django

    django.setup()
    from twohomes import records  # type: ignore[attr-defined]

    if not hasattr(records, "append"):
        print("  skipped: twohomes.records has no append() yet")
        return
    try:
        elapsed, _ = timed(f"{count:,} appends", lambda: _append_many(records, count))
    except NotImplementedError as exc:
        print(f"  skipped: {exc}")
        return
    print(f"  {count / elapsed:,.0f} appends per second")


def _append_many(records: Any, count: int) -> None:
    raise NotImplementedError("wire records.append here once the records app exists")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=10_000)
    args = parser.parse_args()
    bench_verification(args.entries)
    print()
    bench_appends(args.appends)


if __name__ == "__main__":
    main()
