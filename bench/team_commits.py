"""Five laptops editing one workshop at once: 5 clients x 200 edits, on a PostgreSQL server (team
mode) and on one SQLite file (the single-laptop case, five processes on the file), from one run.

Each client is its own process. It opens the workshop, waits for "go", then adds a note per edit
through the real operation (`operations.notes.add_note`, one transaction each), timing each edit
from the session's start to its commit returning, and reports the acknowledged note ids. The
bench then reopens the workshop and counts the acknowledged notes that are missing ("lost").
The server is a throw-away PostgreSQL on 127.0.0.1 with fsync on (tests/pg_server.py), as SQLite
runs with synchronous=FULL: both pay for a durable commit.

Usage: python bench/team_commits.py [--clients 5] [--edits 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CLIENT = r"""
import json, sys, time
from datetime import datetime, timezone
from dgfacil.operations import notes as ops
from dgfacil.store.document import open_document
from dgfacil.store.workshop import load_workshop

address, name, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = open_document(address, backup_on_open=False)
with doc.session(write=False) as s:
    items = [it.id for day in load_workshop(session=s).days for it in day.items]
print("ready", flush=True)
sys.stdin.readline()
acked, latencies = [], []
for n in range(edits):
    start = time.perf_counter()
    with doc.session() as s:
        changes = ops.add_note(s, item_id=items[n % len(items)], text=f"{name} edit {n}",
                               at=datetime.now(timezone.utc))
    latencies.append(time.perf_counter() - start)
    acked.append(changes.ids[0])
doc.close()
print(json.dumps({"acked": acked, "latencies": latencies}), flush=True)
"""


def run(address: str, clients: int, edits: int) -> dict:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLIENT, address, f"laptop{i}", str(edits)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        )
        for i in range(clients)
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    for proc in procs:  # all start together
        proc.stdin.write("go\n")
        proc.stdin.flush()
    reports = [json.loads(proc.communicate()[0].strip().splitlines()[-1]) for proc in procs]
    acked = {i for r in reports for i in r["acked"]}
    latencies = sorted(t for r in reports for t in r["latencies"])

    from sqlmodel import select

    from dgfacil.store.document import open_document
    from dgfacil.store.tables import NoteRow

    doc = open_document(address, backup_on_open=False)
    with doc.session(write=False) as s:
        present = set(s.exec(select(NoteRow.id)))
    doc.close()
    return {
        "edits": len(latencies),
        "acked": len(acked),
        "lost": len(acked - present),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "max_ms": latencies[-1] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    from dgfacil.operations.document import new_from_template
    from pg_server import PgServer, why_not_available

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        import os

        os.environ["DGFACIL_DATA_DIR"] = str(Path(folder) / "data")  # backups of the bench file stay here
        path = Path(folder) / "team.dgfacil"
        new_from_template(path, "undesa-escap-webinar-2023").close()
        results["SQLite file"] = run(str(path), args.clients, args.edits)
        why = why_not_available()
        if why:
            print(f"PostgreSQL skipped: {why}")
        else:
            server = PgServer(fsync=True).start()
            try:
                url = server.create_database("team")
                new_from_template(url, "undesa-escap-webinar-2023").close()
                results["PostgreSQL 127.0.0.1"] = run(url, args.clients, args.edits)
            finally:
                server.stop()
    print(f"{args.clients} clients x {args.edits} edits at once (one note per edit, one transaction each)")
    for name, r in results.items():
        print(
            f"{name:22} edits {r['edits']}  acknowledged {r['acked']}  lost {r['lost']}  "
            f"commit p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms  max {r['max_ms']:.1f} ms"
        )
    return 0 if all(r["lost"] == 0 and r["acked"] == r["edits"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
