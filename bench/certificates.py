"""Printing 1,214 certificates (the seeds' webinar registrations): seconds and peak memory, ours
against a bare reportlab loop drawing the same text WITHOUT a QR code, at 100, 400 and 1,214.

    .venv/bin/python bench/certificates.py [--repeat 3] [--counts 100,400,1214] [--only ours,bare]

Each measurement runs in a fresh child process, so peak memory (ru_maxrss) is that run's alone;
"peak" is the rise above the process after imports and setup. "traced" is tracemalloc's peak of
Python allocations in a separate run of the same child (tracing slows it, so not timed).
"ours" = sign each payload (Ed25519) + dgfacil.printing.certificate (per-script fonts, fitted
names, shaping when needed, the signed QR) in one process, one core; "workers" = the same,
as the app prints: signed here, drawn by print worker processes (both cores), joined (its memory
is this process's; each worker holds one chunk); "bare" = one canvas,
drawCentredString of the same strings in the same TTF, no QR. Goal: ours within 4x of bare at
1,214, and memory flat in the count.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

NAMES = [
    "Kim Min-jun",
    "김민준",
    "Nguyễn Thị Minh Khai",
    "王小明",
    "Ольга Петрова",
    "Ahmed Al-Farsi",
    "สมชาย ใจดี",
    "राजेश कुमार",
    "Maria Fernanda Rodríguez-Villanueva",
    "محمد بن سلمان",
    "Tanaka Hiroshi",
    "Bongani Dlamini",
    "Siosaia Tupou",
]


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _workshop():
    from dgfacil.core.template import build_workshop, load_template
    from dgfacil.paths import sessions_dir

    return build_workshop(load_template(sessions_dir() / "undesa-escap-webinar-2023.toml"))


def run_ours(count: int, out: Path) -> None:
    from dgfacil.core import signing
    from dgfacil.printing import certificate

    workshop = _workshop()
    signer = signing.Signer(signing.new_private_key())
    sigs = [
        certificate.Signatory("Kim Jae-hong", "Head, UNPOG"),
        certificate.Signatory("Vincenzo Aquaro", "Chief, Digital Government Branch"),
    ]

    def recipients():  # a generator: memory must not hold every recipient either
        for i in range(count):
            number = f"UNPOG-CDW-2023-05-{i + 1:04d}"
            name = f"{NAMES[i % len(NAMES)]} {i}"
            claim = signing.Claim(number, name, "UNPOG-CDW-2023-05", date(2023, 5, 30), date(2023, 5, 30))
            yield certificate.Recipient(number, name, signer.sign(claim))

    certificate.print_certificates(
        out, workshop, recipients(), signatories=sigs, fingerprint=signing.fingerprint(signer.public_raw), total=count
    )


def run_workers(count: int, out: Path) -> None:
    """What the Print room and the CLI do: sign here, draw in worker processes, join."""
    from functools import partial

    from dgfacil.core import signing
    from dgfacil.operations.print_jobs import draw_certificates, run_job
    from dgfacil.operations.printing import PrintJob

    workshop = _workshop()
    signer = signing.Signer(signing.new_private_key())
    people = []
    for i in range(count):
        number = f"UNPOG-CDW-2023-05-{i + 1:04d}"
        name = f"{NAMES[i % len(NAMES)]} {i}"
        claim = signing.Claim(number, name, "UNPOG-CDW-2023-05", date(2023, 5, 30), date(2023, 5, 30))
        people.append((number, name, signer.sign(claim), None))
    render = partial(
        draw_certificates,
        workshop=workshop,
        recipients=people,
        signatories=[
            ("Kim Jae-hong", "Head, UNPOG", None),
            ("Vincenzo Aquaro", "Chief, Digital Government Branch", None),
        ],
        fingerprint=signing.fingerprint(signer.public_raw),
        paper="A4",
        per_person=False,
    )
    run_job(PrintJob("certificates", count, render), out)


def run_bare(count: int, out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from dgfacil.core import signing
    from dgfacil.printing import fonts

    workshop = _workshop()
    signer = signing.Signer(signing.new_private_key())
    regular, bold = fonts.font_name(fonts.LATIN), fonts.font_name(fonts.SERIF, True)
    w, h = landscape(A4)
    c = canvas.Canvas(str(out), pagesize=(w, h), pageCompression=1)
    for i in range(count):
        number = f"UNPOG-CDW-2023-05-{i + 1:04d}"
        name = f"{NAMES[i % len(NAMES)]} {i}"
        signer.sign(signing.Claim(number, name, "UNPOG-CDW-2023-05", date(2023, 5, 30), date(2023, 5, 30)))
        c.setFont(bold, 30)
        c.drawCentredString(w / 2, h - 150, "Certificate of Attendance")
        c.drawCentredString(w / 2, h - 250, name)
        c.setFont(regular, 12)
        c.drawCentredString(w / 2, h - 200, "This is to certify that")
        c.drawCentredString(w / 2, h - 300, workshop.title[:110])
        c.drawCentredString(w / 2, h - 330, "30 May 2023 · Online")
        c.drawString(60, 70, f"Certificate No. {number}")
        c.showPage()
    c.save()


def child(which: str, count: int, trace: bool = False) -> None:
    """Run one measurement and print JSON: seconds and peak memory rise in MiB."""
    from dgfacil.printing import fonts, styles

    _workshop()
    styles.stylesheet()
    for s in ("hangul", "han", "thai", "arabic", "devanagari"):  # both sides load the same fonts
        fonts.font_name(s), fonts.font_name(s, True)
    import gc

    gc.freeze()  # as the print workers do after loading (operations/print_jobs.py)
    base = _rss_kb()
    out = Path(tempfile.mkdtemp()) / "c.pdf"
    if trace:
        import tracemalloc

        tracemalloc.start()
    start = time.perf_counter()
    if which == "ours":
        run_ours(count, out)
    elif which == "workers":
        run_workers(count, out)
    else:
        run_bare(count, out)
    seconds = time.perf_counter() - start
    traced = 0.0
    if trace:
        import tracemalloc

        traced = tracemalloc.get_traced_memory()[1] / 2**20
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mib": (_rss_kb() - base) / 1024,
                "pdf_mib": out.stat().st_size / 2**20,
                "traced_mib": traced,
            }
        )
    )
    out.unlink()


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def _run(which: str, count: int, trace: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", which, str(count)] + (["--trace"] if trace else [])
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    repeat = int(_arg("--repeat", "3"))
    counts = [int(c) for c in _arg("--counts", "100,400,1214").split(",")]
    kinds = _arg("--only", "ours,workers,bare").split(",")
    results: dict[tuple[str, int], list[dict]] = {}
    for count in counts:
        for which in kinds:
            for _ in range(repeat):
                run = _run(which, count, trace=False)
                run["traced_mib"] = _run(which, count, trace=True)["traced_mib"]
                results.setdefault((which, count), []).append(run)
    print(f"certificates (median of {repeat} runs, fresh process each)")
    print(f"{'run':<12}{'count':>6}{'seconds':>10}{'ms/cert':>9}{'RSS MiB':>9}{'traced':>8}{'PDF MiB':>9}")
    med = {}
    for (which, count), runs in results.items():
        s = statistics.median(r["seconds"] for r in runs)
        m = statistics.median(r["peak_mib"] for r in runs)
        t = statistics.median(r["traced_mib"] for r in runs)
        p = statistics.median(r["pdf_mib"] for r in runs)
        med[(which, count)] = (s, m, t)
        print(f"{which:<12}{count:>6}{s:>10.2f}{1000 * s / count:>9.2f}{m:>9.1f}{t:>8.1f}{p:>9.2f}")
    for count in counts:
        if ("ours", count) in med and ("bare", count) in med:
            ratio = med[("ours", count)][0] / med[("bare", count)][0]
            print(f"time ours/bare (no QR) at {count}: {ratio:.2f}x (goal <= 4x)")
        if ("workers", count) in med and ("bare", count) in med:
            ratio = med[("workers", count)][0] / med[("bare", count)][0]
            print(f"time workers/bare (no QR) at {count}: {ratio:.2f}x (wall clock, {os.cpu_count()} cores)")
    if "ours" in kinds:
        growth = " -> ".join(f"{med[('ours', c)][1]:.1f}/{med[('ours', c)][2]:.1f}" for c in counts)
        print(f"memory (ours, RSS/traced MiB) over {counts}: {growth}")


if __name__ == "__main__":
    if "--child" in sys.argv:
        i = sys.argv.index("--child")
        child(sys.argv[i + 1], int(sys.argv[i + 2]), trace="--trace" in sys.argv)
    else:
        main()
