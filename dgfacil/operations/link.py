"""The room link's actions: its tokens, the run and boards as phones see them, and moderation.

What a phone writes (cards, dots, survey answers) is in `link_phone`.

Phones write through the same board, evaluation and run operations as the app. What is only the
link's (tokens, which board phones see, hidden cards, revealed votes, closed boards, the closed
survey) lives in the `setting` table under `link.*`, so no migration is needed.
A device is a random cookie; only a short hash of it is stored (as a voter name and a response id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from dgfacil.core import exercises as core_ex
from dgfacil.core.agenda import in_zone
from dgfacil.core.run.log import EventKind, Phase
from dgfacil.core.run.plan import RunState, derive_state
from dgfacil.operations import boards, run
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.link_tokens import (  # noqa: F401 - the link's callers find them here too
    as_typed,
    device_key,
    new_join_token,
    new_token,
    readable,
    typable,
)
from dgfacil.store import exercises as exercise_store
from dgfacil.store import link as store
from dgfacil.store import run_log
from dgfacil.store.groups import load_groups
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Day, Exercise, Workshop
    from dgfacil.core.run.log import RunEvent

JOIN_KEY = "link.join_token"
FACILITATOR_KEY = "link.facilitator_token"
RAPPORTEUR_KEY = "link.rapporteur_tokens"  # {group id: token}
BOARD_KEY = "link.board"  # exercise id phones are shown (None: the running item's board)
HIDDEN_KEY = "link.hidden"  # board item ids hidden from phones and the projector
REVEALED_KEY = "link.revealed"  # exercise ids whose vote totals phones may see
CLOSED_KEY = "link.closed"  # exercise ids closed to new cards and votes
SURVEY_CLOSED_KEY = "link.survey_closed"
CARD_BOARDS = ("zones", "plane")
PHONE_SOURCE = "phone"


class Refused(ValueError):
    """Phone input the room does not take (closed board, no dots left, unknown zone). `code` names
    the page's own text for it (dgfacil/link/texts.py), so phones read it in the page's language."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Tokens:
    join: str
    facilitator: str
    rapporteurs: dict[int, str] = field(default_factory=dict)  # group id -> token


def run_together(session: Session, *, actions: list[Callable[[Session], object]]) -> list[tuple[bool, object]]:
    """Phone writes that arrived together, one commit for all (group commit): each is all or
    nothing on its own, and none is answered before the commit is on disk."""
    return store.each_in_savepoint(actions, session=session)


# -- tokens ------------------------------------------------------------------------------------


def ensure_tokens(session: Session) -> Changes[Tokens]:
    """The link's tokens, created on first use (and one per group added since)."""
    join = get_setting(JOIN_KEY, session=session) or new_join_token()
    facilitator = get_setting(FACILITATOR_KEY, session=session) or new_token()
    stored = {int(k): v for k, v in (get_setting(RAPPORTEUR_KEY, {}, session=session) or {}).items()}
    groups = {saved_id(g.id): g for g in load_groups(session=session)}
    rapporteurs = {gid: stored.get(gid) or new_token() for gid in groups}
    tokens = Tokens(join, facilitator, rapporteurs)
    if tokens == Tokens(get_setting(JOIN_KEY, session=session), get_setting(FACILITATOR_KEY, session=session), stored):
        return Changes(value=tokens)  # nothing new: asked again whenever groups may have changed
    put_setting(JOIN_KEY, join, session=session)
    put_setting(FACILITATOR_KEY, facilitator, session=session)
    put_setting(RAPPORTEUR_KEY, {str(k): v for k, v in rapporteurs.items()}, session=session)
    return Changes(workshop=True, value=tokens)


def rotate_join_token(session: Session) -> Changes[str]:
    """A new join token: every old link (and QR) stops working at once."""
    token = new_join_token()
    put_setting(JOIN_KEY, token, session=session)
    return Changes(workshop=True, value=token)


def workshop_title(session: Session) -> str:
    return load_workshop(session=session).title


def group_names(session: Session) -> dict[int, str]:
    return {saved_id(g.id): g.name for g in load_groups(session=session)}


# -- the run, as phones see it ---------------------------------------------------------------


def run_day(workshop: Workshop, logs: dict[int, list[RunEvent]], now: datetime) -> Day | None:
    """The day being run: one with a current item, else today's in the venue zone, else the first."""
    for day in workshop.days:
        events = logs.get(saved_id(day.id))
        if events and derive_state(day, workshop.timezone, events, now).current is not None:
            return day
    today = in_zone(now, workshop.timezone).date()
    return next((d for d in workshop.days if d.date == today), workshop.days[0] if workshop.days else None)


@dataclass(frozen=True)
class RoomState:
    workshop: Workshop
    day: Day | None
    run: RunState | None


def room_state(session: Session, *, now: datetime) -> RoomState:
    workshop = load_workshop(session=session)
    logs = run_log.load_all_events(session=session)
    day = run_day(workshop, logs, now)
    state = None if day is None else derive_state(day, workshop.timezone, logs.get(saved_id(day.id), []), now)
    return RoomState(workshop, day, state)


REMOTE_ACTIONS = ("toggle", "start", "pause", "next", "previous", "plus1", "plus5")


def remote_press(session: Session, *, action: str, now: datetime) -> Changes:
    """The facilitator's phone pressing a run key: the same event the Run room's key records."""
    if action not in REMOTE_ACTIONS:
        raise Refused(f"unknown run action {action!r}", "unknown_action")
    room = room_state(session, now=now)
    if room.day is None or room.run is None:
        raise Refused("the workshop has no days", "no_days")
    phase = room.run.phase
    if action == "toggle":
        action = {Phase.RUNNING: "pause", Phase.PAUSED: "resume"}.get(phase, "start")
    if action == "pause" and phase is Phase.PAUSED:
        action = "resume"
    kinds = {
        "start": EventKind.START,
        "pause": EventKind.PAUSE,
        "resume": EventKind.RESUME,
        "next": EventKind.NEXT,
        "previous": EventKind.PREVIOUS,
    }
    if action in ("plus1", "plus5"):
        if room.run.current is None:
            raise Refused("nothing is running", "nothing_running")
        return run.record_event(
            session,
            day_id=saved_id(room.day.id),
            kind=EventKind.EXTEND,
            at=now,
            item_id=room.run.current.item.id,
            minutes=1 if action == "plus1" else 5,
        )
    if action == "start" and phase is not Phase.NOT_STARTED:
        raise Refused("the day has started", "day_started")
    return run.record_event(session, day_id=saved_id(room.day.id), kind=kinds[action], at=now)


# -- boards ------------------------------------------------------------------------------------


def flagged_ids(key: str, session: Session) -> list[int]:
    """The ids stored under one of the link's flag settings (HIDDEN_KEY, REVEALED_KEY, CLOSED_KEY)."""
    return [int(i) for i in get_setting(key, [], session=session) or []]


def _put_flag(key: str, item: int, on: bool, session: Session) -> None:
    ids = set(flagged_ids(key, session))
    ids = ids | {item} if on else ids - {item}
    put_setting(key, sorted(ids), session=session)


@dataclass(frozen=True)
class Board:
    exercise_id: int
    kind: str
    title: str
    areas: list[tuple[str, str]]  # (key, title)
    dots: int
    closed: bool
    revealed: bool
    groups: dict[int, str]


def current_board_id(session: Session, *, now: datetime) -> int | None:
    """The card board phones are shown: the one the facilitator chose, else the running item's.
    Every phone card without a board asks this, so the facilitator's choice is read without
    loading the workshop (that was a third of the database worker's time with 200 phones)."""
    chosen = get_setting(BOARD_KEY, session=session)
    if chosen is not None:
        try:
            if exercise_store.exercise(chosen, session=session).kind in CARD_BOARDS:
                return int(chosen)
        except LookupError:  # deleted since it was chosen: follow the running item
            pass
    running = run.running_item_id(session, now=now)
    if running is None:
        return None
    workshop = load_workshop(session=session)
    return next(
        (saved_id(e.id) for e in workshop.exercises if e.kind in CARD_BOARDS and e.agenda_item_id == running), None
    )


def current_board(session: Session, *, now: datetime) -> Board | None:
    found = current_board_id(session, now=now)
    return None if found is None else board(session, exercise_id=found)


def card_board(session: Session, exercise_id: int) -> Exercise:
    """The exercise, when it is a card board (LookupError otherwise)."""
    exercise = exercise_store.exercise(exercise_id, session=session)  # LookupError when there is none
    if exercise.kind not in CARD_BOARDS:
        raise LookupError(f"no card board {exercise_id}")
    return exercise


def board(session: Session, *, exercise_id: int) -> Board:
    exercise = card_board(session, exercise_id)
    rects = core_ex.area_rects(exercise.kind, exercise.definition)
    titles = {
        a["key"]: a.get("title", a["key"])
        for a in exercise.definition.get("zones", []) + exercise.definition.get("quadrants", [])
    }
    groups = {saved_id(g.id): g.name for g in boards.exercise_groups(session, exercise_id=exercise_id)}
    return Board(
        exercise_id,
        exercise.kind,
        exercise.title,
        [(k, titles.get(k, k)) for k in rects],
        core_ex.vote_rule(exercise.definition)[0],
        exercise_id in flagged_ids(CLOSED_KEY, session),
        exercise_id in flagged_ids(REVEALED_KEY, session),
        groups,
    )


def choose_board(session: Session, *, exercise_id: int | None) -> Changes:
    """Show phones this board (None: follow the running agenda item)."""
    if exercise_id is not None:
        _linkable(session, exercise_id)
    put_setting(BOARD_KEY, exercise_id, session=session)
    return Changes(boards=True)


def hidden_ids(session: Session) -> set[int]:
    """The cards the facilitator hid from phones and the projector (the desktop shows them faded)."""
    return set(flagged_ids(HIDDEN_KEY, session))


def hide_card(session: Session, *, item_id: int, hidden: bool = True) -> Changes:
    if item_id not in boards.items_by_ids(session, item_ids=[item_id]):
        raise LookupError(f"no card {item_id}")
    _put_flag(HIDDEN_KEY, item_id, hidden, session)
    return Changes(boards=True, ids=(item_id,))


def reveal_votes(session: Session, *, exercise_id: int, revealed: bool = True) -> Changes:
    board(session, exercise_id=exercise_id)
    _put_flag(REVEALED_KEY, exercise_id, revealed, session)
    return Changes(boards=True)


def _linkable(session: Session, exercise_id: int) -> None:
    """Phones write on card boards and answer prompts; other exercises are not theirs."""
    if exercise_store.exercise(exercise_id, session=session).kind not in (*CARD_BOARDS, "prompts"):
        raise LookupError(f"no board or prompts {exercise_id}")


def close_board(session: Session, *, exercise_id: int, closed: bool = True) -> Changes:
    _linkable(session, exercise_id)
    _put_flag(CLOSED_KEY, exercise_id, closed, session)
    return Changes(boards=True)


@dataclass(frozen=True)
class ModeratedCard:
    id: int
    text: str
    area: str
    group: str  # "" for the whole room's board
    votes: int
    from_phone: bool
    hidden: bool
    device: str = ""  # the phone's hashed cookie ("" for a card typed in the app)


@dataclass(frozen=True)
class Moderation:
    """What the facilitator moderates: the board phones see (every card, hidden ones too) and
    whether the survey is closed."""

    board: Board | None
    cards: list[ModeratedCard]
    survey_closed: bool
    with_cards: bool = True  # False: read for the switches alone, the cards left out


def moderation(session: Session, *, now: datetime, cards: bool = True) -> Moderation:
    """What the facilitator moderates; `cards=False` leaves the cards out (the switches alone)."""
    shown = current_board(session, now=now)
    found: list[ModeratedCard] = []
    if shown is not None and cards:
        hidden = set(flagged_ids(HIDDEN_KEY, session))
        for group_id in (None, *shown.groups):
            for it in boards.board_items(session, exercise_id=shown.exercise_id, group_id=group_id):
                group = "" if group_id is None else shown.groups.get(group_id, "")  # None: the plenary board
                found.append(
                    ModeratedCard(
                        saved_id(it.id),
                        it.text,
                        it.area,
                        group,
                        it.votes,
                        it.data.get("source") == PHONE_SOURCE,
                        it.id in hidden,
                        str(it.data.get("device") or ""),
                    )
                )
    return Moderation(shown, found, survey_closed(session), cards)


# -- the survey --------------------------------------------------------------------------------


def survey_closed(session: Session) -> bool:
    return bool(get_setting(SURVEY_CLOSED_KEY, False, session=session))


def close_survey(session: Session, *, closed: bool = True) -> Changes:
    put_setting(SURVEY_CLOSED_KEY, bool(closed), session=session)
    return Changes(evaluation=True)
