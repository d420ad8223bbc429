"""What a first-time organizer met on the command line with exports they made themselves: a
workbook whose first sheet is a summary, a person who answered twice, a question their survey did
not ask, one response, and a choice question's blanks in the stats."""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl

GRID = "Please rate your level of satisfaction with the following aspects of the Webinar. [{}]"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args], capture_output=True, text=True, timeout=60, check=False
    )


def _doc(demo_doc) -> str:
    demo_doc.engine.dispose()
    return str(demo_doc.path)


def _workbook(path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["Webinar evaluation summary", None])
    summary.append(["Responses", 3])
    data = book.create_sheet("Data")
    data.append(["Timestamp", "Email address", "Type of institution", GRID.format("Importance/relevance of topics")])
    data.append(["2023/05/30 4:20:51 PM GMT+9", "a@example.org", "National government", "Very satisfied"])
    data.append(["2023/05/30 4:25:00 PM GMT+9", "b@example.org", "", "Satisfied"])
    data.append(["2023/05/31 9:00:00 AM GMT+9", "a@example.org", "Training institute", "Neutral"])
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())


def test_the_sheet_that_matches_the_form_is_read_and_named(demo_doc, tmp_path):
    path, book = _doc(demo_doc), tmp_path / "export.xlsx"
    _workbook(book)
    done = run("evaluation", "import", path, str(book))
    assert done.returncode == 0, done.stderr
    assert (
        "read the sheet 'Data', whose header matches the form best (sheets: 'Summary', 'Data'); "
        "--sheet NAME reads another" in done.stdout
    )
    assert "imported 3 responses: 3 new" in done.stdout
    wrong = run("evaluation", "import", path, str(book), "--sheet", "Summary", "--dry-run")
    assert wrong.returncode == 2 and "no column matches a question of the form" in wrong.stderr
    missing = run("evaluation", "import", path, str(book), "--sheet", "Responses")
    assert missing.returncode == 2
    assert "no sheet 'Responses' in the file (sheets: 'Summary', 'Data')" in missing.stderr
    assert run("evaluation", "import", path, str(book), "--sheet", "Data").returncode == 0


def test_twice_answering_not_asked_blanks_and_plurals(demo_doc, tmp_path):
    path, book = _doc(demo_doc), tmp_path / "export.xlsx"
    _workbook(book)
    done = run("evaluation", "import", path, str(book))
    assert "WARNING e-mail a@example.org answered twice (rows 2 and 4); both are counted" in done.stdout
    stats = {
        line.split("\t")[0]: line.split("\t", 1)[-1] for line in run("evaluation", "stats", path).stdout.splitlines()
    }
    assert stats["background_institution"].endswith(
        "Training institute 1, Academic institution 0, Other 0, no answer 1"
    )
    assert stats["sat_overall"].startswith("not asked in the imported survey")  # no column in the export
    assert stats["liked_most"] == "not asked in the imported survey"
    assert stats["sat_topics"].startswith("66.7% (2 of 3)")
    one = tmp_path / "one.csv"
    one.write_text(
        "Timestamp,What did you like most about the Webinar?\n2023/06/01 10:00:00 AM GMT+9,All\n", encoding="utf-8"
    )
    single = run("evaluation", "import", path, str(one), "--replace")
    assert (
        "imported 1 response: 1 new, 0 updated, 0 unchanged; 3 earlier imported responses were replaced"
        in single.stdout
    ), single.stdout
    out = run("evaluation", "stats", path).stdout.splitlines()
    assert out[0] == "1 response" and "liked_most\t1 written answer" in out
