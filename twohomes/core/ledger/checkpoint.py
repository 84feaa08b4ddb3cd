"""Signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note) and the server's key.

A checkpoint is the note text ``origin\\nsize\\nbase64(root)\\n`` followed by a blank line
and one signature line ``— <key name> base64(key id || Ed25519 signature)``. Parsing and
verification live in ``verify.py`` (the standalone verifier) and are re-exported here.
"""

from __future__ import annotations

import base64
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from twohomes.core.ledger.verify import (
    SIGNATURE_PREFIX,
    Checkpoint,
    FormatError,
    VerificationError,
    VerifierKey,
    key_id,
    parse_checkpoint_body,
    parse_vkey,
    split_note,
    verify_checkpoint,
)

__all__ = [
    "Checkpoint",
    "CheckpointSigner",
    "FormatError",
    "VerificationError",
    "VerifierKey",
    "checkpoint_origin",
    "default_key_path",
    "load_or_create_signing_key",
    "parse_checkpoint_body",
    "parse_vkey",
    "sign_checkpoint",
    "sign_note",
    "split_note",
    "verifier_key",
    "verify_checkpoint",
]

KEY_PATH_VARIABLE = "TWOHOMES_LEDGER_KEY"
DEFAULT_KEY_PATH = Path("var") / "ledger-signing-key.pem"


def checkpoint_origin(server: str, log_id: str) -> str:
    """The origin line of a log's checkpoints: ``<server>/log/<log id>``.

    The verifier checks that the origin's last path segment is the bundle's log id.
    """
    if not server or any(ch.isspace() for ch in server):
        raise ValueError("the server name is a non-empty string without spaces")
    return f"{server}/log/{log_id}"


def default_key_path(environ: Mapping[str, str]) -> Path:
    """The signing key path: ``$TWOHOMES_LEDGER_KEY``, else ``var/ledger-signing-key.pem``."""
    value = environ.get(KEY_PATH_VARIABLE, "")
    return Path(value) if value else DEFAULT_KEY_PATH


def load_or_create_signing_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    """Load the server's Ed25519 key, creating it (PEM, mode 0600) on first use.

    Creation writes a private temporary file and links it into place, so concurrent first
    starts agree on one key and no process ever reads a half-written file.
    """
    target = Path(path)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ledger-key-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as tmp_file:
                tmp_file.write(pem)
            os.link(tmp, target)
        except FileExistsError:
            pass  # another process created it first: use theirs
        finally:
            os.unlink(tmp)
    key = serialization.load_pem_private_key(target.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{target} does not hold an Ed25519 private key")
    return key


def _public_bytes(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def verifier_key(private_key: Ed25519PrivateKey, name: str) -> VerifierKey:
    """The public verifier key of ``private_key`` under key name ``name``."""
    public = _public_bytes(private_key)
    return parse_vkey(VerifierKey(name, key_id(name, public), public).vkey())


@dataclass(frozen=True)
class CheckpointSigner:
    """A signing key under one key name, its verifier key worked out once.

    A server that signs a checkpoint after every append keeps one of these per key name,
    so that each signature costs one Ed25519 signing and no key encoding.
    """

    private_key: Ed25519PrivateKey
    key: VerifierKey

    @classmethod
    def of(cls, private_key: Ed25519PrivateKey, key_name: str) -> CheckpointSigner:
        return cls(private_key, verifier_key(private_key, key_name))

    def sign_checkpoint(self, *, origin: str, size: int, root: bytes) -> str:
        """The signed checkpoint note for a tree of ``size`` leaves with root ``root``."""
        text = Checkpoint(origin=origin, size=size, root=root).body()
        parse_checkpoint_body(text)  # refuse to sign anything that does not parse back
        return self.sign_note(text)

    def sign_note(self, text: str) -> str:
        """A C2SP signed note: ``text`` (ending in a newline), a blank line, one signature."""
        if not text.endswith("\n") or "\n\n" in text:
            raise ValueError("note text ends with a newline and has no blank line")
        signature = self.private_key.sign(text.encode())
        encoded = base64.b64encode(self.key.key_id + signature).decode()
        return f"{text}\n{SIGNATURE_PREFIX}{self.key.name} {encoded}\n"


def sign_checkpoint(
    private_key: Ed25519PrivateKey, *, key_name: str, origin: str, size: int, root: bytes
) -> str:
    """The signed checkpoint note for a tree of ``size`` leaves with root hash ``root``."""
    return CheckpointSigner.of(private_key, key_name).sign_checkpoint(
        origin=origin, size=size, root=root)


def sign_note(private_key: Ed25519PrivateKey, *, key_name: str, text: str) -> str:
    """A C2SP signed note: ``text`` (ending in a newline), a blank line, one signature."""
    return CheckpointSigner.of(private_key, key_name).sign_note(text)
