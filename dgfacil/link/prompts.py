"""Phones answering the exercise's prompts: `GET …/api/prompts` and `POST …/api/prompts`."""

from __future__ import annotations

from aiohttp import web

from dgfacil.link.http import body, integer, query_id, reply, write
from dgfacil.link.phone import participant
from dgfacil.operations import link_prompts as ops


def add_routes(app: web.Application) -> None:
    app.router.add_get("/j/{token}/api/prompts", get_prompts)
    app.router.add_post("/j/{token}/api/prompts", post_prompts)


async def get_prompts(request: web.Request) -> web.Response:
    """The questions phones answer now, and this device's earlier answers."""
    state, me = participant(request)
    group_id, now = query_id(request, "group"), state.clock()

    def read(s):
        found = ops.current_prompts(s, now=now)
        if found is None:
            return None, {}
        return found, ops.device_prompt_answers(s, exercise_id=found.exercise_id, group_id=group_id, device=me)

    found, answers = await state.writer.read(read)
    if found is None:
        return reply({"prompts": None, "answers": {}})
    return reply(
        {
            "prompts": {
                "exercise_id": found.exercise_id,
                "title": found.title,
                "closed": found.closed,
                "questions": found.questions,
                "groups": [{"id": g, "name": n} for g, n in found.groups.items()],
            },
            "answers": answers,
        }
    )


async def post_prompts(request: web.Request) -> web.Response:
    """`{"exercise_id": 4, "group_id": null, "answers": {"q1": "text", "q2": 0}}`."""
    state, me = participant(request, writing=True)
    data = await body(request)
    exercise_id = integer(data, "exercise_id")
    group_id = integer(data, "group_id", optional=True)
    answers = data.get("answers")
    if not isinstance(answers, dict) or not answers:
        raise web.HTTPBadRequest(text='{"error": "answers are needed"}', content_type="application/json")
    await write(
        request,
        lambda s: ops.phone_prompt_answers(s, exercise_id=exercise_id, group_id=group_id, answers=answers, device=me),
    )
    state.events.publish({"type": "board", "exercise": exercise_id, "group": group_id})
    return reply({"ok": True})
