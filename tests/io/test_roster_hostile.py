"""Damaged workbooks, a stray byte in a UTF-8 roster, formula-like cells: clear words, never a crash."""

from __future__ import annotations

import csv
import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dgfacil.core.roster import build_preview
from dgfacil.core.roster_columns import guess_mapping
from dgfacil.io.roster import RosterFileError, neutralise, read_roster, read_roster_bytes, write_table

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"
WORKBOOK = (DATA / "nominees.xlsx").read_bytes()


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as book:
        return {n: book.read(n) for n in book.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return out.getvalue()


def _core_xml_of_a_bracket() -> bytes:
    return _zip({**_parts(), "docProps/core.xml": b"<"})  # XML ParseError


def _unknown_attribute() -> bytes:  # openpyxl passes attributes as keywords: TypeError
    parts = _parts()
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"showHorizontalScroll", b"showHorizontalSaroll")
    return _zip(parts)


def _corrupt_deflate() -> bytes:
    """The sheet's compressed bytes scrambled in place: zlib.error before any checksum."""
    data = bytearray(_zip(_parts()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 2, start + info.compress_size - 2, 3):
        data[i] ^= 0xA5
    return bytes(data)


@pytest.mark.parametrize("make", [_core_xml_of_a_bracket, _unknown_attribute, _corrupt_deflate])
def test_a_damaged_workbook_is_one_sentence(make):
    with pytest.raises(RosterFileError, match="^cannot read this spreadsheet: x.xlsx") as err:
        read_roster_bytes(make(), name="x.xlsx")
    assert "\n" not in str(err.value)


def test_cli_refuses_a_damaged_workbook_in_one_line(demo_doc, tmp_path):
    bad = tmp_path / "nominees.xlsx"
    bad.write_bytes(_core_xml_of_a_bracket())
    run = subprocess.run(
        [sys.executable, "-m", "dgfacil", "roster", "import", str(demo_doc.path), str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cannot read this spreadsheet" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def _utf8_roster_with_a_stray_byte() -> bytes:
    rows = [
        "Name,E-mail",
        "José Müller,jose@example.org",
        "François Lefèvre,f@example.org",
        "Søren Ødegård,s@example.org",
        "Ana Núñez,ana@example.org",
    ]
    data = "\n".join(rows).encode("utf-8") + b"\n"
    return data.replace("Søren".encode(), b"S\xf8ren")  # one Latin-1 byte pasted into a UTF-8 file


def test_one_bad_byte_in_utf8_names_its_line_and_keeps_every_other_name():
    table = read_roster_bytes(_utf8_roster_with_a_stray_byte(), name="x.csv")
    assert table.encoding == "utf-8" and table.ambiguous_encoding
    assert "line 4: byte 0xF8 after 'S'" in table.notes[0]
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert [c.participant.full_name for c in preview.candidates] == ["José Müller", "François Lefèvre", "Ana Núñez"]
    assert preview.refused_rows == [4]
    assert any(p.kind == "unreadable" and p.row == 4 for p in preview.problems)


def test_a_utf8_row_beside_a_cp1252_row_keeps_the_utf8_name_and_refuses_the_other():
    """Two exports pasted together: one UTF-8 row, one Windows-1252 row. Reading it all as
    Windows-1252 garbled 'François' into 'FranÃ§ois' and imported it without a word."""
    data = "Full name,Country\nFrançois Utf,France\n".encode() + "José Latin,Spain\n".encode("cp1252")
    table = read_roster_bytes(data, name="mixed.csv")
    assert table.encoding == "utf-8" and "line 3: byte 0xE9 after 'Jos'" in table.notes[0]
    preview = build_preview(table.headers, table.rows, guess_mapping(table.headers), [])
    assert [c.participant.full_name for c in preview.candidates] == ["François Utf"]
    assert preview.refused_rows == [3]


@pytest.mark.parametrize("name", ["cp1252_semicolon.csv", "utf8_comma.csv", "utf16_excel_unicode.txt"])
def test_genuine_legacy_files_still_read_as_before(name):
    table = read_roster(DATA / name)
    assert not any("not UTF-8" in n for n in table.notes)
    assert not build_preview(table.headers, table.rows, guess_mapping(table.headers), []).refused_rows


def test_latin1_file_with_no_utf8_at_all_is_still_cp1252():
    table = read_roster_bytes("Name\nJosé Müller\nSøren\n".encode("latin-1"))
    assert table.encoding == "cp1252" and [r[0] for _, r in table.rows] == ["José Müller", "Søren"]


HOSTILE = [' =HYPERLINK("http://x","y")', "＝1+1", "＋1+1", "－1+1", "＠SUM(A1)", "\t=1", "\r=1", "  @cmd", "\u3000=1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_leading_space_and_full_width_formulas_are_neutralised(value):
    assert neutralise(value) == "'" + value


def test_exports_neutralise_hidden_formulas(tmp_path):
    import openpyxl

    rows = [[v, "x"] for v in HOSTILE]
    write_table(tmp_path / "r.csv", ["Name", "Other"], rows)
    write_table(tmp_path / "r.xlsx", ["Name", "Other"], rows)
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as handle:
        written = [row[0] for row in csv.reader(handle)][1:]
    assert written == ["'" + v for v in HOSTILE]
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    cells = [sheet.cell(row=i + 2, column=1) for i in range(len(HOSTILE))]
    assert all(c.data_type == "s" and c.value.startswith("'") for c in cells)


def test_import_warns_about_formula_like_cells_by_row():
    data = 'Name,Phone\nAna,+1 202 555 0100\n =HYPERLINK("x"),1\nBo,-\nＣ,＝1+1\n'.encode()
    table = read_roster_bytes(data)
    warning = [n for n in table.notes if "formula" in n]
    assert warning and warning[0].startswith("rows 3, 5:")  # the phone number and the dash are data


def test_cli_prints_the_formula_warning(demo_doc, tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("Name,E-mail\n=cmd|' /C calc'!A0,a@example.org\nBo,b@example.org\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "dgfacil", "roster", "import", "--dry-run", str(demo_doc.path), str(roster)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "note: row 2: cells start like a spreadsheet formula" in run.stdout, run.stdout + run.stderr


PARTS = _parts()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(PARTS)),
    st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=3)), min_size=1, max_size=5),
    st.booleans(),
)
def test_fuzz_workbook_parts_read_or_refuse(name, edits, replace_whole):
    """A workbook with one part scrambled or replaced: a table or a RosterFileError, nothing else."""
    data = bytearray(PARTS[name])
    if replace_whole:
        data = bytearray(b"".join(chunk for _, chunk in edits))
    for at, chunk in edits:
        i = int(at * (len(data) - 1)) if data else 0
        data[i : i + len(chunk)] = chunk
    try:
        table = read_roster_bytes(_zip({**PARTS, name: bytes(data)}), name="x.xlsx")
    except RosterFileError as err:
        assert str(err).startswith("cannot read this spreadsheet") or "empty" in str(err)
        return
    build_preview(table.headers, table.rows, guess_mapping(table.headers), [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(WORKBOOK) - 1), st.binary(min_size=1, max_size=8))
def test_fuzz_workbook_bytes_read_or_refuse(at, chunk):
    """The workbook file itself damaged anywhere (headers, compressed data, directory)."""
    data = bytearray(WORKBOOK)
    data[at : at + len(chunk)] = chunk
    try:
        read_roster_bytes(bytes(data), name="x.xlsx")
    except RosterFileError as err:
        assert "\n" not in str(err)


def test_a_formula_cell_saved_without_its_result_is_read_as_its_text_and_warned():
    """openpyxl gives None for a formula cell with no cached result (a workbook made by a script):
    the name read as empty and the row was refused as 'no name', with no word about the formula."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Full name", "Email", "Country"])
    book.active.append(['=HYPERLINK("http://x","y")', "a@x.org", "France"])
    book.active.append(["Ana Núñez", "b@x.org", "Spain"])
    out = io.BytesIO()
    book.save(out)
    table = read_roster_bytes(out.getvalue(), name="f.xlsx")
    assert [r[0] for _, r in table.rows] == ['=HYPERLINK("http://x","y")', "Ana Núñez"]
    assert any(n.startswith("row 2: cells start like a spreadsheet formula") for n in table.notes)
