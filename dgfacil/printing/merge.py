"""Join PDFs made in batches into one file, streaming: memory stays flat in the page count.

reportlab keeps every page of a document in memory until `save()` (about 13 KB a certificate),
and pypdf's PdfWriter keeps every copied object until `write()`. This joiner instead writes each
object to the output as soon as it is copied, so it holds one batch at a time plus the xref
offsets (a few bytes a page).

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
import io
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject, StreamObject,
)

_HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n"
_DROP_ON_PAGE = {"/Parent"}


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
        self.shared: dict[bytes, int] = {}  # digest of a written resource -> its object number
        self.info: DictionaryObject | None = None

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

    @staticmethod
    def _bytes(obj: PdfObject) -> bytes:
        buf = io.BytesIO()
        obj.write_to_stream(buf)
        return buf.getvalue()

    # -- copying ---------------------------------------------------------------------------
    def _copy(self, obj, memo: dict[int, int], *, in_resources: bool = False, page: bool = False):
        """A copy of `obj` whose references point at objects already written to the output."""
        if isinstance(obj, IndirectObject):
            if obj.idnum in memo:
                return IndirectObject(memo[obj.idnum], 0, None)
            target = obj.get_object()
            copied = self._copy(target, memo, in_resources=in_resources)
            body = self._bytes(copied)
            digest = hashlib.sha256(body).digest() if in_resources else b""
            if in_resources and digest in self.shared:
                num = self.shared[digest]  # the same form or image, already written
            else:
                num = self._reserve()
                self._emit(num, body)
                if in_resources:
                    self.shared[digest] = num
            memo[obj.idnum] = num
            return IndirectObject(num, 0, None)
        if isinstance(obj, StreamObject):
            copy = StreamObject()
            copy.set_data(b"")
            copy._data = obj._data  # the stored (still compressed) bytes: no re-encoding
            for key, value in obj.items():
                if key != "/Length":
                    copy[NameObject(key)] = self._copy(value, memo, in_resources=in_resources
                                                       or key == "/Resources")
            return copy
        if isinstance(obj, DictionaryObject):
            copy = DictionaryObject()
            for key, value in obj.items():
                if page and key in _DROP_ON_PAGE:
                    continue
                if (key == "/Font" and in_resources and self.shared_fonts
                        and isinstance(value, IndirectObject)):
                    copy[NameObject(key)] = IndirectObject(self.fonts, 0, None)
                    continue
                copy[NameObject(key)] = self._copy(value, memo, in_resources=in_resources
                                                   or key == "/Resources")
            return copy
        if isinstance(obj, ArrayObject):
            return ArrayObject(self._copy(v, memo, in_resources=in_resources) for v in obj)
        return obj

    def add(self, pdf: bytes | BinaryIO) -> int:
        """Copy every page of `pdf` (bytes or a binary file) to the output; returns pages added."""
        reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
        if self.info is None and reader.trailer.get("/Info") is not None:
            self.info = self._copy(reader.trailer["/Info"].get_object(), {})
        memo: dict[int, int] = {}
        for page in reader.pages:
            copied = self._copy(page.indirect_reference.get_object(), memo, page=True)
            copied[NameObject("/Parent")] = IndirectObject(self.pages, 0, None)
            num = self._reserve()
            self._emit(num, self._bytes(copied))
            self.kids.append(num)
        return len(reader.pages)

    def finish(self, fonts_from: bytes | BinaryIO | None = None) -> None:
        """Write the fonts (taken from `fonts_from`, the last batch, when they are shared), the
        page tree and the xref."""
        if self.shared_fonts:
            reader = PdfReader(io.BytesIO(fonts_from) if isinstance(fonts_from, bytes) else fonts_from)
            fonts = reader.pages[0]["/Resources"].get_object()["/Font"].get_object()
            self._emit(self.fonts, self._bytes(self._copy(fonts, {})))
        kids = b" ".join(b"%d 0 R" % k for k in self.kids)
        self._emit(self.pages, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self.kids), kids))
        self._emit(self.catalog, b"<< /Type /Catalog /Pages %d 0 R /PageMode /UseNone >>" % self.pages)
        info = None
        if self.info is not None:
            info = self._reserve()
            self._emit(info, self._bytes(self.info))
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
