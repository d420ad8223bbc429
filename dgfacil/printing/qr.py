"""QR codes drawn as vector squares, the text declared as UTF-8.

A byte-mode QR without an ECI designator leaves the character set to the scanner's guess: zbar
with default options reads the bytes as ISO-8859-1 or Shift-JIS, and most non-ASCII names came
back garbled, so genuine certificates failed to verify. Every code here starts with ECI 26
(UTF-8), which zbar and phone camera apps honour (tests/printing/test_qr_scripts.py scans names in
every script with `zbarimg` defaults). segno picks the version; the mask is fixed because trying
all eight is most of the encoding time and any mask decodes.
"""
from __future__ import annotations

import segno
from reportlab.lib import colors
from reportlab.platypus import Flowable

MASK = 2  # any fixed mask decodes; 2 (vertical stripes) keeps horizontal runs long to draw
QUIET = 4  # modules of white border the standard asks for


def make_qr(payload: str) -> tuple[bytearray, ...]:
    """The module matrix (rows of 0/1, dark = 1, no quiet zone) of `payload`: byte mode, UTF-8
    declared with ECI, error correction M."""
    code = segno.make(payload, encoding="utf-8", eci=True, error="m", micro=False,
                      boost_error=False, mask=MASK)
    return code.matrix


def draw(canv, text: str, x: float, y: float, size: float, *, colour=colors.black) -> None:
    """Draw the code for `text` with its lower-left corner (quiet zone included) at x, y."""
    modules = make_qr(text)
    count = len(modules)
    cell = size / (count + 2 * QUIET)
    canv.saveState()
    # draw in module units (small integers): the page stream stays ~3x smaller than with
    # point coordinates, which matters for memory when 1,200 pages wait for the final save
    canv.translate(x + QUIET * cell, y + size - QUIET * cell)
    canv.scale(cell, -cell)
    canv.setFillColor(colour)
    ops = []
    for r, row in enumerate(modules):
        c = 0
        while c < count:  # one rectangle per horizontal run of dark modules
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                ops.append(f"{start} {r} {c - start} 1 re")
            else:
                c += 1
    # integer operators written directly: reportlab's path API formats every number through a
    # pure-Python float formatter, which was most of the time of a 1,200-certificate run
    if ops:
        canv.addLiteral("\n".join(ops) + "\nf")
    canv.restoreState()


class QRFlowable(Flowable):
    """A square QR code in a platypus story."""

    def __init__(self, text: str, size: float):
        super().__init__()
        self.text = text
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        draw(self.canv, self.text, 0, 0, self.size)
