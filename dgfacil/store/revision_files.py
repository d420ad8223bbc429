"""The schema revisions this version knows, read from the migration scripts' text.

Opening a file already at the newest schema needs only these names, not Alembic: importing
Alembic's script machinery costs ~0.2 s of start-up (bench/cold_start.py). store/migrate.py loads
it when a file must actually be migrated.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


@cache
def revision_chain() -> dict[str, str | None]:
    """Each revision → the revision it follows (None for the first), from `revision = '…'` and
    `down_revision = '…'` in the scripts, as Alembic reads them."""
    chain: dict[str, str | None] = {}
    for script in sorted(VERSIONS.glob("*.py")):
        names: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            # `revision = '0005'`, or annotated as newer Alembic templates write it
            target: ast.expr | None = None
            value: ast.expr | None = None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            if isinstance(target, ast.Name) and value is not None and target.id in ("revision", "down_revision"):
                names[target.id] = ast.literal_eval(value)
        revision = names.get("revision")
        if isinstance(revision, str):
            down = names.get("down_revision")
            chain[revision] = down if isinstance(down, str) else None
    return chain


def known_revisions() -> set[str]:
    return set(revision_chain())


def head_revision() -> str:
    """The newest revision: the one no other follows. One line of migrations has exactly one."""
    followed = set(revision_chain().values())
    heads = [revision for revision in revision_chain() if revision not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts in {VERSIONS} have {len(heads)} heads: {heads}")
    return heads[0]
