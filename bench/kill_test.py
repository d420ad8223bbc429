"""Random SIGKILLs of a process writing acknowledged edits: how many edits were acknowledged, how
many of those were lost, how often the file was left corrupt.

A child (forked from this process, so a kill cycle costs milliseconds, not an interpreter start)
opens the workshop and loops through the real operations: add an agenda item, change its duration,
and every 25 edits close the document (a WAL checkpoint) and open it again. After both commits of
an edit return it writes an acknowledgement to a pipe. The parent kills it with SIGKILL at a random
moment (0-1000 ms in, so kills land in opening, mid-transaction, mid-checkpoint and mid-close), then
runs SQLite's quick_check and looks for every acknowledged edit with its last duration.

With --server the workshop is on a throw-away PostgreSQL server (tests/pg_server.py, fsync on) and
the child is a team-mode client: killing it mid-edit must lose no acknowledged edit there either
(the server is never killed; "corrupt" then means the database could not be read).

Usage: python bench/kill_test.py [--kills 1000] [--seed 1] [--server]
Prints one line per 100 kills and a final `kills N  acknowledged N  lost N  corrupt N`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _document(address):  # noqa: ANN001, ANN202
    from dgfacil.store.document import Document
    from dgfacil.store.server_document import ServerDocument

    return ServerDocument(address) if isinstance(address, str) else Document(address)


def child(path: Path | str, kill: int, ack_fd: int) -> None:
    """The writer: never returns (killed, or exits at 10,000 edits)."""
    from dgfacil.core.model import AgendaItem
    from dgfacil.operations.agenda import add_item, update_item

    doc = _document(path)
    with doc.session(write=False) as s:
        from sqlmodel import select

        from dgfacil.store.tables import DayRow

        day_id = s.exec(select(DayRow.id)).first()
    for n in range(10_000):
        with doc.session() as s:
            changes = add_item(s, day_id=day_id, item=AgendaItem(title=f"k{kill}-{n}", duration_min=5))
        with doc.session() as s:
            update_item(s, item_id=changes.ids[0], duration_min=5 + n % 97)
        os.write(ack_fd, f"{n}\n".encode())
        if n % 25 == 24:
            doc.close()
            doc = _document(path)
    os._exit(0)


def check_server(url: str, kill: int, acked: list[int]) -> tuple[bool, int]:
    """(the database answers, acknowledged edits missing or wrong), then clear this round's rows."""
    from sqlalchemy import text

    from dgfacil.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            rows = dict(
                conn.execute(
                    text("SELECT title, duration_min FROM agenda_item WHERE title LIKE :p"), {"p": f"k{kill}-%"}
                ).all()
            )
            conn.execute(text("DELETE FROM agenda_item WHERE title LIKE 'k%'"))
    except Exception:  # noqa: BLE001 - any failure to read back counts as corrupt
        return False, len(acked)
    finally:
        engine.dispose()
    return True, sum(1 for n in acked if rows.get(f"k{kill}-{n}") != 5 + n % 97)


def check(path: Path, kill: int, acked: list[int]) -> tuple[bool, int]:
    """(file passes quick_check, acknowledged edits missing or wrong), then clear this round's rows."""
    if isinstance(path, str):
        return check_server(path, kill, acked)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        rows = dict(conn.execute("SELECT title, duration_min FROM agenda_item WHERE title LIKE ?", (f"k{kill}-%",)))
        lost = sum(1 for n in acked if rows.get(f"k{kill}-{n}") != 5 + n % 97)
        conn.execute("DELETE FROM agenda_item WHERE title LIKE 'k%'")  # keep the day small
    except sqlite3.DatabaseError:
        return False, len(acked)
    finally:
        conn.close()
    return ok, lost


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay-ms", type=float, default=1000)
    parser.add_argument("--server", action="store_true", help="the workshop on a throw-away PostgreSQL server")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from dgfacil.operations import agenda  # noqa: F401  (imported before forking: a child starts writing at once)
    from dgfacil.operations.document import new_from_template
    from dgfacil.store import document, tables  # noqa: F401

    folder = Path(tempfile.mkdtemp(prefix="dgfacil-kill-"))
    os.environ.setdefault("DGFACIL_DATA_DIR", str(folder / "data"))
    path: Path | str = folder / "workshop.dgfacil"
    server = None
    if args.server:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from pg_server import PgServer, why_not_available

        if why_not_available():
            print(f"skipped: {why_not_available()}")
            return 0
        server = PgServer(fsync=True).start()
        path = server.create_database("kills")
    new_from_template(path, "undesa-escap-webinar-2023").close()
    acknowledged = lost = corrupt = 0
    started = time.perf_counter()
    for kill in range(args.kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                child(path, kill, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        time.sleep(rng.uniform(0, args.max_delay_ms) / 1000)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_fd) as pipe:
            acked = [int(line) for line in pipe.read().split()]
        ok, missing = check(path, kill, acked)
        acknowledged += len(acked)
        lost += missing
        corrupt += 0 if ok else 1
        if (kill + 1) % 100 == 0:
            print(
                f"  {kill + 1} kills, {acknowledged} acknowledged, {lost} lost, {corrupt} corrupt, "
                f"{time.perf_counter() - started:.0f} s",
                flush=True,
            )
    print(f"kills {args.kills}  acknowledged {acknowledged}  lost {lost}  corrupt {corrupt}")
    if server is not None:
        server.stop()
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if lost == 0 and corrupt == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
