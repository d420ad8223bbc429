"""Blank worksheets and group outputs for every exercise in the library (sessions/exercises)."""

from __future__ import annotations

import tomllib

import pytest

from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import Exercise
from dgfacil.core.template import build_workshop, load_template
from dgfacil.paths import sessions_dir
from dgfacil.printing.group_output import GroupOutput, print_group_outputs
from dgfacil.printing.worksheet import print_worksheets

from .conftest import page_count, pdf_text, to_png

LIBRARY = sorted((sessions_dir() / "exercises").glob("*.toml"))


def _exercise(path) -> Exercise:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Exercise(kind=data["kind"], title=data["title"], definition=data["definition"])


@pytest.fixture(scope="module")
def workshop():
    return build_workshop(load_template(sessions_dir() / "apo-digital-transformation-2022.toml"))


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_blank_worksheet_shows_the_definition(path, workshop, tmp_path, screenshots):
    ex = _exercise(path)
    pdf = print_worksheets(tmp_path / "w.pdf", workshop, [ex])
    text = pdf_text(pdf)
    assert ex.title in text.replace("\n", " ")
    d = ex.definition
    columns = d["columns"] if isinstance(d.get("columns"), list) else []  # zones: a grid width
    for part in d.get("zones", []) + d.get("quadrants", []) + columns + d.get("dimensions", []):
        assert part["title"].split()[0] in text
    to_png(pdf, screenshots / f"print-worksheet-{path.stem}.png")


def test_group_output_of_each_kind(workshop, tmp_path):
    by_kind = {_exercise(p).kind: _exercise(p) for p in LIBRARY}
    zones, table, rubric = by_kind["zones"], by_kind["table"], by_kind["rubric"]
    first_zone = zones.definition["zones"][0]["key"]
    col = table.definition["columns"][0]["key"]
    dim = rubric.definition["dimensions"][0]["key"]
    outputs = [
        GroupOutput(
            zones, "Group <1>", ["김민준"], [BoardItem("<img src=/etc/passwd> idea", area=first_zone, votes=2)]
        ),
        GroupOutput(table, "Group 2", [], [BoardItem("", area="Goal A", data={"cells": {col: "Draft a law"}})]),
        GroupOutput(rubric, "Group 3", [], answers={dim: {"current": 0, "target": 2}}),
    ]
    pdf = print_group_outputs(tmp_path / "o.pdf", workshop, outputs)
    text = pdf_text(pdf)
    assert page_count(pdf) >= 3
    for expected in ("Group <1>", "<img src=/etc/passwd> idea", "2 dots", "Draft a law", "Goal A", "+2"):
        assert expected in text
