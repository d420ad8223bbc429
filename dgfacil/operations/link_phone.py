"""What a phone does on the room link: sees a board's cards, adds cards, spends its dots, answers
the survey. Every write is refused (`Refused`) when the facilitator closed the board or survey.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from dgfacil.core import exercises as core_ex
from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards, evaluation
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.link import (
    CLOSED_KEY,
    HIDDEN_KEY,
    PHONE_SOURCE,
    Refused,
    card_board,
    flagged_ids,
    survey_closed,
)
from dgfacil.store import link as store

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel import Session

    from dgfacil.core.model import Exercise

FREE_SPOT_LIMIT = 100  # beyond this many cards in a zone, looking for a gap costs more than it helps


def visible_cards(session: Session, *, exercise_id: int, group_id: int | None, device: str) -> list[dict[str, Any]]:
    """The board's cards a phone may see (hidden ones left out), with the device's own dots."""
    hidden = set(flagged_ids(HIDDEN_KEY, session))
    mine: dict[int, int] = {}
    for item_id, voter, dots in boards.board_votes(session, exercise_id=exercise_id, group_id=group_id):
        if voter == device:
            mine[item_id] = mine.get(item_id, 0) + dots
    return [
        {
            "id": it.id,
            "text": it.text,
            "area": it.area,
            "votes": it.votes,
            "mine": mine.get(saved_id(it.id), 0),
            "own": it.data.get("device") == device,
        }
        for it in boards.board_items(session, exercise_id=exercise_id, group_id=group_id)
        if it.id not in hidden
    ]


def dots_left(session: Session, *, exercise_id: int, group_id: int | None, device: str) -> int:
    total = core_ex.vote_rule(card_board(session, exercise_id).definition)[0]
    return max(0, total - store.voter_dots(exercise_id, group_id, device, session=session))


def _open_board(session: Session, exercise_id: int, group_id: int | None) -> Exercise:
    """The card board a phone writes to, refused when closed; read with as few queries as a
    phone's write can afford (hundreds a minute)."""
    exercise = card_board(session, exercise_id)
    if exercise_id in flagged_ids(CLOSED_KEY, session):
        raise Refused("this board is closed", "board_closed")
    if group_id is not None and group_id not in {
        g.id for g in boards.exercise_groups(session, exercise_id=exercise_id)
    }:
        raise Refused("this board has no such group", "no_group")
    return exercise


def phone_card(
    session: Session, *, exercise_id: int, group_id: int | None, area: str, text: str, device: str
) -> Changes:
    """A card from a phone, placed in a free spot of its zone."""
    exercise = _open_board(session, exercise_id, group_id)
    text = text.strip()
    if not text:
        raise Refused("a card needs some text", "empty_card")
    rects = core_ex.area_rects(exercise.kind, exercise.definition)
    if area not in rects:
        raise Refused("this board has no such zone", "no_zone")
    count, taken = store.area_positions(exercise_id, group_id, area, limit=FREE_SPOT_LIMIT, session=session)
    if count < FREE_SPOT_LIMIT:
        x, y = core_ex.free_spot(rects[area], taken)
    else:  # a crowded zone: the next cell in turn, without comparing with every card
        *_, (x, y) = core_ex.grid_cells(rects[area], count + 1)
    item = BoardItem(
        text=text,
        area=area,
        x=x,
        y=y,
        data={"source": PHONE_SOURCE, "device": device},
        position=store.next_position(exercise_id, session=session),
    )  # not looked up row by row
    return boards.add_item(session, exercise_id=exercise_id, group_id=group_id, item=item)


class PhoneVote(NamedTuple):
    """What `phone_vote` hands back: the note voted on and the dots the device has left."""

    item: BoardItem
    dots_left: int


def phone_vote(session: Session, *, item_id: int, device: str, remove: bool = False) -> Changes[PhoneVote]:
    """One dot from a device (its own allowance on the board), or one taken back.
    Hands back the card and the dots the device has left on its board."""
    found = boards.items_by_ids(session, item_ids=[item_id]).get(item_id)
    if found is None or item_id in flagged_ids(HIDDEN_KEY, session):
        raise LookupError(f"no card {item_id}")
    exercise = _open_board(session, saved_id(found.exercise_id), found.group_id)
    if remove:
        changes = boards.remove_vote(session, item_id=item_id, voter=device)
    else:
        try:
            changes = boards.add_vote(session, item_id=item_id, voter=device)
        except ValueError as err:
            raise Refused("you have used all your dots on this board", "no_dots") from err
    used = store.voter_dots(saved_id(found.exercise_id), found.group_id, device, session=session)
    return changes.with_value(PhoneVote(found, max(0, core_ex.vote_rule(exercise.definition)[0] - used)))


def device_answers(session: Session, *, device: str) -> dict[str, Any]:
    """The answers this device sent before (editable until the survey closes), or {}."""
    for response in evaluation.all_responses(session):
        if response.source == PHONE_SOURCE and response.external_id == device:
            return dict(response.answers)
    return {}


def phone_response(session: Session, *, device: str, answers: dict[str, Any], now: datetime) -> Changes:
    """The device's one evaluation response: added the first time, replaced after."""
    if survey_closed(session):
        raise Refused("the survey is closed", "survey_closed")
    for response in evaluation.all_responses(session):
        if response.source == PHONE_SOURCE and response.external_id == device:
            return evaluation.update_response(session, response_id=saved_id(response.id), answers=answers)
    return evaluation.add_response(session, answers=answers, source=PHONE_SOURCE, submitted_at=now, external_id=device)
