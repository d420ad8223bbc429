"""Start the app: check for a screen first, so a machine with none gets a sentence, not a Qt abort."""

from __future__ import annotations

import os
import sys


def display_problem() -> str | None:
    """A one-line reason the GUI cannot start here, or None."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "dgfacil: no display found. Run it on a desktop, or under a virtual screen with "
            "`xvfb-run -a make run` (or set QT_QPA_PLATFORM=offscreen for a headless check)."
        )
    return None


def launch(path: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from dgfacil.ui.app import run_app

    return run_app(path)
