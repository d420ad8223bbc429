"""Join PDFs made in batches into one file, streaming: memory stays flat in the page count.

reportlab keeps every page of a document in memory until `save()`, and pypdf's PdfWriter keeps
every copied object until `write()`. This joiner instead writes each object to the output as soon
as it is copied, so it holds one batch at a time plus the xref offsets (a few bytes a page). It
reads only our own reportlab output, through its xref, and copies each object's bytes with the
references renumbered (one regular expression), never parsing objects: re-reading every batch
with pypdf cost ~0.4 ms a certificate, more than drawing its QR.

What it relies on (true for our reportlab batches, see certificate.py): every page's /Resources
names its fonts through one shared font dictionary, and the batches share their fonts' code
assignments, so the LAST batch's font dictionary (whose subsets contain every glyph used in any
batch) serves all pages: fonts are embedded once. Identical resources (the certificate's shared
form XObject and its signature images, repeated in every batch) are written once, found by the
hash of their bytes.

Chunks drawn in separate worker processes cannot share code assignments: `StreamingJoin(handle,
shared_fonts=False)` keeps each chunk's own font dictionary (a few subsets per chunk), and
`join_files` joins such chunk files in order.
"""

from __future__ import annotations

import hashlib
import re
from typing import BinaryIO

_HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n"
_REF = re.compile(rb"(\d+) 0 R(?![A-Za-z])")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_FONT = re.compile(rb"/Font (\d+) 0 R")
_ANY_REF = re.compile(rb"/Parent (\d+) 0 R|/Font (\d+) 0 R|/Contents (\d+) 0 R|(\d+) 0 R(?![A-Za-z])")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_XREF_ROW = re.compile(rb"(\d{10}) \d{5} ([nf])")


class _Source:
    """One of our reportlab PDFs, read through its xref: each object's bytes, unparsed.

    Only what the join needs is understood: references (`N 0 R`), where a stream's data starts
    (never searched: it may hold any bytes), the page tree and the trailer. Strings appear only
    in the /Info dictionary, which is copied whole, so references are never read out of text."""

    def __init__(self, data: bytes):
        self.data = data
        xref = int(data[data.rindex(b"startxref") + 9 :].split()[0])
        table_end = data.index(b"trailer", xref)
        rows = _XREF_ROW.findall(data, xref, table_end)
        used = sorted((int(off), num) for num, (off, kind) in enumerate(rows) if kind == b"n")
        ends = [off for off, _num in used[1:]] + [xref]
        self.spans = {num: (off, end) for (off, num), end in zip(used, ends, strict=True)}
        trailer = data[table_end:]
        self.root = int(re.search(rb"/Root (\d+) 0 R", trailer).group(1))
        info = re.search(rb"/Info (\d+) 0 R", trailer)
        self.info = int(info.group(1)) if info else None

    def body(self, num: int) -> bytes:
        """Object `num` without its `N 0 obj` / `endobj` wrapper."""
        off, end = self.spans[num]
        chunk = self.data[off:end]
        chunk = chunk[chunk.index(b"obj") + 3 :].rstrip()
        return chunk[:-6].strip() if chunk.endswith(b"endobj") else chunk.strip()

    def pages(self, num: int | None = None) -> list[int]:
        """The page objects in order, walking the page tree from the catalog."""
        if num is None:
            num = int(re.search(rb"/Pages (\d+) 0 R", self.body(self.root)).group(1))
        body = self.body(num)
        if b"/Type /Pages" not in body:
            return [num]
        kids = [int(k) for k in _REF.findall(_KIDS.search(body).group(1))]
        return [page for kid in kids for page in self.pages(kid)]

    def fonts(self) -> int:
        """The font dictionary the first page names."""
        page = self.body(self.pages()[0])
        return int(_FONT.search(page).group(1))


class StreamingJoin:
    """Write pages from several PDFs into `handle` as they come; call `finish()` once at the end."""

    def __init__(self, handle: BinaryIO, *, shared_fonts: bool = True):
        self.out = handle
        self.shared_fonts = shared_fonts
        self.pos = 0
        self.offsets: list[int] = [0]  # index = object number; 0 is the free-list head
        self._write(_HEADER)
        self.catalog = self._reserve()
        self.pages = self._reserve()
        self.fonts = self._reserve() if shared_fonts else 0  # filled from the last batch by finish()
        self.kids: list[int] = []
        self.shared: dict[bytes, int] = {}  # digest of a written shared part -> its object number
        self.info: bytes | None = None

    # -- writing ---------------------------------------------------------------------------
    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.pos += len(data)

    def _reserve(self) -> int:
        self.offsets.append(-1)
        return len(self.offsets) - 1

    def _emit(self, num: int, body: bytes) -> None:
        self.offsets[num] = self.pos
        self._write(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    # -- copying ---------------------------------------------------------------------------
    def _renumber(self, src: _Source, head: bytes, memo: dict[int, int]) -> bytes:
        """`head` (an object without its stream data) with every reference pointing into the
        output, copying what it refers to; /Parent is the output's page tree, and with shared
        fonts /Font is the one font dictionary finish() writes."""

        def ref(m: re.Match) -> bytes:
            parent, font, contents, other = m.groups()
            if parent is not None:
                return b"/Parent %d 0 R" % self.pages
            if font is not None:
                num = self.fonts if self.shared_fonts else self._copy(src, int(font), memo)
                return b"/Font %d 0 R" % num
            if contents is not None:  # a page's own drawing: unique, so never remembered by digest
                return b"/Contents %d 0 R" % self._copy(src, int(contents), memo, shared=False)
            return b"%d 0 R" % self._copy(src, int(other), memo)

        return _ANY_REF.sub(ref, head)

    def _copy(self, src: _Source, num: int, memo: dict[int, int], *, shared: bool = True) -> int:
        """Write object `num` of `src` (and what it refers to) to the output; its new number.
        Shared parts (forms, images, fonts) identical to ones already written are not repeated."""
        if num in memo:
            return memo[num]
        body = src.body(num)
        stream = _STREAM.search(body)
        if stream:  # the stream's data is copied as stored (still compressed), never searched
            body = self._renumber(src, body[: stream.end()], memo) + body[stream.end() :]
        else:
            body = self._renumber(src, body, memo)
        digest = hashlib.sha256(body).digest() if shared else b""
        if shared and digest in self.shared:
            new = self.shared[digest]  # the same form or image, already written
        else:
            new = self._reserve()
            self._emit(new, body)
            if shared:
                self.shared[digest] = new
        memo[num] = new
        return new

    def add(self, pdf: bytes | BinaryIO) -> int:
        """Copy every page of `pdf` (bytes or a binary file) to the output; returns pages added."""
        src = _Source(pdf if isinstance(pdf, bytes) else pdf.read())
        if self.info is None and src.info is not None:
            self.info = src.body(src.info)  # no references in it: its strings stay untouched
        memo: dict[int, int] = {}
        pages = src.pages()
        for num in pages:
            body = self._renumber(src, src.body(num), memo)
            self.kids.append(self._reserve())
            self._emit(self.kids[-1], body)
        return len(pages)

    def finish(self, fonts_from: bytes | BinaryIO | None = None) -> None:
        """Write the fonts (taken from `fonts_from`, the last batch, when they are shared), the
        page tree and the xref."""
        if self.shared_fonts:
            src = _Source(fonts_from if isinstance(fonts_from, bytes) else fonts_from.read())
            self._emit(self.fonts, self._renumber(src, src.body(src.fonts()), {}))
        kids = b" ".join(b"%d 0 R" % k for k in self.kids)
        self._emit(self.pages, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self.kids), kids))
        self._emit(self.catalog, b"<< /Type /Catalog /Pages %d 0 R /PageMode /UseNone >>" % self.pages)
        info = None
        if self.info is not None:
            info = self._reserve()
            self._emit(info, self.info)
        xref = self.pos
        lines = [b"xref\n0 %d\n" % len(self.offsets), b"0000000000 65535 f \n"]
        lines += [b"%010d 00000 n \n" % off for off in self.offsets[1:]]
        self._write(b"".join(lines))
        ident = hashlib.md5(b"%d %d" % (len(self.kids), self.pos)).hexdigest().encode()
        trailer = b"trailer\n<< /Size %d /Root %d 0 R" % (len(self.offsets), self.catalog)
        if info is not None:
            trailer += b" /Info %d 0 R" % info
        trailer += b" /ID [ <%s> <%s> ] >>\nstartxref\n%d\n%%%%EOF\n" % (ident, ident, xref)
        self._write(trailer)


def join_files(out: BinaryIO, parts: list, cancelled=lambda: False) -> int:
    """Join the PDF files `parts` (paths, in order) into `out`, each keeping its own fonts.
    Stops (returns -1) as soon as `cancelled()` is true between parts; else the page count."""
    join = StreamingJoin(out, shared_fonts=False)
    for part in parts:
        if cancelled():
            return -1
        with open(part, "rb") as handle:
            join.add(handle)
    join.finish()
    return len(join.kids)
