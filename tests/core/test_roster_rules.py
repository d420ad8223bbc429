"""Roster rules: header synonyms, row checks, duplicates, re-import matching, badge codes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dgfacil.core.model import Participant
from dgfacil.core.roster import (
    BADGE_ALPHABET,
    build_preview,
    clean_value,
    join_name,
    new_badge_code,
    normalise_badge,
    valid_email,
)
from dgfacil.core.roster_columns import guess_mapping

HEAD = ["Full name", "E-mail", "Country"]


def test_synonyms_map_common_headers():
    m = guess_mapping(
        ["Name of Participant", "Email Address", "Member Country", "Ministry/Agency", "Job title", "Remarks"]
    )
    assert m.columns == ["full_name", "email", "country", "organization", "position", None]
    assert m.confident
    assert any("Remarks" in n for n in m.notes)


def test_unsure_without_a_name_column():
    m = guess_mapping(["Participant No", "Mail", "Col3"])
    assert not m.confident and "name" in m.notes[0]


def test_two_columns_for_one_field_is_unsure():
    m = guess_mapping(["Name", "E-mail", "Email address"])
    assert m.columns == ["full_name", "email", None] and not m.confident


def test_first_and_last_names_joined_in_their_own_order():
    assert join_name("Ana", "Núñez") == "Ana Núñez"
    assert join_name("민준", "김") == "김민준"  # family name first, no space
    assert join_name("", "Fonua") == "Fonua"


def test_every_problem_is_listed_by_row():
    rows = [
        (2, ["Aigerim Bekova", "a.bekova@gov.kz", "Kazakhstan"]),
        (3, ["", "x@gov.mn", "Mongolia"]),
        (4, ["Tenzin", "tenzin@", "Bhutan"]),
        (5, ["Aigerim B.", "A.BEKOVA@gov.kz", "Kazakhstan"]),
        (6, ["Long", "l@gov.np", "N" * 101]),
        (7, ["", "", ""]),
    ]
    p = build_preview(HEAD, rows, guess_mapping(HEAD), [])
    kinds = {(x.row, x.kind) for x in p.problems if x.error}
    assert kinds == {(3, "missing name"), (4, "bad e-mail"), (5, "duplicate"), (6, "too long")}
    assert p.refused_rows == [3, 4, 5, 6]
    assert [c.row for c in p.candidates] == [2]
    assert p.rows_read == 5  # the blank line is not a participant
    assert p.summary() == "5 rows read: 1 new, 0 updated, 0 unchanged, 4 refused"


def test_reimport_updates_by_email_and_empty_cells_never_erase():
    old = Participant(
        "Kim Minjun", email="MINJUN.kim@mois.go.kr", country="Korea", position="Director", id=7, badge_code="P-22222"
    )
    rows = [(2, ["김민준", "minjun.kim@mois.go.kr", ""]), (3, ["Somchai", "s@opdc.go.th", "Thailand"])]
    p = build_preview(HEAD, rows, guess_mapping(HEAD), [old])
    update, new = p.candidates
    assert update.action == "update" and update.existing_id == 7
    assert update.participant.full_name == "김민준" and update.participant.country == "Korea"
    assert update.participant.position == "Director" and update.participant.badge_code == "P-22222"
    assert new.action == "new"
    again = build_preview(HEAD, rows[:1], guess_mapping(HEAD), [update.participant])
    assert again.candidates[0].action == "unchanged"


def test_row_without_email_matches_by_name():
    old = Participant("Ivan  Petrov", id=3)
    p = build_preview(["Name"], [(2, ["ivan petrov"])], guess_mapping(["Name"]), [old])
    assert p.candidates[0].existing_id == 3


def test_clean_value_keeps_scripts_and_undoes_our_neutralising():
    assert clean_value("  Nguyễn\u00a0Thị   Hương ") == "Nguyễn Thị Hương"
    assert clean_value("Nguye\u0302\u0303n") == "Nguyễn"  # NFC
    assert clean_value("'=1+2") == "=1+2"
    assert clean_value("'O'Brien") == "'O'Brien"


def test_email_check_is_loose_but_not_blind():
    for good in ["a@b.co", "first.last+tag@sub.gov.kr", "정보@행정.한국"]:
        assert valid_email(good), good
    for bad in ["tenzin@", "@gov.bt", "a b@c.de", "a@b", "a@@b.cd", "a@b.c"]:
        assert not valid_email(bad), bad


def test_badge_codes_unique_and_typable():
    taken: set[str] = set()
    for _ in range(500):
        code = new_badge_code(taken)
        assert code not in taken and code.startswith("P-") and len(code) == 7
        assert set(code[2:]) <= set(BADGE_ALPHABET)
        taken.add(code)
    assert not set(BADGE_ALPHABET) & set("AQWZYMOIL01")  # layout-safe, unambiguous


@given(st.text(alphabet=BADGE_ALPHABET, min_size=5, max_size=5))
def test_scanned_badge_normalises(body):
    code = f"P-{body}"
    assert normalise_badge(code) == code
    assert normalise_badge(code.lower() + "\r") == code  # Caps Lock and the scanner's Enter
    assert normalise_badge("P" + body) == code


@given(st.lists(st.lists(st.text(max_size=30), min_size=3, max_size=3), max_size=20))
def test_preview_never_crashes_and_accounts_for_every_row(cells):
    rows = [(i + 2, r) for i, r in enumerate(cells)]
    p = build_preview(HEAD, rows, guess_mapping(HEAD), [])
    accounted = {c.row for c in p.candidates} | set(p.refused_rows)
    nonblank = {n for n, r in rows if any(c.strip() for c in r)}
    assert accounted == nonblank and not ({c.row for c in p.candidates} & set(p.refused_rows))
