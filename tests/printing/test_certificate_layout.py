"""A long workshop title with three pictured signatories: the text stack stays clear of the
signature pictures and the signature line stays above the footer."""

from __future__ import annotations

from reportlab.lib.units import mm

from dgfacil.core.template import build_workshop, load_template
from dgfacil.paths import sessions_dir
from dgfacil.printing import certificate, styles

from .test_certificate_merge import _signature_png


def test_long_title_never_runs_into_the_signatures():
    workshop = build_workshop(load_template(sessions_dir() / "undesa-escap-webinar-2023.toml"))
    assert len(workshop.title) > 200  # the demo's real title wraps to four lines at full size
    sigs = [certificate.Signatory(f"Signatory {i}", "Title", _signature_png()) for i in range(3)]
    for paper in ("A4", "Letter"):
        page = certificate._Page(workshop, sigs, "AB12", styles.page_size(paper, wide=True))
        assert page._bottom() >= page.sign_base + 17.5 * mm + 3 * mm  # text above the pictures
        assert page.sign_base >= 44 * mm - 0.01  # signature names and titles stay above the footer
        plain = certificate._Page(workshop, [], "AB12", styles.page_size(paper, wide=True))
        assert plain.gap == 1.0  # without signatures nothing needs squeezing
