"""The full-export fast path: exact, and the same verdicts as the line-by-line checks.

Each case runs through every engine of the fast path: verify.py's Python in one process
and, with the threshold lowered, split over two processes (a forked worker checks the
first part); and the optional compiled module (``_verifyc``) on one, two and seven
threads, so that small bundles are split into parts too.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any

import pytest

from tests.core.ledger.builders import LOG_ID, Family, build_family, full_bundle, rewrite
from twohomes.core.ledger import verify
from twohomes.core.ledger.merkle import root_from_leaf_hashes
from twohomes.core.ledger.verify import leaf_hash

THREADS = {"one thread": 1, "two threads": 2, "seven threads": 7}


def use_engine(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Select one engine of the fast path for the rest of the test."""
    kind, _, spread = name.partition(", ")
    if kind == "python":
        monkeypatch.setenv("TWOHOMES_VERIFY_ACCELERATOR", "0")
        if spread == "two processes":
            if not verify._fork_available():
                pytest.skip("the verifier forks only from a single-threaded process on Linux")
            monkeypatch.setattr(verify, "PARALLEL_MIN_ENTRIES", 2)
        else:
            monkeypatch.setenv("TWOHOMES_VERIFY_PROCESSES", "1")
        return
    if verify._accelerator() is None:
        pytest.skip("the compiled fast path is not built here (no C compiler or OpenSSL headers)")
    monkeypatch.setattr(verify, "PARALLEL_MIN_ENTRIES", 2)
    monkeypatch.setattr(verify, "_cores", lambda: THREADS[spread])


ENGINES = [
    "python, one process",
    "python, two processes",
    *(f"compiled, {spread}" for spread in THREADS),
]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    use_engine(request.param, monkeypatch)
    return str(request.param)


def messages(size: int, **kwargs: Any) -> Family:
    return build_family(size, photo_at=None, **kwargs)


def codes(bundle: bytes) -> set[str]:
    return verify.verify_bundle(io.BytesIO(bundle)).codes


def slow_codes(bundle: bytes, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    with monkeypatch.context() as patch:
        patch.setattr(verify, "_fast_full", lambda *args: None)
        return codes(bundle)


def fast_root(bundle: bytes) -> tuple[bytes, bool] | None:
    """(root, every opening matched) from the fast path, or None."""
    source = verify._Bundle(io.BytesIO(bundle))
    size = int(source.text("checkpoint.txt").split("\n")[1])
    entries, contents = source.read("entries.jsonl"), source.read("contents.jsonl")
    return verify._fast_full(entries, contents, LOG_ID, size)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 32, 33, 64, 65, 100, 130])
def test_valid_full_exports_take_the_fast_path(
    size: int, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = messages(size)
    bundle = full_bundle(family)
    assert fast_root(bundle) == (root_from_leaf_hashes(leaf_hash(x) for x in family.leaves), True)

    def not_called(*args: Any) -> None:
        raise AssertionError("the line-by-line checks ran")

    monkeypatch.setattr(verify, "_scan_leaves", not_called)
    verdict = verify.verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()
    assert ("Bundle", f"full export, {size} entries") in verdict.facts


def edit_line(number: int, change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[number] = change(lines[number])
        return b"\n".join(lines)

    return edit


def swap_lines(a: int, b: int) -> Callable[[bytes], bytes]:
    def swap(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[a], lines[b] = lines[b], lines[a]
        return b"\n".join(lines)

    return swap


TAMPERING: dict[str, tuple[str, Callable[[bytes], bytes], set[str]]] = {
    "message edited (first part)": (
        "contents.jsonl", edit_line(2, lambda x: x.replace(b"Pickup", b"Pickuq")),
        {"entry.commitment"},
    ),
    "message edited (last entry)": (
        "contents.jsonl", edit_line(39, lambda x: x.replace(b"Pickup", b"Pickuq")),
        {"entry.commitment"},
    ),
    "openings swapped": ("contents.jsonl", swap_lines(5, 6), set()),  # matched by seq
    "opening sealed": (
        "contents.jsonl", edit_line(7, lambda x: b'{"seq":7,"sealed":true}'), set(),
    ),
    "salt in upper case": (
        "contents.jsonl", edit_line(4, lambda x: x[:20] + x[20:84].upper() + x[84:]),
        {"bundle.format"},
    ),
    "content seq renumbered": (
        "contents.jsonl", edit_line(3, lambda x: x.replace(b'"seq":3,', b'"seq":03,')),
        {"bundle.format"},
    ),
    "leaf edited": (
        "entries.jsonl", edit_line(1, lambda x: x.replace(b"member-1", b"member-3")), {"log.root"},
    ),
    "entries swapped": ("entries.jsonl", swap_lines(3, 4), {"entry.sequence", "log.root"}),
    "entries swapped at the split": (
        "entries.jsonl", swap_lines(19, 20), {"entry.sequence", "log.root"},
    ),
    "time edited at the split": (
        "entries.jsonl", edit_line(20, lambda x: x.replace(b"T08:20:", b"T07:20:")),
        {"entry.time", "log.root"},
    ),
    "seq with a leading zero": (
        "entries.jsonl", edit_line(9, lambda x: x.replace(b'"seq":9,', b'"seq":09,')),
        {"entry.format", "entry.missing", "log.root"},
    ),
    "leaf of another log": (
        "entries.jsonl", edit_line(12, lambda x: x.replace(b"9f2c4e1a", b"0f2c4e1a")),
        {"entry.log", "log.root"},
    ),
    "commitment in upper case": (
        "entries.jsonl",
        edit_line(11, lambda x: x.replace(b'"commitment":"', b'"commitment":"').upper()),
        {"entry.format", "entry.missing", "log.root", "content.orphan"},
    ),
    "blank line added": (
        "entries.jsonl", lambda d: d + b"\n", {"entry.format", "log.size", "log.root"},
    ),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampering_gets_the_line_by_line_verdict(
    case: str, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    member, change, expected = TAMPERING[case]
    family = messages(40)
    bundle = rewrite(full_bundle(family), member, change)
    found = codes(bundle)
    assert found == slow_codes(bundle, monkeypatch)
    assert expected <= found
    assert fast_root(bundle) != (family.head.root, True)  # None, another root, or False
    if expected:
        assert not verify.verify_bundle(io.BytesIO(bundle)).ok


def test_escaped_strings_fall_back_to_the_line_by_line_checks(engine: str) -> None:
    bundle = full_bundle(messages(10, actor='member "quoted" '))
    assert fast_root(bundle) is None
    assert verify.verify_bundle(io.BytesIO(bundle)).ok


def test_wrong_root_is_named(engine: str) -> None:
    family, other = messages(30), messages(30, actor="person-")
    bundle = rewrite(full_bundle(family), "checkpoint.txt", lambda _: other.checkpoint().encode())
    bundle = rewrite(bundle, "key.vkey", lambda _: other.vkey.encode())
    assert codes(bundle) == {"log.root"}


def test_without_multiprocessing_one_process_does_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setenv("TWOHOMES_VERIFY_ACCELERATOR", "0")

    def unavailable(method: str | None = None) -> Any:
        raise ValueError("no fork here")

    monkeypatch.setattr(verify, "PARALLEL_MIN_ENTRIES", 2)
    monkeypatch.setattr(multiprocessing, "get_context", unavailable)
    family = messages(50)
    assert fast_root(full_bundle(family)) == (family.head.root, True)
    assert verify.verify_bundle(io.BytesIO(full_bundle(family))).ok


def test_a_worker_that_dies_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    if not verify._fork_available():
        pytest.skip("no fork on this platform")
    monkeypatch.setenv("TWOHOMES_VERIFY_ACCELERATOR", "0")
    monkeypatch.setattr(verify, "PARALLEL_MIN_ENTRIES", 2)
    monkeypatch.setattr(verify, "_fast_worker", lambda conn, job: os._exit(3))
    family = messages(50)
    assert fast_root(full_bundle(family)) == (family.head.root, True)


@pytest.mark.parametrize("photo_at", [3, 20, 32, 33])
def test_attachments_and_sealed_entries_keep_the_fast_leaf_checks(
    photo_at: int, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = build_family(60, photo_at=photo_at)
    bundle = full_bundle(family, sealed=[7, 32])
    assert fast_root(bundle) == (family.head.root, False)  # openings: the general check

    def not_called(*args: Any) -> None:
        raise AssertionError("the line-by-line leaf checks ran")

    with monkeypatch.context() as patch:
        patch.setattr(verify, "_scan_leaves", not_called)
        verdict = verify.verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()
    assert verdict.codes == {"entry.sealed"} and verdict.counts["entry.sealed"] == 2
    assert verdict.codes == slow_codes(bundle, monkeypatch)
    edited = rewrite(bundle, "contents.jsonl", edit_line(40, lambda x: x.replace(b"Pick", b"Kick")))
    assert codes(edited) == slow_codes(edited, monkeypatch) == {"entry.sealed", "entry.commitment"}


def test_threads_keep_it_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify.threading, "active_count", lambda: 2)
    assert not verify._fork_available()


def test_malformed_openings_are_named_by_line_number() -> None:
    bundle = full_bundle(messages(12))
    for number in (3, 8, 12):
        bundle = rewrite(bundle, "contents.jsonl", edit_line(number - 1, lambda x: b'{"seq":"x"}'))
    messages_found = [f.message for f in verify.verify_bundle(io.BytesIO(bundle)).findings]
    for number in (3, 8, 12):
        assert f"line {number} of contents.jsonl is malformed" in messages_found
