"""`dgfacil print` refuses a document with nothing in it: one line on stderr, exit 2, no file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def dgfacil(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


@pytest.fixture
def empty_workshop(tmp_path) -> Path:
    """The demo template: no participants, no exercises."""
    path = tmp_path / "w.dgfacil"
    assert dgfacil("new", str(path), "--template", "undesa-escap-webinar-2023").returncode == 0
    return path


def _refused(done: subprocess.CompletedProcess, out: Path, *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Nothing was written" in lines[0]
    for word in words:
        assert word in lines[0]
    assert "wrote" not in done.stdout
    assert not out.exists()


def test_nobody_eligible_writes_nothing(empty_workshop, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Full name,Email,Country\nKim Min-jun,kim@example.kr,Republic of Korea\nAna Cruz,ana@example.ph,Philippines\n",
        encoding="utf-8",
    )
    assert dgfacil("roster", "import", str(empty_workshop), str(roster)).returncode == 0
    out = tmp_path / "c3.pdf"
    # nobody was marked present: nobody is eligible
    _refused(dgfacil("print", "certificates", str(empty_workshop), "-o", str(out)), out, "0 of 2", "eligible")
    folder = tmp_path / "percert"
    _refused(dgfacil("print", "certificates", str(empty_workshop), "-o", str(folder), "--per-person"), folder)
    # no key, no numbers were made by a refusal: certificates printed later start at 1
    from dgfacil.store import certificates as store
    from dgfacil.store.document import open_document

    doc = open_document(empty_workshop)
    try:
        with doc.session() as s:
            assert store.certificates(session=s) == []
    finally:
        doc.close()


@pytest.mark.parametrize(
    "kind,word",
    [
        ("certificates", "no participants"),
        ("badges", "participants"),
        ("tents", "participants"),
        ("attendance", "participants"),
        ("worksheets", "exercises"),
    ],
)
def test_empty_documents_are_refused(empty_workshop, tmp_path, kind, word):
    out = tmp_path / f"{kind}.pdf"
    _refused(dgfacil("print", kind, str(empty_workshop), "-o", str(out)), out, word)


@pytest.mark.parametrize("kind", ["agenda", "report"])
def test_a_missing_output_folder_is_refused_not_created(empty_workshop, tmp_path, kind):
    out = tmp_path / "typo" / "deeper" / "x.pdf"
    done = dgfacil("print", kind, str(empty_workshop), "-o", str(out))
    assert done.returncode == 2 and "no such folder" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "typo").exists()
