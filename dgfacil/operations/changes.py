"""What an operation changed, so each screen can decide whether to redraw."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
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

    def __or__(self, other: "Changes") -> "Changes":
        merged = {k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__ if k != "ids"}
        return Changes(**merged, ids=self.ids + other.ids)
