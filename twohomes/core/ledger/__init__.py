"""The family record's pure-Python core: leaves, the RFC 9162 tree, checkpoints, bundles.

No Django here. The ``records`` app persists what these functions return; the flow of one
append (inside a transaction holding the log's head row locked) is::

    salt = new_salt()
    content = content_bytes({"thread": thread_id, "body": body})
    done = append(head, kind="messaging.message.sent", actor=member_id,
                  commitment=commit(salt, content), now=now)
    # store done.entry.seq, done.leaf, done.leaf_hash, salt, content; save done.head
    note = sign_checkpoint(key, key_name=server, origin=checkpoint_origin(server, log_id),
                           size=done.head.size, root=done.head.root)

A server signing after every append keeps a ``CheckpointSigner`` per key name instead.

``verify.py`` is the standalone offline verifier (stdlib + cryptography only).
See docs/record-format.md for the formats.
"""

from twohomes.core.ledger.bundle import README, ExportEntry, bundle_bytes, write_bundle
from twohomes.core.ledger.canonical import (
    SALT_SIZE,
    canonical_json,
    commit,
    commit_file,
    content_bytes,
    new_salt,
)
from twohomes.core.ledger.checkpoint import (
    CheckpointSigner,
    checkpoint_origin,
    default_key_path,
    load_or_create_signing_key,
    sign_checkpoint,
    sign_note,
    verifier_key,
)
from twohomes.core.ledger.entry import Entry, format_time, make_leaf, new_log_id
from twohomes.core.ledger.log import Appended, LogHead, append
from twohomes.core.ledger.merkle import (
    CompactRange,
    MerkleTree,
    consistency_proof,
    inclusion_proof,
)
from twohomes.core.ledger.proof import format_tlog_proof
from twohomes.core.ledger.verify import (
    EMPTY_ROOT,
    PERSON_KINDS,
    BundleError,
    Checkpoint,
    Finding,
    FormatError,
    LedgerError,
    Person,
    TlogProof,
    Verdict,
    VerificationError,
    VerifierKey,
    leaf_hash,
    node_hash,
    parse_tlog_proof,
    parse_vkey,
    root_from_leaf_hashes,
    verify_bundle,
    verify_checkpoint,
    verify_consistency,
    verify_inclusion,
    verify_tlog_proof,
)

__all__ = [
    "EMPTY_ROOT",
    "PERSON_KINDS",
    "SALT_SIZE",
    "Appended",
    "BundleError",
    "Checkpoint",
    "CheckpointSigner",
    "CompactRange",
    "Entry",
    "ExportEntry",
    "Finding",
    "FormatError",
    "LedgerError",
    "LogHead",
    "MerkleTree",
    "Person",
    "TlogProof",
    "Verdict",
    "VerificationError",
    "VerifierKey",
    "append",
    "README",
    "bundle_bytes",
    "canonical_json",
    "checkpoint_origin",
    "commit",
    "commit_file",
    "consistency_proof",
    "content_bytes",
    "default_key_path",
    "format_time",
    "format_tlog_proof",
    "inclusion_proof",
    "leaf_hash",
    "load_or_create_signing_key",
    "make_leaf",
    "new_log_id",
    "new_salt",
    "node_hash",
    "parse_tlog_proof",
    "parse_vkey",
    "root_from_leaf_hashes",
    "sign_checkpoint",
    "sign_note",
    "verifier_key",
    "verify_bundle",
    "verify_checkpoint",
    "verify_consistency",
    "verify_inclusion",
    "verify_tlog_proof",
    "write_bundle",
]
