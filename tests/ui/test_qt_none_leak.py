"""PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls returning None. This test
makes 20,000 such calls so an upgrade that brings the bug back fails here, not in a workshop."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20000):
    label.setText(str(i))
print("survived", label.text())
"""


def test_twenty_thousand_none_returning_calls_survive():
    out = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-500:]
    assert "survived 19999" in out.stdout
