"""The whole workshop as JSON, so the user's data is never locked in.

Format (documented in docs/export-format.md):
    {"format": "dgfacil-workshop", "format_version": 1, "schema_revision": "0004",
     "exported_at": "<UTC ISO>", "tables": {"<table>": [{"<column>": value, ...}, ...], ...}}
Every table of the document is there, every row, every column; bytes are base64.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timezone
from pathlib import Path

from dgfacil.core.atomic import atomic_write

FORMAT = "dgfacil-workshop"
FORMAT_VERSION = 1


def _plain(value):
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def build_export(tables: dict[str, list[dict]], schema_revision: str) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": schema_revision,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": {name: [{k: _plain(v) for k, v in row.items()} for row in rows] for name, rows in tables.items()},
    }


def write_json(data: dict, path: Path) -> Path:
    with atomic_write(Path(path), "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return Path(path)
