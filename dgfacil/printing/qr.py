"""QR codes drawn as vector squares, encoded fast.

`qrcode` spends most of its time fitting the version and trying all eight masks (DESIGN §11:
7.4 ms -> 1.2 ms a code with a fixed mask). We pick the version from the byte-mode capacity
table ourselves and fix the mask; the codes still decode (a test reads them with zbarimg).
"""
from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.platypus import Flowable

# Byte-mode capacity at error correction M, versions 1..25 (ISO/IEC 18004 table 7).
_CAPACITY_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450,
               504, 560, 624, 666, 711, 779, 857, 911, 997)
MASK = 2  # any fixed mask decodes; 2 (vertical stripes) keeps horizontal runs long to draw
QUIET = 4  # modules of white border the standard asks for


def version_for(data: bytes) -> int:
    """The smallest version whose byte-mode capacity at level M holds `data`."""
    for version, capacity in enumerate(_CAPACITY_M, start=1):
        if len(data) <= capacity:
            return version
    raise ValueError(f"QR payload too long ({len(data)} bytes)")


def matrix(text: str) -> list[list[bool]]:
    """The module matrix of `text` (UTF-8 bytes), without the quiet zone."""
    data = text.encode("utf-8")
    code = qrcode.QRCode(version=version_for(data), error_correction=ERROR_CORRECT_M,
                         border=0, mask_pattern=MASK)
    code.add_data(data, optimize=0)
    code.make(fit=False)
    return code.modules


def draw(canv, text: str, x: float, y: float, size: float, *, colour=colors.black) -> None:
    """Draw the code for `text` with its lower-left corner (quiet zone included) at x, y."""
    modules = matrix(text)
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
