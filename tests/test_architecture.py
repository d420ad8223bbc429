"""DESIGN.md §2: dependencies point one way, ui → operations → (store, io, printing) → core."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dgfacil"

# What each layer may import of ours (any import, also inside functions).
ALLOWED = {
    "core": {"core"},
    "store": {"core", "store", "paths"},
    "io": {"core", "io", "paths"},
    "printing": {"core", "printing", "paths"},
    "operations": {"core", "store", "io", "printing", "operations", "paths", "settings"},
}
FORBIDDEN_THIRD_PARTY = {
    "core": {"PySide6", "sqlmodel", "sqlalchemy", "alembic", "reportlab"},
    "store": {"PySide6", "reportlab"},
    "io": {"PySide6", "sqlmodel", "sqlalchemy"},
    "printing": {"PySide6", "sqlmodel", "sqlalchemy"},
    "operations": {"PySide6"},
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_import_only_downwards():
    problems = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "dgfacil" and len(parts) > 1 and parts[1] not in allowed:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
                if parts[0] in FORBIDDEN_THIRD_PARTY[layer]:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_non_ui_packages_do_not_load_qt():
    """Import every module outside ui/ in a fresh interpreter: PySide6 must not come along."""
    modules = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "ui" in relative.parts or "migrations" in relative.parts or path.name == "__main__.py":
            continue
        modules.append(".".join(relative.parts).removesuffix(".__init__"))
    code = (
        "import importlib, sys\n"
        f"for m in {sorted(modules)!r}: importlib.import_module(m)\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_headless_command_does_not_load_qt(tmp_path):
    code = (
        "import sys\nfrom dgfacil.cli import main\n"
        "main(['templates'])\n"
        "print('QT' if 'PySide6' in sys.modules else 'NO-QT')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "NO-QT"
