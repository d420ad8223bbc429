"""The projector view: a second window, full screen, readable from the back of the room.

It shows what the Run room hands it (`show_state`); it never reads the document. Type scales
with the window's height. If its screen is unplugged it moves to a remaining screen, and
`return_to_projector()` (F5 in the Run room) sends it back when the screen is there again.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dgfacil.core.agenda import hhmm, in_zone, workshop_zones
from dgfacil.core.model import Workshop
from dgfacil.core.run import Phase
from dgfacil.core.run_plan import RunState
from dgfacil.core.run_text import Level, Status, back_at, countdown_text, progress_text
from dgfacil.core.run_suggest import short_title
from dgfacil.ui.run.look import THEMES

# Share of the window's height for each line of type.
SIZES = {"header": 0.030, "title": 0.060, "countdown": 0.30, "words": 0.065, "back": 0.085,
         "zones": 0.042, "next": 0.045, "clock": 0.038}


def projector_screen(avoid: QScreen | None) -> QScreen:
    """The screen to project on: one that is not the facilitator's, if there is one."""
    screens = QGuiApplication.screens()
    others = [s for s in screens if s is not avoid]
    return others[-1] if others else (avoid or QGuiApplication.primaryScreen())


def city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


class ProjectorWindow(QWidget):
    """Countdown, current and next item, "Back at" during breaks, and a clock strip of zones."""

    sig_theme_did_change = Signal(str)
    """Fires when the theme is switched from the projector itself (key T): 'light' or 'dark'."""

    def __init__(self, workshop: Workshop, *, theme: str = "dark") -> None:
        super().__init__(None, Qt.Window)
        self.setObjectName("projector")
        self.setWindowTitle(f"Projector — {short_title(workshop.title, 60)}")
        self.zones = workshop_zones(workshop)
        self.workshop_title = short_title(workshop.title, 90)
        self.preferred_screen_name: str | None = None
        self.theme = THEMES.get(theme, THEMES["dark"])
        self._level = Level.IDLE
        self._labels: dict[str, QLabel] = {}
        self._build()
        self._apply_theme()
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

    def _label(self, name: str, *, align=Qt.AlignCenter, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.PlainText)
        label.setAlignment(align)
        label.setWordWrap(wrap)
        self._labels[name] = label
        return label

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self._label("header", align=Qt.AlignLeft | Qt.AlignVCenter), 1)
        header.addWidget(self._label("progress", align=Qt.AlignRight | Qt.AlignVCenter))
        self.band = QFrame()
        self.band.setObjectName("band")
        band = QVBoxLayout(self.band)
        band.addWidget(self._label("countdown"))
        band.addWidget(self._label("words"))
        self.clock_strip = QFrame()
        self.clock_strip.setObjectName("clockStrip")
        strip = QHBoxLayout(self.clock_strip)
        for n, _zone in enumerate(self.zones):
            strip.addWidget(self._label(f"clock{n}"), 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addStretch(1)
        layout.addWidget(self._label("title", wrap=True))
        layout.addSpacing(12)
        layout.addWidget(self.band)
        layout.addWidget(self._label("back"))
        layout.addWidget(self._label("zones", wrap=True))
        layout.addStretch(1)
        layout.addWidget(self._label("next", wrap=True))
        layout.addSpacing(16)
        layout.addWidget(self.clock_strip)

    # -- look -------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES.get(name, self.theme)
        self._apply_theme()

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.theme.name == "dark" else "dark")
        self.sig_theme_did_change.emit(self.theme.name)

    def _apply_theme(self) -> None:
        t, level = self.theme, self._level
        self.setStyleSheet(
            f"QWidget#projector {{ background: {t.background}; }}"
            f"QLabel {{ color: {t.text}; background: transparent; }}"
            f"QLabel#header, QLabel#progress, QLabel#zones {{ color: {t.muted}; }}"
            f"QFrame#band {{ background: {t.level_bg[level]}; border-radius: 18px; }}"
            f"QFrame#band QLabel {{ color: {t.level_fg[level]}; }}"
            f"QFrame#clockStrip {{ border-top: 2px solid {t.rule}; }}"
            f"QLabel#next {{ color: {t.text}; }}"
        )
        self._scale_type()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._scale_type()

    def _scale_type(self) -> None:
        height = max(self.height(), 300)
        for name, label in self._labels.items():
            share = SIZES["clock" if name.startswith("clock") else name]
            font = label.font()
            font.setPixelSize(max(12, int(height * share)))
            font.setBold(name in ("countdown", "title", "back", "words") or name.startswith("clock"))
            if name == "countdown":
                font.setFeature(QFont.Tag("tnum"), 1)
            label.setFont(font)
        margin = int(height * 0.04)
        self.layout().setContentsMargins(margin * 2, margin, margin * 2, margin)

    # -- content ----------------------------------------------------------------------------
    def show_state(self, state: RunState, status: Status) -> None:
        """Show a derived state; texts change only when they differ (one repaint a second)."""
        venue = self.zones[0]
        row, texts = state.current, {}
        texts["header"] = self.workshop_title
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
        if nxt is not None and row is not None:
            texts["next"] = f"Next  {hhmm(nxt.start, venue)}   {short_title(nxt.item.title, 80)}"
        else:
            texts["next"] = ""
        for n, zone in enumerate(self.zones):
            texts[f"clock{n}"] = f"{city(zone)}  {in_zone(state.now, zone):%H:%M}"
        for name, text in texts.items():
            label = self._labels[name]
            if label.text() != text:
                label.setText(text)
            label.setVisible(bool(text) or name in ("countdown", "words"))
        if status.level is not self._level:
            self._level = status.level
            self._apply_theme()

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
