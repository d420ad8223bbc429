"""Roster files in and out: CSV in the encodings real exports use, and XLSX.

`read_roster` turns a file into a header and rows of strings, saying which encoding and
separator it chose and why, so a preview can show it and the user can choose otherwise.
`write_table` writes CSV or XLSX with spreadsheet formula injection neutralised.
Every failure a user can cause is a RosterFileError with one readable sentence.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from dgfacil.core.atomic import atomic_write
from dgfacil.core.roster_columns import find_header_row, match_header
from dgfacil.core.text import formula_start, looks_like_formula

ENCODINGS = {  # codec -> what the user sees
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16 (Excel Unicode text)",
    "cp1252": "Windows-1252 (Western European)",
    "latin-1": "Latin-1",
}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls and other Office binaries
MAX_BYTES = 50 * 1024 * 1024  # a roster of 100,000 people is ~15 MB; beyond this it is not a roster


class RosterFileError(Exception):
    """A file we cannot read as a roster; the message says why in one sentence."""


@dataclass
class RosterTable:
    """A roster as read: header, rows numbered as in the spreadsheet, and how it was read."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the user sees it, cells)
    kind: str = "csv"  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)
    ambiguous_encoding: bool = False  # cp1252 and UTF-8 both read it; show a preview

    def describe(self) -> str:
        if self.kind == "xlsx":
            return "Excel workbook"
        separator = DELIMITERS.get(self.delimiter, repr(self.delimiter))
        return f"{ENCODINGS.get(self.encoding, self.encoding)}, {separator}-separated"


def read_roster(path: Path | str, *, encoding: str | None = None, delimiter: str | None = None) -> RosterTable:
    """Read a CSV/TSV/TXT or XLSX roster; `encoding`/`delimiter` override the guesses."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RosterFileError(f"{path.name} is {size / 2**20:.0f} MB; a roster is far smaller")
        data = path.read_bytes()
    except OSError as err:
        raise RosterFileError(f"cannot read {path.name}: {err.strerror or err}") from None
    return read_roster_bytes(data, name=path.name, encoding=encoding, delimiter=delimiter)


def read_roster_bytes(
    data: bytes, *, name: str = "the file", encoding: str | None = None, delimiter: str | None = None
) -> RosterTable:
    """As read_roster, from bytes (the fuzz tests and the preview's re-reads use this)."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise RosterFileError(f"{name} is empty")
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data, name)
    if data.startswith(OLE_MAGIC):
        raise RosterFileError(f"{name} is an old Excel (.xls) file; save it as .xlsx or CSV and import that")
    text, used, ambiguous = decode(data, name, encoding)
    table = _read_csv(text, name, delimiter)
    table.encoding, table.ambiguous_encoding = used, ambiguous
    if used == "utf-8" and "\ufffd" in text and not encoding:
        bad = bad_utf8(data)
        table.notes.insert(
            0,
            f"read as UTF-8, but {len(bad)}{'+' if len(bad) == 5 else ''} byte"
            f"{'s are' if len(bad) > 1 else ' is'} not UTF-8 (shown as \ufffd): " + "; ".join(bad),
        )
    elif ambiguous:
        table.notes.insert(0, f"read as {ENCODINGS.get(used, used)}; check the names in the preview")
    _warn_formulas(table)
    return table


def _warn_formulas(table: RosterTable) -> None:
    """A note naming the rows whose cells a spreadsheet would run as formulas ('=HYPERLINK(...)')."""
    rows = [n for n, cells in table.rows if any(looks_like_formula(c) for c in cells)]
    if rows:
        listed = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
        table.notes.append(
            f"row{'s' if len(rows) > 1 else ''} {listed}: cells start like a spreadsheet formula "
            "(=, +, -, @); kept as plain text, and neutralised when exported"
        )


def decode(data: bytes, name: str = "the file", encoding: str | None = None) -> tuple[str, str, bool]:
    """Bytes -> (text, codec used, ambiguous?).

    A BOM decides. Without one: NULs in every other byte mean UTF-16; text that is valid UTF-8
    is UTF-8 (cp1252 text almost never is); otherwise Windows-1252. 'Ambiguous' flags text that
    is valid UTF-8 yet looks like UTF-8 read twice ('Ã©'), or cp1252 that might be another code page.
    """
    if encoding:
        try:
            return _strip_bom(data.decode(encoding)), encoding, False
        except (UnicodeDecodeError, LookupError) as err:
            raise RosterFileError(f"{name} cannot be read as {ENCODINGS.get(encoding, encoding)}: {err}") from None
    if data.startswith(codecs.BOM_UTF8):
        return _decode_or_fail(data, "utf-8-sig", name), "utf-8-sig", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strip_bom(_decode_or_fail(data, "utf-16", name)), "utf-16", False
    sample = data[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
        return _decode_or_fail(data, "utf-16-le", name), "utf-16-le", False
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
        return _decode_or_fail(data, "utf-16-be", name), "utf-16-be", False
    if b"\x00" in sample:
        raise RosterFileError(f"{name} is not a text roster or a spreadsheet (it holds binary data)")
    try:
        text = data.decode("utf-8")
        looks_doubled = any(s in text for s in ("Ã", "â€", "Â "))
        return _check_text(text, name), "utf-8", looks_doubled
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # a UTF-8 file with a stray byte: keep its names, flag the byte's row
        return _check_text(data.decode("utf-8", errors="replace"), name), "utf-8", True
    # Not UTF-8: Windows-1252 is what Excel writes as "CSV" on a Western Windows. It is always
    # a guess (cp1250, cp1251... read the same bytes differently), so the preview must show it.
    return _check_text(data.decode("cp1252", errors="replace"), name), "cp1252", True


def _mostly_utf8(data: bytes) -> bool:
    """At least as many characters read as UTF-8 multi-byte sequences as bytes that are not UTF-8.

    Windows-1252 text almost never holds a valid multi-byte sequence ('é' is one byte, E9,
    followed by ASCII), so one 'é' decoded as UTF-8 outweighs a stray byte pasted in; a tie (a
    UTF-8 row beside a Windows-1252 row, as when two exports are pasted together) stays UTF-8 too,
    so the odd row is named and refused instead of every UTF-8 name being garbled.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good >= bad


def bad_utf8(data: bytes, limit: int = 5) -> list[str]:
    """'line 7: byte 0xE9 after "Jos"' for each of the first `limit` bytes that are not UTF-8."""
    found, start = [], 0
    while len(found) < limit:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as err:
            at = start + err.start
            line_start = data.rfind(b"\n", 0, at) + 1
            before = data[max(line_start, at - 20) : at].decode("utf-8", errors="replace")
            line = data.count(b"\n", 0, at) + 1
            found.append(f"line {line}: byte 0x{data[at]:02X} after {before!r}")
            start = at + max(1, err.end - err.start)
    return found


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _decode_or_fail(data: bytes, codec: str, name: str) -> str:
    try:
        return _check_text(data.decode(codec), name)
    except UnicodeDecodeError:
        raise RosterFileError(f"{name} claims to be {ENCODINGS.get(codec, codec)} but is damaged") from None


def _check_text(text: str, name: str) -> str:
    """Refuse binary garbage that happened to decode: many control characters is not a roster."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if sample and (controls > len(sample) * 0.01 + 2 or "\x00" in sample):
        raise RosterFileError(f"{name} is not a text roster or a spreadsheet (it holds binary data)")
    return text


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon, tab or bar.

    The separator under which a row reads as a roster header ('Name', 'E-mail'...) wins: this
    survives a title line above the header, which fools csv.Sniffer. Otherwise csv.Sniffer;
    when it gives up (it does on a one-column file), the candidate found the same number of
    times on most lines; else comma.
    """
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = None
    scores = {}
    for cand in ",;\t|":
        try:
            rows = list(csv.reader(lines, delimiter=cand))
        except csv.Error:
            continue
        header = rows[find_header_row(rows)] if rows else []
        known = {match_header(c) for c in header} - {None}
        scores[cand] = len(known) if len(header) > 1 else 0
    best = max(scores.values(), default=0)
    if best >= 2:
        tied = [c for c, v in scores.items() if v == best]
        return sniffed if sniffed in tied else tied[0]
    if sniffed:
        return sniffed
    best_cand, best_score = ",", 0
    for cand in ",;\t|":
        counts = [ln.count(cand) for ln in lines]
        if counts and counts[0]:
            score = sum(1 for c in counts if c == counts[0])
            if score > best_score:
                best_cand, best_score = cand, score
    return best_cand


def _read_csv(text: str, name: str, delimiter: str | None) -> RosterTable:
    # The csv module refuses a field over its limit (131,072 characters by default). A field
    # cannot be longer than the file, so allow that: the row is then reported as over-long.
    # (The limit is process-wide; it only ever grows, which harms no other reader.)
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)
    used = delimiter or sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=used))
    except csv.Error as err:
        raise RosterFileError(f"{name} is not a readable CSV file ({err})") from None
    return _table(rows, "csv", name, used)


def _table(rows: list[list[str]], kind: str, name: str, delimiter: str = "") -> RosterTable:
    numbered = [(i + 1, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not numbered:
        raise RosterFileError(f"{name} is empty")
    at = find_header_row([r for _, r in numbered])
    headers = [h.strip() for h in numbered[at][1]]
    notes = [f"skipped {at} line{'s' if at > 1 else ''} above the header"] if at else []
    body = numbered[at + 1 :]
    width = max([len(headers)] + [len(r) for _, r in body])
    headers += [f"Column {i + 1}" for i in range(len(headers), width)]
    return RosterTable(headers, [(n, r + [""] * (width - len(r))) for n, r in body], kind, "", delimiter, notes)


def _read_xlsx(data: bytes, name: str) -> RosterTable:
    import openpyxl

    # A damaged workbook makes openpyxl (and zipfile, zlib, the XML parser under it) raise
    # almost anything: BadZipFile, zlib.error, ParseError, KeyError, TypeError,
    # NotImplementedError... Whatever it is, the file is unreadable; say so in one sentence.
    def unreadable(_err: BaseException) -> RosterFileError:
        return RosterFileError(
            f"cannot read this spreadsheet: {name} is not a readable Excel workbook; "
            "open it in Excel or LibreOffice and save it again as .xlsx or .csv"
        )

    def first_sheet(data_only: bool) -> list[list[object]]:
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
        except Exception as err:
            raise unreadable(err) from None
        try:
            sheet = book.worksheets[0] if book.worksheets else None
            if sheet is None:
                raise RosterFileError(f"cannot read this spreadsheet: {name} has no sheet")
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        except RosterFileError:
            raise
        except Exception as err:
            raise unreadable(err) from None
        finally:
            try:
                book.close()
            except Exception:  # noqa: S110 - closing a damaged archive may fail too; nothing to keep
                pass

    values = first_sheet(data_only=True)
    if any(v is None for row in values for v in row):
        # a formula cell saved without its result (made by a script, not by Excel) reads as empty:
        # take the formula's own text then, so it is seen (and warned about), never lost silently
        formulas = first_sheet(data_only=False)
        values = [
            [f if v is None and isinstance(f, str) and f.startswith("=") else v for v, f in zip(row, frow, strict=True)]
            for row, frow in zip(values, formulas, strict=True)
        ]
    rows = [[_cell_text(v) for v in row] for row in values]
    table = _table(rows, "xlsx", name)
    _warn_formulas(table)
    return table


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone or id typed as a number: 12.0 -> "12"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# --- writing ----------------------------------------------------------------------------


def neutralise(value: object) -> object:
    """A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP).

    '=HYPERLINK(...)', '+1 202...', '-2+3', '@SUM(...)', cells starting with tab/CR/LF, and the
    same after leading spaces or in full-width forms (' =1', '＝1+1') are all shown as text.
    Numbers are left alone; only text can carry a formula.
    """
    if isinstance(value, str) and formula_start(value):
        return "'" + value
    return value


def write_table(path: Path | str, headers: list[str], rows: list[list[object]], *, sheet: str = "Roster") -> Path:
    """Write CSV (UTF-8 with BOM, so Excel shows every script) or XLSX, by the file's suffix."""
    path = Path(path)
    cleaned = [[neutralise(v) for v in row] for row in rows]
    head = [neutralise(h) for h in headers]
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, head, cleaned, sheet)
    elif suffix in (".csv", ".txt", ".tsv"):
        delimiter = "\t" if suffix in (".tsv", ".txt") else ","
        with atomic_write(path, "w", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(head)
            writer.writerows(cleaned)
    else:
        raise RosterFileError(f"cannot write {path.name}: use a .csv or .xlsx file name")
    return path


def _write_xlsx(path: Path, headers: list, rows: list[list], sheet_title: str) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    bold = Font(bold=True)

    def cells(values: list, font=None) -> list:
        out = []
        for v in values:
            if isinstance(v, str):
                v = ILLEGAL_CHARACTERS_RE.sub("", v)  # XML cannot hold most control characters
            cell = WriteOnlyCell(sheet, value=v)
            if isinstance(v, str):
                cell.data_type = "s"  # never let openpyxl take "=..." for a formula
            if font:
                cell.font = font
            out.append(cell)
        return out

    sheet.append(cells(headers, bold))
    for row in rows:
        sheet.append(cells(row))
    with atomic_write(path, "wb") as handle:
        book.save(handle)
