"""What an operation changed, so each screen can decide whether to redraw.

Every operation that writes returns one `Changes`. An operation that also hands something back
(the snapshot an undo needs, the id of a new row, an import's summary) puts it in `value`:
`Changes[Snapshot]` says so in its signature, and a plain `Changes` carries `value=None`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Generic, cast

from typing_extensions import TypeVar

T = TypeVar("T", default=None)
U = TypeVar("U")

_FLAGS = (
    "workshop",
    "agenda",
    "run",
    "exercises",
    "boards",
    "participants",
    "groups",
    "attendance",
    "notes",
    "evaluation",
    "report",
)


@dataclass(frozen=True)
class Changes(Generic[T]):
    workshop: bool = False
    agenda: bool = False
    run: bool = False
    exercises: bool = False
    boards: bool = False
    participants: bool = False
    groups: bool = False
    attendance: bool = False
    notes: bool = False
    evaluation: bool = False
    report: bool = False
    ids: tuple[int, ...] = field(default=())  # ids of the rows touched, when one kind changed
    # what the operation hands back besides; None for most (cast: a TypeVar has no default value)
    value: T = field(default=cast(T, None))

    def __or__(self, other: Changes[Any]) -> Changes:
        """Both sets of flags and ids. The values are dropped: say which one with `with_value`."""
        merged = {k: getattr(self, k) or getattr(other, k) for k in _FLAGS}
        return Changes(**merged, ids=self.ids + other.ids)

    def with_value(self, value: U) -> Changes[U]:
        """The same changes, handing back `value`."""
        flags = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "value"}
        return Changes(**flags, value=value)
