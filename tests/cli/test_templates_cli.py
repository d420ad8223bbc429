"""`dgfacil templates`, `new --template` and `agenda` as a user runs them: real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dgfacil.paths import sessions_dir

BUNDLED = sorted(p.stem for p in sessions_dir().glob("*.toml"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m dgfacil ARGS` with this test's private user folders (set by conftest)."""
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=dict(os.environ),
    )


def test_templates_lists_each_bundled_one_a_line_name_first():
    done = run("templates")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == BUNDLED
    line = next(row for row in lines if row.startswith("capacities-dgt-online-training\t"))
    assert "8 days" in line and "Capacities for Digital Government Transformation" in line
    assert done.stderr == ""


def test_new_from_template_with_start_and_zone_shifts_the_agenda(tmp_path):
    doc = tmp_path / "apo.dgfacil"
    done = run(
        "new",
        str(doc),
        "--template",
        "apo-digital-transformation-2022",
        "--start",
        "2027-01-11",
        "--tz",
        "Asia/Bangkok",
    )
    assert done.returncode == 0, done.stderr
    assert doc.is_file()
    agenda = run("agenda", str(doc))
    assert agenda.returncode == 0, agenda.stderr
    out = agenda.stdout
    assert out.splitlines()[0] == "Workshop on Digital Transformation for the Public Sector"
    for heading in (
        "Monday 11 January 2027 — Day 1",
        "Tuesday 12 January 2027 — Day 2",
        "Wednesday 13 January 2027 — Day 3",
    ):
        assert heading in out
    assert "July 2022" not in out
    # the venue zone is now Bangkok (first column); the template's display zones still follow
    header = next(row for row in out.splitlines() if row.startswith("Bangkok"))
    assert "Tokyo (GMT+9)" in header and "Kolkata (GMT+5:30)" in header
    first = next(row for row in out.splitlines() if "Opening session" in row)
    assert first.startswith("13:00–13:20") and "15:00–15:20" in first  # 13:00 Bangkok = 15:00 Tokyo
    assert "Effective digital transformation strategies" in out


def test_webinar_agenda_shows_seoul_bangkok_addis(tmp_path):
    doc = tmp_path / "webinar.dgfacil"
    assert run("new", str(doc), "--template", "undesa-escap-webinar-2023").returncode == 0
    out = run("agenda", str(doc)).stdout
    opening = next(row for row in out.splitlines() if row.endswith("Opening"))
    assert opening.split()[:3] == ["15:00–15:07", "13:00–13:07", "09:00–09:07"]
    assert "Tuesday 30 May 2023" in out


def test_new_from_a_template_file_path(tmp_path):
    source = (sessions_dir() / "apo-public-service-innovation-2023.toml").read_text(encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text(
        source.replace(
            'title = "Workshop on Public Service Innovation in the New Normal"', 'title = "My innovation workshop"', 1
        ),
        encoding="utf-8",
    )
    doc = tmp_path / "mine.dgfacil"
    done = run("new", str(doc), "--template", str(mine))
    assert done.returncode == 0, done.stderr
    assert run("agenda", str(doc)).stdout.startswith("My innovation workshop\n")


def one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("dgfacil: ")
    return lines[0]


def test_unknown_template(tmp_path):
    line = one_error_line(run("new", str(tmp_path / "x.dgfacil"), "--template", "no-such-template"))
    assert "unknown template" in line and "apo-digital-transformation-2022" in line
    assert not (tmp_path / "x.dgfacil").exists()


def test_invalid_zone(tmp_path):
    line = one_error_line(
        run("new", str(tmp_path / "x.dgfacil"), "--template", "undesa-escap-webinar-2023", "--tz", "Mars/Olympus")
    )
    assert "unknown time zone 'Mars/Olympus'" in line
    assert not (tmp_path / "x.dgfacil").exists()


def test_missing_file(tmp_path):
    line = one_error_line(run("agenda", str(tmp_path / "absent.dgfacil")))
    assert "absent.dgfacil" in line


def test_a_file_that_is_not_a_document(tmp_path):
    bogus = tmp_path / "notes.dgfacil"
    bogus.write_text("these are my notes, not a workshop\n", encoding="utf-8")
    line = one_error_line(run("agenda", str(bogus)))
    assert "not a dgfacil workshop file" in line


def test_a_broken_template_file_names_file_field_and_reason(tmp_path):
    source = (sessions_dir() / "apo-digital-transformation-2022.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(source.replace('start = "13:00"', 'start = "25:00"', 1), encoding="utf-8")
    line = one_error_line(run("new", str(tmp_path / "x.dgfacil"), "--template", str(bad)))
    assert str(bad) in line and "days.0.items.0.start" in line and "'25:00' is not a time of day" in line


BROKEN_EXERCISE = """
[workshop]
name = "broken-board"
title = "A workshop whose board cannot be drawn"
timezone = "Asia/Seoul"

[[days]]
date = 2027-03-01

[[days.items]]
start = "09:00"
duration = 60
title = "Brainstorm"
exercises = ["board"]

[[exercises]]
key = "board"
kind = "zones"
title = "Ideas board"
definition = { columns = "two" }
"""


def test_new_refuses_a_template_whose_exercise_is_broken(tmp_path):
    template = tmp_path / "broken.toml"
    template.write_text(BROKEN_EXERCISE, encoding="utf-8")
    doc = tmp_path / "w.dgfacil"
    done = run("new", str(doc), "--template", str(template))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "created" not in done.stdout and "Traceback" not in done.stderr
    said = done.stderr
    assert said.startswith("dgfacil: invalid template: ") and str(template) in said
    assert "exercises.0.definition.columns" in said and "whole number" in said
    assert "exercises.0.definition.zones" in said  # every problem is named, not only the first
    assert not doc.exists()
