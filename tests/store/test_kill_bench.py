"""The kill bench, bounded: a few random SIGKILLs of a writer lose no acknowledged edit and leave
no corrupt file (`python bench/kill_test.py` runs the 1,000-kill version)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.store.conftest import ROOT


def test_random_kills_lose_nothing_acknowledged(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "kill_test.py"), "--kills", "12", "--max-delay-ms", "700"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"DGFACIL_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    found = re.search(r"kills (\d+)  acknowledged (\d+)  lost (\d+)  corrupt (\d+)", done.stdout)
    assert found, done.stdout + done.stderr
    kills, acknowledged, lost, corrupt = map(int, found.groups())
    assert kills == 12 and acknowledged > 0
    assert (lost, corrupt) == (0, 0) and done.returncode == 0


def test_random_kills_of_a_team_client_lose_nothing_acknowledged(tmp_path):
    """The same, the workshop on a PostgreSQL server: 20 clients killed mid-edit."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "kill_test.py"), "--server", "--kills", "20", "--max-delay-ms", "700"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={"DGFACIL_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    if done.stdout.startswith("skipped:"):
        pytest.skip(done.stdout.strip())
    found = re.search(r"kills (\d+)  acknowledged (\d+)  lost (\d+)  corrupt (\d+)", done.stdout)
    assert found, done.stdout + done.stderr
    kills, acknowledged, lost, corrupt = map(int, found.groups())
    assert kills == 20 and acknowledged > 0
    assert (lost, corrupt) == (0, 0) and done.returncode == 0
