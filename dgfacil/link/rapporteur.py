"""A group's rapporteur, under /r/<group token>: the group's discussion notes (an action with its
owner and due date) and the group's boards (cards, action-plan rows), typed and edited.

Each group's notes and boards are its own: another group's token neither lists nor edits them.
"""

from __future__ import annotations

from aiohttp import web

from dgfacil.core.model import NoteTag
from dgfacil.link import texts
from dgfacil.link.http import (
    address,
    asset,
    bad,
    body,
    limit_by_method,
    page,
    path_id,
    reply,
    state_of,
    write,
)
from dgfacil.operations import link as link_ops
from dgfacil.operations import link_rapporteur as ops

TAGS = [t.value for t in NoteTag]


def add_routes(app: web.Application) -> None:
    app.router.add_get("/r/{token}", rapporteur_page)
    app.router.add_get("/r/{token}/{asset:rapporteur\\.(js|css)}", rapporteur_asset)
    app.router.add_get("/r/{token}/api/notes", list_notes)
    app.router.add_post("/r/{token}/api/notes", add_note)
    app.router.add_post("/r/{token}/api/notes/{note}", edit_note)
    app.router.add_get("/r/{token}/api/boards", list_boards)
    app.router.add_post("/r/{token}/api/boards/{exercise}/items", add_item)
    app.router.add_post("/r/{token}/api/items/{item}", edit_item)


def group_of(request: web.Request) -> int:
    """The group whose token is in the URL (404 for any other)."""
    state = state_of(request)
    given = request.match_info["token"]
    for group_id, token in state.tokens.rapporteurs.items():
        try:
            state.check(given, token)
        except web.HTTPNotFound:
            continue
        limit_by_method(request, ("rapporteur", group_id, address(request)))
        return group_id
    raise web.HTTPNotFound()


async def rapporteur_page(request: web.Request) -> web.Response:
    """The page, titled with the group's name ("Group 1 — notes"), so a note-taker sees whose it is."""
    group_id = group_of(request)
    names = await state_of(request).writer.read(link_ops.group_names)
    title = texts.RAPPORTEUR["group_title"].replace("{}", names.get(group_id, ""))
    words = {**texts.RAPPORTEUR, "tags": TAGS}
    return page("rapporteur", words, base=f"/r/{request.match_info['token']}", title=title)


async def rapporteur_asset(request: web.Request) -> web.Response:
    group_of(request)
    return asset(request.match_info["asset"])


def _note_json(note) -> dict:
    return {
        "id": note.id,
        "text": note.text,
        "tag": NoteTag(note.tag).value,
        "owner": note.owner or "",
        "due": note.due or "",
        "created_at": note.created_at.isoformat(),
    }


async def list_notes(request: web.Request) -> web.Response:
    group_id = group_of(request)
    found = await state_of(request).writer.read(lambda s: ops.rapporteur_notes(s, group_id=group_id))
    return reply({"notes": [_note_json(n) for n in found]})


async def _fields(request: web.Request) -> dict:
    data = await body(request)
    text, tag = data.get("text"), data.get("tag", "note")
    owner, due = data.get("owner", ""), data.get("due", "")
    if not isinstance(text, str) or tag not in TAGS:
        raise bad(f"text is needed and tag is one of {', '.join(TAGS)}")
    if not isinstance(owner, str) or not isinstance(due, str):
        raise bad("owner and due are text (due as YYYY-MM-DD)")
    return {"text": text, "tag": tag, "owner": owner, "due": due}


async def add_note(request: web.Request) -> web.Response:
    group_id = group_of(request)
    fields = await _fields(request)
    state = state_of(request)
    now = state.clock()
    changes = await write(request, lambda s: ops.rapporteur_note(s, group_id=group_id, now=now, **fields))
    state.events.publish({"type": "notes", "id": changes.ids[0]})
    return reply({"id": changes.ids[0]}, status=201)


async def edit_note(request: web.Request) -> web.Response:
    group_id = group_of(request)
    note_id = path_id(request, "note")
    fields = await _fields(request)
    state = state_of(request)
    now = state.clock()
    await write(request, lambda s: ops.rapporteur_edit(s, group_id=group_id, note_id=note_id, now=now, **fields))
    state.events.publish({"type": "notes", "id": note_id})
    return reply({"id": note_id})


def _board_json(board) -> dict:
    return {
        "exercise_id": board.exercise_id,
        "title": board.title,
        "kind": board.kind,
        "closed": board.closed,
        "areas": [{"key": k, "title": t} for k, t in board.areas],
        "columns": [{"key": k, "title": t} for k, t in board.columns],
        "items": [{"id": i.id, "text": i.text, "area": i.area, "cells": i.data.get("cells", {})} for i in board.items],
    }


async def list_boards(request: web.Request) -> web.Response:
    group_id = group_of(request)
    found = await state_of(request).writer.read(lambda s: ops.group_boards(s, group_id=group_id))
    return reply({"boards": [_board_json(b) for b in found]})


async def add_item(request: web.Request) -> web.Response:
    """`{"text": "…", "area": "strengths"}` on a card board; `{"area": "goal", "cells": {…}}` on a table."""
    group_id, exercise_id = group_of(request), path_id(request, "exercise")
    data = await body(request)
    state = state_of(request)
    changes = await write(
        request, lambda s: ops.rapporteur_item(s, group_id=group_id, exercise_id=exercise_id, item=data)
    )
    state.events.publish({"type": "note", "id": changes.ids[0], "exercise": exercise_id, "group": group_id})
    return reply({"id": changes.ids[0]}, status=201)


async def edit_item(request: web.Request) -> web.Response:
    group_id, item_id = group_of(request), path_id(request, "item")
    data = await body(request)
    state = state_of(request)
    await write(request, lambda s: ops.rapporteur_item_edit(s, group_id=group_id, item_id=item_id, item=data))
    state.events.publish({"type": "note", "id": item_id, "group": group_id})
    return reply({"id": item_id})
