"""Certificates of attendance: landscape A4 or Letter, one page per person, a signed QR code.

Everything that is the same on every page (frame, title, workshop, signatories) is laid out once
and drawn again on each page; per person only the name, the number and the QR change. That keeps
1,200 certificates quick.

Memory stays flat in the count: reportlab holds a document's pages until it saves, so the one-PDF
mode draws BATCH pages per reportlab document and streams each batch into the output
(printing/merge.py). The batches share their fonts' code assignments (`_FontCarry`), so one set
of font subsets, taken from the last batch, serves every page: fonts are embedded once.
"""

from __future__ import annotations

import copy
import gc
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph

from dgfacil.core.atomic import atomic_write, safe_child
from dgfacil.core.model import Workshop
from dgfacil.printing import fonts, qr, styles
from dgfacil.printing.layout import check, date_range
from dgfacil.printing.layout import fit_size as layout_fit
from dgfacil.printing.merge import StreamingJoin

NAME_MAX = 30.0  # points
NAME_MIN = 11.0
BATCH = 150  # pages per reportlab document: ~2 MB held at a time


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str = ""
    signature_png: bytes | None = None


@dataclass(frozen=True)
class Recipient:
    """One certificate: its number, the printed name and the signed QR payload."""

    number: str
    name: str
    payload: str
    participant_id: int | None = None
    country: str = ""  # Japan: the name's kanji in the Japanese font


def fit_size(name: str, width: float) -> float:
    """The certificate name's size: as big as fits `width` on one line, never below NAME_MIN."""
    return layout_fit(name, width, "cert_name", biggest=NAME_MAX, smallest=NAME_MIN)


class _Page:
    """The parts of a certificate that do not change from one person to the next."""

    def __init__(
        self, workshop: Workshop, signatories: Sequence[Signatory], fingerprint: str, pagesize: tuple[float, float]
    ):
        self.w, self.h = pagesize
        self.inner = self.w - 2 * 34 * mm
        self.workshop = workshop
        self.fingerprint = fingerprint
        org = " \u00b7 ".join(workshop.organizers) or " "
        # a long list of organizers gets smaller type rather than a third line
        self.kicker = self._wrap(styles.para(org, "cert_kicker", size=9 if len(org) > 90 else None), self.inner)
        self.title = self._wrap(styles.static("Certificate of Attendance", "cert_title"), self.inner)
        self.lead = self._wrap(styles.static("This is to certify that", "cert_text"), self.inner)
        self.attended = self._wrap(styles.static("attended", "cert_text"), self.inner)
        self.workshop_title = self._wrap(styles.para(workshop.title, "cert_workshop"), self.inner * 0.9)
        when = date_range(workshop.start_date, workshop.end_date)
        details = [when, workshop.modality.value.replace("-", " ").capitalize()]
        if workshop.venue:
            details.append(workshop.venue)
        self.details = self._wrap(styles.para(" \u00b7 ".join(d for d in details if d), "cert_text"), self.inner)
        self.signatories = [self._signatory(s) for s in list(signatories)[:3]]
        self._fit(workshop.title)

    @staticmethod
    def _wrap(p: Paragraph, width: float) -> tuple[Paragraph, float, float]:
        used_w, used_h = p.wrap(width, 200 * mm)
        return p, width, used_h

    def _signatory(self, s: Signatory):
        image = None
        if s.signature_png:
            try:
                image = ImageReader(io.BytesIO(s.signature_png))
                image.getSize()  # fail here, not mid-print, on a broken picture
            except Exception:  # a bad image must not stop a print run; the line stays blank
                image = None
        col = 62 * mm
        return (
            self._wrap(styles.para(s.name, "cert_sign_name"), col),
            self._wrap(styles.para(s.title, "cert_sign_title"), col),
            image,
            col,
        )

    def _centre(self, canv, part, top: float) -> float:
        p, width, height = part
        p.drawOn(canv, (self.w - width) / 2, top - height)
        return top - height

    NAME_ZONE = 24 * mm  # room for the name: one line at 30 pt, or a wrapped very long one
    FORM = "dg-certificate"
    GAPS = (8 * mm, 12 * mm, 3 * mm, 2 * mm, 8 * mm, 3 * mm, 4 * mm)  # between the stacked parts
    gap = 1.0  # how much of GAPS is kept (less when a long workshop title needs the room)
    sign_base = 50 * mm  # the signature line; lowered to 44 mm at most (the footer is below)

    def _bottom(self) -> float:
        """Where the stacked text (kicker down to the details line) ends, with the current sizes."""
        parts = (self.kicker, self.title, self.lead, self.attended, self.workshop_title, self.details)
        used = sum(p[2] for p in parts) + self.NAME_ZONE + sum(self.GAPS) * self.gap
        return self.h - 32 * mm - used

    def _fit(self, title: str) -> None:
        """Keep the text clear of the signatures: a long workshop title gets smaller type, then
        the gaps shrink and the signature line moves down, never onto the footer."""
        pictures = any(image is not None for _n, _t, image, _c in self.signatories)
        above = (17.5 * mm if pictures else 3 * mm) if self.signatories else -20 * mm

        def floor() -> float:
            return self.sign_base + above + 3 * mm

        size = 15.0

        def smaller(limit: float) -> None:
            nonlocal size
            while self._bottom() < floor() and size > limit:
                size -= 0.5
                self.workshop_title = self._wrap(styles.para(title, "cert_workshop", size=size), self.inner * 0.9)

        smaller(12.5)  # first a little smaller type,
        while self._bottom() < floor() and self.sign_base > 44.5 * mm:  # then the signatures lower,
            self.sign_base -= 1 * mm
        while self._bottom() < floor() and self.gap > 0.5:  # then tighter gaps,
            self.gap -= 0.05
        smaller(10)  # and only then small type

    def define(self, canv) -> None:
        """Draw the parts shared by every page once, as a form the pages reuse (a PDF XObject):
        the file stores them once, and each page holds only its name, number and QR."""
        w, h = self.w, self.h
        canv.beginForm(self.FORM)
        canv.setStrokeColor(styles.GOLD)
        canv.setLineWidth(2.2)
        canv.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
        canv.setStrokeColor(styles.NAVY)
        canv.setLineWidth(0.6)
        canv.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)
        g = [x * self.gap for x in self.GAPS]
        top = self._centre(canv, self.kicker, h - 32 * mm)
        top = self._centre(canv, self.title, top - g[0])
        top = self._centre(canv, self.lead, top - g[1])
        self.name_top = top - g[2]
        top = self.name_top - self.NAME_ZONE - g[3]
        canv.setStrokeColor(styles.GOLD)
        canv.setLineWidth(0.8)
        canv.line(w / 2 - 70 * mm, top, w / 2 + 70 * mm, top)
        top = self._centre(canv, self.attended, top - g[4])
        top = self._centre(canv, self.workshop_title, top - g[5])
        self._centre(canv, self.details, top - g[6])
        self._draw_signatories(canv)
        canv.endForm()

    def draw(self, canv, who: Recipient) -> None:
        """One certificate: the shared form, then this person's name, number and QR."""
        canv.doForm(self.FORM)
        name = styles.para(
            who.name, "cert_name", size=fit_size(who.name, self.inner), japanese=fonts.japanese_country(who.country)
        )
        _, name_h = name.wrap(self.inner, self.NAME_ZONE)
        # centred in the name zone, so a shrunk or wrapped name never moves anything else
        name.drawOn(canv, (self.w - self.inner) / 2, self.name_top - (self.NAME_ZONE + name_h) / 2)
        self._draw_footer(canv, who)

    def _draw_signatories(self, canv) -> None:
        count = len(self.signatories)
        if not count:
            return
        base = self.sign_base
        gap = (self.w - 2 * 40 * mm) / count
        for i, (name, title, image, col) in enumerate(self.signatories):
            cx = 40 * mm + gap * (i + 0.5)
            if image is not None:
                iw, ih = image.getSize()
                scale = min(50 * mm / iw, 16 * mm / ih)
                canv.drawImage(image, cx - iw * scale / 2, base + 1.5 * mm, iw * scale, ih * scale, mask="auto")
            canv.setStrokeColor(styles.INK)
            canv.setLineWidth(0.5)
            canv.line(cx - 30 * mm, base, cx + 30 * mm, base)
            p, _, nh = name
            p.drawOn(canv, cx - col / 2, base - 2 * mm - nh)
            t, _, th = title
            t.drawOn(canv, cx - col / 2, base - 2.5 * mm - nh - th)

    def _draw_footer(self, canv, who: Recipient) -> None:
        size = 26 * mm
        qr.draw(canv, who.payload, self.w - 20 * mm - size, 19 * mm, size)
        canv.setFillColor(styles.MUTED)
        canv.setFont(fonts.font_name(fonts.LATIN), 7.5)
        x = 22 * mm
        canv.drawString(x, 27 * mm, f"Certificate No. {who.number}")
        code = self.workshop.project_code
        if code:
            canv.drawString(x, 23.5 * mm, f"Workshop code {code}")
        canv.drawString(x, 20 * mm, f"Scan to verify \u00b7 issuer key {self.fingerprint}")


def _open(target, pagesize, title: str):
    canv = rl_canvas.Canvas(target, pagesize=pagesize, pageCompression=1)
    canv.setTitle(title)
    canv.setAuthor("dgfacil")
    return canv


class _FontCarry:
    """Carries the subset fonts' code assignments from one reportlab document to the next.

    reportlab gives each character a code in the order a document first uses it. Starting each
    batch from the previous batch's assignments keeps every code stable, so the last batch's
    subsets (a superset of all earlier ones) are right for every page, and are embedded once.
    """

    def __init__(self):
        self.mapping: list[tuple[str, str, object, object]] = []  # name, internal, font, state

    def take(self, doc) -> None:
        """Copy `doc`'s font states; call before `save()`, which freezes and drops them."""
        self.mapping = []
        for name, internal in doc.fontMapping.items():
            font = next((f for f in doc.delayedFonts if f.fontName == name), None)
            state = copy.deepcopy(font.state[doc]) if font is not None else None
            self.mapping.append((name, internal, font, state))

    def give(self, doc) -> None:
        """Install the carried fonts in a fresh document, under the same internal names."""
        for name, internal, font, state in self.mapping:
            if font is None:  # a standard font (Helvetica, set by every new canvas)
                got = doc.getInternalFontName(name)
            else:
                state.frozen = 0
                font.state[doc] = copy.deepcopy(state)
                doc.fontMapping[name] = internal
                doc.delayedFonts.append(font)
                got = internal
            if got != internal:  # never silently print with the wrong font
                raise RuntimeError(f"font {name} is {got} in this batch, {internal} before")


def _one_pdf(handle, page: _Page, people, pagesize, title: str, count: int, progress, batch: int) -> None:
    """All certificates in one PDF, drawn BATCH pages at a time and streamed into `handle`."""
    if count <= batch:  # one batch (a print worker's chunk): reportlab writes it straight out
        canv = _open(handle, pagesize, title)
        page.define(canv)
        for done, who in enumerate(people, start=1):
            page.draw(canv, who)
            canv.showPage()
            check(progress, done, count, who.number)
        canv.save()
        return
    join = StreamingJoin(handle)
    carry = _FontCarry()
    last = b""
    canv = None
    done = 0

    buf = io.BytesIO()

    def start():
        buf.seek(0)
        buf.truncate()
        canv = _open(buf, pagesize, title)
        carry.give(canv._doc)
        return canv

    def close(canv) -> bytes:
        carry.take(canv._doc)
        canv.save()
        data = buf.getvalue()
        join.add(data)
        # reportlab documents and pypdf readers hold reference cycles; without a collection
        # each finished batch (~2 MB) lingers until the cyclic GC happens to run. In the app
        # automatic collection is off and the GUI thread collects (ui/gc_guard.py: collecting
        # here, on a worker, could free Qt objects off the GUI thread), so leave it to that.
        if gc.isenabled():
            gc.collect()
        return data

    for who in people:
        if canv is None:
            canv = start()
            page.define(canv)
        page.draw(canv, who)
        canv.showPage()
        done += 1
        check(progress, done, count, who.number)
        if done % batch == 0:
            last, canv = close(canv), None
    if canv is not None or not done:  # the last, partial batch (or an empty document)
        if canv is None:
            canv = start()
            canv.showPage()
        last = close(canv)
    join.finish(last)


def print_certificates(
    out: Path,
    workshop: Workshop,
    recipients: Iterable[Recipient],
    *,
    signatories: Sequence[Signatory] = (),
    fingerprint: str = "",
    paper: str = "A4",
    per_person: bool = False,
    total: int | None = None,
    progress=None,
    batch: int = BATCH,
) -> list[Path]:
    """Write the certificates: one PDF at `out`, or (per_person) one PDF each inside folder `out`.

    Returns the files written. Cancel (progress.cancelled) stops before anything partial lands.
    """
    pagesize = styles.page_size(paper, wide=True)
    page = _Page(workshop, signatories, fingerprint, pagesize)
    people = list(recipients) if total is None else recipients
    count = total if total is not None else len(people)  # type: ignore[arg-type]
    title = f"Certificates \u2014 {workshop.title}"
    written: list[Path] = []
    if not per_person:
        with atomic_write(Path(out)) as handle:
            _one_pdf(handle, page, people, pagesize, title, count, progress, batch)
        return [Path(out)]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for done, who in enumerate(people, start=1):
        # the number comes first: names alone may repeat, and never choose the folder
        stem = f"{who.number} {who.name}"[:100].rstrip(" .")
        target = safe_child(folder, stem + ".pdf")
        with atomic_write(target) as handle:
            canv = _open(handle, pagesize, f"Certificate {who.number}")
            page.define(canv)
            page.draw(canv, who)
            canv.showPage()
            canv.save()
        written.append(target)
        check(progress, done, count, who.number)
    return written
