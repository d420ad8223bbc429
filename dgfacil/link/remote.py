"""The facilitator's side, under /f/<facilitator token>: a run remote and moderation.

The run actions record the same events as the Run room's keys, so the countdown, the projector
and the log agree. Stream Deck-style controllers can POST these too (docs/room-link.md).
"""

from __future__ import annotations

from aiohttp import web

from dgfacil.link import phone, texts, views
from dgfacil.link.http import (
    address,
    asset,
    body,
    integer,
    limit_by_method,
    page,
    path_id,
    reply,
    state_of,
    write,
)
from dgfacil.operations import link as ops
from dgfacil.operations import link_remote as remote_ops


def add_routes(app: web.Application) -> None:
    app.router.add_get("/f/{token}", remote_page)
    app.router.add_get("/f/{token}/{asset:remote\\.(js|css)}", remote_asset)
    app.router.add_get("/f/{token}/api/state", get_state)
    app.router.add_get("/f/{token}/events", events)
    app.router.add_post("/f/{token}/api/run", run_action)
    app.router.add_get("/f/{token}/api/moderation", moderation)
    app.router.add_post("/f/{token}/api/notes/{item}/hide", hide)
    app.router.add_post("/f/{token}/api/boards/{exercise}/reveal", reveal)
    app.router.add_post("/f/{token}/api/boards/{exercise}/close", close_board)
    app.router.add_post("/f/{token}/api/boards/current", choose_board)
    app.router.add_post("/f/{token}/api/prompts/current", choose_prompts)
    app.router.add_get("/f/{token}/api/choices", choices)
    app.router.add_post("/f/{token}/api/notes/{item}/hide_phone", hide_phone)
    app.router.add_post("/f/{token}/api/survey/close", close_survey)
    app.router.add_post("/f/{token}/api/rotate", rotate)


def facilitator(request: web.Request) -> None:
    state = state_of(request)
    state.check(request.match_info["token"], state.tokens.facilitator)
    limit_by_method(request, ("facilitator", address(request)))


async def remote_page(request: web.Request) -> web.Response:
    facilitator(request)
    return page("remote", texts.REMOTE, base=f"/f/{request.match_info['token']}")


async def remote_asset(request: web.Request) -> web.Response:
    facilitator(request)
    return asset(request.match_info["asset"])


async def get_state(request: web.Request) -> web.Response:
    """The run as the phones see it (current item, time left, next items), for the remote's screen."""
    facilitator(request)
    state = state_of(request)
    now = state.clock()
    return reply(await state.writer.read(lambda s: phone.room_json(s, now)))


async def events(request: web.Request) -> web.StreamResponse:
    """The phones' event stream: the remote redraws on each run or board change."""
    facilitator(request)
    return await phone.stream(request)


def _flag(data: dict, key: str) -> bool:
    value = data.get(key, True)
    if not isinstance(value, bool):
        raise web.HTTPBadRequest(text=f'{{"error": "{key} is true or false"}}', content_type="application/json")
    return value


async def moderation(request: web.Request) -> web.Response:
    """The board phones see, with every card (hidden ones too), and whether the survey is closed."""
    facilitator(request)
    state = state_of(request)
    now = state.clock()
    found = await state.writer.read(lambda s: ops.moderation(s, now=now))
    return reply(views.moderation_json(found))


async def run_action(request: web.Request) -> web.Response:
    facilitator(request)
    state = state_of(request)
    action = (await body(request)).get("action")
    if action not in ops.REMOTE_ACTIONS:
        raise web.HTTPBadRequest(text='{"error": "unknown action"}', content_type="application/json")
    now = state.clock()
    await write(request, lambda s: ops.remote_press(s, action=action, now=now))
    state.events.publish({"type": "run"})
    return reply({"ok": True})


async def hide(request: web.Request) -> web.Response:
    facilitator(request)
    item_id, hidden = path_id(request, "item"), _flag(await body(request), "hidden")
    await write(request, lambda s: ops.hide_card(s, item_id=item_id, hidden=hidden))
    state_of(request).events.publish({"type": "board", "id": item_id})
    return reply({"ok": True})


async def _board_switch(request: web.Request, flag: str, op) -> web.Response:
    """Turn one of a board's switches (votes revealed, closed to input) on or off."""
    facilitator(request)
    exercise_id, on = path_id(request, "exercise"), _flag(await body(request), flag)
    await write(request, lambda s: op(s, exercise_id=exercise_id, **{flag: on}))
    state_of(request).events.publish({"type": "board", "exercise": exercise_id})
    return reply({"ok": True})


async def reveal(request: web.Request) -> web.Response:
    return await _board_switch(request, "revealed", ops.reveal_votes)


async def close_board(request: web.Request) -> web.Response:
    return await _board_switch(request, "closed", ops.close_board)


async def choose_board(request: web.Request) -> web.Response:
    facilitator(request)
    exercise_id = integer(await body(request), "exercise_id", optional=True)
    await write(request, lambda s: remote_ops.choose(s, exercise_id=exercise_id))
    state_of(request).events.publish({"type": "board", "exercise": exercise_id})
    return reply({"ok": True})


async def choose_prompts(request: web.Request) -> web.Response:
    """The questions phones answer (null: the running item's); the board they see stays."""
    facilitator(request)
    exercise_id = integer(await body(request), "exercise_id", optional=True)
    await write(request, lambda s: remote_ops.choose_prompts(s, exercise_id=exercise_id))
    state_of(request).events.publish({"type": "board", "exercise": exercise_id})
    return reply({"ok": True})


async def choices(request: web.Request) -> web.Response:
    """The boards and the questions the remote may show phones (the running item's first)."""
    facilitator(request)
    state = state_of(request)
    now = state.clock()
    found = await state.writer.read(lambda s: remote_ops.choices(s, now=now))

    def listed(items) -> list[dict]:
        return [{"exercise_id": c.exercise_id, "title": c.title, "kind": c.kind, "running": c.running} for c in items]

    return reply(
        {
            "boards": listed(found.boards),
            "prompts": listed(found.prompts),
            "board": found.board,
            "questions": found.questions,
        }
    )


async def hide_phone(request: web.Request) -> web.Response:
    """Every card of the phone that wrote this one, hidden (or restored) at once."""
    facilitator(request)
    item_id, hidden = path_id(request, "item"), _flag(await body(request), "hidden")
    changes = await write(request, lambda s: remote_ops.hide_phone(s, item_id=item_id, hidden=hidden))
    state_of(request).events.publish({"type": "board", "id": item_id})
    return reply({"ids": list(changes.ids)})


async def close_survey(request: web.Request) -> web.Response:
    facilitator(request)
    on = _flag(await body(request), "closed")
    await write(request, lambda s: ops.close_survey(s, closed=on))
    state_of(request).events.publish({"type": "survey"})
    return reply({"ok": True})


async def rotate(request: web.Request) -> web.Response:
    """A new join token: old links and QR codes stop working at once."""
    facilitator(request)
    state = state_of(request)
    token = (await write(request, ops.rotate_join_token)).value
    state.tokens = ops.Tokens(token, state.tokens.facilitator, state.tokens.rapporteurs)
    state.events.publish({"type": "link"})  # open phone pages ask again, get 404 and say so
    return reply({"join": f"/j/{token}"})
