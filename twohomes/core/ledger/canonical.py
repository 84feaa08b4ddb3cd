"""Canonical JSON (RFC 8785) and the salted commitments that stand in for content in leaves.

A leaf never holds a message body: it holds ``commit(salt, content)``, the SHA-256 of a
per-entry random 32-byte salt followed by the content bytes. The content and the salt are
stored apart from the leaf (the "opening"), so an export can leave them out (a withheld
entry) and the tree still verifies, and a short body such as "yes" cannot be guessed from a
proof.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from typing import IO, Any

import rfc8785

SALT_SIZE = 32
_CHUNK = 1 << 20


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 (JCS) serialization of ``value``: UTF-8, sorted keys, no whitespace."""
    return rfc8785.dumps(value)


def content_bytes(content: Mapping[str, Any]) -> bytes:
    """The committed bytes of a structured content (a message, a decision): its JCS form."""
    return canonical_json(dict(content))


def new_salt() -> bytes:
    """A fresh random salt for one entry."""
    return secrets.token_bytes(SALT_SIZE)


def _check_salt(salt: bytes) -> None:
    if len(salt) != SALT_SIZE:
        raise ValueError(f"a salt is {SALT_SIZE} bytes")


def commit(salt: bytes, content: bytes) -> str:
    """The commitment to ``content``: hex SHA-256(salt || content), salt being 32 bytes."""
    _check_salt(salt)
    return hashlib.sha256(salt + content).hexdigest()


def commit_file(salt: bytes, stream: IO[bytes]) -> str:
    """The commitment to an attachment's file, read in chunks from a binary stream."""
    _check_salt(salt)
    digest = hashlib.sha256(salt)
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()
