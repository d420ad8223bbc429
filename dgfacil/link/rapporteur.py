"""A group's rapporteur, under /r/<group token>: discussion notes the group types and edits.

Each group's notes are its own: another group's token neither lists nor edits them.
"""
from __future__ import annotations

import html
from pathlib import Path
from string import Template

from aiohttp import web

from dgfacil.core.model import NoteTag
from dgfacil.link import texts
from dgfacil.link.http import (
    address,
    bad,
    body,
    reply,
    safe_json,
    state_of,
    too_many,
    write,
)
from dgfacil.operations import link as ops

STATIC = Path(__file__).resolve().parent / "static"
TAGS = [t.value for t in NoteTag]


def add_routes(app: web.Application) -> None:
    app.router.add_get("/r/{token}", page)
    app.router.add_get("/r/{token}/{asset:rapporteur\\.js}", asset)
    app.router.add_get("/r/{token}/api/notes", list_notes)
    app.router.add_post("/r/{token}/api/notes", add_note)
    app.router.add_post("/r/{token}/api/notes/{note}", edit_note)


def group_of(request: web.Request) -> int:
    """The group whose token is in the URL (404 for any other)."""
    state = state_of(request)
    given = request.match_info["token"]
    for group_id, token in state.tokens.rapporteurs.items():
        try:
            state.check(given, token)
        except web.HTTPNotFound:
            continue
        if not state.limits.writes.allow(("rapporteur", group_id, address(request))):
            raise too_many()
        return group_id
    raise web.HTTPNotFound()


async def page(request: web.Request) -> web.Response:
    group_of(request)
    base = f"/r/{request.match_info['token']}"
    markup = Template((STATIC / "rapporteur.html").read_text(encoding="utf-8")).substitute(
        title=html.escape(texts.RAPPORTEUR["title"]), base=html.escape(base),
        texts=safe_json({**texts.RAPPORTEUR, "tags": TAGS}))
    return web.Response(text=markup, content_type="text/html", charset="utf-8")


async def asset(request: web.Request) -> web.Response:
    group_of(request)
    return web.Response(text=(STATIC / "rapporteur.js").read_text(encoding="utf-8"),
                        content_type="text/javascript", charset="utf-8")


def _note_json(note) -> dict:
    return {"id": note.id, "text": note.text, "tag": NoteTag(note.tag).value,
            "created_at": note.created_at.isoformat()}


async def list_notes(request: web.Request) -> web.Response:
    group_id = group_of(request)
    found = await state_of(request).writer.read(lambda s: ops.rapporteur_notes(s, group_id=group_id))
    return reply({"notes": [_note_json(n) for n in found]})


async def _fields(request: web.Request) -> tuple[str, str]:
    data = await body(request)
    text, tag = data.get("text"), data.get("tag", "note")
    if not isinstance(text, str) or tag not in TAGS:
        raise bad(f"text is needed and tag is one of {', '.join(TAGS)}")
    return text, tag


async def add_note(request: web.Request) -> web.Response:
    group_id = group_of(request)
    text, tag = await _fields(request)
    state = state_of(request)
    now = state.clock()
    changes = await write(request, lambda s: ops.rapporteur_note(s, group_id=group_id, text=text, tag=tag, now=now))
    state.events.publish({"type": "notes", "id": changes.ids[0]})
    return reply({"id": changes.ids[0]}, status=201)


async def edit_note(request: web.Request) -> web.Response:
    group_id = group_of(request)
    try:
        note_id = int(request.match_info["note"])
    except ValueError:
        raise web.HTTPNotFound() from None
    text, tag = await _fields(request)
    state = state_of(request)
    now = state.clock()
    await write(request, lambda s: ops.rapporteur_edit(s, group_id=group_id, note_id=note_id, text=text, tag=tag,
                                                       now=now))
    state.events.publish({"type": "notes", "id": note_id})
    return reply({"id": note_id})
