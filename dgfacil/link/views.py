"""What the phone page is sent: plain JSON built from the operations' answers.

Instants are ISO 8601 in UTC; the page shows them in the phone's own zone and the venue's.
Texts go out as they are — the page puts them in with textContent, so markup shows literally.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dgfacil.core.evaluation import EvaluationForm
from dgfacil.core.model import ItemKind
from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import ItemStatus, is_break
from dgfacil.core.zones import place_name
from dgfacil.operations.link import Board, Moderation, RoomState

NEXT_ITEMS = 3


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def state_json(room: RoomState, *, now: datetime, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """`labels`: the cities typed for zones (the venue is named by its city: "Bangkok")."""
    workshop, run = room.workshop, room.run
    out: dict[str, Any] = {
        "workshop": {
            "title": workshop.title,
            "venue_zone": workshop.timezone,
            "venue_city": place_name(workshop.timezone, labels),
            "venue": workshop.venue,
        },
        "now": _iso(now),
        "day": None,
        "phase": None,
        "current": None,
        "next": [],
        "agenda": [],
        "day_end": None,
        "back_at": None,
    }
    if room.day is None or run is None:
        return out
    out["day"] = {"id": room.day.id, "date": room.day.date.isoformat(), "title": room.day.title}
    out["phase"] = run.phase.value
    rows = []
    planned_only = run.phase is Phase.NOT_STARTED  # nothing ran yet: the plan, not a projection from now
    for row in run.rows:
        start = row.planned_start if planned_only else row.start or row.planned_start
        end = row.planned_end if planned_only else row.end or row.planned_end
        rows.append(
            {
                "id": row.item.id,
                "title": row.item.title,
                "kind": ItemKind(row.item.kind).value,
                "start": _iso(start),
                "end": _iso(end),
                "status": row.status.value,
            }
        )
    out["agenda"] = rows
    if run.current is not None:
        current = run.current
        out["current"] = {
            "id": current.item.id,
            "title": current.item.title,
            "remaining_s": int(run.remaining.total_seconds()),
            "paused": run.paused,
            "ends_at": _iso(current.end),
            "is_break": is_break(current.item),
        }
        if is_break(current.item):
            out["back_at"] = _iso(current.end)
    out["next"] = [r for r, row in zip(rows, run.rows, strict=True) if row.status is ItemStatus.PENDING][:NEXT_ITEMS]
    out["day_end"] = _iso(run.planned_end if planned_only else run.projected_end)
    return out


def board_json(board: Board | None) -> dict[str, Any] | None:
    if board is None:
        return None
    return {
        "exercise_id": board.exercise_id,
        "title": board.title,
        "kind": board.kind,
        "areas": [{"key": k, "title": t} for k, t in board.areas],
        "dots": board.dots,
        "closed": board.closed,
        "revealed": board.revealed,
        "groups": [{"id": gid, "name": name} for gid, name in board.groups.items()],
    }


def cards_json(cards: list[dict], *, revealed: bool, dots_left: int) -> dict[str, Any]:
    """A board's cards for one device: vote totals only once the facilitator reveals them."""
    shown = [{**n, "votes": n["votes"] if revealed else None} for n in cards]
    return {"notes": shown, "dots_left": dots_left, "revealed": revealed}


def survey_json(form: EvaluationForm, *, closed: bool, answers: dict) -> dict[str, Any]:
    groups = []
    for stem, questions in form.groups():
        groups.append(
            {
                "stem": stem,
                "questions": [
                    {"key": q.key, "kind": q.kind, "text": q.text, "choices": list(q.choices)} for q in questions
                ],
            }
        )
    return {"title": form.title, "closed": closed, "groups": groups, "answers": answers}


def moderation_json(found: Moderation) -> dict[str, Any]:
    """For the facilitator: every card of the board phones see, hidden ones marked, totals shown."""
    return {
        "board": board_json(found.board),
        "survey_closed": found.survey_closed,
        "notes": [
            {
                "id": n.id,
                "text": n.text,
                "area": n.area,
                "group": n.group,
                "votes": n.votes,
                "phone": n.from_phone,
                "hidden": n.hidden,
            }
            for n in found.cards
        ],
    }
