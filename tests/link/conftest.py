"""A real `dgfacil serve` on 127.0.0.1 (a free port) over a workshop with a SWOT board."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the tests' phone client (also used by bench/)
from link_phone import Phone  # noqa: E402


@dataclass
class Served:
    path: Path
    join: str
    facilitator: str
    process: subprocess.Popen
    lines: list[str]

    def phone(self) -> Phone:
        return Phone(self.join)

    def remote(self, path: str, data) -> tuple[int, dict | None]:
        return Phone(self.facilitator).post(path, data)

    def export(self, tmp: Path) -> dict:
        out = tmp / "export.json"
        done = subprocess.run([sys.executable, "-m", "dgfacil", "export", str(self.path), "-o", str(out)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return json.loads(out.read_text(encoding="utf-8"))


def start_serve(path: Path) -> Served:
    process = subprocess.Popen([sys.executable, "-m", "dgfacil", "serve", str(path), "--bind", "127.0.0.1",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=os.environ.copy())
    lines = []
    while True:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"serve ended: {process.stderr.read()}")
        lines.append(line.rstrip("\n"))
        if line.startswith("serving"):
            break
    urls = dict(line.split(": ", 1) for line in lines if ": http" in line)
    return Served(path, urls["join"], urls["facilitator"], process, lines)


def stop_serve(served: Served) -> None:
    served.process.terminate()
    served.process.wait(timeout=20)
    served.process.stdout.close()
    served.process.stderr.close()


@pytest.fixture
def board_doc(new_doc):
    """The demo workshop with a SWOT board on its first agenda item; the document is closed."""
    from dgfacil.operations import exercises

    doc = new_doc()
    with doc.session() as s:
        first = doc_first_item(s)
        exercises.add_exercise(s, agenda_item_id=first, use="swot")
    path = doc.path
    doc.close()
    return path


def doc_first_item(session) -> int:
    from dgfacil.operations.document import load_workshop

    return load_workshop(session).days[0].items[0].id


@pytest.fixture
def served(board_doc):
    running = start_serve(board_doc)
    yield running
    stop_serve(running)
