"""What every room is given: the open document, its worker, the undo group, the clock, and the one
way a room reaches another (the main window's `open_notes`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoGroup

from dgfacil.ui.tasks import Tasks

if TYPE_CHECKING:
    from dgfacil.core.model import Workshop
    from dgfacil.operations.document import Document


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppContext:
    """Handed to each room's constructor. Rooms call operations only through `tasks`."""

    doc: Document
    tasks: Tasks
    undo_group: QUndoGroup
    clock: Callable[[], datetime] = utc_now  # injected so tests drive time
    open_notes: Callable[[int | None], None] | None = None
    """Show the Notes room on an agenda item (None: the whole workshop); set by the main window,
    None when the room stands alone (a test) or the build has no Notes room."""

    def workshop(self) -> Workshop:
        from dgfacil.operations.document import load_workshop

        return self.tasks.read(load_workshop)
