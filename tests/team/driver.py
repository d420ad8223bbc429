"""One laptop of a team, driven line by line: the real MainWindow (offscreen) on a team workshop,
told what to do on stdin and answering on stdout, one line per command.

    python tests/team/driver.py postgresql://user@127.0.0.1:PORT/db
    > ready
    rename-item 3 Welcome          (the Agenda room's edit, as the editor makes it)   > ok | error TEXT
    item-title 3                   (what the Agenda room shows)                       > Welcome
    hold-person 5                  (the People room's edit dialog opens on what it shows now)
    edit-held email a@example.org  (the dialog is accepted with that change)          > ok | error TEXT
    person 5 email                 (what the People room shows)                       > a@example.org
    status                         (the status bar's word on the server)
    quit

Commands run on the Qt thread; stdin is read on a thread of its own.
"""

from __future__ import annotations

import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal  # noqa: E402

from dgfacil.ui.app import make_app  # noqa: E402
from dgfacil.ui.main_window import MainWindow  # noqa: E402


class Driver(QObject):
    line = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.held = None
        self.failures: list[str] = []
        window.ctx.tasks.failed.connect(self.failures.append)
        self.line.connect(self.handle)

    def say(self, text: str) -> None:
        print(text, flush=True)

    def room(self, title: str):
        return self.window.room(title)

    def handle(self, line: str) -> None:
        word, _, rest = line.strip().partition(" ")
        try:
            answer = getattr(self, "do_" + word.replace("-", "_"))(rest)
        except Exception as err:  # noqa: BLE001 - the test reads it
            answer = f"crash {type(err).__name__}: {err}"
        if answer is not None:
            self.say(answer)

    def _edited(self, push) -> str:
        self.failures.clear()
        push()
        return f"error {self.failures[-1]}" if self.failures else "ok"

    def do_rename_item(self, rest: str) -> str:
        item_id, title = rest.split(" ", 1)
        return self._edited(lambda: self.room("Agenda").edit_item(int(item_id), {"title": title}))

    def do_item_title(self, rest: str) -> str:
        found = self.room("Agenda")._find(int(rest))
        return found.title if found else "(none)"

    def _person(self, pid: int):
        return next((p for p in self.room("People").roster.people if p.id == pid), None)

    def do_hold_person(self, rest: str) -> str:
        self.held = self._person(int(rest))
        return "held" if self.held else "(none)"

    def do_edit_held(self, rest: str) -> str:
        field, value = rest.split(" ", 1)
        return self._edited(lambda: self.room("People").edit(self.held, {field: value}))

    def do_person(self, rest: str) -> str:
        pid, field = rest.split(" ")
        room = self.room("People")
        if room.reload_pending():
            return "(reloading)"
        person = self._person(int(pid))
        return str(getattr(person, field)) if person else "(none)"

    def do_status(self, _rest: str) -> str:
        return self.window.team.status.text() if self.window.team else "(no team link)"

    def do_quit(self, _rest: str) -> None:
        self.window.close()
        self.window.deleteLater()
        from PySide6.QtWidgets import QApplication

        QApplication.quit()


def main() -> int:
    app = make_app()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    if not window.open_path(sys.argv[1]):
        print("error cannot open", flush=True)
        return 1
    driver = Driver(window)

    def read() -> None:
        for line in sys.stdin:
            driver.line.emit(line)
        driver.line.emit("quit")

    threading.Thread(target=read, daemon=True).start()
    driver.say("ready")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
