"""The PyInstaller bundle builds and starts (slow: `make test-all` or `pytest -m slow`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bundle_builds_and_opens_the_demo(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10,<7"], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    exe = tmp_path / "dist" / "dgfacil" / "dgfacil"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DGFACIL_STARTUP_PROBE": "1",
        "DGFACIL_DATA_DIR": str(tmp_path / "data"),
        "DGFACIL_CONFIG_DIR": str(tmp_path / "config"),
    }
    listed = subprocess.run([exe, "templates"], capture_output=True, text=True, env=env, timeout=120)
    assert "undesa-escap-webinar-2023" in listed.stdout, listed.stderr
    started = subprocess.run([exe], capture_output=True, text=True, env=env, timeout=120)
    assert "ready" in started.stdout, started.stderr[-2000:]
    assert (tmp_path / "data" / "demo.dgfacil").exists()
