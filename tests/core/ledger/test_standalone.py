"""verify.py can be handed out alone: stdlib + cryptography, runnable as a script."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.core.ledger.builders import build_family, full_bundle
from twohomes.core.ledger import verify

LEDGER = Path(verify.__file__).parent


def imported_packages(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            roots.add((node.module or "").split(".")[0])
    return roots


def test_verify_imports_only_the_standard_library_and_cryptography() -> None:
    assert imported_packages(Path(verify.__file__)) - sys.stdlib_module_names == {"cryptography"}


def test_no_django_import_anywhere_in_the_ledger() -> None:
    allowed = {"cryptography", "rfc8785", "twohomes"}
    for path in LEDGER.glob("*.py"):
        assert imported_packages(path) - sys.stdlib_module_names <= allowed, path.name


def test_verify_runs_alone_as_a_script(tmp_path: Path) -> None:
    shutil.copy(verify.__file__, tmp_path / "verify.py")
    bundle = tmp_path / "family.zip"
    bundle.write_bytes(full_bundle(build_family(6)))
    run = subprocess.run(
        [sys.executable, "-I", "verify.py", "family.zip"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "VERDICT: VALID" in run.stdout
