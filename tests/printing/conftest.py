"""Printing fixtures: a demo document with a roster from many countries, helpers to read PDFs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from dgfacil.core.model import Participant

NAMES = [
    ("김민준", "Republic of Korea"),
    ("王小明", "China"),
    ("山田 太郎", "Japan"),
    ("สมชาย ใจดี", "Thailand"),
    ("محمد بن سلمان", "Pakistan"),
    ("राजेश कुमार", "India"),
    ("শেখ হাসিনা", "Bangladesh"),
    ("Ольга Петрова", "Mongolia"),
    ("Nguyễn Thị Minh Khai", "Viet Nam"),
    ("<img src=/etc/passwd>", "Nowhere"),
    ("../../x", "Iran"),
    ("Maria Fernanda de los Ángeles Rodríguez-Villanueva y Castellanos de la Torre", "Philippines"),
]


def pdf_text(path: Path) -> str:
    """All text of a PDF, pages joined (what a reader's search would find)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def to_png(pdf: Path, dest: Path, *, first: int = 1, dpi: int = 60) -> Path | None:
    """Page `first` as PNG at `dest` (for looking); None without pdftoppm."""
    if not shutil.which("pdftoppm"):
        return None
    stem = dest.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(first), "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")


@pytest.fixture
def roster_doc(demo_doc):
    """The demo workshop with twelve participants, all present except Ольга and Nguyễn."""
    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.store.participants import load_participants

    with demo_doc.session() as s:
        for i, (name, country) in enumerate(NAMES, start=1):
            add_participant(
                s,
                participant=Participant(
                    name,
                    email=f"p{i}@example.org",
                    country=country,
                    organization="Ministry of Digital Affairs",
                    position="Director",
                    badge_code=f"B{i:04d}",
                ),
            )
    with demo_doc.session() as s:
        people = load_participants(session=s)
        items = [i for b in attendance_blocks(s) for i in b.item_ids]
        absent = {"Ольга Петрова", "Nguyễn Thị Minh Khai"}
        mark(s, participant_ids=[p.id for p in people if p.full_name not in absent], item_ids=items)
    return demo_doc
