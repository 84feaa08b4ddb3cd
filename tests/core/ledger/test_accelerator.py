"""The compiled fast path (``_verifyc``) answers exactly as verify.py's Python does.

The compiled module may only ever be a faster way to the same answer: for each input,
valid or damaged in any way, it must return what ``_python_fast_full`` returns — the same
tree root and the same "every opening matches", or None (the line-by-line checks decide).
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
import sysconfig
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.ledger.builders import LOG_ID, build_family, full_bundle, read_member, rewrite
from twohomes.core.ledger import verify

compiled = verify._accelerator()
needs_compiled = pytest.mark.skipif(
    compiled is None, reason="the compiled fast path is not built here"
)


def headers_found() -> bool:
    """Does this machine's C compiler find Python's and OpenSSL's headers?"""
    command = [*shlex.split(sysconfig.get_config_var("CC") or "cc"), "-E", "-x", "c", "-"]
    if shutil.which(command[0]) is None:
        return False
    run = subprocess.run(
        [*command, "-I", sysconfig.get_paths()["include"], "-o", os.devnull],
        input=b"#include <Python.h>\n#include <openssl/evp.h>\n",
        capture_output=True,
        check=False,
    )
    return run.returncode == 0


def test_the_compiled_module_is_built_wherever_it_can_be() -> None:
    if not headers_found():
        pytest.skip("no C compiler with Python's and OpenSSL's headers here")
    assert compiled is not None, "installing the package should have built _verifyc"


@cache
def member_files(size: int, actor: str = "member-") -> tuple[bytes, bytes]:
    bundle = full_bundle(build_family(size, photo_at=None, actor=actor))
    return read_member(bundle, "entries.jsonl"), read_member(bundle, "contents.jsonl")


def both(entries: bytes, contents: bytes, size: int, threads: int) -> tuple[object, object]:
    """(compiled answer, Python answer) for the same input."""
    assert compiled is not None
    fast = verify._compiled_fast_full(compiled, entries, contents, LOG_ID, size)
    assert compiled.verify_full(entries, contents, LOG_ID.encode(), size, threads) == fast
    return fast, verify._python_fast_full(entries, contents, LOG_ID, size)


# Bytes that matter to the layout: quotes, escapes, digits, hex, separators, line ends.
TOKENS = [b'"', b"\\", b"\n", b"\r", b"\x00", b"\x1f", b"\x7f", b"\xc3\xab", b"0", b"9",
          b"a", b"f", b"A", b"g", b",", b":", b"}", b"{", b"-", b"T", b"Z", b".", b" "]


TIME = re.compile(rb'"time":"[^"]*"')
NUMBER = re.compile(rb'"seq":[0-9]+')
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


@needs_compiled
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([1, 2, 3, 7, 33]).flatmap(
        lambda size: st.tuples(
            st.just(size),
            st.sampled_from(["entries", "contents", "both"]),
            damage(member_files(size)[0]),
            damage(member_files(size)[1]),
        )
    ),
    st.integers(-1, 1),
    st.sampled_from([1, 2, 3, 7]),
)
def test_damaged_files_get_the_same_answer(
    case: tuple[int, str, bytes, bytes], size_change: int, threads: int
) -> None:
    size, which, damaged_entries, damaged_contents = case
    entries, contents = member_files(size)
    if which in ("entries", "both"):
        entries = damaged_entries
    if which in ("contents", "both"):
        contents = damaged_contents
    fast, python = both(entries, contents, size + size_change, threads)
    assert fast == python


@needs_compiled
@pytest.mark.parametrize("threads", [1, 2, 5, 64, 1000])
@pytest.mark.parametrize("size", [1, 2, 3, 4, 5, 31, 32, 33, 63, 64, 65, 127, 129, 200])
def test_valid_logs_of_every_shape_get_the_same_root(size: int, threads: int) -> None:
    entries, contents = member_files(size)
    fast, python = both(entries, contents, size, threads)
    assert fast == python and fast is not None and fast[1] is True


@needs_compiled
@pytest.mark.parametrize("actor", ["Zoë-", "member\x7f-", "", "a}b{c,d:-"])
def test_unusual_but_canonical_strings_take_the_fast_path(actor: str) -> None:
    entries, contents = member_files(9, actor)
    fast, python = both(entries, contents, 9, 2)
    assert fast == python and fast is not None


@needs_compiled
@pytest.mark.parametrize("actor", ["back\\slash-", "new\nline-", "bell\x07-", 'say "hi"-'])
def test_escaped_strings_are_left_to_the_line_checks(actor: str) -> None:
    entries, contents = member_files(9, actor)
    assert b"\\" in entries
    assert both(entries, contents, 9, 2) == (None, None)


@needs_compiled
@pytest.mark.parametrize("threads", [1, 2, 3, 7])
def test_a_time_going_back_anywhere_is_refused(threads: int) -> None:
    """Every line in turn gets a time before the line above it (within and across parts)."""
    entries, contents = member_files(24)
    lines = entries.split(b"\n")
    for number in range(1, 24):
        earlier = TIME.sub(b'"time":"2025-03-01T07:00:00.000000Z"', lines[number])
        edited = b"\n".join([*lines[:number], earlier, *lines[number + 1 :]])
        assert both(edited, contents, 24, threads) == (None, None), number


@needs_compiled
@pytest.mark.parametrize("tail", [b" ", b"\r", b"}", b",", b"\x00"])
def test_anything_after_a_leaf_on_its_line_is_refused(tail: bytes) -> None:
    entries, contents = member_files(5)
    lines = entries.split(b"\n")
    for number in range(5):
        edited = b"\n".join([*lines[:number], lines[number] + tail, *lines[number + 1 :]])
        assert both(edited, contents, 5, 2) == (None, None), number


def leaf_with_seq(entries: bytes, number: bytes) -> bytes:
    first = entries.split(b"\n")[0]
    return first.replace(b'"seq":0,', b'"seq":' + number + b",") + b"\n"


@needs_compiled
@pytest.mark.parametrize(
    "number",
    [b"0", b"00", b"1", b"-0", b"+1", b"1" * 19, b"1" * 20, b"9" * 19, b"18446744073709551616"],
)
def test_sequence_numbers_at_the_edges(number: bytes) -> None:
    entries = leaf_with_seq(member_files(1)[0], number)
    for size in (1, 2, 10**18):
        fast, python = both(entries, b"", size, 1)
        assert fast == python
    assert (both(entries, b"", 1, 1)[0] is not None) is (number == b"0")


@needs_compiled
@pytest.mark.parametrize(
    "opening",
    [b"}", b"", b" }", b"{}}", b"\r}", b'"x"', b'"}"}'],
)
def test_opening_contents_at_the_edges(opening: bytes) -> None:
    entries, contents = member_files(1)
    head = contents[: contents.index(b'"content":') + len(b'"content":')]
    fast, python = both(entries, head + opening + b"\n", 1, 1)
    assert fast == python and fast is not None and fast[1] is False


@needs_compiled
def test_a_checkpoint_claiming_more_entries_than_the_file_can_hold() -> None:
    entries, contents = member_files(3)
    for size in (4, 10**6, 2**63 - 1, 10**19, 10**20):
        assert verify._compiled_fast_full(compiled, entries, contents, LOG_ID, size) is None
    with pytest.raises(OverflowError):
        assert compiled is not None
        compiled.verify_full(entries, contents, LOG_ID.encode(), 2**64, 1)


@needs_compiled
def test_arguments_of_the_wrong_type_are_refused() -> None:
    assert compiled is not None
    with pytest.raises(TypeError):
        compiled.verify_full("text", b"", LOG_ID.encode(), 1, 1)
    entries, contents = member_files(2)
    assert compiled.verify_full(bytearray(entries), memoryview(contents), LOG_ID.encode(), 2, 1)
    assert compiled.verify_full(entries, contents, b"", 2, 1) is None


def test_the_lone_verify_file_does_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "__package__", "")
    assert verify._accelerator() is None
    monkeypatch.setattr(verify, "__package__", "twohomes.core.ledger")
    monkeypatch.setenv("TWOHOMES_VERIFY_ACCELERATOR", "0")
    assert verify._accelerator() is None


@needs_compiled
def test_verdicts_are_identical_with_and_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    family = build_family(70, photo_at=5)
    edited = rewrite(full_bundle(family), "contents.jsonl", lambda x: x.replace(b"(9)", b"(8)"))
    bundles = [full_bundle(family), full_bundle(family, sealed=[3, 40]), edited]
    renders = []
    for setting in ("1", "0"):
        monkeypatch.setenv("TWOHOMES_VERIFY_ACCELERATOR", setting)
        renders.append([verify.verify_bundle(io.BytesIO(b)).render() for b in bundles])
    assert renders[0] == renders[1]
    assert "entry 9: content does not match commitment" in renders[0][2]
