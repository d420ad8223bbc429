"""Rapporteur links: one per group; a group's notes are its own to list and edit."""

from __future__ import annotations

import pytest
from link_phone import Phone, start_serve, stop_serve

from dgfacil.link.server import GONE_PAGE

GONE = GONE_PAGE.encode()  # every 404: the same small page, saying what to do, never why


@pytest.fixture
def grouped(new_doc):
    from dgfacil.operations import exercises, groups
    from dgfacil.operations.document import load_workshop

    doc = new_doc()
    with doc.session() as s:
        exercise = exercises.add_exercise(s, agenda_item_id=load_workshop(s).days[0].items[0].id, use="swot").ids[0]
        groups.create_groups(s, count=2, exercise_id=exercise)
    path = doc.path
    doc.close()
    running = start_serve(path)
    yield running
    stop_serve(running)


def test_each_group_writes_and_edits_only_its_own_notes(grouped, tmp_path):
    links = [line.split(": ", 1) for line in grouped.lines if line.startswith("rapporteur ")]
    assert len(links) == 2
    a, b = Phone(links[0][1]), Phone(links[1][1])
    assert a.request("GET", "")[0] == 200
    status, created = a.post("/api/notes", {"text": "Ministry to publish the data law", "tag": "action"})
    assert status == 201
    assert a.post("/api/notes", {"text": "x", "tag": "gossip"})[0] == 400
    assert [n["text"] for n in a.get("/api/notes")[1]["notes"]] == ["Ministry to publish the data law"]
    assert b.get("/api/notes")[1]["notes"] == []
    assert b.post(f"/api/notes/{created['id']}", {"text": "Hijacked", "tag": "note"})[0] == 404
    assert (
        a.post(f"/api/notes/{created['id']}", {"text": "Ministry to publish the data law by June", "tag": "decision"})[
            0
        ]
        == 200
    )
    wrong = Phone(links[0][1][:-4] + "AAAA")
    assert wrong.request("GET", "/api/notes")[:3:2] == (404, GONE)
    notes = grouped.export(tmp_path)["tables"]["note"]
    assert [(n["text"], n["tag"]) for n in notes] == [("Ministry to publish the data law by June", "decision")]


def test_a_group_added_while_serving_gets_its_rapporteur_link(grouped):
    import queue
    import threading

    from dgfacil.operations import groups
    from dgfacil.operations.document import load_workshop, open_document

    heard: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [heard.put(line.rstrip("\n")) for line in grouped.process.stdout], daemon=True
    ).start()
    before = {line.split(": ", 1)[1] for line in grouped.lines if line.startswith("rapporteur ")}
    doc = open_document(grouped.path)  # the app, or the CLI, adds a group to the served file
    try:
        with doc.session() as s:
            groups.create_groups(s, count=1, exercise_id=load_workshop(s).exercises[0].id)
    finally:
        doc.close()
    line = heard.get(timeout=15)
    assert line.startswith("rapporteur ") and line.split(": ", 1)[1] not in before
    new = Phone(line.split(": ", 1)[1])
    status, _created = new.post("/api/notes", {"text": "The new group's first note", "tag": "note"})
    assert status == 201
    assert [n["text"] for n in new.get("/api/notes")[1]["notes"]] == ["The new group's first note"]
