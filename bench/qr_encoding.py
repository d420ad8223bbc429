"""QR encoding time per certificate code: ours (segno, UTF-8 declared with ECI, fixed mask)
against the encoder it replaced (qrcode, no ECI, fixed mask and version) — the ECI change must
not undo the encoding speed work.

    .venv/bin/python bench/qr_encoding.py [--codes 400] [--repeat 5]

Prints the median milliseconds per code of each over `repeat` runs, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

NAMES = [
    "Kim Min-jun",
    "김민준",
    "Nguyễn Thị Minh Khai",
    "王小明",
    "Ольга Петрова",
    "محمد بن سلمان",
    "Արմեն Սարգսյան",
    "བསྟན་འཛིན་རྒྱ་མཚོ",
    "สมชาย ใจดี",
    "राजेश कुमार",
    "山田 はなこ",
]
# byte-mode capacity at level M, versions 1..25 (what the old encoder looked up)
_CAPACITY_M = (
    14,
    26,
    42,
    62,
    84,
    106,
    122,
    152,
    180,
    213,
    251,
    287,
    331,
    362,
    412,
    450,
    504,
    560,
    624,
    666,
    711,
    779,
    857,
    911,
    997,
)


def old_matrix(text: str):
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    data = text.encode("utf-8")
    version = next(v for v, cap in enumerate(_CAPACITY_M, start=1) if len(data) <= cap)
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=2)
    code.add_data(data, optimize=0)
    code.make(fit=False)
    return code.modules


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--codes", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from dgfacil.core import signing
    from dgfacil.printing.qr import make_qr

    signer = signing.Signer(signing.new_private_key())
    payloads = [
        signer.sign(
            signing.Claim(
                f"UNPOG-2026-{i:04d}", f"{NAMES[i % len(NAMES)]} {i}", "UNPOG-26", date(2026, 3, 2), date(2026, 3, 6)
            )
        )
        for i in range(args.codes)
    ]
    times: dict[str, list[float]] = {"ours (segno, ECI)": [], "old (qrcode, no ECI)": []}
    for _ in range(args.repeat):
        for label, fn in (("ours (segno, ECI)", make_qr), ("old (qrcode, no ECI)", old_matrix)):
            start = time.perf_counter()
            for p in payloads:
                fn(p)
            times[label].append((time.perf_counter() - start) * 1000 / len(payloads))
    medians = {k: statistics.median(v) for k, v in times.items()}
    for label, ms in medians.items():
        print(f"{label:<22} {ms:6.3f} ms per code (median of {args.repeat} x {args.codes})")
    ours, old = medians["ours (segno, ECI)"], medians["old (qrcode, no ECI)"]
    print(f"ratio ours/old         {ours / old:6.2f}")


if __name__ == "__main__":
    main()
