"""No lone surrogate is ever stored, whichever way a write comes in.

Operations refuse broken text at the door with core.text.check_fields, in the words of their own
fields. This is the guard at the root, for every other path (a new operation, an import, a raw
statement): text holding a lone surrogate ("\\ud800", from a broken paste or a file name that is
not UTF-8) is refused with core.text.TextError naming the table and column, before SQLite sees it.
JSON columns matter most: json.dumps escapes the surrogate, so the database takes it, and the
workshop breaks later when a PDF or an export meets it.

Three hooks, registered by store/engine.make_engine:
- before_flush, on every ORM session: the fields of each new or changed row, JSON values included;
- the engine's JSON serializer: any JSON value, however it is written;
- before_cursor_execute: every plain text parameter of every statement.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from dgfacil.core.text import TextError, broken_text, check_text


def broken_part(value: Any) -> str | None:
    """The first text inside `value` (text, or lists and mappings of them) that holds a lone
    surrogate, or None."""
    if isinstance(value, str):
        return value if broken_text(value) else None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple)):
        for part in value:
            found = broken_part(part)
            if found is not None:
                return found
    return None


def check_value(what: str, value: Any) -> None:
    """TextError naming `what` when `value` holds a lone surrogate anywhere."""
    found = broken_part(value)
    if found is not None:
        check_text(what, found)
        raise TextError(f"{what} holds a broken character")  # check_text always raises first


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    for row in (*session.new, *session.dirty):
        mapper = inspect(row).mapper
        table = getattr(type(row), "__tablename__", type(row).__name__)
        for column in mapper.column_attrs:
            thing = table.replace("_", " ")
            article = "an" if thing[:1] in "aeiou" else "a"
            check_value(f"the {column.key.replace('_', ' ')} of {article} {thing}", getattr(row, column.key))


def dumps(value: Any) -> str:
    """The engine's JSON serializer: json.dumps, refusing a lone surrogate anywhere inside."""
    check_value("a list or form field", value)  # the column is not known here; before_flush names it
    return json.dumps(value)


def _check_parameters(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, context: Any, _executemany: bool
) -> None:
    names = list(getattr(getattr(context, "compiled", None), "positiontup", None) or [])
    for name, value in _texts(parameters, names):
        if broken_text(value):
            check_text(f"the {name.rstrip('_0123456789').replace('_', ' ') or 'text'}", value)


def _texts(parameters: Any, names: list[str]) -> list[tuple[str, str]]:
    """(bind name or "", text) for every text in a statement's parameters: one row or many, by
    position or by name (SQLAlchemy batches rows into one flat row for multi-row inserts)."""
    if isinstance(parameters, dict):
        return [(str(k), v) for k, v in parameters.items() if isinstance(v, str)]
    if isinstance(parameters, (list, tuple)):
        if parameters and all(isinstance(p, (list, tuple, dict)) for p in parameters):
            return [found for row in parameters for found in _texts(row, names)]
        named = names if len(names) == len(parameters) else [""] * len(parameters)
        return [(n, v) for n, v in zip(named, parameters, strict=True) if isinstance(v, str)]
    return []


def _unwrap(context: Any) -> BaseException | None:
    """A TextError from the JSON serializer reaches SQLAlchemy as it builds a statement's
    parameters, which wraps it in a StatementError: raise the refusal itself."""
    original = context.original_exception
    return original if isinstance(original, TextError) else None


def guard(engine: Any) -> None:
    """Refuse broken text on every statement of `engine` (the JSON serializer is set at creation)."""
    event.listen(engine, "before_cursor_execute", _check_parameters)
    event.listen(engine, "handle_error", _unwrap)


event.listen(Session, "before_flush", _check_flush)  # every ORM session (sqlmodel's included)
