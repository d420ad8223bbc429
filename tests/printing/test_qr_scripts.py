"""Every genuine certificate verifies as `zbarimg` reads it with default options, whatever the
script of the name: the QR declares UTF-8 (ECI 26). Without the declaration zbar guesses
ISO-8859-1 / Shift-JIS and garbles names, which the second test shows (so the first can fail).

The real certificate PDF is printed (printing/certificate.py), rasterised with pdftoppm and
scanned; the full sweep over more names is marked slow."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import segno

from dgfacil.core import signing
from dgfacil.core.model import Day, Workshop
from dgfacil.printing import certificate, qr

from .world_names import WORLD_NAMES

pytestmark = pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbar-tools and poppler-utils"
)

KEY = bytes(range(32))
KNOWN = {signing.key_id(signing.public_key(KEY)): signing.public_key(KEY)}


def _claim(i: int, name: str) -> signing.Claim:
    return signing.Claim(f"UNDESA-2026-{i:04d}", name, "UNDESA-DG-26", date(2026, 3, 2), date(2026, 3, 6))


def _scan(pngs: list[Path]) -> list[str]:
    """What zbarimg (default options) reads as QR codes from each picture, in order. Its other
    decoders (1-D barcodes) can mistake a row of a crisply rasterised code for a short
    Interleaved 2 of 5 number at 150 dpi; a verifier reads the QR, so only QR-Code reads count."""
    out = []
    for png in pngs:
        found = subprocess.run(["zbarimg", "-q", str(png)], capture_output=True, check=False).stdout
        lines = found.decode("utf-8", errors="surrogateescape").splitlines()
        out.append("\n".join(line.removeprefix("QR-Code:") for line in lines if line.startswith("QR-Code:")))
    return out


def _print_and_scan(names: list[str], tmp_path: Path) -> tuple[list[str], list[str]]:
    signer = signing.Signer(KEY)
    payloads = [signer.sign(_claim(i, n)) for i, n in enumerate(names, start=1)]
    people = [
        certificate.Recipient(_claim(i, n).number, n, p)
        for i, (n, p) in enumerate(zip(names, payloads, strict=True), start=1)
    ]
    workshop = Workshop(
        title="Digital Government Leadership",
        timezone="Asia/Seoul",
        days=[Day(date(2026, 3, 2)), Day(date(2026, 3, 6))],
    )
    pdf = tmp_path / "certificates.pdf"
    certificate.print_certificates(pdf, workshop, people, fingerprint="TEST")
    # the QR corner of each page (A4 landscape at 150 dpi): small pictures scan fast
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-x",
            "1400",
            "-y",
            "900",
            "-W",
            "354",
            "-H",
            "340",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(names)
    return payloads, _scan(pngs)


def test_zbar_reads_and_verifies_every_certificate_in_every_script(tmp_path):
    names = [name for _script, name in WORLD_NAMES]
    payloads, scanned = _print_and_scan(names, tmp_path)
    misread = [(n, s) for n, p, s in zip(names, payloads, scanned, strict=True) if s != p]
    assert misread == []
    verdicts = [signing.verify(s, KNOWN) for s in scanned]
    assert [v.claim.name for v in verdicts if v.valid] == names  # 100 %, names intact


def test_without_the_utf8_declaration_zbar_garbles_names(tmp_path):
    # the old way: the same bytes, no ECI. zbar's guess makes some names fail to verify.
    names = [name for _script, name in WORLD_NAMES]
    signer = signing.Signer(KEY)
    pngs = []
    for i, name in enumerate(names):
        payload = signer.sign(_claim(i, name))
        segno.make(payload, encoding="utf-8", eci=False, error="m", micro=False, boost_error=False).save(
            str(tmp_path / f"plain-{i:03d}.png"), scale=3
        )
        pngs.append(tmp_path / f"plain-{i:03d}.png")
    verified = [signing.verify(s, KNOWN).valid for s in _scan(pngs)]
    assert not all(verified)  # undeclared UTF-8 is misread for some names
    # and the same names through make_qr (declared) all verify
    for i, name in enumerate(names):
        matrix = qr.make_qr(signer.sign(_claim(i, name)))
        assert len(matrix) == len(matrix[0]) >= 21


@pytest.mark.slow
def test_full_sweep_of_names_through_zbar(tmp_path):
    # every name alone, with a title, with a Latin transcription, and reversed-order variants
    base = [name for _script, name in WORLD_NAMES]
    names = (
        base + [f"Dr. {n}" for n in base] + [f"{n} (Kim)" for n in base] + [" ".join(reversed(n.split())) for n in base]
    )
    payloads, scanned = _print_and_scan(names, tmp_path)
    assert [n for n, p, s in zip(names, payloads, scanned, strict=True) if s != p] == []
