"""The projector view: a second window, full screen, readable from the back of the room.

It shows what the Run room hands it (`show_state`); it never reads the document. Type scales
with the window's height. If its screen is unplugged it moves to a remaining screen, and
`return_to_projector()` (F5 in the Run room) sends it back when the screen is there again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPainter, QScreen
from PySide6.QtWidgets import QWidget

from dgfacil.core.agenda import hhmm, in_zone, workshop_zones
from dgfacil.core.model import Workshop
from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import RunState, on_minute
from dgfacil.core.run.recovery import short_title
from dgfacil.core.run.words import CountdownStatus, Level, back_at, conflict_texts, countdown_text, progress_text
from dgfacil.core.zones import place_name
from dgfacil.ui.run.look import THEMES
from dgfacil.ui.run.projector_paint import paint


def projector_screen(avoid: QScreen | None) -> QScreen:
    """The screen to project on: one that is not the facilitator's, if there is one."""
    screens = QGuiApplication.screens()
    others = [s for s in screens if s is not avoid]
    return others[-1] if others else (avoid or QGuiApplication.primaryScreen())


def city(zone: str, labels: dict[str, str] | None = None) -> str:
    """The city typed for the zone ("Geneva"), else the zone's own ("Zurich")."""
    return place_name(zone, labels)


class RunProjector(QWidget):
    """Countdown, current and next item, "Back at" during breaks, and a clock strip of zones."""

    sig_theme_did_change = Signal(str)
    """Fires when the theme is switched from the projector itself (key T): 'light' or 'dark'."""

    def __init__(self, workshop: Workshop, *, theme: str = "dark") -> None:
        super().__init__(None, Qt.Window)
        self.setObjectName("projector")
        self.setWindowTitle(f"Projector — {short_title(workshop.title, 60)}")
        self.zones = workshop_zones(workshop)
        self.labels: dict[str, str] = {}  # zone -> the city typed for it; set by the Run room
        self.workshop_title = " ".join(workshop.title.split())
        self.preferred_screen_name: str | None = None
        self.theme = THEMES.get(theme, THEMES["dark"])
        self.level = Level.IDLE
        self.texts: dict[str, str] = {}  # what is on screen, by part (tests read it)
        self.show_strip = True  # the facilitator's strip (conflicts) at the top: Shift+F5 in the Run room
        self.clocks: list[str] = []
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.resize(1280, 720)
        app = QGuiApplication.instance()
        app.screenRemoved.connect(self._on_screen_removed)
        close = QAction("Close projector", self)
        close.setShortcut(QKeySequence(Qt.Key_Escape))
        close.triggered.connect(self.close)
        swap = QAction("Light or dark", self)
        swap.setShortcut(QKeySequence("T"))
        swap.triggered.connect(self.toggle_theme)
        self.addAction(close)
        self.addAction(swap)

    # -- look -------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES.get(name, self.theme)
        self.update()

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.theme.name == "dark" else "dark")
        self.sig_theme_did_change.emit(self.theme.name)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        try:
            paint(painter, self.width(), self.height(), self.theme, self.level, self.texts, self.clocks)
        finally:
            painter.end()

    # -- content ----------------------------------------------------------------------------
    def show_state(self, state: RunState, status: CountdownStatus) -> None:
        """Show a derived state; repaints only when a text changed (once a second)."""
        venue = self.zones[0]
        row, texts = state.current, {}
        texts["header"] = self.workshop_title
        strip = conflict_texts(state, venue, brief=True) if self.show_strip else []
        texts["alert"] = "   ·   ".join(strip)  # the facilitator's strip, when the facilitator shows it
        texts["progress"] = progress_text(state)
        nxt = state.next_row()
        if row is not None:
            texts["title"] = " ".join(row.item.title.split())
            texts["countdown"] = countdown_text(state.remaining)
            texts["words"] = status.words
        elif state.phase is Phase.FINISHED:
            texts["title"], texts["countdown"], texts["words"] = "Thank you", "", "The day is over"
        else:
            texts["title"] = "Welcome"
            texts["countdown"] = hhmm(nxt.start, venue) if nxt and nxt.start else ""
            texts["words"] = "We start at this time" if nxt else ""
        lines = back_at(state, self.zones)
        texts["back"] = lines[0] if lines else ""
        texts["zones"] = "   ·   ".join(lines[1:]) if lines else ""
        texts["next"] = ""
        if nxt is not None and row is not None:
            title = " ".join(nxt.item.title.split())
            starts_later = nxt.start is not None and on_minute(nxt.start) > on_minute(state.now)
            # a start that is now or already past is no time to announce: just "Next"
            texts["next"] = f"Next  {hhmm(nxt.start, venue)}   {title}" if starts_later else f"Next   {title}"
        clocks = [f"{city(zone, self.labels)}  {in_zone(state.now, zone):%H:%M}" for zone in self.zones]
        if texts != self.texts or clocks != self.clocks or status.level is not self.level:
            self.texts, self.clocks, self.level = texts, clocks, status.level
            self.update()

    # -- screens ----------------------------------------------------------------------------
    def show_on(self, screen: QScreen) -> None:
        """Full screen on `screen`, remembered as the projector's screen."""
        self.preferred_screen_name = screen.name()
        self._place(screen)

    def _place(self, screen: QScreen) -> None:
        self.setScreen(screen)
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _on_screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: carry on, full screen, on a screen that is still there."""
        if not self.isVisible():
            return
        here = self.screen()
        if here is not None and here is not screen and here.name() != screen.name():
            return
        remaining = [s for s in QGuiApplication.screens() if s is not screen and s.name() != screen.name()]
        target = remaining[0] if remaining else QGuiApplication.primaryScreen()
        if target is not None:
            self._place(target)

    def return_to_projector(self) -> bool:
        """Back to the remembered projector screen if it is plugged in and we are elsewhere."""
        here = self.screen()
        for screen in QGuiApplication.screens():
            if screen.name() == self.preferred_screen_name and screen is not here:
                self._place(screen)
                return True
        return False
