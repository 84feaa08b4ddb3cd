"""Leaves, commitments and appends: exact bytes, validation, times that never go back."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from twohomes.core.ledger import (
    Entry,
    LogHead,
    append,
    commit,
    commit_file,
    content_bytes,
    format_time,
    leaf_hash,
    make_leaf,
    new_log_id,
    new_salt,
    root_from_leaf_hashes,
)

COMMITMENT = "ab" * 32
NOW = datetime(2025, 3, 1, 8, 0, 0, 123456, tzinfo=UTC)


def test_leaf_is_canonical_json_with_sorted_keys() -> None:
    leaf = make_leaf(
        log_id="L1",
        seq=7,
        kind="family.swap.decided",
        time="2025-03-01T08:00:00.123456Z",
        actor="member-42",
        commitment=COMMITMENT,
    )
    assert leaf == (
        b'{"actor":"member-42","commitment":"' + COMMITMENT.encode() + b'",'
        b'"kind":"family.swap.decided","log":"L1","seq":7,'
        b'"time":"2025-03-01T08:00:00.123456Z","v":1}'
    )
    assert Entry.from_leaf(leaf).seq == 7


def test_leaf_escapes_unicode_the_rfc_8785_way() -> None:
    leaf = make_leaf(
        log_id="L1", seq=0, kind="a.b", time=format_time(NOW), actor="Zoë\n", commitment=COMMITMENT
    )
    assert '"actor":"Zoë\\n"'.encode() in leaf  # UTF-8 kept, control characters escaped
    assert b"\n" not in leaf


@pytest.mark.parametrize(
    "field, value",
    [
        ("log_id", "family name"),
        ("seq", -1),
        ("kind", "NotDotted"),
        ("time", "2025-03-01T08:00:00Z"),
        ("actor", ""),
        ("commitment", "AB" * 32),
    ],
)
def test_entry_fields_are_validated(field: str, value: object) -> None:
    fields: dict[str, object] = {
        "log_id": "L1", "seq": 0, "kind": "a.b", "time": format_time(NOW), "actor": "m",
        "commitment": COMMITMENT,
    }
    fields[field] = value
    with pytest.raises(ValueError, match=field):
        Entry(**fields)  # type: ignore[arg-type]


def test_non_canonical_leaf_is_refused() -> None:
    leaf = make_leaf(log_id="L1", seq=0, kind="a.b", time=format_time(NOW), actor="m",
                     commitment=COMMITMENT)
    spaced = json.dumps(json.loads(leaf)).encode()
    with pytest.raises(ValueError, match="canonical"):
        Entry.from_leaf(spaced)


def test_times_are_utc_with_microseconds() -> None:
    paris = timezone(timedelta(hours=1))
    assert format_time(datetime(2025, 3, 1, 9, 0, tzinfo=paris)) == "2025-03-01T08:00:00.000000Z"
    with pytest.raises(ValueError):
        format_time(datetime(2025, 3, 1, 9, 0))


def test_commitment_is_salted_sha256() -> None:
    salt = bytes(range(32))
    content = content_bytes({"body": "yes", "thread": "t1"})
    assert content == b'{"body":"yes","thread":"t1"}'
    import hashlib

    assert commit(salt, content) == hashlib.sha256(salt + content).hexdigest()
    assert commit_file(salt, io.BytesIO(content)) == commit(salt, content)
    assert commit(new_salt(), b"yes") != commit(new_salt(), b"yes")  # "yes" is not guessable
    with pytest.raises(ValueError):
        commit(b"short", content)


def test_log_ids_are_random() -> None:
    assert new_log_id() != new_log_id()
    assert len(new_log_id()) == 32


def test_append_numbers_entries_and_tracks_the_root() -> None:
    head = LogHead(new_log_id())
    hashes = []
    for i in range(5):
        done = append(head, kind="a.b", actor="m", commitment=COMMITMENT, now=NOW + timedelta(i))
        assert done.entry.seq == i and done.leaf == done.entry.leaf()
        assert done.leaf_hash == leaf_hash(done.leaf)
        hashes.append(done.leaf_hash)
        head = done.head
    assert head.size == 5 and head.root == root_from_leaf_hashes(hashes)
    restored = LogHead.restore(head.log_id, head.size, head.tree.to_bytes(), head.last_time)
    assert restored == head


def test_times_never_go_backwards_within_a_log() -> None:
    head = LogHead("L1")
    first = append(head, kind="a.b", actor="m", commitment=COMMITMENT, now=NOW)
    earlier = NOW - timedelta(seconds=3)  # another server's clock is behind
    second = append(first.head, kind="a.b", actor="m", commitment=COMMITMENT, now=earlier)
    assert second.entry.time == first.entry.time == "2025-03-01T08:00:00.123456Z"
    later = append(second.head, kind="a.b", actor="m", commitment=COMMITMENT,
                   now=NOW + timedelta(seconds=1))
    assert later.entry.time == "2025-03-01T08:00:01.123456Z"
