"""A workshop never loses an edit: a writer SIGKILLed mid-loop loses nothing it reported committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from dgfacil.store.document import open_document
from dgfacil.store.workshop import load_workshop

CHILD = textwrap.dedent("""
    import sys
    from dgfacil.core.model import AgendaItem
    from dgfacil.operations.agenda import add_item, update_item
    from dgfacil.store.document import open_document

    doc = open_document(sys.argv[1])
    with doc.session() as s:
        from dgfacil.store.workshop import load_workshop
        day_id = load_workshop(session=s).days[0].id
    n = 0
    while True:
        n += 1
        with doc.session() as s:
            changes = add_item(s, day_id=day_id, item=AgendaItem(title=f"edit {n}", duration_min=5))
        with doc.session() as s:
            update_item(s, item_id=changes.ids[0], duration_min=5 + n)
        print(n, flush=True)   # reported only after both commits returned
""")


def test_sigkill_mid_loop_loses_no_reported_edit(demo_doc):
    path = demo_doc.address
    demo_doc.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    reported = []
    for line in child.stdout:
        reported.append(int(line))
        if len(reported) >= 150:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    for line in child.stdout:  # whatever was already in the pipe was committed too
        if line.strip():
            reported.append(int(line))
    doc = open_document(path)
    with doc.session() as s:
        items = {i.title: i for d in load_workshop(session=s).days for i in d.items}
    doc.close()
    assert child.returncode == -signal.SIGKILL
    for n in reported:
        assert f"edit {n}" in items, f"edit {n} was reported committed but is gone"
        assert items[f"edit {n}"].duration_min == 5 + n
