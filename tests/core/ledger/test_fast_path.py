"""The full-export fast path: exact, and never a verdict other than the line-by-line checks'.

verify.py checks a full export as the server writes it with whole-block operations; any
bundle they do not accept goes to the line-by-line checks. Each test here compares the
verdict with the fast path and without it (``_fast_full`` answering None), on valid
bundles, on hand-made damage and on hypothesis-generated damage; most of them also with
blocks of a few lines and subtrees of a few leaves, so that lines, numbers, times and the
tree cross block boundaries as they do in a large bundle.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.ledger.builders import (
    LOG_ID,
    Family,
    build_family,
    full_bundle,
    read_member,
    rewrite,
)
from twohomes.core.ledger import BundleError, verify
from twohomes.core.ledger.merkle import root_from_leaf_hashes
from twohomes.core.ledger.verify import leaf_hash

# (bytes a block, leaves a subtree): as shipped; a few lines a block; a line over a block.
BLOCKS = {
    "as shipped": (verify._BLOCK, verify._SUBTREE),
    "small blocks": (700, 4),
    "lines longer than a block": (100, 2),
}


def use_blocks(name: str, patch: pytest.MonkeyPatch) -> None:
    block, subtree = BLOCKS[name]
    patch.setattr(verify, "_BLOCK", block)
    patch.setattr(verify, "_SUBTREE", subtree)


@pytest.fixture(params=sorted(BLOCKS))
def blocks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    use_blocks(request.param, monkeypatch)
    return str(request.param)


def messages(size: int, **kwargs: Any) -> Family:
    return build_family(size, photo_at=None, **kwargs)


def outcome(bundle: bytes) -> object:
    """What a reader is told: ok, the codes and their counts; or the error."""
    try:
        verdict = verify.verify_bundle(io.BytesIO(bundle))
    except BundleError as exc:
        return str(exc)
    return verdict.ok, verdict.counts


def codes(bundle: bytes) -> set[str]:
    return verify.verify_bundle(io.BytesIO(bundle)).codes


def slow_outcome(bundle: bytes) -> object:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verify, "_fast_full", lambda *args: None)
        return outcome(bundle)


def same_either_way(bundle: bytes) -> object:
    """The outcome, after checking it is the same without the fast path."""
    found = outcome(bundle)
    assert found == slow_outcome(bundle)
    return found


def fast_root(bundle: bytes) -> tuple[bytes, bool] | None:
    """(root, every opening matched) from the fast path, or None."""
    size = int(read_member(bundle, "checkpoint.txt").split(b"\n")[1])
    entries, contents = read_member(bundle, "entries.jsonl"), read_member(bundle, "contents.jsonl")
    fast = verify._fast_full(entries, contents, LOG_ID, size)
    return None if fast is None else (fast.root, fast.opened)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 9, 10, 11, 13, 32, 33, 64, 65, 100, 101, 130])
def test_valid_full_exports_take_the_fast_path(
    size: int, blocks: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = messages(size)
    bundle = full_bundle(family)
    assert fast_root(bundle) == (root_from_leaf_hashes(leaf_hash(x) for x in family.leaves), True)

    def not_called(*args: Any) -> None:
        raise AssertionError("the line-by-line checks ran")

    monkeypatch.setattr(verify, "_check_leaves", not_called)
    monkeypatch.setattr(verify, "_check_contents", not_called)
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
    "message edited": (
        "contents.jsonl", edit_line(2, lambda x: x.replace(b"Pickup", b"Pickuq")),
        {"entry.commitment"},
    ),
    "message edited (last entry)": (
        "contents.jsonl", edit_line(39, lambda x: x.replace(b"Pickup", b"Pickuq")),
        {"entry.commitment"},
    ),
    "openings swapped": ("contents.jsonl", swap_lines(5, 6), set()),  # matched by seq
    "opening withheld": (
        "contents.jsonl", edit_line(7, lambda x: b'{"seq":7,"withheld":true}'),
        {"entry.withheld"},
    ),
    "salt in upper case": (
        "contents.jsonl", edit_line(4, lambda x: x[:20] + x[20:84].upper() + x[84:]),
        {"bundle.format"},
    ),
    "content seq renumbered": (
        "contents.jsonl", edit_line(3, lambda x: x.replace(b'"seq":3,', b'"seq":03,')),
        {"bundle.format"},
    ),
    "bytes before an opening": ("contents.jsonl", edit_line(8, b" ".__add__), {"bundle.format"}),
    "leaf edited": (
        "entries.jsonl", edit_line(1, lambda x: x.replace(b"member-1", b"member-3")), {"log.root"},
    ),
    "entries swapped": ("entries.jsonl", swap_lines(3, 4), {"entry.sequence", "log.root"}),
    "entries swapped across a power of two": (
        "entries.jsonl", swap_lines(31, 32), {"entry.sequence", "log.root"},
    ),
    "time edited": (
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
    "bytes after a leaf": (
        "entries.jsonl", edit_line(6, lambda x: x + b" "), {"log.root"},
    ),
    "blank line added": (
        "entries.jsonl", lambda d: d + b"\n", {"entry.format", "log.size", "log.root"},
    ),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tampering_gets_the_line_by_line_verdict(case: str, blocks: str) -> None:
    member, change, expected = TAMPERING[case]
    family = messages(40)
    bundle = rewrite(full_bundle(family), member, change)
    same_either_way(bundle)
    found = codes(bundle)
    assert expected <= found
    assert fast_root(bundle) != (family.head.root, True)  # None, another root, or False
    assert verify.verify_bundle(io.BytesIO(bundle)).ok == (found <= {"entry.withheld"})


def test_escaped_strings_fall_back_to_the_line_by_line_checks() -> None:
    bundle = full_bundle(messages(10, actor='member "quoted" '))
    assert fast_root(bundle) is None
    assert verify.verify_bundle(io.BytesIO(bundle)).ok


@pytest.mark.parametrize("actor", ["Zoë-", "member\x7f-", "", "a}b{c,d:-"])
def test_unusual_but_canonical_strings_take_the_fast_path(actor: str) -> None:
    family = messages(9, actor=actor)
    assert fast_root(full_bundle(family)) == (family.head.root, True)


def test_wrong_root_is_named() -> None:
    family, other = messages(30), messages(30, actor="person-")
    bundle = rewrite(full_bundle(family), "checkpoint.txt", lambda _: other.checkpoint().encode())
    bundle = rewrite(bundle, "key.vkey", lambda _: other.vkey.encode())
    assert codes(bundle) == {"log.root"}


@pytest.mark.parametrize("photo_at", [3, 20, 32, 33])
def test_attachments_and_withheld_entries_keep_the_fast_leaf_checks(
    photo_at: int, blocks: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = build_family(60, photo_at=photo_at)
    bundle = full_bundle(family, withheld=[7, 32])
    assert fast_root(bundle) == (family.head.root, False)  # openings: the general check

    def not_called(*args: Any) -> None:
        raise AssertionError("the line-by-line leaf checks ran")

    with monkeypatch.context() as patch:
        patch.setattr(verify, "_check_leaves", not_called)
        verdict = verify.verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()
    assert verdict.codes == {"entry.withheld"} and verdict.counts["entry.withheld"] == 2
    assert same_either_way(bundle) == (True, {"entry.withheld": 2})
    edited = rewrite(bundle, "contents.jsonl", edit_line(40, lambda x: x.replace(b"Pick", b"Kick")))
    same_either_way(edited)
    assert codes(edited) == {"entry.withheld", "entry.commitment"}


def test_malformed_openings_are_named_by_line_number() -> None:
    bundle = full_bundle(messages(12))
    for number in (3, 8, 12):
        bundle = rewrite(bundle, "contents.jsonl", edit_line(number - 1, lambda x: b'{"seq":"x"}'))
    messages_found = [f.message for f in verify.verify_bundle(io.BytesIO(bundle)).findings]
    for number in (3, 8, 12):
        assert f"line {number} of contents.jsonl is malformed" in messages_found


# --- edges ------------------------------------------------------------------------------------

TIME = re.compile(rb'"time":"[^"]*"')
NUMBER = re.compile(rb'"seq":[0-9]+')


def test_a_time_going_back_anywhere_is_refused(blocks: str) -> None:
    """Every line in turn gets a time before the line above it."""
    bundle = full_bundle(messages(24))
    for number in range(1, 24):
        earlier = edit_line(number, lambda x: TIME.sub(b'"time":"2025-03-01T07:00:00.000000Z"', x))
        damaged = rewrite(bundle, "entries.jsonl", earlier)
        assert fast_root(damaged) is None, number
        assert "entry.time" in codes(damaged)
        same_either_way(damaged)


@pytest.mark.parametrize("tail", [b" ", b"\r", b"}", b",", b"\x00"])
def test_anything_after_a_leaf_or_an_opening_on_its_line_is_refused(
    tail: bytes, blocks: str
) -> None:
    family = messages(5)
    for number in range(5):
        for member in ("entries.jsonl", "contents.jsonl"):
            damaged = rewrite(full_bundle(family), member, edit_line(number, lambda x: x + tail))
            assert fast_root(damaged) != (family.head.root, True), (member, number)
            assert not verify.verify_bundle(io.BytesIO(damaged)).ok
            same_either_way(damaged)


@pytest.mark.parametrize(
    "number",
    [b"00", b"1", b"-0", b"+1", b"1" * 19, b"1" * 20, b"9" * 19, b"18446744073709551616"],
)
def test_sequence_numbers_at_the_edges(number: bytes) -> None:
    family = messages(3)

    def renumber(line: bytes) -> bytes:
        return line.replace(b'"seq":0,', b'"seq":' + number + b",")

    for member in ("entries.jsonl", "contents.jsonl"):
        damaged = rewrite(full_bundle(family), member, edit_line(0, renumber))
        assert fast_root(damaged) != (family.head.root, True)
        assert not verify.verify_bundle(io.BytesIO(damaged)).ok
        same_either_way(damaged)


@pytest.mark.parametrize("opening", [b"}", b"", b" }", b"{}}", b"\r}", b'"x"', b'"}"}'])
def test_opening_contents_at_the_edges(opening: bytes) -> None:
    family = messages(2)
    cut = b'"content":'

    def edit(line: bytes) -> bytes:
        return line[: line.index(cut) + len(cut)] + opening

    damaged = rewrite(full_bundle(family), "contents.jsonl", edit_line(1, edit))
    assert fast_root(damaged) == (family.head.root, False)
    assert same_either_way(damaged) != (True, {})


def test_files_larger_than_a_block_and_a_line_longer_than_one() -> None:
    """A 3 MB letter is a line longer than a block, among thousands of short ones."""
    family = build_family(6000, photo_at=None, bodies={4321: "A long letter. " * 220_000})
    bundle = full_bundle(family)
    assert len(read_member(bundle, "contents.jsonl")) > 3 * verify._BLOCK
    assert len(read_member(bundle, "entries.jsonl")) > verify._BLOCK
    assert fast_root(bundle) == (family.head.root, True)
    edited = rewrite(bundle, "contents.jsonl",
                     lambda d: d.replace(b"A long letter. A long", b"A long letter. A lung", 1))
    assert fast_root(edited) == (family.head.root, False)
    assert same_either_way(edited) == (False, {"entry.commitment": 1})


def test_a_file_whose_last_line_has_no_newline_is_not_a_bundle() -> None:
    bundle = full_bundle(messages(12))
    for member in ("entries.jsonl", "contents.jsonl"):
        found = same_either_way(rewrite(bundle, member, lambda d: d[:-1]))
        assert found == f"{member} does not end with a newline"


# --- hypothesis-generated damage ----------------------------------------------------------------

TOKENS = [b'"', b"\\", b"\n", b"\r", b"\x00", b"\x1f", b"\x7f", b"\xc3\xab", b"0", b"9",
          b"a", b"f", b"A", b"g", b",", b":", b"}", b"{", b"-", b"T", b"Z", b".", b" "]
TIMES = st.sampled_from([b"2025-03-01T07:59:00.000000Z", b"2025-03-01T08:00:00.000000Z",
                         b"2025-03-01T08:03:00.000000Z", b"2025-03-01T08:30:00.000000Z",
                         b"2025-03-01T08:30:00.000001Z", b"2025-03-01 08:30:00.000001Z"])


@st.composite
def damage(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to three edits: bytes replaced, cut, inserted; lines moved; a
    line's time or number changed in place."""
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        edit = draw(st.sampled_from(
            ["replace", "cut", "insert", "swap", "repeat", "drop", "time", "number"]
        ))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        line = draw(st.integers(0, max(0, len(lines) - 2)))
        if edit == "time":
            lines[line] = TIME.sub(b'"time":"' + draw(TIMES) + b'"', lines[line])
            data = b"\n".join(lines)
        elif edit == "number":
            number = b"%d" % draw(st.integers(0, len(lines) + 1))
            lines[line] = NUMBER.sub(b'"seq":' + number, lines[line])
            data = b"\n".join(lines)
        elif edit == "replace":
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at + 1 :]
        elif edit == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif edit == "insert":
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]
        elif edit == "swap" and len(lines) > 2:
            other = draw(st.integers(0, len(lines) - 2))
            lines[line], lines[other] = lines[other], lines[line]
            data = b"\n".join(lines)
        elif edit == "repeat":
            data = b"\n".join(lines[: line + 1] + lines[line:])
        elif edit == "drop" and len(lines) > 2:
            data = b"\n".join(lines[:line] + lines[line + 1 :])
    return data


@cache
def valid_bundle(size: int) -> bytes:
    return full_bundle(messages(size))


def damaged_member(size: int, member: str) -> st.SearchStrategy[bytes]:
    return damage(read_member(valid_bundle(size), member))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([1, 2, 3, 7, 33]).flatmap(
        lambda size: st.tuples(
            st.just(size),
            st.sampled_from(["entries", "contents", "both"]),
            damaged_member(size, "entries.jsonl"),
            damaged_member(size, "contents.jsonl"),
        )
    ),
    st.sampled_from(sorted(BLOCKS)),
)
def test_damaged_files_get_the_line_by_line_verdict(
    case: tuple[int, str, bytes, bytes], blocks: str
) -> None:
    size, which, entries, contents = case
    bundle = valid_bundle(size)
    if which in ("entries", "both"):
        bundle = rewrite(bundle, "entries.jsonl", lambda _: entries)
    if which in ("contents", "both"):
        bundle = rewrite(bundle, "contents.jsonl", lambda _: contents)
    with pytest.MonkeyPatch.context() as patch:
        use_blocks(blocks, patch)
        same_either_way(bundle)
