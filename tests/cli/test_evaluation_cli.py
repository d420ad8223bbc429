"""`dgfacil evaluation import` and `stats` as a user runs them: a subprocess, real files.

The first three tests are the reported failures: a "Satisfied / Neutral / Dissatisfied" export that
imported with exit 0 and dropped answers, a SurveyMonkey header row counted as a response, and a
corrected export that doubled the responses when imported again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"
sys.path.insert(0, str(DATA))
from make_tool_exports import COMMON_SAT, SAT, respondents  # noqa: E402


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dgfacil", *args], capture_output=True, text=True, timeout=60)


def _stats(path: str) -> dict[str, str]:
    out = run("evaluation", "stats", path).stdout.splitlines()
    return {"count": out[0], **{line.split("\t")[0]: line.split("\t")[1] for line in out[1:]}}


def _expected(key: str) -> str:
    """The share a person would compute by hand from the 36 respondents."""
    people = respondents()
    answered = [p[key] for p in people if key in p]
    top = sum(1 for level in answered if level < 2)
    blank = len(people) - len(answered)
    tenths = (2000 * top + len(answered)) // (2 * len(answered))  # half up
    tail = f"{top} of {len(answered)} answering; {blank} no answer" if blank else f"{top} of {len(answered)}"
    return f"{tenths // 10}.{tenths % 10}% ({tail})"


def _doc(demo_doc) -> str:
    demo_doc.engine.dispose()
    return str(demo_doc.path)


def test_common_words_import_every_answer_by_place_on_the_scale(demo_doc):
    path = _doc(demo_doc)
    done = run("evaluation", "import", path, str(DATA / "google_forms.csv"))
    assert done.returncode == 0, done.stderr
    assert "'Satisfied' -> 'Somehow Satisfied' (the same place on the scale, 2 of 5)" in done.stdout
    assert "imported 36 responses: 36 new, 0 updated, 0 unchanged" in done.stdout
    stats = _stats(path)
    assert stats["count"] == "36 responses"
    for key in ("sat_topics", "sat_duration", "und_pace", "und_toolkit"):
        assert stats[key] == _expected(key), key
    assert "no answer" in stats["sat_duration"] and "no answer" in stats["und_pace"]


def test_an_unmapped_answer_stops_the_import_until_mapped(demo_doc, tmp_path):
    path = _doc(demo_doc)
    text = (DATA / "google_forms.csv").read_text(encoding="utf-8")
    odd = tmp_path / "odd.csv"
    odd.write_text(text.replace(",Neutral,", ",Meh,", 3).replace(",Very satisfied,", ",OK-ish,", 1), encoding="utf-8")
    refused = run("evaluation", "import", path, str(odd))
    assert refused.returncode == 2
    assert "UNMAPPED answer 'Meh' (3x in" in refused.stdout and "UNMAPPED answer 'OK-ish' (1x in" in refused.stdout
    assert "nothing imported: 2 different answers (4 in all) map to no level" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert _stats(path)["count"] == "0 responses"
    mapped = run("evaluation", "import", path, str(odd), "--answer", "Meh=Neutral", "--answer", "OK-ish=")
    assert mapped.returncode == 0, mapped.stderr
    assert "'Meh' -> 'Neither Satisfied nor Dissatisfied' (as you mapped it)" in mapped.stdout
    assert "'OK-ish' -> no answer (as you mapped it)" in mapped.stdout
    assert _stats(path)["count"] == "36 responses"


def test_surveymonkey_second_header_row_is_no_response(demo_doc):
    path = _doc(demo_doc)
    done = run("evaluation", "import", path, str(DATA / "surveymonkey.csv"))
    assert done.returncode == 0, done.stderr
    assert "SurveyMonkey (utf-8, comma-separated): 36 responses" in done.stdout
    assert "respondent details left out: Respondent ID, Collector ID, Start Date" in done.stdout
    assert _stats(path)["count"] == "36 responses"
    assert _stats(path)["sat_overall"] == _expected("sat_overall")


def test_a_corrected_export_updates_in_place_and_replace_swaps(demo_doc, tmp_path):
    path = _doc(demo_doc)
    assert run("evaluation", "import", path, str(DATA / "google_forms.csv")).returncode == 0
    lines = (DATA / "google_forms.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    # the organizer corrects one answer and drops a test submission (the last row)
    lines[1] = lines[1].replace("Dissatisfied", "Very satisfied", 1)
    corrected = tmp_path / "google_forms_corrected.csv"
    corrected.write_text("".join(lines[:-1]), encoding="utf-8")
    again = run("evaluation", "import", path, str(corrected))
    assert "imported 35 responses: 0 new, 1 updated, 34 unchanged" in again.stdout, again.stdout + again.stderr
    assert _stats(path)["count"] == "36 responses"  # not 71: the test submission stays until replaced
    swapped = run("evaluation", "import", path, str(corrected), "--replace")
    assert (
        "imported 35 responses: 35 new, 0 updated, 0 unchanged; 36 earlier imported responses were replaced"
        in swapped.stdout
    )
    assert _stats(path)["count"] == "35 responses"


def test_column_by_hand_dry_run_and_numbers_one_best(demo_doc, tmp_path):
    path = _doc(demo_doc)
    odd = tmp_path / "renamed.csv"
    odd.write_text("Respondent,Q6 overall,Q6 length\nr1,5,1\nr2,4,2\nr3,1,\n", encoding="utf-8")
    plain = run("evaluation", "import", path, str(odd), "--dry-run")
    assert plain.returncode == 2 and "no column matches a question" in plain.stderr
    dry = run(
        "evaluation",
        "import",
        path,
        str(odd),
        "--dry-run",
        "--column",
        "Q6 overall=sat_overall",
        "--column",
        "Q6 length=sat_duration",
    )
    assert dry.returncode == 0, dry.stderr
    assert "'Q6 overall' -> sat_overall (by hand)" in dry.stdout and "column not used: 'Respondent'" in dry.stdout
    assert "numbers 1..5 read with 5 the best (5 = 'Very Satisfied', 1 = 'Very Dissatisfied')" in dry.stdout
    assert "no column for question sat_topics" in dry.stdout
    assert "would import 3 responses" in dry.stdout and _stats(path)["count"] == "0 responses"
    flipped = run(
        "evaluation",
        "import",
        path,
        str(odd),
        "--column",
        "Q6 overall=sat_overall",
        "--column",
        "Q6 length=sat_duration",
        "--one-is-best",
    )
    assert "numbers 1..5 read with 1 the best" in flipped.stdout
    assert _stats(path)["sat_overall"] == "33.3% (1 of 3)"  # only r3's "1" is in the top two
    assert _stats(path)["sat_duration"] == "100.0% (2 of 2 answering; 1 no answer)"


def test_bad_input_is_one_line_exit_2(demo_doc, tmp_path):
    path = _doc(demo_doc)
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"Name,Email\nA,b\n")
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf\x91sat_topics\n")  # fuzzing found it: a UnicodeDecodeError traceback
    for args, message in [
        ((path, str(tmp_path / "missing.csv")), "cannot read"),
        ((path, str(junk)), "no column matches a question"),
        ((path, str(junk), "--encoding", "klingon"), "unknown encoding"),
        ((path, str(bom)), "not valid UTF-8"),
        ((path, str(DATA / "google_forms.csv"), "--column", "Nope=sat_topics"), "no column 'Nope'"),
        ((str(tmp_path / "nope.dgfacil"), str(junk)), ""),
    ]:
        result = run("evaluation", "import", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr, result.stderr


def test_webinar_147_then_stats_give_the_report_figures(demo_doc):
    path = _doc(demo_doc)
    assert run("evaluation", "import", path, str(DATA / "webinar_147.csv")).returncode == 0
    again = run("evaluation", "import", path, str(DATA / "webinar_147.csv"))
    assert "imported 147 responses: 0 new, 0 updated, 147 unchanged" in again.stdout
    stats = run("evaluation", "stats", path).stdout
    assert stats.startswith("147 responses")
    assert "sat_overall\t97.3% (143 of 147)\tVery Satisfied 104, Somehow Satisfied 39" in stats


assert SAT and COMMON_SAT  # the fixtures' wording, imported above for readers of this file
