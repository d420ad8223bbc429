"""Dependencies point one way, ui → operations → (store, io, printing) → core (docs/architecture.md)."""

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
    # the command line goes through operations like the UI; `serve` runs the room link, `gui` launches
    "cli": {"cli", "core", "operations", "paths", "settings", "launch", "link"},
}
FORBIDDEN_THIRD_PARTY = {
    "core": {"PySide6", "sqlmodel", "sqlalchemy", "alembic", "reportlab"},
    "store": {"PySide6", "reportlab"},
    "io": {"PySide6", "sqlmodel", "sqlalchemy"},
    "printing": {"PySide6", "sqlmodel", "sqlalchemy"},
    "operations": {"PySide6"},
    "cli": {"PySide6", "sqlmodel", "sqlalchemy", "alembic", "reportlab"},
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "dgfacil":  # `from dgfacil import store` names a layer too
                names.update(
                    f"dgfacil.{alias.name}"
                    for alias in node.names
                    if not alias.name.isupper() and not alias.name.startswith("__")
                )
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


# Operations orchestrate (docs/architecture.md, Layers): they call store functions and core rules
# and return Changes. SQL, rows and the session's own methods belong to dgfacil/store. `Session` may be
# imported for type hints only, under `if TYPE_CHECKING:`.
OPERATIONS_MAY_NOT_IMPORT = ("sqlmodel", "sqlalchemy")
OPERATIONS_MAY_NEVER_IMPORT = ("dgfacil.store.tables",)  # not even for type hints
SESSION_METHODS = {
    "add",
    "add_all",
    "get",
    "exec",
    "execute",
    "delete",
    "flush",
    "merge",
    "query",
    "refresh",
    "connection",
    "scalar",
    "scalars",
    "expunge",
    "bulk_save_objects",
}


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _database_uses(path: Path) -> list[str]:
    """What in an operations module reaches past store/: runtime imports of the ORM, the tables
    module, and method calls on a session."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hinted = {
        id(n) for block in ast.walk(tree) if _is_type_checking(block) for stmt in block.body for n in ast.walk(stmt)
    }
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name.startswith(OPERATIONS_MAY_NEVER_IMPORT):
                found.append(f"line {node.lineno}: imports {name}")
            elif name.split(".")[0] in OPERATIONS_MAY_NOT_IMPORT and id(node) not in hinted:
                found.append(f"line {node.lineno}: imports {name} outside `if TYPE_CHECKING:`")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("session", "s")
            and node.func.attr in SESSION_METHODS
        ):
            found.append(f"line {node.lineno}: calls {node.func.value.id}.{node.func.attr}()")
    return found


def test_operations_leave_the_database_to_store():
    problems = []
    for path in sorted((PACKAGE / "operations").rglob("*.py")):
        problems += [f"{path.relative_to(PACKAGE)} {use}" for use in _database_uses(path)]
    assert problems == []


def test_the_database_check_sees_what_it_forbids(tmp_path):
    """The check above must fail on the things it exists to catch (and pass a hint-only import)."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "from sqlmodel import select\n"
        "from dgfacil.store import tables\n"
        "if TYPE_CHECKING:\n    from sqlmodel import Session\n    from dgfacil.store.tables import NoteRow\n"
        "def f(session):\n    session.add(1)\n    return session.get(2, 3)\n",
        encoding="utf-8",
    )
    uses = set(_database_uses(bad))
    assert uses == {
        "line 2: imports sqlmodel outside `if TYPE_CHECKING:`",
        "line 2: imports sqlmodel.select outside `if TYPE_CHECKING:`",
        "line 3: imports dgfacil.store.tables",
        "line 6: imports dgfacil.store.tables",
        "line 6: imports dgfacil.store.tables.NoteRow",
        "line 8: calls session.add()",
        "line 9: calls session.get()",
    }  # line 5, Session for type hints only, is allowed


# The UI reaches the document only through operations (docs/architecture.md, Layers): reads, writes, the
# document itself and its error types. Not even a type hint under `if TYPE_CHECKING:` may name
# dgfacil.store; dgfacil.operations.document re-exports Document and the errors. Files are read
# and printed through operations too (a roster preview, a survey CSV, the outcome report).
UI_MAY_NEVER_IMPORT = ("dgfacil.store", "dgfacil.io", "dgfacil.printing")


def _store_imports(path: Path) -> list[str]:
    """Every way a UI module names dgfacil.store: import statements anywhere (module level, in
    functions, under TYPE_CHECKING), `from dgfacil import store`, and import_module("dgfacil.store...")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__")
        ):
            names = [node.args[0].value]
        for name in names:
            if any(name == layer or name.startswith(layer + ".") for layer in UI_MAY_NEVER_IMPORT):
                found.append((node.lineno, name))
                break  # one statement is one finding, however many names it brings in
    return [f"line {line}: imports {name}" for line, name in sorted(found)]


def test_ui_goes_through_operations():
    problems = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        problems += [f"{path.relative_to(PACKAGE)} {use}" for use in _store_imports(path)]
    assert problems == []


def test_the_ui_check_sees_what_it_forbids(tmp_path):
    """The check above must catch each form of reaching into the store, and let operations pass."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import importlib\n"
        "from typing import TYPE_CHECKING\n"
        "from dgfacil.operations.document import Document, open_document\n"
        "from dgfacil.storefront import x\n"
        "from dgfacil.store import boards as store\n"
        "if TYPE_CHECKING:\n    from dgfacil.store.document import Document\n"
        "def f():\n    from dgfacil import store\n    import dgfacil.store.queries\n"
        "    return importlib.import_module('dgfacil.store.settings')\n"
        "from dgfacil.io.roster import read_roster\n"
        "from dgfacil.printing.layout import Cancelled\n",
        encoding="utf-8",
    )
    assert _store_imports(bad) == [
        "line 5: imports dgfacil.store",
        "line 7: imports dgfacil.store.document",
        "line 9: imports dgfacil.store",
        "line 10: imports dgfacil.store.queries",
        "line 11: imports dgfacil.store.settings",
        "line 12: imports dgfacil.io.roster",
        "line 13: imports dgfacil.printing.layout",
    ]  # lines 3 (operations) and 4 (a name that merely starts alike) are allowed


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
