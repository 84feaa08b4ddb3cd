"""An install without the test extras can run TwoHomes: every package the code imports is
a runtime dependency (or one of theirs), not only a development one."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def imported_roots() -> dict[str, str]:
    """Top-level modules the package imports (outside the standard library): module -> file."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "twohomes").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                root = name.split(".")[0]
                if root not in sys.stdlib_module_names and root != "twohomes":
                    found.setdefault(root, str(path.relative_to(ROOT)))
    return found


def runtime_closure() -> set[str]:
    """The distributions a plain install brings: the project's dependencies, recursively."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pending = [Requirement(text) for text in project["dependencies"]]
    seen: set[str] = set()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for text in metadata.requires(requirement.name) or []:
            needed = Requirement(text)
            wanted = requirement.extras or {""}
            if needed.marker is None or any(
                needed.marker.evaluate({"extra": extra}) for extra in wanted
            ):
                pending.append(needed)
    return seen


def test_every_imported_package_is_a_runtime_dependency() -> None:
    providers = metadata.packages_distributions()
    closure = runtime_closure()
    missing = {
        module: where for module, where in imported_roots().items()
        if not {canonicalize_name(d) for d in providers.get(module, [])} & closure
    }
    assert missing == {}, f"imported but only installed for development: {missing}"
