"""What every room is given: the open document, its worker, the undo group and the clock."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from PySide6.QtGui import QUndoGroup

from typing import TYPE_CHECKING

from dgfacil.ui.tasks import Tasks

if TYPE_CHECKING:
    from dgfacil.core.model import Workshop
    from dgfacil.operations.document import Document


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class AppContext:
    """Handed to each room's constructor. Rooms call operations only through `tasks`."""

    doc: Document
    tasks: Tasks
    undo_group: QUndoGroup
    clock: Callable[[], datetime] = utc_now  # injected so tests drive time
    services: dict = field(default_factory=dict)  # room-to-room hooks, e.g. "open_notes"

    def workshop(self) -> Workshop:
        from dgfacil.operations.document import load_workshop

        return self.tasks.read(load_workshop)
