"""Two people editing the same thing: an edit names the values it was made on (`expected`: the
fields as the user saw them) and is refused whole if the row holds something else by now.

Comparing the edited fields, not the whole row's version, lets two laptops change different
fields of one row (a name here, an email there) without a refusal, and never lets one overwrite
the other's value unseen. Undo names the values its own edit wrote, so undoing meets someone
else's newer change with a refusal, never an overwrite. The refusal says who changed the row and
when (the row's stamp, store/row_stamps.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from dgfacil.store.errors import EditConflict
from dgfacil.store.row_stamps import last_change

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = ["EditConflict", "refuse_if_changed"]


def refuse_if_changed(
    current: Mapping[str, Any],
    seen: Mapping[str, Any] | None,
    *,
    table: str | None,
    row_id: int,
    what: str,
    session: Session,
) -> None:
    """Raise EditConflict when the stored values `current` differ from what the user `seen` (both
    as stored: the caller puts them through the same conversion). `seen` None: no check. `table`
    None: the values are not one stamped row's (a group membership), so who and when are unknown."""
    if seen is None:
        return
    if any(current.get(name) != value for name, value in seen.items()):
        stamp = last_change(table, row_id, session=session) if table is not None else None
        raise EditConflict(what, by=stamp.by if stamp else "", at=stamp.at if stamp else "")


def stored(fields: Callable[[Any], dict[str, Any]], value: Any, names: Mapping[str, Any]) -> dict[str, Any]:
    """The stored form of `names` of `value` (through the store's row conversion `fields`)."""
    row = fields(value)
    return {name: row[name] for name in names if name in row}
