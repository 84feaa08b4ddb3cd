"""Checkpoints as C2SP signed notes, verifier keys, the key file, and tlog-proofs."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from twohomes.core.ledger import (
    FormatError,
    MerkleTree,
    VerificationError,
    checkpoint_origin,
    default_key_path,
    format_tlog_proof,
    leaf_hash,
    load_or_create_signing_key,
    parse_tlog_proof,
    parse_vkey,
    sign_checkpoint,
    sign_note,
    verifier_key,
    verify_checkpoint,
    verify_tlog_proof,
)
from twohomes.core.ledger.verify import split_note, verify_note_signature

# The signed-note example of golang.org/x/mod/sumdb/note (its documentation and tests).
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT + "\n\u2014 PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
SERVER = "twohomes.example.org"
KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()


def go_private_key() -> Ed25519PrivateKey:
    seed = base64.b64decode(GO_SKEY.split("+", 4)[4])[1:]
    return Ed25519PrivateKey.from_private_bytes(seed)


def test_signed_note_matches_the_go_reference_byte_for_byte() -> None:
    key = go_private_key()
    assert verifier_key(key, "PeterNeumann").vkey() == GO_VKEY
    assert sign_note(key, key_name="PeterNeumann", text=GO_TEXT) == GO_NOTE
    text, signatures = split_note(GO_NOTE)
    assert verify_note_signature(text, signatures, parse_vkey(GO_VKEY))
    tampered, signatures = split_note(GO_NOTE.replace("problem,", "problem;"))
    assert not verify_note_signature(tampered, signatures, parse_vkey(GO_VKEY))


@pytest.mark.parametrize(
    "vkey",
    [
        GO_VKEY.replace("c74f20a3", "c74f20a4"),  # wrong key hash
        GO_VKEY.replace("PeterNeumann", "PeterNeuman"),  # name does not match the hash
        "PeterNeumann+c74f20a3",
        GO_VKEY.replace("+ARpc", "+AhSc"),  # not an Ed25519 type byte
    ],
)
def test_bad_verifier_keys_are_refused(vkey: str) -> None:
    with pytest.raises(FormatError):
        parse_vkey(vkey)


def checkpoint(size: int = 3, key: Ed25519PrivateKey = KEY) -> str:
    root = MerkleTree([leaf_hash(b"%d" % i) for i in range(size)]).root
    return sign_checkpoint(key, key_name=SERVER, origin=checkpoint_origin(SERVER, "L1"),
                           size=size, root=root)


def test_checkpoint_format() -> None:
    note = checkpoint()
    body, signature_line = note.split("\n\n")
    origin, size, root = body.split("\n")
    assert origin == "twohomes.example.org/log/L1" and size == "3"
    assert len(base64.b64decode(root)) == 32
    assert signature_line.startswith("\u2014 twohomes.example.org ")
    blob = base64.b64decode(signature_line.split(" ")[2])
    assert blob[:4] == verifier_key(KEY, SERVER).key_id and len(blob) == 4 + 64
    parsed = verify_checkpoint(note, verifier_key(KEY, SERVER))
    assert parsed.size == 3 and parsed.origin == origin


def test_checkpoint_signed_by_another_key_is_refused() -> None:
    with pytest.raises(VerificationError):
        verify_checkpoint(checkpoint(key=OTHER), verifier_key(KEY, SERVER))
    with pytest.raises(VerificationError):
        verify_checkpoint(checkpoint().replace("\n3\n", "\n4\n"), verifier_key(KEY, SERVER))


@pytest.mark.parametrize(
    "note",
    [
        "no signature\n",
        "origin\n3\nnotbase64!\n\n\u2014 k AAAA\n",
        "origin\nx\n\n\u2014 k AAAAAA==\n",
    ],
)
def test_malformed_checkpoints_are_refused(note: str) -> None:
    with pytest.raises(FormatError):
        verify_checkpoint(note, verifier_key(KEY, SERVER))


def test_key_file_is_created_once_with_private_permissions(tmp_path: Path) -> None:
    path = tmp_path / "var" / "ledger-signing-key.pem"
    key = load_or_create_signing_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    again = load_or_create_signing_key(path)
    assert verifier_key(again, SERVER) == verifier_key(key, SERVER)
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_key_path_comes_from_the_environment() -> None:
    assert default_key_path({}) == Path("var/ledger-signing-key.pem")
    assert default_key_path({"TWOHOMES_LEDGER_KEY": "/etc/th/key.pem"}) == Path("/etc/th/key.pem")


def test_tlog_proof_round_trip() -> None:
    note = checkpoint(5)
    tree = MerkleTree([leaf_hash(b"%d" % i) for i in range(5)])
    text = format_tlog_proof(2, tree.inclusion_proof(2), note, extra=b"thread t1")
    assert text.startswith("c2sp.org/tlog-proof@v1\nextra dGhyZWFkIHQx\nindex 2\n")
    proof = parse_tlog_proof(text)
    assert proof.index == 2 and proof.extra == b"thread t1" and proof.checkpoint_note == note
    assert verify_tlog_proof(text, b"2", verifier_key(KEY, SERVER)).size == 5


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_inclusion_proof_is_accepted_only_against_a_correctly_signed_checkpoint(
    data: st.DataObject,
) -> None:
    size = data.draw(st.integers(min_value=1, max_value=64))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    tree = MerkleTree([leaf_hash(b"%d" % i) for i in range(size)])
    leaf = b"%d" % index
    good = format_tlog_proof(index, tree.inclusion_proof(index), checkpoint(size))
    assert verify_tlog_proof(good, leaf, verifier_key(KEY, SERVER)).root == tree.root
    forged = format_tlog_proof(index, tree.inclusion_proof(index), checkpoint(size, key=OTHER))
    with pytest.raises(VerificationError):
        verify_tlog_proof(forged, leaf, verifier_key(KEY, SERVER))
    with pytest.raises(VerificationError):
        verify_tlog_proof(good, leaf + b"!", verifier_key(KEY, SERVER))
    unsigned = good.rsplit("\n\n", 1)[0] + "\n\n"
    with pytest.raises(FormatError):
        verify_tlog_proof(unsigned, leaf, verifier_key(KEY, SERVER))
