"""How long an edit waits behind a laptop stalled inside its write transaction (a closed lid,
SIGSTOP): before, with no idle-transaction timeout (the edit waits the whole lock timeout and
fails "busy"); now, with the server ending the stalled transaction (IDLE_WRITER_TIMEOUT_S)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dgfacil.operations.document import new_from_template  # noqa: E402
from dgfacil.store import engine as engine_module  # noqa: E402
from dgfacil.store.document import open_document  # noqa: E402
from dgfacil.store.errors import DocumentError  # noqa: E402
from dgfacil.store.tables import ParticipantRow  # noqa: E402
from pg_server import PgServer  # noqa: E402


def wait_behind_a_stalled_laptop(url: str, idle_timeout_s: float) -> tuple[float, str]:
    engine_module.IDLE_WRITER_TIMEOUT_S = idle_timeout_s
    stalled, editor = open_document(url), open_document(url)
    stuck = stalled.engine.connect()
    stuck.begin()  # the writers' lock taken, then the laptop stops
    started = time.monotonic()
    try:
        with editor.session() as session:
            session.add(ParticipantRow(workshop_id=editor.workshop_id, full_name="after the stall"))
        outcome = "saved"
    except DocumentError as err:
        outcome = f"refused: {str(err)[:70]}…"
    waited = time.monotonic() - started
    try:
        stuck.close()
    except Exception:  # ended by the server
        pass
    stalled.close()
    editor.close()
    return waited, outcome


def main() -> None:
    server = PgServer(fsync=False).start()
    try:
        url = server.create_database("ws")
        new_from_template(url, "undesa-escap-webinar-2023").close()
        lock_s = engine_module.BUSY_TIMEOUT_S
        for label, idle in (("before (no idle timeout)", 0.0), ("now", engine_module.IDLE_WRITER_TIMEOUT_S)):
            waited, outcome = wait_behind_a_stalled_laptop(url, idle)
            print(
                f"{label:26} lock timeout {lock_s:.0f} s, idle timeout {idle:.0f} s: waited {waited:5.1f} s, {outcome}"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
