"""Phones answering an exercise's prompts (the prompts board kind).

Answers land in the same exercise answers the desktop prompts board reads and edits: a text
question's answer gains one line per phone (a phone sending again replaces its own line), and a
choice question's answer is the room's (or group's) most chosen option, ties to the first. Which
phone said what is kept beside it under `phones`, as a short hash of the device's cookie.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from dgfacil.operations import boards, run
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.link import BOARD_KEY, CLOSED_KEY, Refused, flagged_ids
from dgfacil.store import exercises as exercise_store
from dgfacil.store.settings import get_setting
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

KIND = "prompts"
PROMPTS_KEY = "link.prompts"  # the prompts exercise phones answer (None: the running item's)
MAX_ANSWER = 2000


@dataclass(frozen=True)
class Prompts:
    exercise_id: int
    title: str
    questions: list[dict[str, Any]]  # {"key", "kind": "text" | "choice", "text", "options"}
    closed: bool
    groups: dict[int, str]


def current_prompts(session: Session, *, now: datetime) -> Prompts | None:
    """The prompts phones answer: the exercise the facilitator chose, else the running item's."""
    exercises = [e for e in load_workshop(session=session).exercises if e.kind == KIND]
    chosen = get_setting(PROMPTS_KEY, session=session) or get_setting(BOARD_KEY, session=session)  # older files
    exercise = next((e for e in exercises if e.id == chosen), None)
    if exercise is None:
        running = run.running_item_id(session, now=now)
        exercise = next((e for e in exercises if running is not None and e.agenda_item_id == running), None)
    return None if exercise is None else prompts(session, exercise_id=saved_id(exercise.id))


def prompts(session: Session, *, exercise_id: int) -> Prompts:
    exercise = exercise_store.exercise(exercise_id, session=session)  # LookupError when there is none
    if exercise.kind != KIND:
        raise LookupError(f"no prompts {exercise_id}")
    questions = [
        {"key": q["key"], "kind": q.get("kind", "text"), "text": q["text"], "options": list(q.get("options", []))}
        for q in exercise.definition.get("questions", [])
    ]
    groups = {saved_id(g.id): g.name for g in boards.exercise_groups(session, exercise_id=exercise_id)}
    return Prompts(exercise_id, exercise.title, questions, exercise_id in flagged_ids(CLOSED_KEY, session), groups)


def device_prompt_answers(session: Session, *, exercise_id: int, group_id: int | None, device: str) -> dict[str, Any]:
    """What this device answered before (key -> text or option index)."""
    answers = boards.board_answers(session, exercise_id=exercise_id, group_id=group_id)
    return {
        key: value["phones"][device]
        for key, value in answers.items()
        if isinstance(value.get("phones"), dict) and device in value["phones"]
    }


def _with_text(value: dict[str, Any], device: str, text: str) -> dict[str, Any]:
    lines = [line for line in value.get("text", "").split("\n") if line]
    before = (value.get("phones") or {}).get(device)
    if before is not None and before in lines:
        lines[lines.index(before)] = text
    else:
        lines.append(text)
    return {**value, "text": "\n".join(lines)}


def _with_choice(value: dict[str, Any], phones: dict[str, Any]) -> dict[str, Any]:
    tally = Counter(phones.values())
    best = max(sorted(tally), key=lambda i: tally[i])  # most chosen; sorted first, so ties go to the first
    return {**value, "choice": best}


def phone_prompt_answers(
    session: Session, *, exercise_id: int, group_id: int | None, answers: dict[str, Any], device: str
) -> Changes:
    """A phone's answers to some of the prompts; each replaces that phone's earlier answer."""
    found = prompts(session, exercise_id=exercise_id)
    if found.closed:
        raise Refused("these questions are closed", "prompts_closed")
    if group_id is not None and group_id not in found.groups:
        raise Refused("this board has no such group", "no_group")
    questions = {q["key"]: q for q in found.questions}
    current = boards.board_answers(session, exercise_id=exercise_id, group_id=group_id)
    changes = Changes()
    for key, answer in answers.items():
        question = questions.get(key)
        if question is None:
            raise ValueError(f"no question {key!r}")
        value = dict(current.get(key) or {})
        phones = dict(value.get("phones") or {})
        if question["kind"] == "choice":
            if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer < len(question["options"]):
                raise ValueError(f"{key}: choose one of the options")
            phones[device] = answer
            value = _with_choice(value, phones)
        else:
            if not isinstance(answer, str) or not answer.strip() or len(answer) > MAX_ANSWER:
                raise ValueError(f"{key}: an answer is some text, at most {MAX_ANSWER} characters")
            answer = " ".join(answer.split())  # one line per phone
            value = _with_text(value, device, answer)
            phones[device] = answer
        changes = changes | boards.set_answer(
            session, exercise_id=exercise_id, group_id=group_id, key=key, value={**value, "phones": phones}
        )
    return changes
