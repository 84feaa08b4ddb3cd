"""The transparency-dev/merkle RFC 9162 vectors: valid ones accepted, invalid ones rejected."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from twohomes.core.ledger.merkle import verify_consistency, verify_inclusion

VECTORS = Path(__file__).resolve().parents[2] / "data" / "merkle"


def _cases(kind: str) -> list[Any]:
    files = sorted((VECTORS / kind).rglob("*.json"))
    return [pytest.param(path, id=str(path.relative_to(VECTORS))) for path in files]


def _hashes(values: list[str] | None) -> list[bytes]:
    return [base64.b64decode(v) for v in values or []]


def test_vectors_are_present() -> None:
    assert len(_cases("inclusion")) > 50
    assert len(_cases("consistency")) > 50
    assert (VECTORS / "LICENSE").is_file()


@pytest.mark.parametrize("path", _cases("inclusion"))
def test_inclusion_vector(path: Path) -> None:
    case = json.loads(path.read_text())
    accepted = verify_inclusion(
        case["leafIdx"],
        case["treeSize"],
        base64.b64decode(case["leafHash"]),
        _hashes(case["proof"]),
        base64.b64decode(case["root"]),
    )
    assert accepted is not case["wantErr"], case["desc"]


@pytest.mark.parametrize("path", _cases("consistency"))
def test_consistency_vector(path: Path) -> None:
    case = json.loads(path.read_text())
    accepted = verify_consistency(
        case["size1"],
        case["size2"],
        _hashes(case["proof"]),
        base64.b64decode(case["root1"]),
        base64.b64decode(case["root2"]),
    )
    assert accepted is not case["wantErr"], case["desc"]
