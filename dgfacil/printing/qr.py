"""QR codes drawn as small 1-bit images, the text declared as UTF-8, encoded fast.

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

MASK = 2  # any fixed mask decodes
QUIET = 4  # modules of white border the standard asks for


def make_qr(payload: str) -> tuple[bytearray, ...]:
    """The module matrix (rows of 0/1, dark = 1, no quiet zone) of `payload`: byte mode, UTF-8
    declared with ECI, error correction M."""
    return tuple(bytearray(row) for row in qr_codec.matrix(payload, MASK))


def draw(canv, text: str, x: float, y: float, size: float, *, colour=colors.black) -> None:
    """Draw the code for `text` with its lower-left corner (quiet zone included) at x, y."""
    count, bits = qr_codec.packed(text, MASK)
    cell = size / (count + 2 * QUIET)
    side = count * cell
    canv.saveState()
    canv.setFillColor(colour)
    # One small 1-bit inline image used as a stencil mask (/IM: 1 = paint in the fill colour,
    # no interpolation): ~170 bytes a code where one rectangle per run of dark modules took ~8 KB
    # of page stream, so drawing, compressing and joining the pages all get cheaper.
    canv.addLiteral(
        f"{side:.4f} 0 0 {side:.4f} {x + QUIET * cell:.4f} {y + QUIET * cell:.4f} cm\n"
        f"BI /W {count} /H {count} /IM true /D [1 0] /F /AHx ID\n{bits.hex()}>\nEI"
    )
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
