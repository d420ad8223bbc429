"""A throw-away PostgreSQL server on 127.0.0.1 for tests and benches.

Debian's `postgresql` package puts its programs in /usr/lib/postgresql/<major>/bin. PostgreSQL
refuses to run as root, and CI runs as root: there the server runs as the `postgres` user (which
the package creates), in a folder that user may enter. Trust authentication on 127.0.0.1 only,
fsync on (the durability test kills clients, not the server, but a real server is what we test).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

SERVER_USER = "postgres"  # Debian's package creates it; the server refuses to run as root


def server_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def why_not_available() -> str | None:
    """Why no server can be started here, or None."""
    if server_bin() is None:
        return (
            "PostgreSQL is not installed (Debian: apt-get install postgresql, which "
            "scripts/system-deps.sh does): the PostgreSQL half of the store tests cannot run"
        )
    if os.geteuid() == 0:
        try:
            subprocess.run(["id", SERVER_USER], check=True, capture_output=True)
        except (subprocess.CalledProcessError, FileNotFoundError):
            return f"running as root and there is no `{SERVER_USER}` user to run PostgreSQL as"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """`start()`, then `url(dbname)`, `create_database(...)`; `stop()` removes everything."""

    def __init__(self, *, fsync: bool = True) -> None:
        self.fsync = fsync  # tests turn it off for speed; they kill clients, never the server
        self.bin = server_bin()
        self.port = _free_port()
        self.user = SERVER_USER if os.geteuid() == 0 else (os.environ.get("USER") or "postgres")
        self.base = Path(tempfile.mkdtemp(prefix="dgfacil-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin") or "runuser"
            command = [runuser, "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()[-2000:]}\n{log}")

    def start(self) -> PgServer:
        try:
            return self._start()
        except BaseException:
            self.stop()  # nothing left behind in /tmp
            raise

    def _start(self) -> PgServer:
        os.chmod(self.base, 0o755)  # mkdtemp makes it 0700: the server user must enter it
        if os.geteuid() == 0:
            shutil.chown(self.base, user=SERVER_USER)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            self.user,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=32MB"
        )
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """A new database (a copy of `template` if given, which must have no open connection); its URL."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        copy = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
