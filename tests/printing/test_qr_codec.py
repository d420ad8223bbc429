"""The certificate QR encoder: the same symbol as segno (ECI UTF-8, level M, fixed mask) bit for
bit, at every version a payload can need, and the drawn code scans with zbarimg's defaults."""

from __future__ import annotations

import random
import shutil
import subprocess

import pytest
import segno

from dgfacil.printing import qr, qr_codec

ALPHABET = "abcXYZ019:/+=_- 김민준Ольгаराजेशمحمد田中Հայկ ཀྲ"


def _segno(text: str) -> list[list[bool]]:
    code = segno.make(
        text, encoding="utf-8", eci=True, error="m", micro=False, boost_error=False, mask=qr.MASK, mode="byte"
    )
    return [[bool(v) for v in row] for row in code.matrix]


def test_same_symbol_as_segno_for_every_length_up_to_version_15():
    rnd = random.Random(7)
    versions = set()
    for length in range(0, 420, 3):
        text = "".join(rnd.choice(ALPHABET) for _ in range(length))
        data = text.encode()
        if len(data) > 400:
            break
        versions.add(qr_codec.version_for(data))
        assert [[bool(v) for v in row] for row in qr.make_qr(text)] == _segno(text), (
            length,
            qr_codec.version_for(data),
        )
    assert {1, 7, 10, 15} <= versions  # small, with version info, 16-bit count, several blocks


def test_the_packed_image_holds_exactly_the_dark_modules():
    text = "DGF1:Ольга Петрова 1213|UNPOG-CDW-2023-05-1214|sig"
    n, bits = qr_codec.packed(text, qr.MASK)
    stride = (n + 7) // 8
    assert len(bits) == n * stride
    dark = {(r, c) for r in range(n) for c in range(stride * 8) if bits[r * stride + c // 8] >> (7 - c % 8) & 1}
    m = qr.make_qr(text)
    assert len(m) == n and dark == {(r, c) for r in range(n) for c in range(n) if m[r][c]}


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_a_drawn_code_scans_back_with_zbar_defaults(tmp_path):
    text = "DGF1:김민준 · Հայկ · ཀྲ་ཤིས · محمد|N-0001|c2lnbmF0dXJl"
    n = len(qr.make_qr(text))
    scale, quiet = 4, qr.QUIET
    side = (n + 2 * quiet) * scale
    pixels = bytearray(b"\xff" * side * side)
    for r, row in enumerate(qr.make_qr(text)):
        for c, on in enumerate(row):
            if on:
                for dy in range(scale):
                    start = ((r + quiet) * scale + dy) * side + (c + quiet) * scale
                    pixels[start : start + scale] = b"\0" * scale
    image = tmp_path / "code.pgm"
    image.write_bytes(b"P5 %d %d 255\n" % (side, side) + bytes(pixels))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True)
    assert scanned.stdout.decode().strip() == text
