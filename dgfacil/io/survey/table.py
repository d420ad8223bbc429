"""A survey export as a table: headers and rows of text, whatever tool and format wrote it.

CSV (UTF-8 with or without BOM, UTF-16, cp1252; comma, semicolon or tab) and XLSX are read.
SurveyMonkey writes two header rows (the question, then the row, option or "Response"): they are
merged into one header per column, "Question [Row]" as Google Forms writes grids, so the second
header row is never taken for a respondent.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

MAX_FIELD = 16 * 1024 * 1024  # csv's own limit is 131,072 characters a field; a long comment is not an error
# SurveyMonkey's second header row says this under a question answered in one column
SINGLE_COLUMN = ("response", "open ended response", "open-ended response")


class SurveyImportError(ValueError):
    """A file that is not a usable survey export; the message says why in one line."""


@dataclass
class SurveyTable:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line or sheet row number, cells)
    tool: str = "plain table"
    kind: str = "csv"  # csv | xlsx
    encoding: str = ""
    delimiter: str = ","
    encoding_guessed: bool = False  # cp1252 chosen because the bytes were not UTF-8
    sheet: str = ""  # the workbook's sheet the table is
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        if self.kind == "xlsx":
            return f"{self.tool} (Excel workbook)"
        tab = {",": "comma", ";": "semicolon", "\t": "tab"}.get(self.delimiter, repr(self.delimiter))
        enc = (
            f"{self.encoding}, guessed: the file is not UTF-8; check accented letters"
            if self.encoding_guessed
            else self.encoding
        )
        return f"{self.tool} ({enc}, {tab}-separated)"


def normalize(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: for comparing, never for storing."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"^\s*(q?\d+[.)]|[ivx]+[.)])\s+", "", text)  # "6. Please rate" / "Q6)" numbering
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding, guessed). BOMs decide; else UTF-8 if valid, else cp1252 (flagged as a guess).
    Bytes that contradict their own BOM, or the encoding asked for, are refused in one line."""
    try:
        if encoding:
            return data.decode(encoding), encoding, False
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "utf-8-sig", False
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16"), "utf-16", False
    except LookupError:
        raise SurveyImportError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as err:
        said = encoding or (
            "UTF-8 (it starts with a UTF-8 mark)"
            if data.startswith(b"\xef")
            else "UTF-16 (it starts with a UTF-16 mark)"
        )
        raise SurveyImportError(
            f"the file is not valid {said}: {err.reason} at byte {err.start}; "
            "save it again as CSV UTF-8 or choose its encoding"
        ) from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252", True


def _delimiter(text: str) -> str:
    """The separator that cuts the first lines into the same number (> 1) of fields, the most fields
    winning; a comma inside a quoted header ("Overall, the Webinar") does not fool it."""
    head = "\n".join(text.splitlines()[:12])
    best, best_score = ",", (False, 0)
    for candidate in (",", ";", "\t"):
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(head, newline=""), delimiter=candidate) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        widths = widths[:-1] if len(widths) > 2 else widths  # the last line read may be cut short
        score = (len(set(widths)) == 1 and widths[0] > 1, widths[0])
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise SurveyImportError(f"not a readable CSV file: {err}") from None
    finally:
        csv.field_size_limit(old)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a level typed as a number: 5.0 -> "5"
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def _xlsx_sheets(data: bytes) -> list[tuple[str, list[list[str]]]]:
    """Every sheet of a workbook: (name, rows of text)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # zlib, XML, zip and openpyxl's own errors on a damaged workbook
        raise SurveyImportError(f"cannot read this spreadsheet ({type(err).__name__})") from None
    try:
        if not book.worksheets:
            raise SurveyImportError("the workbook has no sheet")
        return [
            (sheet.title, [[_cell_text(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets
        ]
    except SurveyImportError:
        raise
    except Exception as err:
        raise SurveyImportError(f"cannot read this spreadsheet ({type(err).__name__})") from None
    finally:
        book.close()


def _tool(normal: set[str], kind: str) -> str:
    if {"respondent id", "collector id"} <= normal:
        return "SurveyMonkey"
    if "uuid" in normal or "submission time" in normal:
        return "KoboToolbox"
    if normal & {"date submitted", "submitdate", "last page", "lastpage", "start language", "startlanguage"}:
        return "LimeSurvey"
    if {"start time", "completion time"} <= normal:
        return "Microsoft Forms"
    if "timestamp" in normal:
        return "Google Forms"
    return "plain table"


def _merge_two_headers(first: list[str], second: list[str]) -> list[str]:
    """SurveyMonkey: the question stands over its first column only; the row or option is below."""
    merged, stem = [], ""
    for c in range(max(len(first), len(second))):
        top = first[c].strip() if c < len(first) else ""
        sub = second[c].strip() if c < len(second) else ""
        stem = top or stem
        if not sub or normalize(sub) in SINGLE_COLUMN or not stem:
            merged.append(stem if top or not sub else sub)
        else:
            merged.append(f"{stem} [{sub}]")
    return merged


def read_tables(data: bytes, *, encoding: str | None = None) -> list[SurveyTable]:
    """One table for a CSV, one for each sheet of a workbook that has a header row.
    SurveyImportError when there is none."""
    if data.startswith(b"PK\x03\x04"):  # a zip: an Excel workbook (whole or not), never a CSV
        sheets = _xlsx_sheets(data)
        tables = [_table(rows, "xlsx", "", False, "", sheet=name) for name, rows in sheets if rows and any(rows[0])]
    else:
        text, used, guessed = decode(data, encoding)
        text = text.replace("\x00", "")
        delimiter = _delimiter(text)
        rows = [[cell.strip() for cell in row] for row in _csv_rows(text, delimiter)]
        tables = [_table(rows, "csv", used, guessed, delimiter)] if rows and any(rows[0]) else []
    if not tables:
        raise SurveyImportError("the file is empty or has no header row")
    return tables


def read_table(data: bytes, *, encoding: str | None = None) -> SurveyTable:
    """The export's header and rows (a workbook's first sheet with a header); SurveyImportError when
    it cannot be one."""
    return read_tables(data, encoding=encoding)[0]


def _table(rows: list[list[str]], kind: str, used: str, guessed: bool, delimiter: str, sheet: str = "") -> SurveyTable:
    headers = list(rows[0])
    tool = _tool({normalize(h) for h in headers}, kind)
    start = 1
    if tool == "SurveyMonkey" and len(rows) > 1:
        headers, start = _merge_two_headers(rows[0], rows[1]), 2
    table = SurveyTable(
        headers=headers,
        rows=[(n + 1, r) for n, r in enumerate(rows) if n >= start],
        tool=tool,
        kind=kind,
        encoding=used,
        delimiter=delimiter,
        encoding_guessed=guessed,
        sheet=sheet,
    )
    if tool == "SurveyMonkey":
        table.notes.append("two header rows (question, then row or option) read as one")
    return table
