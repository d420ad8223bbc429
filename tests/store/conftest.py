"""Real faults for the store's tests: a stick that is write-protected, a disk that is full, a
folder only another user may write. Tests run as root, where chmod stops nothing, so a read-only
medium is a real read-only mount (a small tmpfs remounted ro) and a read-only folder is tried as
the unprivileged user `nobody`. Each fixture skips, saying why, where the machine cannot do it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


class Stick:
    """A small tmpfs: put files on it, then `protect()` (remount read-only) or `fill()` it."""

    def __init__(self, where: Path) -> None:
        self.path = where

    def protect(self) -> None:
        assert _mount("-o", "remount,ro", str(self.path)), "could not remount read-only"

    def fill(self) -> None:
        try:  # a stick the document already filled refuses even the new file: full is what we want
            with open(self.path / "filler", "wb") as handle:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
        except OSError:
            pass


@pytest.fixture
def stick(tmp_path):
    where = tmp_path / "stick"
    where.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(where)):
        pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): no real read-only medium")
    yield Stick(where)
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def run_cli(
    *args: str, user: str | None = None, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """`dgfacil ARGS` as a subprocess; as another (unprivileged) user with `user`."""
    command = [sys.executable, "-m", "dgfacil", *map(str, args)]
    if user:
        command = [
            "setpriv",
            f"--reuid={user}",
            "--regid=nogroup" if user == "nobody" else f"--regid={user}",
            "--clear-groups",
            *command,
        ]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env, cwd="/")


@pytest.fixture
def as_nobody():
    """(a folder outside pytest's private tmp that `nobody` can reach, its environment), or a skip
    saying why `nobody` cannot run dgfacil here."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("not root (or no setpriv): cannot run dgfacil as an unprivileged user")
    base = Path(tempfile.mkdtemp(prefix="dgfacil-nobody-"))
    os.chmod(base, 0o755)
    home = base / "home"
    home.mkdir()
    os.chmod(home, 0o777)
    env = {"DGFACIL_DATA_DIR": str(home / "data"), "DGFACIL_CONFIG_DIR": str(home / "config"), "HOME": str(home)}
    probe = run_cli("--version", user="nobody", env=env)
    if probe.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"`nobody` cannot run dgfacil here: {probe.stderr.strip()[-200:]}")
    yield base, env
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def empty_db(pg_server):
    """Factory: the URL of a new, empty database on the test PostgreSQL server."""
    made = []

    def make() -> str:
        url = pg_server.create_database()
        made.append(url.rsplit("/", 1)[1])
        return url

    yield make
    for name in made:
        pg_server.drop_database(name)
