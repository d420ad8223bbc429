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
