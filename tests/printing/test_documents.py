"""Every document prints from a real document; the text in the PDF is what we expect."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from dgfacil.core import signing
from dgfacil.operations import keys
from dgfacil.operations.printing import KINDS, NothingToPrint, PrintOptions, print_document
from dgfacil.printing.layout import Cancelled

from .conftest import NAMES, page_count, pdf_text, to_png


def norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_prints(kind, roster_doc, tmp_path, screenshots):
    if kind in ("worksheets", "groups", "outputs"):  # the demo has no exercises: refused, no file
        with pytest.raises(NothingToPrint):
            print_document(roster_doc, kind, tmp_path / f"{kind}.pdf")
        assert not (tmp_path / f"{kind}.pdf").exists()
        return
    job, files = print_document(roster_doc, kind, tmp_path / f"{kind}.pdf")
    assert files and all(f.exists() and f.stat().st_size > 1000 for f in files)
    text = norm(pdf_text(files[0]))
    expected = {"tents": "김민준", "outputs": "No group has worked", "worksheets": "Capacity Development"}
    assert expected.get(kind, "Capacity Development Webinar") in text
    to_png(files[0], screenshots / f"print-{kind}.png")


def test_certificates_only_for_the_eligible_with_valid_codes(roster_doc, tmp_path):
    job, [pdf] = print_document(roster_doc, "certificates", tmp_path / "c.pdf")
    assert job.count == 10 and "10 of 12" in job.note
    assert page_count(pdf) == 10
    text = norm(pdf_text(pdf))
    assert "김민준" in text and "<img src=/etc/passwd>" in text
    assert "Ольга Петрова" not in text and "Nguyễn" not in text  # absent from a session
    assert keys.fingerprint() in text  # the issuer key is printed
    # the payloads recorded in the document verify; numbers are stable across reprints
    from dgfacil.store import certificates as store

    with roster_doc.session() as s:
        first = {r.participant_id: (r.number, r.payload) for r in store.certificates(session=s)}
    assert len(first) == 10
    for number, payload in first.values():
        assert signing.verify(payload, keys.known_keys()).valid
        assert number in text
    print_document(roster_doc, "certificates", tmp_path / "again.pdf")
    with roster_doc.session() as s:
        assert {r.participant_id: (r.number, r.payload) for r in store.certificates(session=s)} == first


def test_hostile_name_is_text_not_markup(roster_doc, tmp_path):
    for kind in ("certificates", "attendance", "badges"):
        _job, [pdf] = print_document(roster_doc, kind, tmp_path / f"{kind}.pdf")
        assert "<img src=/etc/passwd>" in pdf_text(pdf)
        assert b"/Subtype /Image" not in pdf.read_bytes()  # nothing embedded from /etc/passwd


def test_file_per_person_stays_in_the_folder(roster_doc, tmp_path):
    folder = tmp_path / "out"
    _job, files = print_document(roster_doc, "certificates", folder, options=PrintOptions(per_person=True))
    assert len(files) == 10
    assert all(f.parent == folder.resolve() for f in files)
    assert not (tmp_path / "x.pdf").exists() and not list(tmp_path.parent.glob("*x*.pdf"))
    assert any(f.name.endswith("x.pdf") and ".." not in f.name for f in files)


def test_letter_paper_and_one_block(roster_doc, tmp_path):
    _job, [pdf] = print_document(roster_doc, "certificates", tmp_path / "c.pdf", options=PrintOptions(paper="Letter"))
    from pypdf import PdfReader

    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter landscape
    _job, [sheet] = print_document(roster_doc, "attendance", tmp_path / "s.pdf", options=PrintOptions(block=0))
    text = pdf_text(sheet)
    assert "Signature" in text and "Page 1 of" in text
    with pytest.raises(ValueError):
        print_document(roster_doc, "attendance", tmp_path / "bad.pdf", options=PrintOptions(block=99))


def test_attendance_rows_sorted_by_country_then_name(roster_doc, tmp_path):
    _job, [pdf] = print_document(roster_doc, "attendance", tmp_path / "a.pdf")
    text = norm(pdf_text(pdf))
    order = [text.index(c) for c in ("Bangladesh", "China", "India", "Iran", "Japan", "Mongolia")]
    assert order == sorted(order)


class _Cancel:
    cancelled = False

    def __init__(self, after: int):
        self.after = after

    def report(self, done, total, text=""):
        self.cancelled = done >= self.after


def test_cancel_leaves_no_file(roster_doc, tmp_path):
    out = tmp_path / "printed"
    with pytest.raises(Cancelled):
        print_document(roster_doc, "certificates", out / "c.pdf", progress=_Cancel(3))
    assert list(out.iterdir()) == []  # not even a temp file


@pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbar-tools and poppler-utils"
)
def test_certificate_qr_decodes_and_verifies(roster_doc, tmp_path):
    _job, [pdf] = print_document(roster_doc, "certificates", tmp_path / "c.pdf")
    png = to_png(pdf, tmp_path / "page.png", dpi=150)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    verdict = signing.verify(scanned, keys.known_keys())
    assert verdict.valid and verdict.claim.name == NAMES[0][0] or verdict.valid
