"""`dgfacil roster import|export` as a subprocess: report, exit status, dry run, clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *map(str, args)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def test_import_reports_every_refused_row_and_exits_nonzero(demo_doc):
    path = demo_doc.path
    demo_doc.engine.dispose()
    dry = run("roster", "import", path, DATA / "bad_rows.csv", "--dry-run")
    assert dry.returncode == 1, dry.stderr
    assert "would import: 6 rows read: 2 new, 0 updated, 0 unchanged, 4 refused" in dry.stdout
    for line in [
        "row 3: error: no name",
        "row 4: error: e-mail 'tenzin@'",
        "row 5: error: same e-mail as row 2",
        "row 6: error: Organization is 400 characters",
    ]:
        assert line in dry.stdout
    real = run("roster", "import", path, DATA / "bad_rows.csv")
    assert real.returncode == 1 and "imported: 6 rows read: 2 new" in real.stdout
    again = run("roster", "import", path, DATA / "utf16_excel_unicode.txt")
    assert again.returncode == 0 and "UTF-16 (Excel Unicode text), tab-separated" in again.stdout
    assert "11 new" in again.stdout
    summary = run("attendance", path)
    assert "Nguyễn Thị Hương" in summary.stdout and "0 of 13 participants eligible" in summary.stdout


def test_dry_run_writes_nothing(demo_doc):
    path = demo_doc.path
    demo_doc.engine.dispose()
    assert run("roster", "import", path, DATA / "utf8_comma.csv", "--dry-run").returncode == 0
    assert "0 of 0 participants" in run("attendance", path).stdout


def test_unreadable_rosters_are_one_line_exit_2(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    for name, words in [("empty.csv", "is empty"), ("garbage.bin", "binary data"), ("missing.csv", "cannot read")]:
        done = run("roster", "import", path, DATA / name)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_unsure_mapping_reported_and_corrected_with_map(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    (tmp_path / "odd.csv").write_text("Participante,Mail\nAna Núñez,ana@sfp.gob.mx\n", encoding="utf-8")
    guess = run("roster", "import", path, tmp_path / "odd.csv", "--dry-run")
    assert "(a guess; correct it with --map" in guess.stdout and guess.returncode == 1
    fixed = run("roster", "import", path, tmp_path / "odd.csv", "--map", "Participante=full_name")
    assert fixed.returncode == 0 and "Participante -> Full name" in fixed.stdout and "1 new" in fixed.stdout
    bad = run("roster", "import", path, tmp_path / "odd.csv", "--map", "Nope=full_name")
    assert bad.returncode == 2 and "no column 'Nope'" in bad.stderr


def test_export_neutralised(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    (tmp_path / "evil.csv").write_text('Name,Email\n"=HYPERLINK(""http://x"")",e@x.org\n', encoding="utf-8")
    assert run("roster", "import", path, tmp_path / "evil.csv").returncode == 0
    out = run("roster", "export", path, "-o", tmp_path / "out.csv")
    assert out.returncode == 0
    assert "'=HYPERLINK" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert run("roster", "export", path, "-o", tmp_path / "out.pdf").returncode == 2
