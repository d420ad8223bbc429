"""One PDF for all certificates is drawn in batches and streamed together (printing/merge.py):
the joined file must have every page and every name, its fonts and shared parts only once, and
QR codes that still decode on pages from later batches."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from dgfacil.core import signing
from dgfacil.core.template import build_workshop, load_template
from dgfacil.paths import sessions_dir
from dgfacil.printing import certificate

from .conftest import NAMES, to_png

WORKSHOP_CODE = "UNPOG-CDW-2023-05"


@pytest.fixture(scope="module")
def workshop():
    return build_workshop(load_template(sessions_dir() / "undesa-escap-webinar-2023.toml"))


def _signature_png() -> bytes:
    image = Image.new("RGBA", (300, 90), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 70), (80, 20), (150, 75), (290, 15)], fill=(20, 40, 120, 255), width=5)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _recipients(signer, count: int):
    for i in range(count):
        number = f"{WORKSHOP_CODE}-{i + 1:04d}"
        name = f"{NAMES[i % len(NAMES)][0]} {i}"
        claim = signing.Claim(number, name, WORKSHOP_CODE, date(2023, 5, 30), date(2023, 5, 30))
        yield certificate.Recipient(number, name, signer.sign(claim))


def _print(tmp_path, workshop, count: int, batch: int):
    signer = signing.Signer(signing.new_private_key())
    people = list(_recipients(signer, count))
    sigs = [
        certificate.Signatory("Kim Jae-hong", "Head, UNPOG", _signature_png()),
        certificate.Signatory("Vincenzo Aquaro", "Chief, Digital Government Branch"),
    ]
    out = tmp_path / "all.pdf"
    certificate.print_certificates(
        out, workshop, iter(people), signatories=sigs, fingerprint="AB12", total=count, batch=batch
    )
    return out, people, signer


def test_batches_join_into_one_pdf_with_every_page_and_name(tmp_path, workshop):
    out, people, _ = _print(tmp_path, workshop, count=11, batch=4)  # batches of 4, 4 and 3
    reader = PdfReader(str(out))
    assert len(reader.pages) == 11
    for page, who in zip(reader.pages, people, strict=True):
        text = unicodedata.normalize("NFC", page.extract_text())
        assert f"Certificate No. {who.number}" in text  # each page in order, none lost or doubled
        assert "Certificate of Attendance" in text and "Kim Jae-hong" in text
        if not re.search(r"[\u0600-\u06ff\u0900-\u0dff]", who.name):  # shaped scripts extract oddly
            assert who.name in text
    if shutil.which("pdfinfo"):  # poppler parses it without complaint
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True)
        assert info.returncode == 0 and "Pages:           11" in info.stdout and not info.stderr


def test_fonts_and_shared_parts_are_embedded_once(tmp_path, workshop):
    small, _, _ = _print(tmp_path, workshop, count=11, batch=4)
    data = small.read_bytes()
    names = re.findall(rb"/FontName /(\w+\+[\w-]+)", data)
    assert names and len(names) == len(set(names))  # one descriptor per font subset
    assert data.count(b"/Subtype /Form") == 1  # the shared certificate form, not one per batch
    one_batch = tmp_path / "one"
    one_batch.mkdir()
    whole, _, _ = _print(one_batch, workshop, count=11, batch=100)
    # the signature image (and its alpha mask) as often as when drawn in one batch
    assert data.count(b"/Subtype /Image") == whole.read_bytes().count(b"/Subtype /Image") == 2
    # three batches cost barely more than one: nothing repeated per batch
    assert small.stat().st_size < whole.stat().st_size * 1.05


@pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbar-tools and poppler-utils"
)
def test_qr_on_a_later_batch_decodes(tmp_path, workshop, screenshots):
    out, people, signer = _print(tmp_path, workshop, count=11, batch=4)
    png = to_png(out, tmp_path / "p10.png", first=10, dpi=150)  # third batch (batches of 4)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    verdict = signing.verify(scanned, {signer.key_id: signer.public_raw})
    assert verdict.valid and verdict.claim.number == people[9].number
    to_png(out, screenshots / "certificate-batch3.png", first=10)


def test_text_that_looks_like_pdf_syntax_survives_the_join(tmp_path, workshop):
    # the join renumbers references by pattern: a title holding "12 0 R" or "stream" must come
    # through untouched, and the pages must still be found
    odd = dataclasses.replace(workshop, title="Mainstreaming 12 0 R >> stream (SDG 16) endobj")
    out, people, _ = _print(tmp_path, odd, count=5, batch=2)
    reader = PdfReader(str(out))
    assert reader.metadata.title == "Certificates \u2014 Mainstreaming 12 0 R >> stream (SDG 16) endobj"
    assert [
        f"Certificate No. {p.number}" in page.extract_text() for page, p in zip(reader.pages, people, strict=True)
    ] == [True] * 5
