"""Undoable agenda edits. Each redo/undo is one committed operation on the database worker."""

from __future__ import annotations

from dgfacil.core.model import AgendaItem
from dgfacil.operations import agenda as ops
from dgfacil.operations import days
from dgfacil.ui.tasks import Tasks
from dgfacil.ui.undo import OperationCommand

NAMES = {
    "duration_min": "duration",
    "planned_start": "start",
    "fixed_start": "fixed start",
    "title": "title",
    "lead": "lead",
    "speakers": "speakers",
    "kind": "kind",
    "description": "description",
    "materials": "materials",
    "min_duration_min": "shortest length",
    "shorten": "“do not shorten”",
}


def quoted(title: str, most: int = 40) -> str:
    """A title for the Undo menu: whole up to `most` characters, else cut at a word with "…"."""
    title = " ".join(title.split())
    if len(title) <= most:
        return f"“{title}”"
    cut = title[: most - 1].rsplit(" ", 1)[0] if " " in title[: most - 1] else title[: most - 1]
    return f"“{cut.rstrip(' :,;–-')}…”"


class EditItem(OperationCommand):
    def __init__(self, tasks: Tasks, item: AgendaItem, change: dict, initiator=None) -> None:
        super().__init__(f"Change {', '.join(NAMES.get(k, k) for k in change)} of {quoted(item.title)}")
        self.tasks, self.item_id, self.initiator = tasks, item.id, initiator
        self.new = dict(change)
        self.old = {name: getattr(item, name) for name in change}  # the dataclass fields the change names

    def do_redo(self) -> None:
        # made on what the user saw; undone only over our own change (operations/conflicts.py)
        self.tasks.run_sync(
            lambda s: ops.update_item(s, item_id=self.item_id, seen=self.old, **self.new), initiator=self.initiator
        )

    def do_undo(self) -> None:
        self.tasks.run_sync(
            lambda s: ops.update_item(s, item_id=self.item_id, seen=self.new, **self.old), initiator=self.initiator
        )


class AddItem(OperationCommand):
    def __init__(self, tasks: Tasks, day_id: int, item: AgendaItem, position: int | None) -> None:
        super().__init__(f"Add {quoted(item.title)}")
        self.tasks, self.day_id, self.item, self.position = tasks, day_id, item, position
        self.deleted: ops.Snapshot | None = None
        self.item_id: int | None = None

    def do_redo(self) -> None:
        if self.deleted is not None:  # redo after undo: bring back the same row
            self.tasks.run_sync(lambda s: ops.restore_item(s, deleted=self.deleted))
            return
        changes = self.tasks.run_sync(
            lambda s: ops.add_item(s, day_id=self.day_id, item=self.item, position=self.position)
        )
        self.item_id = changes.ids[0]

    def do_undo(self) -> None:
        self.deleted = self.tasks.run_sync(lambda s: ops.delete_item(s, item_id=self.item_id)).value


class DeleteItem(OperationCommand):
    def __init__(self, tasks: Tasks, item: AgendaItem) -> None:
        super().__init__(f"Delete {quoted(item.title)}")
        self.tasks, self.item_id = tasks, item.id
        self.deleted: ops.Snapshot | None = None

    def do_redo(self) -> None:
        self.deleted = self.tasks.run_sync(lambda s: ops.delete_item(s, item_id=self.item_id)).value

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: ops.restore_item(s, deleted=self.deleted))


class MoveItem(OperationCommand):
    def __init__(self, tasks: Tasks, item_id: int, position: int, day_id: int | None = None) -> None:
        super().__init__("Move an agenda item")
        self.tasks, self.item_id, self.position, self.day_id = tasks, item_id, position, day_id
        self.before: tuple[int, int] | None = None

    def do_redo(self) -> None:
        self.before = self.tasks.read(lambda s: ops.item_position(s, item_id=self.item_id))
        self.tasks.run_sync(
            lambda s: ops.move_item(s, item_id=self.item_id, position=self.position, day_id=self.day_id)
        )

    def do_undo(self) -> None:
        day_id, position = self.before
        self.tasks.run_sync(lambda s: ops.move_item(s, item_id=self.item_id, position=position, day_id=day_id))


class AddDay(OperationCommand):
    """Add a day (first redo), or bring the same day back (later redos)."""

    def __init__(self, tasks: Tasks, add_op) -> None:
        super().__init__("Add a day")
        self.tasks, self.add_op = tasks, add_op
        self.day_ids: list[int] = []
        self.snapshots = None

    def do_redo(self) -> None:
        if self.snapshots is not None:
            self.tasks.run_sync(lambda s: days.restore_days(s, snapshots=self.snapshots))
        else:
            self.day_ids = list(self.tasks.run_sync(self.add_op).ids)

    def do_undo(self) -> None:
        self.snapshots = self.tasks.run_sync(lambda s: days.delete_days(s, day_ids=self.day_ids)).value


class ImportDays(AddDay):
    def __init__(self, tasks: Tasks, import_op) -> None:
        super().__init__(tasks, import_op)
        self.setText("Import a calendar")


class DeleteDay(OperationCommand):
    def __init__(self, tasks: Tasks, day_id: int, label: str) -> None:
        super().__init__(f"Delete {label}")
        self.tasks, self.day_id = tasks, day_id
        self.snapshots = None

    def do_redo(self) -> None:
        self.snapshots = self.tasks.run_sync(lambda s: days.delete_days(s, day_ids=[self.day_id])).value

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: days.restore_days(s, snapshots=self.snapshots))


class RenameDay(OperationCommand):
    def __init__(self, tasks: Tasks, day_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename the day {quoted(new)}")
        self.tasks, self.day_id, self.old, self.new = tasks, day_id, old, new

    def do_redo(self) -> None:
        self.tasks.run_sync(lambda s: days.rename_day(s, day_id=self.day_id, title=self.new, seen={"title": self.old}))

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: days.rename_day(s, day_id=self.day_id, title=self.old, seen={"title": self.new}))
