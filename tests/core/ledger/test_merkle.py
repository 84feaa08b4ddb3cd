"""RFC 9162 proofs: properties over random trees, and the compact range the DB will keep."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twohomes.core.ledger import (
    EMPTY_ROOT,
    CompactRange,
    MerkleTree,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)

PROPERTY = settings(max_examples=60, deadline=None)


def leaves(n: int) -> list[bytes]:
    return [leaf_hash(b"leaf %d" % i) for i in range(n)]


def flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def reference_root(hashes: list[bytes]) -> bytes:
    """RFC 9162's recursive definition of MTH, written as the RFC states it."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    k = 1 << ((len(hashes) - 1).bit_length() - 1)
    return node_hash(reference_root(hashes[:k]), reference_root(hashes[k:]))


def test_hashes_are_domain_separated() -> None:
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").digest()
    left, right = b"a" * 32, b"b" * 32
    assert node_hash(left, right) == hashlib.sha256(b"\x01" + left + right).digest()
    assert root_from_leaf_hashes([]) == EMPTY_ROOT == MerkleTree([]).root


def test_known_root_of_the_rfc_example_shape() -> None:
    # The 7-leaf tree of RFC 9162 section 2.1.5: ((ab)(cd))((ef)g).
    h = leaves(7)
    expected = node_hash(
        node_hash(node_hash(h[0], h[1]), node_hash(h[2], h[3])),
        node_hash(node_hash(h[4], h[5]), h[6]),
    )
    assert root_from_leaf_hashes(h) == MerkleTree(h).root == expected


@PROPERTY
@given(st.integers(min_value=0, max_value=300))
def test_every_way_to_compute_the_root_agrees(n: int) -> None:
    h = leaves(n)
    expected = reference_root(h)
    assert root_from_leaf_hashes(h) == expected
    assert MerkleTree(h).root == expected
    assert CompactRange.from_leaf_hashes(h).root == expected


@PROPERTY
@given(st.data())
def test_inclusion_proofs_verify_and_single_bit_changes_fail(data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=1, max_value=200))
    index = data.draw(st.integers(min_value=0, max_value=n - 1))
    h = leaves(n)
    root = root_from_leaf_hashes(h)
    proof = inclusion_proof(index, h)
    assert verify_inclusion(index, n, h[index], proof, root)
    bit = data.draw(st.integers(min_value=0, max_value=255))
    assert not verify_inclusion(index, n, flip(h[index], bit), proof, root)
    assert not verify_inclusion(index, n, h[index], proof, flip(root, bit))
    if proof:
        which = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = [*proof[:which], flip(proof[which], bit), *proof[which + 1 :]]
        assert not verify_inclusion(index, n, h[index], bad, root)
        assert not verify_inclusion(index, n, h[index], proof[:-1], root)  # missing hash
    assert not verify_inclusion(index, n, h[index], [*proof, root], root)  # extra hash
    assert not verify_inclusion(index, index, h[index], proof, root)  # index beyond the size


@PROPERTY
@given(st.data())
def test_consistency_proofs_verify_and_single_bit_changes_fail(data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=1, max_value=200))
    m = data.draw(st.integers(min_value=1, max_value=n))
    h = leaves(n)
    root1, root2 = root_from_leaf_hashes(h[:m]), root_from_leaf_hashes(h)
    proof = consistency_proof(m, h)
    assert verify_consistency(m, n, proof, root1, root2)
    bit = data.draw(st.integers(min_value=0, max_value=255))
    assert not verify_consistency(m, n, proof, flip(root1, bit), root2)
    assert not verify_consistency(m, n, proof, root1, flip(root2, bit))
    assert not verify_consistency(m, n, [*proof, root2], root1, root2)  # extra hash
    if proof:
        which = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = [*proof[:which], flip(proof[which], bit), *proof[which + 1 :]]
        assert not verify_consistency(m, n, bad, root1, root2)
        assert not verify_consistency(m, n, proof[:-1], root1, root2)  # missing hash


@pytest.mark.parametrize("n", [0, 1, 5])
def test_consistency_from_size_zero_is_rejected(n: int) -> None:
    h = leaves(n)
    assert not verify_consistency(0, n, [], EMPTY_ROOT, root_from_leaf_hashes(h))
    assert not verify_consistency(0, n, [EMPTY_ROOT], EMPTY_ROOT, root_from_leaf_hashes(h))


def test_proofs_against_an_earlier_size_of_the_same_tree() -> None:
    h = leaves(37)
    tree = MerkleTree(h)
    for size in (1, 2, 13, 16, 36):
        root = root_from_leaf_hashes(h[:size])
        for index in range(size):
            assert verify_inclusion(index, size, h[index], tree.inclusion_proof(index, size), root)
        for m in range(1, size + 1):
            proof = tree.consistency_proof(m, size)
            assert verify_consistency(m, size, proof, root_from_leaf_hashes(h[:m]), root)


def test_bad_proof_requests_raise() -> None:
    tree = MerkleTree(leaves(4))
    with pytest.raises(ValueError):
        tree.inclusion_proof(4)
    with pytest.raises(ValueError):
        tree.consistency_proof(0)
    with pytest.raises(ValueError):
        tree.consistency_proof(2, 5)
    with pytest.raises(ValueError):
        MerkleTree([b"short"])


@PROPERTY
@given(st.integers(min_value=0, max_value=300))
def test_compact_range_round_trips_through_storage(n: int) -> None:
    compact = CompactRange.from_leaf_hashes(leaves(n))
    assert len(compact.hashes) == bin(n).count("1")
    stored = compact.to_bytes()
    assert len(stored) == 32 * len(compact.hashes)
    restored = CompactRange.from_bytes(n, stored)
    assert restored == compact
    extra = leaf_hash(b"next")
    assert restored.append(extra).root == reference_root([*leaves(n), extra])


def test_compact_range_rejects_inconsistent_state() -> None:
    with pytest.raises(ValueError):
        CompactRange(3, (EMPTY_ROOT,))
    with pytest.raises(ValueError):
        CompactRange.from_bytes(1, b"x" * 31)
