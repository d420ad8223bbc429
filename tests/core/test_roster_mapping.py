"""Which column is the position: an honorific 'Title' is not, 'Designation' is, and a user's own
choice wins without a note that contradicts it."""

from __future__ import annotations

from dgfacil.cli.roster import _apply_overrides
from dgfacil.core.roster import build_preview
from dgfacil.core.roster_columns import guess_mapping, is_honorific

HEAD = ["Name", "Title", "Email", "Country", "Designation"]
ROWS = [
    ["Ana Núñez", "Ms.", "ana@gob.pe", "Peru", "Director of e-Government"],
    ["Ivan Petrov", "Mr", "ivan@gov.kz", "Kazakhstan", "Chief Digital Officer"],
    ["Lê Thị Hoa", "Dr.", "hoa@mic.gov.vn", "Viet Nam", "Deputy Director"],
    ["Tevita Fonua", "", "tevita@gov.to", "Tonga", "Analyst"],
]


def test_honorifics_are_recognised():
    for value in ("Mr.", "ms", "Dr", "H.E.", "Prof. Dr.", "Mrs"):
        assert is_honorific(value), value
    for value in ("Director", "Head of Unit", "", "Minister"):
        assert not is_honorific(value), value


def test_an_honorific_title_column_is_not_the_position():
    m = guess_mapping(HEAD, ROWS)
    assert m.columns == ["full_name", None, "email", "country", "position"] and m.confident
    assert any("'Title' holds honorifics" in n for n in m.notes)
    assert not any("Designation" in n for n in m.notes)
    preview = build_preview(HEAD, list(enumerate(ROWS, 2)), m, [])
    assert [c.participant.position for c in preview.candidates][:2] == [
        "Director of e-Government",
        "Chief Digital Officer",
    ]


def test_designation_wins_over_title_even_from_headers_alone():
    m = guess_mapping(HEAD)
    assert m.columns[1] is None and m.columns[4] == "position" and m.confident
    assert m.notes == ["column 'Title' also looks like Position; 'Designation' is used"]
    m = guess_mapping(["Name", "Job title", "Title"])
    assert m.columns == ["full_name", "position", None]


def test_a_title_of_job_titles_is_still_the_position():
    rows = [["Ana", "Director"], ["Ivan", "Chief Digital Officer"], ["Hoa", "Dr."]]
    assert guess_mapping(["Name", "Title"], rows).columns == ["full_name", "position"]
    assert guess_mapping(["Name", "Salutation"], rows).columns == ["full_name", None]


def test_the_users_mapping_wins_without_contradicting_notes():
    m = _apply_overrides(guess_mapping(HEAD), HEAD, ["Designation=position"])  # the CLI's --map
    assert m.columns[4] == "position"
    assert not any("'Designation'" in n and "ignored" in n for n in m.notes)
    # choosing the other column: the choice holds, and the note says which column is used
    m = _apply_overrides(guess_mapping(HEAD), HEAD, ["Title=position"])
    assert m.columns[1] == "position" and m.columns[4] is None
    assert m.notes == ["column 'Designation' also looks like Position; 'Title' is used"]
    # the dialog's way: assign() takes the field from the other column and never notes the chosen one
    m = guess_mapping(["Name", "Position", "Job title"]).assign(2, "position")
    assert m.columns == ["full_name", None, "position"]
    assert m.notes == ["column 'Position' also looks like Position; 'Job title' is used"]
    m = m.assign(1, None)
    assert m.notes == []
