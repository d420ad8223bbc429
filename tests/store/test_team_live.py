"""Team mode, live: a committed write on the server is announced to the other laptops (LISTEN /
NOTIFY), a rolled-back one never; an edit made on what someone else has changed since is refused
and says who changed it; the listener notices the server going away and comes back by itself."""

from __future__ import annotations

import queue
from datetime import UTC

import pytest

from dgfacil.core.model import Participant
from dgfacil.operations import participants as people_ops
from dgfacil.store.document import open_document
from dgfacil.store.errors import EditConflict, ServerUnreachable
from dgfacil.store.team_listen import Listener
from dgfacil.store.team_notify import channel_for

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def team_url(new_doc):
    doc = new_doc()
    with doc.session() as s:
        people_ops.add_participant(s, participant=Participant(full_name="Ana Lima", email="ana@example.org"))
    url = doc.address
    doc.close()
    return url


def _listen(doc, heard: queue.Queue, states: queue.Queue | None = None) -> Listener:
    listener = Listener(
        doc.url,
        channel_for(doc.document_id),
        skip_origin=None,
        on_news=heard.put,
        on_state=lambda state, since: (states or queue.Queue()).put(state),
    )
    return listener.start()


def _first_person(doc) -> Participant:
    with doc.session(write=False) as s:
        return people_ops.all_participants(s)[0]


def test_a_committed_edit_is_heard_with_what_changed_and_who(team_url, monkeypatch):
    monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "check-in laptop")
    doc = open_document(team_url)
    heard: queue.Queue = queue.Queue()
    states: queue.Queue = queue.Queue()
    listener = _listen(doc, heard, states)
    try:
        assert states.get(timeout=10) == "connected"
        person = _first_person(doc)
        with pytest.raises(ValueError):  # a refused edit is rolled back: nothing is announced
            with doc.session() as s:
                people_ops.update_participant(s, participant_id=person.id, email="x@example.org")
                raise ValueError("changed my mind")
        with doc.session() as s:
            people_ops.update_participant(s, participant_id=person.id, email="new@example.org")
        news = heard.get(timeout=5)
        assert news["tables"] == ["participant"] and news["ids"] == {"participant": [person.id]}
        assert news["by"] == "check-in laptop"
        assert heard.empty()
    finally:
        listener.stop()
        doc.close()


def test_an_edit_on_what_someone_changed_since_is_refused_with_who_and_when(team_url, monkeypatch):
    checkin, mine = open_document(team_url), open_document(team_url)
    try:
        person = _first_person(mine)  # both laptops show this version
        monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "check-in")
        with checkin.session() as s:
            people_ops.update_participant(
                s, participant_id=person.id, seen={"email": person.email}, email="theirs@example.org"
            )
        monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "facilitator")
        with pytest.raises(EditConflict, match=r"changed on the check-in laptop at \d\d:\d\d") as caught:
            with mine.session() as s:
                people_ops.update_participant(
                    s, participant_id=person.id, seen={"email": person.email}, email="mine@example.org"
                )
        assert caught.value.by == "check-in"
        assert _first_person(mine).email == "theirs@example.org"
        # a different field of the same row is no conflict: nobody's value is overwritten
        with mine.session() as s:
            people_ops.update_participant(s, participant_id=person.id, seen={"role": person.role}, role="Speaker")
        assert (_first_person(checkin).email, _first_person(checkin).role) == ("theirs@example.org", "Speaker")
    finally:
        checkin.close()
        mine.close()


def test_the_listener_says_offline_and_comes_back(team_url, pg_server):
    doc = open_document(team_url)
    states: queue.Queue = queue.Queue()
    listener = _listen(doc, queue.Queue(), states)
    try:
        assert states.get(timeout=10) == "connected"
        database = team_url.rsplit("/", 1)[-1]
        # the server drops every connection to the workshop, as a dying Wi-Fi does
        pg_server.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'")
        assert states.get(timeout=10) == "reconnecting"
        assert states.get(timeout=10) == "connected"
    finally:
        listener.stop()
        doc.close()


def test_an_edit_while_offline_is_refused_at_once(team_url):
    from datetime import datetime

    doc = open_document(team_url)
    try:
        doc.offline_since = datetime(2026, 5, 4, 8, 42, tzinfo=UTC)
        with pytest.raises(ServerUnreachable, match="offline since"):
            with doc.session() as s:
                people_ops.update_participant(s, participant_id=1, email="x@example.org")
        with doc.session(write=False) as s:  # reading what is on screen still works
            assert people_ops.all_participants(s)
    finally:
        doc.close()


def test_an_edit_while_reconnecting_or_just_after_a_failed_one_is_refused_at_once(team_url, pg_server):
    import time
    from datetime import datetime

    from dgfacil.store.server_document import FAST_REFUSAL_S, ServerDocument

    doc = open_document(team_url)
    try:
        doc.server_state("reconnecting", datetime(2026, 5, 4, 8, 42, tzinfo=UTC))
        with pytest.raises(ServerUnreachable, match="reconnecting since"):
            with doc.session() as s:
                people_ops.update_participant(s, participant_id=1, email="x@example.org")
        doc.server_state("connected", None)
        with doc.session() as s:
            people_ops.update_participant(s, participant_id=1, email="back@example.org")
    finally:
        doc.close()
    # a server nobody answers at: the first edit finds it gone, the next is refused without trying
    gone = ServerDocument(team_url.replace(f":{pg_server.port}/", f":{_closed_port()}/"))
    try:
        with pytest.raises(ServerUnreachable):
            with gone.session() as s:
                people_ops.update_participant(s, participant_id=1, email="x@example.org")
        with pytest.raises(ServerUnreachable, match="did not answer a moment ago"):
            with gone.session() as s:
                raise AssertionError("not tried")
        gone._failed_at = time.monotonic() - FAST_REFUSAL_S  # a moment later it is tried again
        with pytest.raises(ServerUnreachable) as tried:
            with gone.session() as s:
                people_ops.update_participant(s, participant_id=1, email="x@example.org")
        assert "a moment ago" not in str(tried.value)
    finally:
        gone.close()


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:  # bound, never listening: a connection is refused at once
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
