"""An optional soft chime at the warning and at time up.

QSoundEffect lives in QtMultimedia, which PySide6-Essentials does not ship (it is in
PySide6-Addons). Without it the chime is silently off, with one line in the log saying why.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

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
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            if not Chime._reported:
                log.info("chime off: QtMultimedia is not installed (it comes with PySide6-Addons)")
                Chime._reported = True
            return
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(chime_path())))
        effect.setVolume(0.6)
        self._effect = effect

    @property
    def available(self) -> bool:
        return self._effect is not None

    def play(self) -> None:
        if not self.enabled:
            return
        self.plays += 1
        if self._effect is not None:
            self._effect.play()
