"""Run events in a real document: stored as they happen, survive a SIGKILL, settings kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta, timezone

import pytest

from dgfacil.core.run.log import EventKind
from dgfacil.core.run.plan import derive_state
from dgfacil.core.run.words import countdown_text
from dgfacil.operations import run as run_ops
from dgfacil.store import run_log
from dgfacil.store.document import open_document
from dgfacil.store.settings import get_setting
from dgfacil.store.workshop import load_workshop

T0 = datetime(2023, 5, 30, 6, 7, tzinfo=UTC)  # 15:07 in Seoul: Session 1 starts


def first_day(doc):
    with doc.session() as s:
        return load_workshop(session=s).days[0]


def test_events_are_stored_with_their_instants(demo_doc):
    day = first_day(demo_doc)
    with demo_doc.session() as s:
        changes = run_ops.record_event(s, day_id=day.id, kind="start", at=T0)
        run_ops.record_event(s, day_id=day.id, kind=EventKind.EXTEND, at=T0 + timedelta(minutes=3), minutes=5)
    assert changes.run and len(changes.ids) == 1
    with demo_doc.session() as s:
        events = run_log.load_events(session=s, day_id=day.id)
    assert [e.kind for e in events] == [EventKind.START, EventKind.EXTEND]
    assert events[0].at == T0 and events[1].minutes == 5
    with demo_doc.session() as s:
        run_ops.reset_run(s, day_id=day.id)
        assert run_log.load_events(session=s, day_id=day.id) == []


def test_bad_events_are_refused(demo_doc):
    day = first_day(demo_doc)
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            run_ops.record_event(s, day_id=day.id, kind="extend", at=T0)
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            run_ops.record_event(s, day_id=day.id, kind="start", at=datetime(2023, 5, 30, 6, 0))  # naive
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            run_ops.record_event(s, day_id=day.id, kind="dance", at=T0)


def test_warning_lead_setting(demo_doc):
    with demo_doc.session() as s:
        assert run_ops.warning_lead(s) == 2
        run_ops.set_warning_lead(s, minutes=5)
    with demo_doc.session() as s:
        assert run_ops.warning_lead(s) == 5
        assert get_setting("run.warning_lead_min", session=s) == 5
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            run_ops.set_warning_lead(s, minutes=-1)


CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from dgfacil.operations.run import record_event
    from dgfacil.store.document import open_document
    doc = open_document(sys.argv[1])
    day_id, item_id, t0 = int(sys.argv[2]), int(sys.argv[3]), datetime.fromisoformat(sys.argv[4])
    with doc.session() as s:
        record_event(s, day_id=day_id, kind="start", at=t0)
    with doc.session() as s:
        record_event(s, day_id=day_id, kind="jump", at=t0, item_id=item_id)
    print("recorded", flush=True)
    time.sleep(60)
""")


def test_kill_mid_item_and_reopen_resumes_exactly(demo_doc):
    """A child records the run and is SIGKILLed mid item; five minutes later the reopened
    document shows the countdown exactly five minutes further on."""
    day = first_day(demo_doc)
    session_1 = day.items[1]
    path = demo_doc.address
    demo_doc.engine.dispose()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(day.id), str(session_1.id), T0.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert child.stdout.readline().strip() == "recorded"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    doc = open_document(path)
    try:
        with doc.session() as s:
            workshop = load_workshop(session=s)
            events = run_log.load_events(session=s, day_id=day.id)
    finally:
        doc.engine.dispose()
    state = derive_state(workshop.days[0], workshop.timezone, events, T0 + timedelta(minutes=5))
    assert state.current.item.id == session_1.id
    assert countdown_text(state.remaining) == "27:00"  # 32-minute session, 5 minutes on
    later = derive_state(workshop.days[0], workshop.timezone, events, T0 + timedelta(minutes=10, seconds=30))
    assert countdown_text(later.remaining) == "21:30"


def test_running_item_for_notes(demo_doc):
    day = first_day(demo_doc)
    with demo_doc.session() as s:
        assert run_ops.running_item_id(s, now=T0) is None
        run_ops.record_event(s, day_id=day.id, kind="start", at=T0)
        run_ops.record_event(s, day_id=day.id, kind="next", at=T0 + timedelta(minutes=3))
    with demo_doc.session() as s:
        assert run_ops.running_item_id(s, now=T0 + timedelta(minutes=4)) == day.items[1].id
