"""The participant's side, under /j/<join token>: the phone page, its JSON API and its events."""

from __future__ import annotations

from aiohttp import web

from dgfacil.link import texts, views
from dgfacil.link.http import (
    asset,
    bad,
    body,
    cookie,
    device,
    give_cookie,
    integer,
    limit,
    page,
    query_id,
    reply,
    state_of,
    write,
)
from dgfacil.link.server import LinkState
from dgfacil.operations import evaluation, link_phone
from dgfacil.operations import link as ops
from dgfacil.operations.workshop import zone_labels

MAX_CARD = 500  # characters on one card: the page's maxlength and the server's limit


def add_routes(app: web.Application) -> None:
    app.router.add_get("/j/{token}", phone_page)
    app.router.add_get("/j/{token}/{asset:phone\\.(js|css)}", phone_asset)
    app.router.add_get("/j/{token}/api/state", get_state)
    app.router.add_get("/j/{token}/api/board", get_board)
    app.router.add_post("/j/{token}/api/notes", post_card)
    app.router.add_post("/j/{token}/api/votes", post_vote)
    app.router.add_post("/j/{token}/api/evaluation", post_evaluation)
    app.router.add_get("/j/{token}/events", events)


def joined(request: web.Request) -> None:
    """404 unless the URL holds the current join token."""
    state = state_of(request)
    state.check(request.match_info["token"], state.tokens.join)


def participant(request: web.Request, *, writing: bool = False) -> tuple[LinkState, str]:
    """The join token checked and the device's read or write limit applied: the link's state and
    the device (a request without the page's cookie is refused)."""
    joined(request)
    state = state_of(request)
    limit(request, state.limits.writes if writing else state.limits.reads)
    return state, device(request)


async def phone_page(request: web.Request) -> web.Response:
    joined(request)
    state = state_of(request)
    if cookie(request) is not None:  # a first visit is limited per address, by give_cookie
        limit(request, state.limits.reads)
    title = await state.writer.read(ops.workshop_title)
    words = {**texts.PHONE, "max_card": str(MAX_CARD)}  # the page's maxlength is the server's limit
    response = page("phone", words, base=f"/j/{request.match_info['token']}", title=title)
    give_cookie(request, response)
    return response


async def phone_asset(request: web.Request) -> web.Response:
    joined(request)
    return asset(request.match_info["asset"])


async def get_state(request: web.Request) -> web.Response:
    state, me = participant(request)
    now = state.clock()

    def read(s):
        form = evaluation.evaluation_form(s)
        survey = views.survey_json(form, closed=ops.survey_closed(s), answers=link_phone.device_answers(s, device=me))
        return {**room_json(s, now), "survey": survey if form.questions else None}

    return reply(await state.writer.read(read))


def room_json(session, now) -> dict:
    """The run and the board as phones see them (the facilitator's remote shows the same)."""
    return {
        **views.state_json(ops.room_state(session, now=now), now=now, labels=zone_labels(session)),
        "board": views.board_json(ops.current_board(session, now=now)),
    }


async def get_board(request: web.Request) -> web.Response:
    """The cards of a board (the current one unless ?exercise= names another) for this device."""
    state, me = participant(request)
    exercise_id, group_id = query_id(request, "exercise"), query_id(request, "group")
    now = state.clock()

    def read(s):
        found = ops.board(s, exercise_id=exercise_id) if exercise_id is not None else ops.current_board(s, now=now)
        if found is None:
            return {"board": None}
        cards = link_phone.visible_cards(s, exercise_id=found.exercise_id, group_id=group_id, device=me)
        left = link_phone.dots_left(s, exercise_id=found.exercise_id, group_id=group_id, device=me)
        return {"board": views.board_json(found), **views.cards_json(cards, revealed=found.revealed, dots_left=left)}

    try:
        return reply(await state.writer.read(read))
    except LookupError:
        raise web.HTTPNotFound() from None


async def post_card(request: web.Request) -> web.Response:
    state, me = participant(request, writing=True)
    data = await body(request)
    text, area = data.get("text"), data.get("area")
    if not isinstance(text, str) or not isinstance(area, str):
        raise web.HTTPBadRequest(text='{"error": "text and area are needed"}', content_type="application/json")
    if len(text.strip()) > MAX_CARD:  # refused in words, never cut short
        raise bad(f"a card is at most {MAX_CARD} characters", 400, "too_long")
    exercise_id = integer(data, "exercise_id", optional=True)
    group_id = integer(data, "group_id", optional=True)
    now = state.clock()

    def op(s):
        target = exercise_id
        if target is None:
            target = ops.current_board_id(s, now=now)
            if target is None:
                raise ops.Refused("there is no board open for cards right now", "no_board")
        return link_phone.phone_card(
            s, exercise_id=target, group_id=group_id, area=area, text=text, device=me
        ).with_value(target)

    changes = await write(request, op)
    card_id, target = changes.ids[0], changes.value
    state.events.publish({"type": "note", "id": card_id, "exercise": target, "group": group_id})
    return reply({"id": card_id, "exercise_id": target}, status=201)


async def post_vote(request: web.Request) -> web.Response:
    state, me = participant(request, writing=True)
    data = await body(request)
    item_id = integer(data, "item_id")
    remove = data.get("remove") is True

    item, left = (
        await write(request, lambda s: link_phone.phone_vote(s, item_id=item_id, device=me, remove=remove))
    ).value
    state.events.publish({"type": "vote", "id": item_id, "exercise": item.exercise_id, "group": item.group_id})
    return reply({"item_id": item_id, "dots_left": left})


async def post_evaluation(request: web.Request) -> web.Response:
    state, me = participant(request, writing=True)
    data = await body(request)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise web.HTTPBadRequest(text='{"error": "answers are needed"}', content_type="application/json")
    now = state.clock()
    changes = await write(request, lambda s: link_phone.phone_response(s, device=me, answers=answers, now=now))
    state.events.publish({"type": "survey"})
    return reply({"response_id": changes.ids[0]})


async def events(request: web.Request) -> web.StreamResponse:
    joined(request)
    limit(request, state_of(request).limits.reads)
    return await stream(request)


async def stream(request: web.Request) -> web.StreamResponse:
    """Server-sent events: one `data:` line of JSON per change; a comment line keeps it alive."""
    state = state_of(request)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
    await response.prepare(request)
    queue = state.events.subscribe()
    try:
        await response.write(b"retry: 2000\n: joined\n\n")
        while True:  # the broadcaster's heartbeat keeps an idle stream alive (and finds dead ones)
            first = await queue.get()
            if first is None:
                break
            chunk = [first]
            while not queue.empty():  # everything waiting goes out in one write
                more = queue.get_nowait()
                if more is None:
                    break
                chunk.append(more)
            await response.write("".join(chunk).encode())
            if not state.events.listening(queue) and queue.empty():
                break
    except ConnectionResetError:  # the phone went away
        pass
    finally:
        state.events.unsubscribe(queue)
    return response
