"""The compiled fast path (``_verifyc``) answers exactly as verify.py's Python does.

The compiled module may only ever be a faster way to the same answer: for each input,
valid or damaged in any way, it must return what ``_python_fast_full`` returns — the same
tree root and the same "every opening matches", or None (the line-by-line checks decide) —
whether the files reach it stored or deflated, on one thread or several.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sysconfig
import zlib
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.ledger.builders import LOG_ID, build_family, full_bundle, read_member
from twohomes.core.ledger import verify

compiled = verify._accelerator()
needs_compiled = pytest.mark.skipif(
    compiled is None, reason="the compiled fast path is not built here"
)


def headers_found() -> bool:
    """Does this machine's C compiler find the Python, OpenSSL 3 and zlib headers?"""
    command = [*shlex.split(sysconfig.get_config_var("CC") or "cc"), "-E", "-x", "c", "-"]
    if shutil.which(command[0]) is None:
        return False
    run = subprocess.run(
        [*command, "-I", sysconfig.get_paths()["include"], "-o", os.devnull],
        input=b"#include <Python.h>\n#include <openssl/evp.h>\n#include <zlib.h>\n"
        b"#if OPENSSL_VERSION_NUMBER < 0x30000000L\n#error OpenSSL 3 is needed\n#endif\n",
        capture_output=True,
        check=False,
    )
    return run.returncode == 0


def test_the_compiled_module_is_built_wherever_it_can_be() -> None:
    if not headers_found():
        pytest.skip("no C compiler with the Python, OpenSSL 3 and zlib headers here")
    assert compiled is not None, "installing the package should have built _verifyc"


@cache
def member_files(size: int, actor: str = "member-") -> tuple[bytes, bytes]:
    bundle = full_bundle(build_family(size, photo_at=None, actor=actor))
    return read_member(bundle, "entries.jsonl"), read_member(bundle, "contents.jsonl")


def python_digests(contents: bytes, size: int) -> bytes | None:
    """The digests the compiled module must give: every line an opening, numbered 0 ..
    size-1, each SHA-256(salt || content)."""
    rows = verify._OPENING_LINES.findall(contents)
    if size <= 0 or len(rows) != size or contents.count(b"\n") != size:
        return None
    if not contents.endswith(b"\n"):
        return None
    if [int(number) for number, _, _ in rows] != list(range(size)):
        return None
    return b"".join(hashlib.sha256(bytes.fromhex(s.decode()) + c).digest() for _, s, c in rows)


Member = tuple[bytes, bool, int, int]


def deflated(data: bytes) -> Member:
    """``data`` as a deflated zip member: raw deflate data, its size and CRC-32."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush(), True, len(data), zlib.crc32(data)


def compiled_answer(entries: Member, contents: Member, size: int, threads: int) -> object:
    """``_python_fast_full``'s form of the compiled module's answer, checking its parts."""
    assert compiled is not None
    answer = compiled.verify_full(entries, contents, LOG_ID.encode(), size, threads)
    if answer is None:
        return None
    root, commitments, digests = answer
    assert len(root) == 32 and len(commitments) == 32 * size
    return root, digests == commitments


def both(entries: bytes, contents: bytes, size: int, threads: int) -> tuple[object, object]:
    """(compiled answer, Python answer) for the same files, stored and deflated."""
    assert compiled is not None
    fast = compiled_answer(verify._stored(entries), verify._stored(contents), size, threads)
    assert compiled_answer(deflated(entries), deflated(contents), size, threads) == fast
    assert verify._compiled_fast_full(compiled, entries, contents, LOG_ID, size) == fast
    if fast is not None:
        answer = compiled.verify_full(
            verify._stored(entries), verify._stored(contents), LOG_ID.encode(), size, threads
        )
        assert answer[2] == python_digests(contents, size)
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
    assert compiled is not None
    entries, contents = member_files(3)
    for size in (4, 10**6, 2**63 - 1):
        assert verify._compiled_fast_full(compiled, entries, contents, LOG_ID, size) is None
    for size in (2**63, 10**19, 10**20):
        assert verify._fast_full(entries, contents, LOG_ID, size) is None
    with pytest.raises(OverflowError):
        compiled.verify_full(
            verify._stored(entries), verify._stored(contents), LOG_ID.encode(), 2**64, 1
        )


@needs_compiled
def test_arguments_of_the_wrong_shape_are_refused() -> None:
    assert compiled is not None
    entries, contents = member_files(2)
    good, log_id = verify._stored(entries), LOG_ID.encode()
    for member in [(entries.decode(), False, 1, 0), (entries, False, 1), (entries,), [*good], None]:
        with pytest.raises(TypeError):
            compiled.verify_full(member, verify._stored(contents), log_id, 2, 1)
    with pytest.raises(TypeError):
        compiled.verify_full(good, verify._stored(contents), LOG_ID, 2, 1)
    views = (bytearray(entries), False, len(entries), zlib.crc32(entries))
    answer = compiled.verify_full(views, verify._stored(memoryview(contents)), log_id, 2, 1)
    assert answer is not None and answer[1] == answer[2]
    assert compiled.verify_full(good, verify._stored(contents), b"", 2, 1) is None


@needs_compiled
@pytest.mark.parametrize(
    "change",
    ["size + 1", "size - 1", "another CRC-32", "deflate data cut short", "bytes after the end",
     "not deflate data", "stored size + 1", "stored CRC-32"],
)
def test_members_that_do_not_inflate_exactly_are_left_to_zipfile(change: str) -> None:
    """A damaged entries.jsonl: None (zipfile names it). A damaged contents.jsonl: the
    leaves still pass and only the openings go to the general check."""
    assert compiled is not None
    entries, contents = member_files(40)
    good = compiled.verify_full(deflated(entries), deflated(contents), LOG_ID.encode(), 40, 2)
    assert good is not None and good[2] == good[1]
    for which in ("entries", "contents"):
        data, packed, size, crc = deflated(entries if which == "entries" else contents)
        stored = verify._stored(entries if which == "entries" else contents)
        member = {
            "size + 1": (data, packed, size + 1, crc),
            "size - 1": (data, packed, size - 1, crc),
            "another CRC-32": (data, packed, size, crc ^ 1),
            "deflate data cut short": (data[:-3], packed, size, crc),
            "bytes after the end": (data + b"\x00", packed, size, crc),
            "not deflate data": (b"\xff" + data[1:], packed, size, crc),
            "stored size + 1": (stored[0], False, stored[2] + 1, stored[3]),
            "stored CRC-32": (stored[0], False, stored[2], stored[3] ^ 1),
        }[change]
        pair = (member, deflated(contents)) if which == "entries" else (deflated(entries), member)
        answer = compiled.verify_full(*pair, LOG_ID.encode(), 40, 2)
        if which == "entries" and change != "bytes after the end":
            assert answer is None, which
        elif which == "contents" and change != "bytes after the end":
            assert answer is not None and answer[:2] == good[:2] and answer[2] is None, which
        else:  # zipfile ignores what follows the end of the deflate stream; so does this
            assert answer == good, which


@needs_compiled
def test_files_larger_than_a_chunk_and_lines_longer_than_one() -> None:
    """Lines cross the mebibyte chunks of inflating; a 3 MB letter needs a larger buffer."""
    family = build_family(6000, photo_at=None, bodies={4321: "A long letter. " * 220_000})
    bundle = full_bundle(family)
    entries, contents = read_member(bundle, "entries.jsonl"), read_member(bundle, "contents.jsonl")
    assert len(entries) > 2**20 and len(contents) > 3 * 2**20
    for threads in (1, 2):
        fast, python = both(entries, contents, 6000, threads)
        assert fast == python == (family.head.root, True)
    edited = contents.replace(b"A long letter. A long", b"A long letter. A lung", 1)
    fast, python = both(entries, edited, 6000, 2)
    assert fast == python == (family.head.root, False)


@needs_compiled
@pytest.mark.parametrize("threads", [1, 2])
def test_a_file_whose_last_line_has_no_newline(threads: int) -> None:
    entries, contents = member_files(12)
    for entries_end, contents_end in [(entries[:-1], contents[:-1])] + [
        (entries + tail, contents + tail) for tail in (b"x", b'{"seq":12}')
    ]:
        assert both(entries_end, contents, 12, threads) == (None, None)
        fast, python = both(entries, contents_end, 12, threads)
        assert fast == python == (member_root(12), False)


def member_root(size: int) -> bytes:
    entries, _ = member_files(size)
    return verify.root_from_leaf_hashes(map(verify.leaf_hash, entries[:-1].split(b"\n")))
