"""Reading rosters as real exports come, boundaries and fuzzing; writing with injection neutralised."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dgfacil.core.roster import build_preview
from dgfacil.core.roster_columns import guess_mapping
from dgfacil.io.roster import RosterFileError, decode, neutralise, read_roster, read_roster_bytes, write_table

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"
SCRIPTS = [
    "김민준",
    "王芳",
    "佐藤健",
    "สมชาย ใจดี",
    "محمد أحمد",
    "राहुल शर्मा",
    "রাহুল দাস",
    "Иван Петров",
    "Nguyễn Thị Hương",
]


@pytest.mark.parametrize(
    "name, encoding, delimiter",
    [
        ("utf8_comma.csv", "utf-8", ","),
        ("utf8_bom_semicolon.csv", "utf-8-sig", ";"),
        ("utf16_excel_unicode.txt", "utf-16", "\t"),
    ],
)
def test_each_encoding_keeps_every_script(name, encoding, delimiter):
    table = read_roster(DATA / name)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    names = [c.participant.full_name for c in preview.candidates]
    assert names[:9] == SCRIPTS and not preview.refused_rows
    assert preview.candidates[0].participant.email == "minjun.kim@mois.go.kr"


def test_cp1252_is_read_and_flagged_for_a_preview():
    table = read_roster(DATA / "cp1252_semicolon.csv")
    assert table.encoding == "cp1252" and table.ambiguous_encoding and table.notes
    m = guess_mapping(table.headers)  # French headers: Nom, Courriel, Pays, Organisation, Poste
    assert m.columns == ["full_name", "email", "country", "organization", "position"]
    names = [c.participant.full_name for c in build_preview(table.headers, table.rows, m, []).candidates]
    assert names == ["José Müller", "François Lefèvre", "Søren Ødegård", "Ana Núñez"]


def test_utf8_read_as_cp1252_is_flagged():
    text, used, ambiguous = decode("Name\nJosÃ© MÃ¼ller\n".encode())
    assert used == "utf-8" and ambiguous


def test_xlsx_with_number_column_and_agency_header():
    table = read_roster(DATA / "nominees.xlsx")
    assert table.kind == "xlsx" and table.rows[0][1][0] == "1"  # 1, not "1.0"
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert [c.participant.full_name for c in preview.candidates][:9] == SCRIPTS
    assert preview.candidates[0].participant.organization == "Ministry of the Interior and Safety"


def test_title_line_and_first_last_columns():
    table = read_roster(DATA / "first_last_tab.tsv")
    assert table.delimiter == "\t" and "skipped 1 line" in table.notes[0]
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert preview.candidates[1].participant.full_name == "François Lefèvre"
    assert preview.candidates[1].row == 4  # title line 1, header 2, rows from 3


def test_one_column_file_where_sniffer_fails():
    with pytest.raises(csv.Error):
        csv.Sniffer().sniff((DATA / "one_column.csv").read_text(), delimiters=",;\t")
    table = read_roster(DATA / "one_column.csv")
    assert table.headers == ["Name"] and [r[1][0] for r in table.rows] == ["김민준", "Ivan Petrov", "Ana Núñez"]


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "empty"),
        (codecs.BOM_UTF16_LE, "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, ".xls"),
        (b"PK\x03\x04not really a zip", "Excel workbook"),
    ],
)
def test_unreadable_files_give_one_clear_sentence(data, words):
    with pytest.raises(RosterFileError, match=words):
        read_roster_bytes(data, name="x.csv")


def test_missing_file_is_a_clear_message(tmp_path):
    with pytest.raises(RosterFileError, match="cannot read"):
        read_roster(tmp_path / "nope.csv")


def test_field_longer_than_csv_limit_is_an_overlong_row_not_a_crash():
    limit = 131_072
    data = ("Name,Organization\nAna,OK\nBig," + "x" * (limit + 1) + "\nLast,OK\n").encode()
    table = read_roster_bytes(data)
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert [c.participant.full_name for c in preview.candidates] == ["Ana", "Last"]
    errors = [p for p in preview.problems if p.error]
    assert [(p.kind, p.row) for p in errors] == [("too long", 3)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_bytes_read_or_refuse(data):
    """Any bytes: a table or a RosterFileError, never another exception."""
    try:
        table = read_roster_bytes(data)
    except RosterFileError as err:
        assert str(err)
        return
    build_preview(table.headers, table.rows, guess_mapping(table.headers), [])


cell = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=15),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_fuzz_written_csv_reads_back(rows, delimiter, encoding):
    """A table written with any separator and encoding reads back cell for cell."""
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([["Full name", "E-mail", "Country"], *rows])
    table = read_roster_bytes(out.getvalue().encode(encoding), delimiter=delimiter)
    assert table.headers == ["Full name", "E-mail", "Country"]
    assert [r for _, r in table.rows] == [r for r in rows if any(c.strip() for c in r)]


DANGEROUS = ['=HYPERLINK("http://x","y")', "+1 202 555", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx"]


def test_neutralise_each_dangerous_start():
    for value in DANGEROUS:
        assert neutralise(value) == "'" + value
    assert neutralise("Ana") == "Ana" and neutralise(5) == 5 and neutralise("a=b") == "a=b"


def test_csv_and_xlsx_exports_are_neutralised_and_keep_scripts(tmp_path):
    rows = [[v, "김민준"] for v in DANGEROUS]
    write_table(tmp_path / "out.csv", ["Name", "Other"], rows)
    text = (tmp_path / "out.csv").read_bytes()
    assert text.startswith(codecs.BOM_UTF8)
    back = list(csv.reader(text.decode("utf-8-sig").splitlines(keepends=True)))
    assert all(r[0].startswith("'") for r in back[1:]) and back[1][1] == "김민준"
    write_table(tmp_path / "out.xlsx", ["Name", "Other"], rows)
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    values = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(str(v[0]).startswith("'") for v in values) and values[0][1] == "김민준"
    assert all(c.data_type == "s" for c in sheet["A"])  # no formula cell at all


def test_exported_roster_reimports_unchanged(tmp_path):
    rows = [["=cmd|' /C calc'!A0", "a@b.org", "Korea"], ["김민준", "k@mois.go.kr", "Korea"]]
    write_table(tmp_path / "r.xlsx", ["Full name", "E-mail", "Country"], rows)
    table = read_roster(tmp_path / "r.xlsx")
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert [c.participant.full_name for c in preview.candidates] == ["=cmd|' /C calc'!A0", "김민준"]


def test_unknown_export_suffix_refused(tmp_path):
    with pytest.raises(RosterFileError):
        write_table(tmp_path / "x.pdf", ["a"], [])
