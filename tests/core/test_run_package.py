"""The run package has no import cycle: each module imports alone, and the imports go one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import dgfacil.core.run as run_package

PACKAGE = Path(run_package.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def _imports_within_package(module: str) -> set[str]:
    """Every module of the package that `module` imports, at any depth of its code (lazy imports too)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("dgfacil.core.run."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "dgfacil.core.run":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.rsplit(".", 1)[1] for a in node.names if a.name.startswith("dgfacil.core.run."))
    return found


def test_the_package_lists_its_modules():
    assert MODULES == ["log", "outcome", "plan", "recovery", "words"]


def test_imports_within_the_package_have_no_cycle():
    graph = {module: _imports_within_package(module) for module in MODULES}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        pytest.fail(f"import cycle in dgfacil.core.run: {cycle.args[1]}")
    assert order[0] == "log"  # the log is the root: it imports nothing of the package


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    code = f"import dgfacil.core.run.{module}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
