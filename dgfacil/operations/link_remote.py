"""What the facilitator's remote chooses and moderates beyond operations/link.py: the board and
the questions phones are shown (two separate choices), and every card of one phone hidden at once.

The board phones see is `link.board` (operations/link.py); the questions are `link.prompts`
(operations/link_prompts.py), so choosing one never replaces the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dgfacil.operations import boards, run
from dgfacil.operations import link as ops
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.link_prompts import KIND as PROMPTS
from dgfacil.operations.link_prompts import PROMPTS_KEY
from dgfacil.store import exercises as exercise_store
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class Choice:
    exercise_id: int
    title: str
    kind: str
    running: bool  # on the agenda item running now


@dataclass(frozen=True)
class Choices:
    """What the remote may show phones: card boards and prompts, the running item's first, and
    which of each is chosen now (None: the running item's)."""

    boards: list[Choice]
    prompts: list[Choice]
    board: int | None
    questions: int | None


def choices(session: Session, *, now: datetime) -> Choices:
    running = run.running_item_id(session, now=now)
    workshop = load_workshop(session=session)
    order = {item.id: n for n, item in enumerate(i for day in workshop.days for i in day.items)}
    found = sorted(
        (e for e in workshop.exercises if e.kind in (*ops.CARD_BOARDS, PROMPTS)),
        key=lambda e: (e.agenda_item_id != running or running is None, order.get(e.agenda_item_id, len(order))),
    )
    listed = [
        Choice(saved_id(e.id), e.title, e.kind, running is not None and e.agenda_item_id == running) for e in found
    ]
    return Choices(
        [c for c in listed if c.kind != PROMPTS],
        [c for c in listed if c.kind == PROMPTS],
        get_setting(ops.BOARD_KEY, session=session),
        get_setting(PROMPTS_KEY, session=session),
    )


def choose_prompts(session: Session, *, exercise_id: int | None) -> Changes:
    """Show phones these questions (None: the running item's); the board shown stays as it is."""
    if exercise_id is not None and exercise_store.exercise(exercise_id, session=session).kind != PROMPTS:
        raise LookupError(f"no prompts {exercise_id}")
    put_setting(PROMPTS_KEY, exercise_id, session=session)
    return Changes(boards=True)


def choose(session: Session, *, exercise_id: int | None) -> Changes:
    """`api/boards/current`, as before: a prompts exercise is the questions phones answer, a card
    board (or None) the board they see; the other choice stays."""
    if exercise_id is not None and exercise_store.exercise(exercise_id, session=session).kind == PROMPTS:
        return choose_prompts(session, exercise_id=exercise_id)
    return ops.choose_board(session, exercise_id=exercise_id)


def hide_phone(session: Session, *, item_id: int, hidden: bool = True) -> Changes:
    """Hide (or restore) every card the phone that wrote card `item_id` put on that board, the whole
    room's and the groups'. A card typed in the app has no phone: LookupError."""
    card = boards.items_by_ids(session, item_ids=[item_id]).get(item_id)
    device = card.data.get("device") if card is not None else None
    if card is None or not device:
        raise LookupError(f"no phone card {item_id}")
    exercise_id = saved_id(card.exercise_id)
    groups = [g.id for g in boards.exercise_groups(session, exercise_id=exercise_id)]
    ids = {
        saved_id(it.id)
        for group_id in (None, *groups)
        for it in boards.board_items(session, exercise_id=exercise_id, group_id=group_id)
        if it.data.get("device") == device
    }
    before = ops.hidden_ids(session)
    put_setting(ops.HIDDEN_KEY, sorted(before | ids if hidden else before - ids), session=session)
    return Changes(boards=True, ids=tuple(sorted(ids)))
