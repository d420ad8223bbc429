"""QR codes drawn as vector squares, encoded fast.

The text is UTF-8 in byte mode with the encoding declared (ECI 26), error correction M and one
fixed mask (any mask decodes; trying all eight is most of a general encoder's time). The encoding
itself is in qr_codec: per-version tables make it several times cheaper than segno or qrcode,
with the same symbol bit for bit; the codes decode with zbarimg (tests/printing).
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from dgfacil.printing import qr_codec

MASK = 2  # any fixed mask decodes; 2 (vertical stripes) keeps horizontal runs long to draw
QUIET = 4  # modules of white border the standard asks for


def matrix(text: str) -> list[list[bool]]:
    """The module matrix of `text` (UTF-8 bytes, ECI 26), without the quiet zone."""
    return qr_codec.matrix(text, MASK)


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
