"""`dgfacil signatories FILE` as a subprocess: add with an image, list, remove, bad input."""

from __future__ import annotations

import io
import subprocess
import sys

from PIL import Image


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", "signatories", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_add_list_remove(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    sig = tmp_path / "sig.jpg"
    Image.new("RGB", (900, 300), "white").save(sig, "JPEG")
    done = run(path, "--add", "Kim Jae-hong", "--title", "Head, UNPOG", "--image", sig)
    assert done.returncode == 0, done.stderr
    assert "1. Kim Jae-hong\tHead, UNPOG\tsignature image" in done.stdout
    assert run(path, "--add", "Vincenzo Aquaro", "--title", "Chief").returncode == 0
    assert run(path, "--add", "김민준").returncode == 0
    listing = run(path, "--list").stdout
    assert listing.splitlines()[1:] == ["2. Vincenzo Aquaro\tChief\tno image", "3. 김민준\t-\tno image"]
    full = run(path, "--add", "Fourth")
    assert full.returncode == 2 and "room for 3" in full.stderr and "Traceback" not in full.stderr
    removed = run(path, "--remove", "1")
    assert removed.returncode == 0 and removed.stdout.startswith("removed Kim Jae-hong")
    assert "1. Vincenzo Aquaro" in removed.stdout and "Kim" not in run(path).stdout


def test_bad_input_is_one_line(demo_doc, tmp_path):
    path = demo_doc.path
    demo_doc.engine.dispose()
    fake = tmp_path / "sig.png"
    fake.write_bytes(b"this is not a picture")
    for args, message in [
        (("--add", "A", "--image", fake), "not a readable PNG or JPEG"),
        (("--add", "A", "--image", tmp_path / "missing.png"), "missing.png"),
        (("--remove", "4"), "there are 0 signatories"),
        (("--title", "Chief"), "go with --add"),
        (("--add", "  "), "needs a name"),
    ]:
        done = run(path, *args)
        assert done.returncode == 2 and message in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
    assert "no signatories" in run(path).stdout
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "GIF")
    (tmp_path / "s.gif").write_bytes(buf.getvalue())
    assert "use a PNG or JPEG" in run(path, "--add", "B", "--image", tmp_path / "s.gif").stderr
