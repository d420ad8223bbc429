"""A reportlab Drawing as a PNG, drawn with Pillow.

reportlab's own bitmap renderer (renderPM) needs rlPyCairo and the cairo library; the charts of
the outcome report use three shapes only (Rect, Line, String, possibly in Groups without
transforms), so Pillow draws them directly, with the same TrueType files the PDF embeds. The
same Drawing object feeds the PDF and the picture in the Word document: one chart, two outputs.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.pdfbase import pdfmetrics

_ANCHOR = {"start": "ls", "middle": "ms", "end": "rs"}


@lru_cache(maxsize=32)
def _font(name: str, size_px: int):
    path = getattr(getattr(pdfmetrics.getFont(name), "face", None), "filename", None)
    return ImageFont.truetype(str(path), size_px) if path else ImageFont.load_default(size_px)


def _rgb(colour) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    r, g, b = colour.red, colour.green, colour.blue
    return round(r * 255), round(g * 255), round(b * 255)


def drawing_png(drawing: Drawing, *, dpi: int = 200) -> bytes:
    """The drawing as PNG bytes at `dpi` (white background)."""
    k = dpi / 72
    width, height = round(drawing.width * k), round(drawing.height * k)
    image = Image.new("RGB", (max(width, 1), max(height, 1)), "white")
    pen = ImageDraw.Draw(image)

    def y(v: float) -> float:
        return (drawing.height - v) * k

    def paint(shapes) -> None:
        for s in shapes:
            if isinstance(s, Group):
                paint(s.contents)
            elif isinstance(s, Rect):
                box = [s.x * k, y(s.y + s.height), (s.x + s.width) * k, y(s.y)]
                stroke = _rgb(s.strokeColor)
                pen.rectangle(
                    box,
                    fill=_rgb(s.fillColor),
                    outline=stroke,
                    width=max(1, round((s.strokeWidth or 0) * k)) if stroke else 0,
                )
            elif isinstance(s, Line):
                pen.line(
                    [s.x1 * k, y(s.y1), s.x2 * k, y(s.y2)],
                    fill=_rgb(s.strokeColor),
                    width=max(1, round((s.strokeWidth or 1) * k)),
                )
            elif isinstance(s, String):
                pen.text(
                    (s.x * k, y(s.y)),
                    s.text,
                    font=_font(s.fontName, round(s.fontSize * k)),
                    fill=_rgb(s.fillColor) or (0, 0, 0),
                    anchor=_ANCHOR.get(s.textAnchor, "ls"),
                )
            else:  # a shape the charts do not use yet: fail loudly, never draw a chart wrong
                raise TypeError(f"drawing_png cannot draw {type(s).__name__}")

    paint(drawing.contents)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
