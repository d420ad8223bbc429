"""The main window: the workshop's rooms as tabs, the File/Edit/View/Help menus, backups on a timer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTabWidget, QWidget

from dgfacil import __version__, settings
from dgfacil.paths import user_data_dir
from dgfacil.ui.rooms import Room, RoomShelf, room_class
from dgfacil.ui.screen_fit import fit_to_screen
from dgfacil.ui.window_menus import WindowMenus

if TYPE_CHECKING:  # the store (sqlmodel, via operations) and the dialogs load after the window is shown
    from dgfacil.operations.document import Document
    from dgfacil.ui.context import AppContext
    from dgfacil.ui.notes.room import NotesRoom
    from dgfacil.ui.run.room import RunRoom

BACKUP_EVERY_MS = 10 * 60 * 1000


class MainWindow(WindowMenus):
    """One window, one open document at a time."""

    document_opened = Signal(object)
    """Fires after a document is open and the room on show is built: (Document)."""

    def __init__(self, opening: Path | str | None = None, *, menus_after_paint: bool = False) -> None:
        """`opening`: the workshop about to be opened; the window shows its name, not the start page.
        `menus_after_paint`: the menus stay empty until `fill_menus()` (the app's start-up, ui/app.py)."""
        super().__init__()
        self.setWindowTitle("dgfacil")
        fit_to_screen(self, 1280, 800)  # a 1280×720 or 1366×768 laptop: the whole window on screen
        self.ctx: AppContext | None = None
        self.shelf: RoomShelf | None = None  # the open document's rooms, each built when first needed
        self.run_room: RunRoom | None = None  # None until built, or in a build without a Run room
        self.notes_room: NotesRoom | None = None
        self.read_only_banner: QWidget | None = None
        self.team = None  # a team workshop's link to the other laptops (ui/team/live.py)
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._room_changed)
        self.start_page = None
        # the start page would flash before the workshop, and its lists cost the first paint ~15 ms
        self.setCentralWidget(self._opening(opening) if opening else self._start_page())
        self.tabs.hide()
        self.saved_label = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(self.take_backup)
        # The menus' titles are in the first paint; their items and shortcuts (~20 ms, most of it Qt
        # making its key enums) come with `fill_menus()`, which the app calls just after that paint.
        self.make_menu_titles()
        if not menus_after_paint:
            self.fill_menus()

    def open_path(self, path: Path | str) -> bool:
        """Open a document, saying in words what is wrong if it cannot be opened."""
        from dgfacil.operations.document import document_address
        from dgfacil.ui.opening import open_checked

        if isinstance(address := document_address(path), str):  # a team workshop (recent list, command line)
            from dgfacil.ui.team import window as team

            return team.open_team(self, address)

        doc = open_checked(self, path)
        if doc is not None:
            self.set_document(doc, back_up_first=True)
        return doc is not None

    def set_document(self, doc: Document, *, back_up_first: bool = False) -> None:
        """Show `doc`. `back_up_first`: back the file up as it was opened, on the document's worker
        while the room is built (~70 ms); every edit queues behind it there."""
        from dgfacil.ui.context import AppContext
        from dgfacil.ui.tasks import Tasks
        from dgfacil.ui.team import window as team  # Qt only: the store loads when a team workshop opens

        self.close_document()
        self.fill_menus()  # a document opened before the app filled them: its actions are enabled below
        self.statusBar().clearMessage()  # "Opening …"
        tasks = Tasks(doc, self)
        if back_up_first:
            from dgfacil.operations.document import back_up_as_opened

            tasks.run(lambda _session: back_up_as_opened(doc))
        self.ctx = AppContext(doc=doc, tasks=tasks, undo_group=self.undo_group, open_notes=self.open_notes)
        tasks.changes_applied.connect(self._on_changes)
        from dgfacil.ui.document_banner import show_banner, status_text

        tasks.failed.connect(lambda text: self._not_saved(status_text(text)))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.shelf = RoomShelf(self.tabs, self._make_room)
        self.shelf.built.connect(lambda title, _room: self._build_view_menu() if title == "Run" else None)
        self.tabs.currentChanged.connect(self._room_changed)
        self._replace_central(self.tabs)
        self._build_view_menu()
        self._reopen_live_run()
        self._room_changed(self.tabs.currentIndex())  # builds the room on show
        self._show_title()
        self.saved_label.setText("All changes saved")
        self._enable_document_actions(True)
        self.read_only_banner = show_banner(self, doc)  # None unless the file cannot be written here
        settings.remember_recent(doc.address)  # a team workshop's URL without its password
        settings.set_last_open(None if doc.is_server else doc.path)
        self.team = team.attach(self)  # None for a file
        self.backup_timer.start()
        from dgfacil.ui.first_paint import after_first_paint

        shelf = self.shelf  # once this room shows: the Room link (~25 ms, it opens on this workshop), the other rooms
        after_first_paint(self.tabs, lambda: (self._make_room_link_soon(), shelf.build_rest_soon()))
        self.document_opened.emit(doc)

    def _not_saved(self, why: str) -> None:
        self.statusBar().showMessage(f"Not saved: {why}", 8000)
        self.saved_label.setText("Last change not saved")  # never "All changes saved" beside "Not saved"

    def _make_room(self, title: str, spec: str) -> Room:
        cls = room_class(spec)
        if cls is None:
            from dgfacil.ui.overview import OverviewRoom

            return OverviewRoom(self.ctx, title)
        room = cls(self.ctx)
        self.run_room = cast("RunRoom", room) if title == "Run" else self.run_room
        self.notes_room = cast("NotesRoom", room) if title == "Notes" else self.notes_room
        return room

    @property
    def rooms(self) -> list[Room]:
        """The open document's rooms built so far, in tab order."""
        return self.shelf.rooms() if self.shelf is not None else []

    def is_demo(self) -> bool:
        """True when the open file is the demo's copy in the user data folder."""
        from dgfacil.operations.document import demo_path

        return self.ctx is not None and self.ctx.doc.path.resolve() == demo_path(user_data_dir()).resolve()

    def _show_title(self) -> None:
        # The demo says so, so a real workshop of the same title is never taken for it (or it for one).
        from dgfacil.ui.team import window as team

        where = team.title_place(self.ctx.doc) or ("DEMO (a copy)" if self.is_demo() else self.ctx.doc.path.name)
        self.setWindowTitle(f"{self.ctx.workshop().title} — {where} — dgfacil")

    def _start_page(self) -> QWidget:
        from dgfacil.ui.start_page import StartPage

        self.start_page = StartPage()
        self.start_page.open_requested.connect(self.open_path)
        self.start_page.template_requested.connect(self.new_from_template)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.browse_requested.connect(self.open_dialog)
        return self.start_page

    def _opening(self, path: Path | str) -> QWidget:
        # a team workshop's URL may hold a password: it is never shown (the store is not loaded yet)
        name = "the team workshop" if str(path).startswith(("postgresql:", "postgres:")) else Path(path).name
        self.statusBar().showMessage(f"Opening {name}…")  # plain text, as a status message always is
        return QWidget()

    def show_start(self, message: str = "") -> None:
        """The start page (no workshop open), with a line saying why, if there is one."""
        if self.ctx is not None:
            self.close_document()
        elif self.centralWidget() is not self.start_page:  # the workshop that was opening was not
            self.statusBar().clearMessage()
            self._replace_central(self._start_page())
            self.start_page.refresh()
        else:
            self.start_page.refresh()
        self.start_page.say(message)

    def open_demo(self) -> bool:
        from dgfacil.operations.document import DocumentError, open_or_create_demo
        from dgfacil.ui.widgets import show_message

        try:
            self.set_document(open_or_create_demo(user_data_dir()))
        except DocumentError as err:
            show_message(self, "Cannot open the demo", str(err))
            return False
        return True

    def close_by_user(self) -> None:
        """File ▸ Close: next time the app starts on the start page, not on this workshop."""
        settings.set_last_open(None)
        self.close_document()

    def _replace_central(self, widget: QWidget) -> None:
        """Swap the central widget; the old one is deleted later, never under a running handler."""
        old = self.takeCentralWidget()
        self.setCentralWidget(widget)
        widget.show()
        if old is not None:
            old.hide()
            old.deleteLater()

    def _reopen_live_run(self) -> None:
        """A run in progress today (a restart mid-session): open on the Run room, on its day."""
        from dgfacil.operations.run import live_run_day

        now = self.ctx.clock()
        day_id = self.ctx.tasks.read(lambda s: live_run_day(s, now=now))
        if day_id is not None:
            self.show_room("Run")  # builds it
        if day_id is not None and self.run_room is not None:
            self.run_room.show_day(day_id)

    def close_document(self) -> None:
        """Close the open workshop without losing a keystroke: editors commit, rooms flush, the
        worker finishes every queued write, and only then is the file closed."""
        if self.ctx is None:
            return
        from dgfacil.ui.team import window as team

        self.backup_timer.stop()
        self.team = team.detach(self, self.team)  # the other laptops' news stops first
        if self._room_link is not None:  # (one not made yet never started)
            self._room_link.stop()  # phones stop writing before the worker finishes
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # an editor that saves on focus-out saves now, while the worker runs
        for room in self.rooms:
            room.shutdown()
        ctx, self.ctx = self.ctx, None
        for room in self.rooms:
            if room.undo_stack is not None:
                self.undo_group.removeStack(room.undo_stack)
        self.shelf.close()
        self.shelf = None
        self.run_room = self.notes_room = None
        self.tabs.currentChanged.disconnect(self._room_changed)
        ctx.tasks.wait()
        ctx.tasks.changes_applied.disconnect(self._on_changes)
        ctx.tasks.shutdown()
        ctx.tasks.deleteLater()
        ctx.doc.close()
        from dgfacil.ui.document_banner import hide_banner

        hide_banner(self, self.read_only_banner)
        self.read_only_banner = None
        self._replace_central(self._start_page())
        self.start_page.refresh()
        self.setWindowTitle("dgfacil")
        self.saved_label.setText("")
        self._enable_document_actions(False)

    def take_backup(self) -> None:
        if self.ctx is not None:
            doc = self.ctx.doc  # captured: the lambda runs on the worker, after ctx may be gone
            self.ctx.tasks.run(
                lambda _session: doc.take_backup(),
                on_done=lambda path: self.statusBar().showMessage(f"Backup taken: {path.name}", 4000),
            )

    # -- rooms ------------------------------------------------------------------------------
    def _room_changed(self, index: int) -> None:
        room = self.shelf.room_at(index) if self.shelf is not None else None
        if room is not None:
            self.undo_group.setActiveStack(room.undo_stack)

    def _on_changes(self, changes, initiator) -> None:
        self.saved_label.setText("All changes saved")
        if changes.workshop and self.ctx is not None:
            self._show_title()
        for room in self.rooms:
            room.on_changes(changes, initiator)

    def room(self, title: str) -> Room | None:
        """The open document's room of that title, built now if it was not yet."""
        return self.shelf.room(title) if self.shelf is not None else None

    def show_room(self, title: str) -> Room | None:
        room = self.room(title)
        if room is not None:
            self.tabs.setCurrentWidget(room)
        return room

    def open_notes(self, item_id: int | None) -> None:
        self.show_room("Notes")
        if self.notes_room is not None:
            self.notes_room.focus_item(item_id)

    # -- dialogs ----------------------------------------------------------------------------
    def new_from_template(self, template: str | None = None) -> None:
        from dgfacil.ui import dialogs

        answer = dialogs.NewWorkshopDialog.ask(self, template if isinstance(template, str) else None)
        if answer is None:
            return
        from dgfacil.operations.document import DocumentError, new_from_template
        from dgfacil.ui.widgets import show_message

        try:
            doc = new_from_template(answer.path, answer.template, start=answer.start, timezone=answer.timezone)
        except (DocumentError, ValueError, FileExistsError) as err:
            show_message(self, "Cannot create the workshop", str(err))
            return
        self.set_document(doc)

    def edit_details(self) -> bool:
        """File > Workshop details…: one undoable edit of title, organizers, venue and zones."""
        if self.ctx is None:
            return False
        from dgfacil.ui.workshop_details import edit_workshop_details

        return edit_workshop_details(self.ctx, self)

    def open_dialog(self) -> None:
        from dgfacil.ui import dialogs

        path = dialogs.ask_open_path(self)
        if path:
            self.open_path(path)

    def save_copy(self) -> None:
        if self.ctx is not None:
            from dgfacil.ui.copies import save_copy

            save_copy(self, self.ctx)

    def export_json(self) -> None:
        if self.ctx is not None:
            from dgfacil.ui.copies import export_json

            export_json(self, self.ctx)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About dgfacil",
            f"dgfacil {__version__}\n\nRun public-sector capacity-building workshops from one laptop: "
            "the live agenda, breakout exercises, notes, participants, printing and the outcome report.",
        )

    def show_shortcuts(self) -> None:
        from dgfacil.ui.shortcuts_help import ShortcutsDialog

        ShortcutsDialog.show_for(self)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.close_document()
        super().closeEvent(event)
