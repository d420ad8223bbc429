"""Two processes writing one workshop at once (the app and a CLI command, or two commands): every
edit waits its turn for the write lock; none fails with "database is locked", none is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from dgfacil.store.document import open_document
from dgfacil.store.workshop import load_workshop
from tests.store.conftest import ROOT

EDITS = 300

WRITER = textwrap.dedent("""
    import sys
    from dgfacil.core.model import AgendaItem
    from dgfacil.operations.agenda import add_item, update_item
    from dgfacil.store.document import open_document
    from dgfacil.store.workshop import load_workshop
    from dgfacil.store.tables import AgendaItemRow
    from sqlmodel import select

    path, name, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
    doc = open_document(path, backup_on_open=False)
    with doc.session() as s:
        day_id = load_workshop(session=s).days[0].id
    failed = 0
    for n in range(edits):
        try:
            with doc.session() as s:   # read, then write: the pattern that upgraded too late
                s.exec(select(AgendaItemRow.id)).all()
                changes = add_item(s, day_id=day_id, item=AgendaItem(title=f"{name} {n}", duration_min=5))
                update_item(s, item_id=changes.ids[0], duration_min=5 + n % 50)
        except Exception as err:
            failed += 1
            print("FAILED", type(err).__name__, err, file=sys.stderr)
    doc.close()
    print(failed)
""")


def test_two_processes_300_edits_each_none_failed_none_lost(demo_doc):
    path = demo_doc.address
    demo_doc.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(EDITS)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("app", "cli")
    ]
    outcomes = [w.communicate(timeout=120) for w in writers]
    for out, err in outcomes:
        assert out.strip() == "0", err[-2000:]
    doc = open_document(path)
    with doc.session() as s:
        titles = {i.title: i.duration_min for d in load_workshop(session=s).days for i in d.items}
    doc.close()
    for name in ("app", "cli"):
        for n in range(EDITS):
            assert titles.get(f"{name} {n}") == 5 + n % 50, f"{name} {n} was lost"
