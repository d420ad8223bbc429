"""Reading the CSV export of an online survey (Google Forms, Microsoft Forms, Kobo...) into answers.

Real exports differ: UTF-8 with or without BOM, UTF-16 (Excel "Unicode text"), cp1252 from an
old Excel; comma, semicolon or tab; grid questions as "Stem [Row]" (Google) or one column per row.
So columns are matched to questions by text similarity, answers to levels by text (exactly, then
closely), and everything that did not match is reported rather than guessed silently.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher

from dgfacil.core.evaluation import EvaluationForm, Question, Response

COLUMN_THRESHOLD = 0.72  # below this a header is not taken to be a question
ANSWER_THRESHOLD = 0.84  # "Somewhat satisfied" is close enough to "Somehow Satisfied"; "Satisfied" is not
TIMESTAMP_HEADERS = ("timestamp", "completion time", "submitted", "submission time", "end time", "start time",
                     "date submitted", "_submission_time")
ID_HEADERS = ("id", "response id", "respondent id", "_id", "_uuid")
MAX_FIELD = 16 * 1024 * 1024  # csv's own limit is 131,072 characters a field; a long comment is not an error


class CsvImportError(ValueError):
    """A file that is not a usable survey export; the message says why in one line."""


@dataclass
class ColumnMatch:
    column: int
    header: str
    question: str  # question key
    score: float


@dataclass
class MatchReport:
    encoding: str
    delimiter: str
    rows: int = 0
    empty_rows: int = 0
    columns: list[ColumnMatch] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # headers that matched no question
    missing_questions: list[str] = field(default_factory=list)  # question keys with no column
    close_answers: dict[str, Counter] = field(default_factory=dict)  # key -> (value -> level) counts
    unmatched_answers: dict[str, Counter] = field(default_factory=dict)  # key -> value counts
    encoding_guessed: bool = False  # cp1252 chosen because the bytes were not UTF-8

    @property
    def clean(self) -> bool:
        return not (self.missing_questions or self.unmatched_answers)

    def lines(self, form: EvaluationForm | None = None) -> list[str]:
        """The report in words, one finding a line, for the CLI and the import dialog."""
        name = {q.key: q.text for q in form.questions} if form else {}
        tab = {",": "comma", ";": "semicolon", "\t": "tab"}.get(self.delimiter, repr(self.delimiter))
        enc = f"{self.encoding} (guessed: the file is not UTF-8; check accented letters)" if self.encoding_guessed else self.encoding
        out = [f"{self.rows} responses read ({enc}, {tab}-separated)"]
        if self.empty_rows:
            out.append(f"{self.empty_rows} empty rows skipped")
        out.append(f"{len(self.columns)} columns matched to questions")
        for m in self.columns:
            if m.score < 0.999:
                out.append(f"  column {m.column + 1} {m.header!r} -> {m.question} (similarity {m.score:.2f})")
        for key in self.missing_questions:
            out.append(f"no column for question {key}: {name.get(key, key)!r}")
        for header in self.ignored_columns:
            out.append(f"column not used: {header!r}")
        for key, counts in self.close_answers.items():
            for (value, level), n in counts.items():
                out.append(f"{key}: {value!r} read as {level!r} ({n}x)")
        for key, counts in self.unmatched_answers.items():
            for value, n in counts.most_common():
                out.append(f"{key}: answer {value!r} matches no level ({n}x); left unanswered")
        return out


@dataclass
class CsvImport:
    responses: list[Response]
    report: MatchReport


def normalize(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: for comparing, never for storing."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"^\s*(q?\d+[.)]|[ivx]+[.)])\s+", "", text)  # "6. Please rate" / "Q6)" numbering
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding, guessed). BOMs decide; else UTF-8 if valid, else cp1252 (flagged as a guess)."""
    if encoding:
        return data.decode(encoding), encoding, False
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig", False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252", True


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:  # one column, or no delimiter in sight: Sniffer gives up
        return max((",", ";", "\t"), key=first.count) if any(d in first for d in ",;\t") else ","


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    ta, tb = set(a.split()), set(b.split())
    jaccard = len(ta & tb) / len(ta | tb)
    # a header that contains the whole question text (or the reverse) is a strong sign
    contained = 0.9 if (len(b) >= 12 and b in a) or (len(a) >= 12 and a in b) else 0.0
    return max(ratio, jaccard, contained)


def _column_score(header: str, q: Question) -> float:
    h = normalize(header)
    if h == normalize(q.key):
        return 1.0
    inner = re.search(r"\[([^\]]*)\]\s*$", header)  # Google Forms grid: "Stem [Row]"
    candidates = [_similarity(h, normalize(q.text))]
    if inner:
        row = normalize(inner.group(1))
        stem = normalize(header[: inner.start()])
        row_score = _similarity(row, normalize(q.text))
        stem_score = _similarity(stem, normalize(q.group)) if q.group else 0.5
        candidates.append(row_score * (0.85 + 0.15 * stem_score))
    if q.group:
        candidates.append(_similarity(h, normalize(f"{q.group} {q.text}")))
    return max(candidates)


def match_columns(headers: list[str], form: EvaluationForm) -> list[ColumnMatch]:
    """One column per question at most, best pairs first; pairs under the threshold are left out."""
    pairs = sorted(
        ((_column_score(h, q), c, q.key) for c, h in enumerate(headers) for q in form.questions),
        key=lambda p: (-p[0], p[1]),
    )
    used_cols: set[int] = set()
    used_keys: set[str] = set()
    matches = []
    for score, c, key in pairs:
        if score < COLUMN_THRESHOLD or c in used_cols or key in used_keys:
            continue
        used_cols.add(c)
        used_keys.add(key)
        matches.append(ColumnMatch(c, headers[c], key, round(score, 3)))
    return sorted(matches, key=lambda m: m.column)


def match_answer(value: str, choices: tuple[str, ...]) -> tuple[int | None, bool]:
    """(index of the level or option, exact?). A number 1..n is not trusted: scales run both ways."""
    v = normalize(value)
    for i, choice in enumerate(choices):
        if v == normalize(choice):
            return i, True
    scored = sorted(((SequenceMatcher(None, v, normalize(c)).ratio(), i) for i, c in enumerate(choices)), reverse=True)
    if scored and scored[0][0] >= ANSWER_THRESHOLD and (len(scored) == 1 or scored[0][0] - scored[1][0] > 0.05):
        return scored[0][1], False
    return None, False


def _instant(text: str) -> datetime | None:
    text = text.strip()
    for fmt in (None, "%Y/%m/%d %I:%M:%S %p GMT%z", "%Y/%m/%d %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S",
                "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            moment = datetime.fromisoformat(text) if fmt is None else datetime.strptime(text, fmt)
        except ValueError:
            continue
        # a naive export time is taken as UTC: the form service's zone is not in the file
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return None


def _rows(text: str, delimiter: str) -> list[list[str]]:
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise CsvImportError(f"not a readable CSV file: {err}") from None
    finally:
        csv.field_size_limit(old)


def read_evaluation_csv(data: bytes, form: EvaluationForm, *, encoding: str | None = None) -> CsvImport:
    """Responses and a match report from the bytes of a survey export."""
    if not form.questions:
        raise CsvImportError("the workshop has no evaluation form to match the columns to")
    text, used, guessed = decode(data, encoding)
    text = text.replace("\x00", "")
    delimiter = _delimiter(text)
    rows = _rows(text, delimiter)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise CsvImportError("the file is empty or has no header row")
    headers = [h.strip() for h in rows[0]]
    matches = match_columns(headers, form)
    if not matches:
        raise CsvImportError("no column matches a question of the form; is this the right survey?")
    report = MatchReport(encoding=used, delimiter=delimiter, columns=matches, encoding_guessed=guessed)
    matched_cols = {m.column for m in matches}
    normal = [normalize(h) for h in headers]
    ts_col = next((c for c, h in enumerate(normal) if h in TIMESTAMP_HEADERS and c not in matched_cols), None)
    id_col = next((c for c, h in enumerate(normal) if h in ID_HEADERS and c not in matched_cols), None)
    report.ignored_columns = [h for c, h in enumerate(headers) if c not in matched_cols and c not in (ts_col, id_col)]
    report.missing_questions = [q.key for q in form.questions if q.key not in {m.question for m in matches}]
    responses = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            report.empty_rows += 1
            continue
        answers = {}
        for m in matches:
            value = row[m.column].strip() if m.column < len(row) else ""
            if not value:
                continue
            q = form.question(m.question)
            if q.kind == "text":
                answers[q.key] = value
                continue
            index, exact = match_answer(value, q.choices)
            if index is None:
                report.unmatched_answers.setdefault(q.key, Counter())[value] += 1
                continue
            if not exact:
                report.close_answers.setdefault(q.key, Counter())[(value, q.choices[index])] += 1
            answers[q.key] = index if q.kind == "likert" else q.options[index]
        cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""  # noqa: E731
        # without an id column the row itself is the id, so importing the same file twice adds nothing
        ext = cell(id_col) or hashlib.sha1("\x1f".join([str(number), *row]).encode()).hexdigest()[:16]
        responses.append(Response(answers=answers, source="csv", submitted_at=_instant(cell(ts_col)), external_id=ext))
    report.rows = len(responses)
    return CsvImport(responses=responses, report=report)
