"""An optional soft chime at the warning and at time up.

QSoundEffect lives in QtMultimedia, which PySide6-Essentials does not ship (it is in
PySide6-Addons). Without it the system's own player plays the file (aplay / paplay / afplay, or
winsound on Windows), detached so the countdown never waits; with none, the chime is off and
one line in the log says why.
"""

from __future__ import annotations

import logging
import shutil
import sys

from PySide6.QtCore import QObject, QProcess, QUrl

from dgfacil.paths import resources_dir

log = logging.getLogger(__name__)


def chime_path():
    return resources_dir() / "sounds" / "chime.wav"


class Chime(QObject):
    """`play()` the chime if sound is available and the chime is enabled; otherwise nothing."""

    _reported = False  # say once per process, not once per room

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.plays = 0  # how many times it was asked to sound (tests, and the log)
        self._effect = None
        self._player: list[str] | None = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            self._player = system_player()
            if self._player is None and not Chime._reported:
                log.info("chime off: no QtMultimedia (PySide6-Addons) and no system sound player")
                Chime._reported = True
            return
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(chime_path())))
        effect.setVolume(0.6)
        self._effect = effect

    @property
    def available(self) -> bool:
        return self._effect is not None or self._player is not None

    def play(self) -> None:
        if not self.enabled:
            return
        self.plays += 1
        if self._effect is not None:
            self._effect.play()
        elif self._player is not None:
            if self._player[0] == "winsound":
                import winsound

                winsound.PlaySound(str(chime_path()), winsound.SND_FILENAME | winsound.SND_ASYNC)
            else:
                QProcess.startDetached(self._player[0], [*self._player[1:], str(chime_path())])


def system_player() -> list[str] | None:
    """A command that plays a WAV file on this system, or None."""
    if sys.platform == "win32":
        return ["winsound"]
    for command in (["afplay"], ["paplay"], ["aplay", "-q"]):
        if shutil.which(command[0]):
            return command
    return None
