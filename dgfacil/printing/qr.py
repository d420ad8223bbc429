"""QR codes drawn as vector squares, the text declared as UTF-8, encoded fast.

A byte-mode QR without an ECI designator leaves the character set to the scanner's guess: zbar
with default options reads the bytes as ISO-8859-1 or Shift-JIS, and most non-ASCII names came
back garbled, so genuine certificates failed to verify. Every code here starts with ECI 26
(UTF-8), which zbar and phone camera apps honour. The mask is fixed (trying all eight is most of
a general encoder's time and any mask decodes), and the encoding itself is qr_codec: per-version
tables make it several times cheaper than segno, with segno's symbol bit for bit
(tests/printing/test_qr_codec.py).
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from dgfacil.printing import qr_codec

MASK = 2  # any fixed mask decodes; 2 (vertical stripes) keeps horizontal runs long to draw
QUIET = 4  # modules of white border the standard asks for


def make_qr(payload: str) -> tuple[bytearray, ...]:
    """The module matrix (rows of 0/1, dark = 1, no quiet zone) of `payload`: byte mode, UTF-8
    declared with ECI, error correction M."""
    return tuple(bytearray(row) for row in qr_codec.matrix(payload, MASK))


def draw(canv, text: str, x: float, y: float, size: float, *, colour=colors.black) -> None:
    """Draw the code for `text` with its lower-left corner (quiet zone included) at x, y."""
    count, ops = qr_codec.runs(text, MASK)  # one rectangle per horizontal run of dark modules
    cell = size / (count + 2 * QUIET)
    canv.saveState()
    # draw in module units (small integers): the page stream stays ~3x smaller than with
    # point coordinates, which matters for memory when 1,200 pages wait for the final save
    canv.translate(x + QUIET * cell, y + size - QUIET * cell)
    canv.scale(cell, -cell)
    canv.setFillColor(colour)
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
