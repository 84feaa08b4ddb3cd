"""Inclusion proofs in the C2SP tlog-proof text format (``.tlog-proof`` files).

::

    c2sp.org/tlog-proof@v1
    index 5
    <base64 hash>            (the RFC 9162 inclusion path, leaf side first)
    ...
    <blank line>
    <the signed checkpoint note>
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from twohomes.core.ledger.verify import (
    PROOF_HEADER,
    TlogProof,
    parse_tlog_proof,
    verify_tlog_proof,
)

__all__ = ["TlogProof", "format_tlog_proof", "parse_tlog_proof", "verify_tlog_proof"]


def format_tlog_proof(
    index: int, hashes: Sequence[bytes], checkpoint_note: str, extra: bytes | None = None
) -> str:
    """A tlog-proof for leaf ``index`` against the checkpoint note (signed, as issued)."""
    lines = [PROOF_HEADER]
    if extra is not None:
        lines.append("extra " + base64.b64encode(extra).decode())
    lines.append(f"index {index}")
    lines += [base64.b64encode(h).decode() for h in hashes]
    return "\n".join(lines) + "\n\n" + checkpoint_note
