"""Files land whole or not at all; names from participants never leave the chosen folder."""

from __future__ import annotations

import pytest

from dgfacil.core.atomic import atomic_write, safe_child


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write(b"half a pdf")
            raise RuntimeError("laptop died")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\x", "\x00"])
def test_hostile_names_stay_inside(tmp_path, name):
    path = safe_child(tmp_path, name)
    assert path.parent == tmp_path.resolve()


@pytest.mark.parametrize("name", ["শেখ হাসিনা", "राहुल शर्मा", "김민준", "Nguyễn Thị Hương", "สมชาย ใจดี"])
def test_names_keep_their_script_and_marks(tmp_path, name):
    assert safe_child(tmp_path, name).name == name


def test_an_exclusive_write_never_replaces_what_is_there(tmp_path):
    target = tmp_path / "key.pem"
    with atomic_write(target, exclusive=True) as handle:
        handle.write(b"first")
    with pytest.raises(FileExistsError):
        with atomic_write(target, exclusive=True) as handle:
            handle.write(b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["key.pem"]


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    import os

    old = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(old)


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    with atomic_write(tmp_path / "agenda.pdf") as handle:
        handle.write(b"pdf")
    assert _mode(tmp_path / "agenda.pdf") == expected


@pytest.mark.parametrize("before", [0o644, 0o640, 0o600, 0o664])
def test_replacing_a_file_keeps_its_mode(tmp_path, umask, before):
    target = tmp_path / "roster.csv"
    target.write_bytes(b"old")
    target.chmod(before)
    umask(0o077)
    with atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write("new")
    assert _mode(target) == before and target.read_text() == "new"


CHILD = """
import sys, time
from pathlib import Path
from dgfacil.core.atomic import atomic_write
with atomic_write(Path(sys.argv[1])) as handle:
    handle.write(b"half an export")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def _killed_mid_write(target):
    """A child process writing `target`, SIGKILLed mid-write: its hidden part file stays behind."""
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    return [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_a_killed_export_leaves_no_part_after_the_next_write(tmp_path):
    target = tmp_path / "roster.xlsx"
    target.write_bytes(b"old")
    left = _killed_mid_write(target)
    assert len(left) == 1 and left[0].name.startswith(".roster.xlsx.")
    assert target.read_bytes() == b"old"  # the killed write never replaced what was there
    with atomic_write(target) as handle:
        handle.write(b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]


def test_a_part_being_written_by_a_live_process_is_left_alone(tmp_path):
    target = tmp_path / "agenda.pdf"
    with atomic_write(target) as outer:
        outer.write(b"first")
        with atomic_write(target) as inner:  # a second export of the same file meanwhile
            inner.write(b"second")
        assert len([p for p in tmp_path.iterdir() if p.name.endswith(".part")]) == 1
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.pdf"]


def test_cli_export_cleans_a_killed_exports_part(demo_doc, tmp_path):
    import subprocess
    import sys

    demo_doc.close()
    out = tmp_path / "roster.csv"
    _killed_mid_write(out)
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", "roster", "export", str(demo_doc.path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".roster")] == []
