"""Laptop screens: on a 1280×720 or 1366×768 screen the main window opens whole at its default
size, every dialog of the app fits with its buttons in view, and the agenda's title column keeps
30 characters visible with five zones shown.

The (offscreen) screen must be the laptop's from the start, so the check runs in a subprocess:
tests/ui/laptop_probe.py opens the real window and every dialog and reports what it saw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("laptop_probe.py")
FRAME = (16, 40)  # what a window manager adds around a window


@pytest.mark.parametrize("width,height", [(1280, 720), (1366, 768)])
def test_window_and_every_dialog_fit_a_laptop_screen(tmp_path, screenshots, width, height):
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "DGFACIL_DATA_DIR": str(tmp_path / "data"),
        "DGFACIL_CONFIG_DIR": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE), str(screenshots)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    room = (width - FRAME[0], height - FRAME[1])  # what a window's contents may need

    window = seen["window"]
    assert window["area"] == [width, height]
    assert window["size"][0] <= width and window["size"][1] <= height, window  # the default size, frame and all
    assert window["asked"][0] <= room[0] and window["asked"][1] <= room[1], window
    assert window["min"][0] <= room[0] and window["min"][1] <= room[1], window
    assert window["cut"] == []

    for title, (min_w, min_h) in seen["rooms"].items():  # each room, built and shown, still fits
        assert min_w <= room[0] and min_h <= room[1], (title, seen["rooms"])

    assert sorted(seen["dialogs"]) == seen["classes"]  # every QDialog of the app was opened
    for name, dialog in seen["dialogs"].items():
        assert dialog["size"][0] <= width and dialog["size"][1] <= height, (name, dialog)
        assert dialog["asked"][0] <= room[0] and dialog["asked"][1] <= room[1], (name, dialog)
        assert dialog["min"][0] <= room[0] and dialog["min"][1] <= room[1], (name, dialog)
        assert dialog["cut"] == [], (name, dialog)

    agenda = seen["agenda"]
    assert agenda["zones"] == 5 and agenda["longest"] > 30
    assert all(n >= 30 or n == len_ for n, len_ in zip(agenda["shown"], agenda["lengths"], strict=True)), agenda
