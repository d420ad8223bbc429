"""Two app processes on one team workshop (the test PostgreSQL server): an edit made on one laptop
shows in the other's room within two seconds, without reloading; two laptops editing the same
participant from the same version: the second edit is refused, says who changed it and when, and
its room shows the first laptop's value."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dgfacil.core.model import Participant
from dgfacil.operations import participants as people_ops
from dgfacil.operations.document import load_workshop

pytestmark = pytest.mark.postgresql_only
DRIVER = Path(__file__).with_name("driver.py")
ROOT = Path(__file__).resolve().parents[2]


class Laptop:
    """A driver process: `ask(line)` returns its one-line answer."""

    def __init__(self, url: str, name: str, home: Path) -> None:
        env = dict(
            os.environ,
            DGFACIL_LAPTOP_NAME=name,
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=str(ROOT),
            DGFACIL_CONFIG_DIR=str(home / "config"),
            DGFACIL_DATA_DIR=str(home / "data"),
        )
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(timeout=25) == "ready"

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def next(self, timeout: float = 10) -> str:
        return self.lines.get(timeout=timeout)

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.next()

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def _within(seconds: float, check) -> float:  # noqa: ANN001
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s")


def test_two_laptops_see_each_other_and_never_overwrite(new_doc, tmp_path):
    doc = new_doc()
    with doc.session() as s:
        pid = people_ops.add_participant(s, participant=Participant(full_name="Ana Lima", email="ana@example.org")).ids[
            0
        ]
        item_id = load_workshop(s).days[0].items[0].id
    url = doc.address
    doc.close()
    checkin = Laptop(url, "check-in laptop", tmp_path / "a")
    facilitator = Laptop(url, "facilitator laptop", tmp_path / "b")
    try:
        assert facilitator.ask("status").startswith("● Team server connected") or _within(
            5, lambda: facilitator.ask("status").startswith("●")
        )
        facilitator.ask("hold-person " + str(pid))  # the facilitator opens Ana's edit dialog

        assert checkin.ask(f"rename-item {item_id} Welcome, team") == "ok"
        took = _within(2.0, lambda: facilitator.ask(f"item-title {item_id}") == "Welcome, team")
        print(f"the rename showed on the other laptop after {took:.2f} s")

        assert checkin.ask(f"hold-person {pid}") == "held"
        assert checkin.ask("edit-held email ana.lima@example.org") == "ok"
        refused = facilitator.ask("edit-held email lima@example.org")  # made on the version before it
        assert refused.startswith("error ")
        assert re.search(r"changed on the check-in laptop at \d\d:\d\d", refused), refused
        _within(2.0, lambda: facilitator.ask(f"person {pid} email") == "ana.lima@example.org")
    finally:
        checkin.close()
        facilitator.close()
