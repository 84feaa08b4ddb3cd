"""Benchmark the family record: offline verification of large bundles, and appends.

    python benchmarks/ledger.py [--entries 10000 100000 1000000] [--repeat 3]
                                [--appends 2000] [--append-seconds 30]

For each size, prints the time to verify a full-export bundle of that many entries
(``verify_bundle``: unzip, leaf hashes, tree root, sequence and time checks, commitments,
signature) beside the time of plain SHA-256 over the same bytes (entries.jsonl +
contents.jsonl, hashlib in one stream), and their ratio; each the best of ``--repeat``
runs. It runs on one CPU (pinned to it where the system allows). The goals: 100,000
entries in at most 1 s, and 1,000,000 entries in at most 16 x plain SHA-256.

The second section times ``records.append`` through Django: on the PostgreSQL server of
DATABASE_URL (in a throwaway test database, created and dropped by Django's test
utilities) or, without DATABASE_URL, on a temporary SQLite file. Either way settings,
secret and signing key live in a temporary directory. ``--appends 0`` skips it. On
PostgreSQL it then starts writers in processes of their own, eight on eight families and
two on one family, and prints appends per second, the 95th percentile of one append, the
server's ``fsync`` and ``synchronous_commit``, and whether every log came out whole.

The writers start appending together, once every one of them has loaded Django, so that
no writer's start-up is counted in another's appends. Beside each figure it prints the
machine's CPUs and load average before the run and how busy its CPUs were during it, and
the writers' own CPU time per append: on a small machine the writers and PostgreSQL share
the same cores, and the figure is worth as much as the machine was quiet.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _summary import report  # noqa: E402

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


GOAL_SECONDS = (100_000, 1.0)  # entries, at most this many seconds
GOAL_RATIO = (1_000_000, 16.0)  # entries, at most this many times plain SHA-256


def timed(label: str, action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"  {label:<44} {elapsed:8.3f} s")
    return elapsed, result


def best_of(repeat: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def one_cpu() -> str:
    """Pin this process to one CPU where the system allows it; says which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here); the verifier uses one CPU"


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


def write_bundle_file(path: str, count: int) -> tuple[bytes, bytes]:
    """A full-export bundle of ``count`` entries at ``path``; returns the hashed files."""
    key = Ed25519PrivateKey.generate()
    entries, compact = build_entries(count)
    note = sign_checkpoint(
        key, key_name=SERVER, origin=checkpoint_origin(SERVER, LOG_ID),
        size=compact.size, root=compact.root,
    )
    with open(path, "wb") as out:
        write_bundle(
            out, log_id=LOG_ID, checkpoint=note, vkey=verifier_key(key, SERVER).vkey(),
            entries=entries, exported_at="2025-04-01T12:00:00.000000Z",
        )
    leaves = b"".join(e.leaf + b"\n" for e in entries)
    contents = b"".join(e.opening_line() + b"\n" for e in entries)
    return leaves, contents


def _stream(leaves: bytes, contents: bytes) -> bytes:
    digest = hashlib.sha256(leaves)
    digest.update(contents)
    return digest.digest()


def bench_verification(sizes: list[int], repeat: int) -> None:
    print(f"Verification of full-export bundles, one CPU ({one_cpu()}), best of {repeat}")
    print(f"  {'entries':>9}  {'zip':>8}  {'hashed':>8}  {'verify_bundle':>13}  "
          f"{'SHA-256':>8}  {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        figures = {count: _bench_size(os.path.join(tmp, "bundle.zip"), count, repeat)
                   for count in sizes}
    _goals(figures)


def _bench_size(path: str, count: int, repeat: int) -> tuple[float, float]:
    """(seconds, ratio to plain SHA-256) to verify a ``count``-entry bundle; prints both."""
    leaves, contents = write_bundle_file(path, count)  # not measured
    floor, _ = best_of(repeat, functools.partial(_stream, leaves, contents))
    hashed = len(leaves) + len(contents)
    del leaves, contents
    seconds, verdict = best_of(repeat, functools.partial(verify_bundle, path))
    assert verdict.ok, verdict.render()
    print(f"  {count:>9,}  {os.path.getsize(path) / 1e6:5.1f} MB  {hashed / 1e6:5.1f} MB  "
          f"{seconds:11.3f} s  {floor:6.3f} s  {seconds / floor:4.1f} x")
    os.remove(path)
    return seconds, seconds / floor


def _goals(figures: dict[int, tuple[float, float]]) -> None:
    count, limit = GOAL_SECONDS
    if count in figures:
        seconds = figures[count][0]
        met = "met" if seconds <= limit else "NOT met"
        print(f"  goal: {count:,} entries in <= {limit:g} s: {met} ({seconds:.2f} s)")
        report("record", f"verify a {count:,}-entry export, one CPU", f"{seconds:.2f} s",
               f"≤ {limit:g} s", seconds <= limit)
    count, limit = GOAL_RATIO
    if count in figures:
        ratio = figures[count][1]
        met = "met" if ratio <= limit else "NOT met"
        print(f"  goal: {count:,} entries in <= {limit:g} x SHA-256: {met} ({ratio:.1f} x)")
        report("record", f"verify a {count:,}-entry export against plain SHA-256",
               f"{ratio:.1f} ×", f"≤ {limit:g} ×", ratio <= limit)


# --- appends through Django (the records app) -------------------------------------------


def machine() -> str:
    """The machine's CPUs and its load average, as a benchmark's figure depends on both."""
    cpus = os.cpu_count() or 0
    if not hasattr(os, "getloadavg"):
        return f"{cpus} CPUs"
    one, five, fifteen = os.getloadavg()
    return f"{cpus} CPUs, load average {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)"


def cpu_ticks() -> tuple[int, int] | None:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat (Linux)."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def busy_share(before: tuple[int, int] | None) -> float | None:
    after = cpu_ticks()
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def busy_since(before: tuple[int, int] | None) -> str:
    share = busy_share(before)
    return "machine CPU use unknown" if share is None else f"machine CPUs {share:.0%} busy"


def busy_before() -> str:
    """How busy the machine is with other work: one second's sample, before a run."""
    before = cpu_ticks()
    time.sleep(1.0)
    share = busy_share(before)
    if share is None:
        return "machine CPU use unknown"
    warning = " (other work is running: the figures that follow understate)" if share > 0.2 else ""
    return f"machine CPUs {share:.0%} busy{warning}"


def bench_appends(count: int, seconds: float) -> None:
    """Appends per second through ``twohomes.records.services.append``, one at a time.

    Each append is its own transaction: lock the log head (one statement), then insert
    the entry, its opening and the signed checkpoint and move the head (one more), commit.
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
        print(f"  machine: {machine()}")
        old_name, _ = timed(
            "create and migrate database (not measured)",
            lambda: connection.creation.create_test_db(verbosity=0, autoclobber=True,
                                                       serialize=False),
        )
        try:
            from twohomes.families.access import in_family

            family, founder = _family()
            print(f"  before: {busy_before()}")
            with in_family(family):  # the family's tables are read inside its scope
                before, start = cpu_ticks(), time.perf_counter()
                done = _append_many(family, founder, count, seconds)
                elapsed = time.perf_counter() - start
            print(f"  one writer: {done:,} appends in {elapsed:.2f} s"
                  f"{' (time limit reached)' if done < count else ''}: "
                  f"{done / elapsed:,.0f} appends per second ({connection.vendor}; "
                  f"{busy_since(before)})")
            report("record", f"appends, one writer ({connection.vendor})",
                   f"{done / elapsed:,.0f} per second")
            if connection.vendor == "postgresql":
                _bench_writers(database_url, connection.settings_dict["NAME"], var_dir)
            else:
                print("  several writers: PostgreSQL only (SQLite takes one writer at a time)")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


WRITER = """
import json, os, sys, time
import django
django.setup()
from django.conf import settings
settings.DEBUG = False
from django_scopes import scope
from twohomes.families.models import Family, Membership
from twohomes.records.services import append
family = Family.objects.get(pk=sys.argv[1])
with scope(family=family.pk):
    actor = Membership.objects.filter(family=family).first()
    latencies = []
    print("ready", flush=True)
    sys.stdin.readline()  # every writer starts at once, after all of them have started up
    began, cpu = time.time(), time.process_time()
    for number in range(int(sys.argv[2])):
        start = time.perf_counter()
        append(family, "messaging.message.sent", actor, {"body": f"w{sys.argv[3]}-{number}"})
        latencies.append(time.perf_counter() - start)
print(json.dumps({"began": began, "ended": time.time(), "latencies": latencies,
                  "cpu": time.process_time() - cpu}))
"""


def _bench_writers(database_url: str, test_name: str, var_dir: str) -> None:
    """Writers in processes of their own: eight on eight families, and two on one family
    (whose log must still come out whole, without gaps or repeats)."""
    import subprocess
    from urllib.parse import urlsplit, urlunsplit

    from django.db import connection

    from twohomes.families.access import in_family
    from twohomes.records.models import LogEntry

    parts = urlsplit(database_url)
    url = urlunsplit(parts._replace(path="/" + test_name))
    env = {**os.environ, "DATABASE_URL": url, "TWOHOMES_VAR_DIR": var_dir}
    with connection.cursor() as cursor:
        settings_seen = []
        for name in ("fsync", "synchronous_commit"):
            cursor.execute(f"SHOW {name}")
            settings_seen.append(f"{name}={cursor.fetchone()[0]}")
    print(f"  PostgreSQL: {', '.join(settings_seen)}")
    for label, families, per_family, each in (
            ("eight writers on eight families", 8, 1, 250),
            ("two writers on one family", 1, 2, 500)):
        made = [_family(f"bench{n}-{label[:3]}@example.org")[0] for n in range(families)]
        writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(family.pk), str(each),
                                     str(n)], env=env, stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True)
                   for family in made for n in range(per_family)]
        for writer in writers:  # wait until each has loaded Django and found its family
            assert writer.stdout is not None
            if writer.stdout.readline().strip() != "ready":
                raise SystemExit(f"  a writer did not start (exit {writer.wait()}); "
                                 "its error is above")
        quiet = busy_before()
        before = cpu_ticks()
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        runs = [json.loads(writer.communicate(timeout=600)[0]) for writer in writers]
        busy = busy_since(before)
        # From the first writer's first append to the last one's last (start-up aside).
        elapsed = max(r["ended"] for r in runs) - min(r["began"] for r in runs)
        latencies = sorted(x for r in runs for x in r["latencies"])
        p95 = latencies[int(len(latencies) * 0.95)] * 1000
        whole = True
        for family in made:
            with in_family(family):
                seqs = list(LogEntry.objects.filter(family=family).values_list("seq", flat=True)
                            .order_by("seq"))
            whole = whole and seqs == list(range(len(seqs)))
        cpu = sum(r["cpu"] for r in runs) / len(latencies) * 1000
        print(f"  {label}: {len(latencies):,} appends in {elapsed:.2f} s: "
              f"{len(latencies) / elapsed:,.0f} per second, p95 {p95:.1f} ms; "
              f"each log whole: {'yes' if whole else 'NO'}")
        print(f"    before: {quiet}; during: {busy}, "
              f"the writers' own CPU {cpu:.2f} ms per append")
        rate = len(latencies) / elapsed
        measured = f"{rate:,.0f} per second, p95 {p95:.1f} ms, log whole: " + (
            "yes" if whole else "NO")
        if families > 1:
            report("record", f"appends, {label}", measured, "≥ 600 per second",
                   rate >= 600 and whole)
        else:
            report("record", f"appends, {label}", measured, "p95 ≤ 25 ms", p95 <= 25 and whole)


def _family(email: str = "bench@example.org") -> tuple[Any, Any]:
    from twohomes.accounts.models import User
    from twohomes.families.access import in_family
    from twohomes.families.models import Membership
    from twohomes.families.services import create_family

    user = User.objects.create_user(email, "benchmark-password-1")
    family = create_family(
        user=user, name="Benchmark", timezone_name="Europe/London", country="GB",
        subdivision="", currency="GBP",
    )
    with in_family(family):
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
    parser.add_argument("--entries", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--appends", type=int, default=2_000, help="0 skips the appends")
    parser.add_argument("--append-seconds", type=float, default=30.0,
                        help="stop appending after this many seconds")
    args = parser.parse_args()
    bench_verification(args.entries, args.repeat)
    print()
    if args.appends > 0:
        bench_appends(args.appends, args.append_seconds)


if __name__ == "__main__":
    main()
