"""Phone input redrawn later and together: a burst of requests makes one or two reads on the
database worker, answered on the GUI thread, never read on the GUI thread itself."""

from __future__ import annotations

import threading

from dgfacil.operations import link as ops


def test_a_burst_of_phone_input_is_read_once_off_the_gui_thread(ctx, qtbot):
    from dgfacil.ui.link.refresh import CoalescedRead

    prepared, read_on, shown = [], [], []
    gate = threading.Event()
    gate.set()

    def prepare():
        prepared.append(len(prepared))

        def read(session):
            read_on.append(threading.current_thread().name)
            gate.wait(5)  # a slow read, when the test closes the gate
            return ops.hidden_ids(session)

        return read

    later = CoalescedRead(ctx.tasks, prepare, lambda answer: shown.append((answer, threading.current_thread().name)))
    for _ in range(50):  # 50 phone notes arriving together
        later.request()
    assert later.busy and not shown  # nothing was read on the GUI thread meanwhile
    qtbot.waitUntil(lambda: not later.busy and bool(shown), timeout=3000)
    assert len(prepared) == 1 and read_on == ["dgfacil-db_0"] and shown == [(set(), threading.current_thread().name)]
    # input arriving while a read runs makes exactly one more read, after it
    gate.clear()
    later.request()
    qtbot.waitUntil(lambda: len(read_on) == 2, timeout=3000)  # the second read is running
    later.request()
    later.request()
    gate.set()
    qtbot.waitUntil(lambda: not later.busy and len(shown) == 3, timeout=3000)
    assert len(prepared) == 3 and len(read_on) == 3
