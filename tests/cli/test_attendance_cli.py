"""`dgfacil attendance FILE` as a subprocess: mark-all, threshold, block kind, CSV import and export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def test_mark_all_export_and_import(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    assert run("roster", "import", path, DATA / "nominees.xlsx").returncode == 0
    done = run("attendance", path, "--mark-all", "--export", tmp_path / "att.csv")
    assert done.returncode == 0, done.stderr
    assert "15 of 15 participants eligible for a certificate (6 blocks)" in done.stdout
    sheet = (tmp_path / "att.csv").read_text(encoding="utf-8-sig")
    assert "15:00 Opening" in sheet and "김민준" in sheet
    (tmp_path / "absent.csv").write_text(
        "E-mail,Opening\nminjun.kim@mois.go.kr,absent\nwho@x.org,x\n", encoding="utf-8"
    )
    imp = run("attendance", path, "--import", tmp_path / "absent.csv")
    assert imp.returncode == 1 and "1 marked absent" in imp.stdout and "row 3: matches no participant" in imp.stdout
    assert "14 of 15" in imp.stdout
    listing = run("attendance", path, "--threshold", "0.8")
    assert "15 of 15" in listing.stdout and "5/6\t김민준\teligible" in listing.stdout
    assert "certificate rule saved: at least 80% of blocks" in listing.stdout  # said, not silent
    half = run("attendance", path, "--blocks", "half-day", "--threshold", "all")
    assert "14 of 15" in half.stdout and "(1 block)" in half.stdout
    assert "certificate rule saved: every block" in half.stdout and "per half-day (saved)" in half.stdout
    assert "deprecated" not in half.stderr


def test_unit_is_the_old_name_of_blocks(demo_doc):
    path = demo_doc.path
    demo_doc.engine.dispose()
    done = run("attendance", path, "--unit", "half-day")
    assert done.returncode == 0, done.stderr
    assert "--unit is deprecated; use --blocks" in done.stderr
    assert "per half-day (saved)" in done.stdout and "(1 block)" in done.stdout
    assert "--unit" not in run("attendance", "--help").stdout  # hidden: the help names --blocks only


def test_bad_arguments_one_line(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    for args, words in [
        (["--threshold", "2"], "--threshold"),
        (["--import", DATA / "garbage.bin"], "binary"),
        (["--import", DATA / "utf8_comma.csv"], "no column of the sheet names a block"),
    ]:
        done = run("attendance", path, *args)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
