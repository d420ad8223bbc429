"""`dgfacil evaluation import` and `stats` as a user runs them: a subprocess, real files."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dgfacil", *args], capture_output=True, text=True, timeout=60)


def test_import_reports_then_stats_give_the_report_figures(demo_doc, tmp_path):
    path = str(demo_doc.path)
    demo_doc.engine.dispose()
    dry = run("evaluation", "import", path, str(DATA / "webinar_147.csv"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would import 147 responses" in dry.stdout and "column not used: 'Email address'" in dry.stdout
    done = run("evaluation", "import", path, str(DATA / "webinar_147.csv"))
    assert done.returncode == 0 and "imported 147 responses" in done.stdout
    again = run("evaluation", "import", path, str(DATA / "webinar_147.csv"))
    assert "imported 0 responses; 147 were imported before" in again.stdout
    stats = run("evaluation", "stats", path)
    assert stats.stdout.startswith("147 responses")
    assert "sat_overall\t97.3% (143 of 147)\tVery Satisfied 104, Somehow Satisfied 39" in stats.stdout


def test_bad_input_is_one_line_exit_2(demo_doc, tmp_path):
    path = str(demo_doc.path)
    demo_doc.engine.dispose()
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"Name,Email\nA,b\n")
    for args, message in [
        ((path, str(tmp_path / "missing.csv")), "cannot read"),
        ((path, str(junk)), "no column matches a question"),
        ((path, str(junk), "--encoding", "klingon"), "unknown encoding"),
        ((str(tmp_path / "nope.dgfacil"), str(junk)), ""),
    ]:
        result = run("evaluation", "import", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr
