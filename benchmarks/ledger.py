"""Benchmark the family record: offline verification of a large bundle, and appends.

    python benchmarks/ledger.py [--entries 1000000] [--appends 2000] [--append-seconds 30]

Prints the time to verify an N-entry full-export bundle (``verify_bundle``: unzip, leaf
hashes, tree root, sequence/time checks, commitments, signature) beside the time of plain
SHA-256 over the same bytes (entries.jsonl + contents.jsonl) in one stream, the physical
floor; the goal is 3 x that floor. It is verified as it runs by default (the compiled fast
path where it was built, on every CPU), on one CPU, and with verify.py's Python alone (what
the lone file does, in two processes above 50,000 entries where fork is available, and in
one).

The second section times ``records.append`` through Django: on the PostgreSQL server of
DATABASE_URL (in a throwaway test database, created and dropped by Django's test
utilities) or, without DATABASE_URL, on a temporary SQLite file. Either way settings,
secret and signing key live in a temporary directory. ``--appends 0`` skips it.
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
from twohomes.core.ledger import verify as verify_module
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
        floor, _ = _floors(entries)
        entries.clear()
        timed("inflate both files (verify.py alone)", lambda: _inflate(path))
        figures = _verify_modes(path)
    verify = figures["default"]
    met = "met" if verify <= 3 * floor else "NOT met"
    print(f"  verify / stream floor                 {verify / floor:6.1f} x   "
          f"(goal <= 3 x: {met})")
    for mode in ("one thread", "Python", "Python, one process"):
        print(f"  {mode + ' / stream floor':<37} {figures[mode] / floor:6.1f} x")


def _verify_modes(path: str) -> dict[str, float]:
    """verify_bundle as it runs by default, on one CPU, and with verify.py's Python only."""
    engine = "compiled fast path" if verify_module._accelerator() else "Python: _verifyc not built"
    modes = {
        "default": ({}, f"verify_bundle ({engine})"),
        "one thread": ({"TWOHOMES_VERIFY_PROCESSES": "1"}, "verify_bundle, one thread"),
        "Python": ({"TWOHOMES_VERIFY_ACCELERATOR": "0"}, "verify_bundle, Python only (verify.py)"),
        "Python, one process": (
            {"TWOHOMES_VERIFY_ACCELERATOR": "0", "TWOHOMES_VERIFY_PROCESSES": "1"},
            "verify_bundle, Python only, one process",
        ),
    }
    figures = {}
    for mode, (settings, label) in modes.items():
        elapsed, verdict = timed(label, lambda settings=settings: _with_env(settings, path))
        assert verdict.ok, verdict.render()
        figures[mode] = elapsed
    return figures


def _with_env(settings: dict[str, str], path: str) -> Any:
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        return verify_bundle(path)
    finally:
        for name, value in previous.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def _inflate(path: str) -> None:
    bundle = verify_module._Bundle(path)
    bundle.prefetch(["entries.jsonl", "contents.jsonl"])
    assert len(bundle.inflated) == 2


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


def bench_appends(count: int, seconds: float) -> None:
    """Appends per second through ``twohomes.records.services.append``, one at a time.

    Each append is its own transaction: lock the log head, insert the entry and its
    opening, update the head, sign and store a checkpoint.
    """
    database_url = os.environ.get("DATABASE_URL", "")
    print("Appends through records.append (Django)")
    if importlib.util.find_spec("django") is None:
        print("  skipped: Django is not installed")
        return
    with tempfile.TemporaryDirectory(prefix="twohomes-bench-") as var_dir:
        # Settings read these at import: a temporary var/ (development secret, signing
        # key, SQLite file), DEBUG for the development secret.
        os.environ["TWOHOMES_VAR_DIR"] = var_dir
        os.environ["DEBUG"] = "1"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twohomes.settings")
        import django
        from django.conf import settings

        django.setup()
        settings.DEBUG = False  # DEBUG would keep every query in memory and slow appends
        from django.db import connection

        if database_url:
            where = "the DATABASE_URL server, in a throwaway test database"
        else:
            connection.settings_dict["TEST"]["NAME"] = os.path.join(var_dir, "bench.sqlite3")
            where = "a temporary SQLite file (DATABASE_URL is not set)"
        print(f"  database: {connection.vendor}, {where}")
        old_name, _ = timed(
            "create and migrate database (not measured)",
            lambda: connection.creation.create_test_db(verbosity=0, autoclobber=True,
                                                       serialize=False),
        )
        try:
            family, founder = _family()
            start = time.perf_counter()
            done = _append_many(family, founder, count, seconds)
            elapsed = time.perf_counter() - start
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"  {done:,} appends in {elapsed:.2f} s{' (time limit reached)' if done < count else ''}")
    print(f"  appends per second: {done / elapsed:,.0f} ({connection.vendor})")


def _family() -> tuple[Any, Any]:
    from twohomes.accounts.models import User
    from twohomes.families.models import Membership
    from twohomes.families.services import create_family

    user = User.objects.create_user("bench@example.org", "benchmark-password-1")
    family = create_family(
        user=user, name="Benchmark", timezone_name="Europe/London", country="GB",
        subdivision="", currency="GBP",
    )
    return family, Membership.objects.get(family=family, user=user)


def _append_many(family: Any, actor: Any, count: int, seconds: float) -> int:
    """Append up to ``count`` short messages, one transaction each; stop after ``seconds``."""
    from twohomes.records.services import append

    deadline = time.perf_counter() + seconds
    for number in range(count):
        if time.perf_counter() > deadline:
            return number
        append(family, "messaging.message.sent", actor,
               {"thread": "t1", "body": f"Pickup at 5 on Friday? ({number})"})
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=2_000, help="0 skips the appends")
    parser.add_argument("--append-seconds", type=float, default=30.0,
                        help="stop appending after this many seconds")
    args = parser.parse_args()
    bench_verification(args.entries)
    print()
    if args.appends > 0:
        bench_appends(args.appends, args.append_seconds)


if __name__ == "__main__":
    main()
