"""Team mode: two laptops editing the same note, board card, workshop details, day, group or
evaluation response. An edit made on what someone else has changed since is refused whole and
says who changed it; an edit of another field of the same row goes through; undo (the edit run
backwards, `seen` = what it wrote) is refused over the other laptop's newer value."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import NoteTag, Participant
from dgfacil.operations import boards as board_ops
from dgfacil.operations import days as day_ops
from dgfacil.operations import evaluation as evaluation_ops
from dgfacil.operations import exercises as exercise_ops
from dgfacil.operations import groups as group_ops
from dgfacil.operations import notes as note_ops
from dgfacil.operations import participants as people_ops
from dgfacil.operations import workshop as workshop_ops
from dgfacil.store.document import open_document
from dgfacil.store.errors import EditConflict
from dgfacil.store.workshop import load_workshop

pytestmark = pytest.mark.postgresql_only

AT = datetime(2026, 5, 4, 8, 42, tzinfo=UTC)
REFUSED = r"changed on the check-in laptop at \d\d:\d\d after you read it"


@pytest.fixture
def laptops(new_doc, monkeypatch):
    """Two laptops on one team workshop: `write(laptop, op)` runs `op(session)` as that laptop."""
    doc = new_doc()
    url = doc.address
    doc.close()
    checkin, mine = open_document(url), open_document(url)

    def write(laptop, op):
        monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "check-in" if laptop is checkin else "facilitator")
        with laptop.session() as s:
            return op(s)

    def read(op):
        with mine.session(write=False) as s:
            return op(s)

    yield checkin, mine, write, read
    checkin.close()
    mine.close()


def _first_item_id(read) -> int:
    return read(lambda s: load_workshop(session=s)).days[0].items[0].id


def test_a_note(laptops):
    checkin, mine, write, read = laptops
    item = _first_item_id(read)
    nid = write(mine, lambda s: note_ops.add_note(s, item_id=item, text="Budget first", at=AT)).ids[0]
    note = read(lambda s: note_ops.item_notes(s, item_id=item))[0]
    write(
        checkin,
        lambda s: note_ops.update_note(
            s, note_id=nid, at=AT, text="Budget first, then staff", seen={"text": note.text}
        ),
    )
    with pytest.raises(EditConflict, match=REFUSED) as refused:
        write(mine, lambda s: note_ops.update_note(s, note_id=nid, at=AT, text="Budget last", seen={"text": note.text}))
    assert refused.value.by == "check-in" and "The note “Budget first, then staff”" in str(refused.value)
    # another field of the same note is no conflict: the check-in's text stays
    write(mine, lambda s: note_ops.update_note(s, note_id=nid, at=AT, tag=NoteTag.DECISION, seen={"tag": note.tag}))
    after = read(lambda s: note_ops.item_notes(s, item_id=item))[0]
    assert (after.text, after.tag) == ("Budget first, then staff", NoteTag.DECISION)
    # undo of my tag, after the check-in tagged it otherwise: refused, theirs stays
    write(
        checkin,
        lambda s: note_ops.update_note(s, note_id=nid, at=AT, tag=NoteTag.ACTION, seen={"tag": NoteTag.DECISION}),
    )
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: note_ops.update_note(s, note_id=nid, at=AT, tag=note.tag, seen={"tag": NoteTag.DECISION}))
    assert read(lambda s: note_ops.item_notes(s, item_id=item))[0].tag == NoteTag.ACTION


@pytest.fixture
def card(laptops):
    checkin, mine, write, read = laptops
    ex = write(mine, lambda s: exercise_ops.add_exercise(s, agenda_item_id=_first_item_id(read), use="swot")).ids[0]
    cid = write(
        mine,
        lambda s: board_ops.add_item(s, exercise_id=ex, group_id=None, item=BoardItem("Silos", "weaknesses", 0.7, 0.2)),
    ).ids[0]
    return cid, read(lambda s: board_ops.items_by_ids(s, item_ids=[cid]))[cid]


def test_a_board_card_text_colour_move_and_cluster(laptops, card):
    checkin, mine, write, read = laptops
    cid, seen = card
    write(
        checkin,
        lambda s: board_ops.update_items(
            s, values={cid: {"text": "Silos everywhere"}}, seen={cid: {"text": seen.text}}
        ),
    )
    with pytest.raises(EditConflict, match=REFUSED) as refused:
        write(
            mine,
            lambda s: board_ops.update_items(s, values={cid: {"text": "Old silos"}}, seen={cid: {"text": seen.text}}),
        )
    assert "The card “Silos everywhere”" in str(refused.value)
    # a colour and a move are other fields: both go through, the text stays theirs
    write(
        mine,
        lambda s: board_ops.update_items(s, values={cid: {"colour": "#ff0000"}}, seen={cid: {"colour": seen.colour}}),
    )
    old_place = (seen.x, seen.y, seen.area)
    write(mine, lambda s: board_ops.move_items(s, moves={cid: (0.2, 0.8, "threats")}, seen={cid: old_place}))
    # the check-in moves it on; my undo of the move is refused, the card stays where they put it
    write(
        checkin,
        lambda s: board_ops.move_items(s, moves={cid: (0.5, 0.5, "threats")}, seen={cid: (0.2, 0.8, "threats")}),
    )
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: board_ops.move_items(s, moves={cid: old_place}, seen={cid: (0.2, 0.8, "threats")}))
    write(checkin, lambda s: board_ops.set_cluster(s, item_ids=[cid], heading="Culture", seen={cid: ""}))
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: board_ops.set_cluster(s, item_ids=[cid], heading="Structure", seen={cid: ""}))
    now = read(lambda s: board_ops.items_by_ids(s, item_ids=[cid]))[cid]
    assert (now.text, now.colour, now.x, now.y, now.cluster) == ("Silos everywhere", "#ff0000", 0.5, 0.5, "Culture")


def test_the_workshop_details(laptops):
    checkin, mine, write, read = laptops
    shown = read(workshop_ops.workshop_details)
    write(checkin, lambda s: workshop_ops.update_workshop(s, details=replace(shown, venue="Bangkok, UNCC"), seen=shown))
    # my title edit on the same form: the venue I saw was stale, but I did not change it: theirs stays
    write(
        mine,
        lambda s: workshop_ops.update_workshop(s, details=replace(shown, title="Digital government 2026"), seen=shown),
    )
    now = read(workshop_ops.workshop_details)
    assert (now.title, now.venue) == ("Digital government 2026", "Bangkok, UNCC")
    # the row's last writer is my title edit: the sentence names the field and who wrote the row last
    with pytest.raises(EditConflict, match=r"The workshop's venue was changed on the facilitator laptop"):
        write(mine, lambda s: workshop_ops.update_workshop(s, details=replace(shown, venue="Online"), seen=shown))
    # undo of my title after the check-in changed the title again: refused
    mine_title = read(workshop_ops.workshop_details)
    write(
        checkin,
        lambda s: workshop_ops.update_workshop(s, details=replace(mine_title, title="DG 2026"), seen=mine_title),
    )
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: workshop_ops.update_workshop(s, details=shown, seen=mine_title))
    assert read(workshop_ops.workshop_details).title == "DG 2026"


def test_a_day_a_group_and_an_evaluation_response(laptops):
    checkin, mine, write, read = laptops
    day = read(lambda s: load_workshop(session=s)).days[0]
    write(checkin, lambda s: day_ops.rename_day(s, day_id=day.id, title="Opening day", seen={"title": day.title}))
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: day_ops.rename_day(s, day_id=day.id, title="Day one", seen={"title": day.title}))
    with pytest.raises(EditConflict, match=REFUSED):  # re-dating a day shown with another date
        write(
            mine, lambda s: day_ops.rename_day(s, day_id=day.id, on=day.date, seen={"on": day.date.replace(year=2000)})
        )

    gid = write(mine, lambda s: group_ops.create_groups(s, count=1, day_id=day.id)).ids[0]
    write(checkin, lambda s: group_ops.rename_group(s, group_id=gid, name="Tigers", seen="Group 1"))
    with pytest.raises(EditConflict, match=REFUSED):
        write(mine, lambda s: group_ops.rename_group(s, group_id=gid, name="Lions", seen="Group 1"))

    # group members: a move made on the group shown, and the undo of a random assignment
    ana = write(mine, lambda s: people_ops.add_participant(s, participant=Participant(full_name="Ana Lima"))).ids[0]
    other = write(mine, lambda s: group_ops.create_groups(s, count=1, day_id=day.id)).ids[0]
    write(
        checkin, lambda s: group_ops.move_member(s, participant_id=ana, group_id=gid, set_of=gid, seen={"group": None})
    )
    with pytest.raises(EditConflict, match="Someone else changed this \\(Ana Lima's group\\)"):
        write(
            mine,
            lambda s: group_ops.move_member(s, participant_id=ana, group_id=other, set_of=gid, seen={"group": None}),
        )
    after = read(lambda s: group_ops.memberships(s, group_ids=[gid, other]))
    write(
        checkin, lambda s: group_ops.move_member(s, participant_id=ana, group_id=other, set_of=gid, seen={"group": gid})
    )
    with pytest.raises(EditConflict, match="the groups' members"):
        write(mine, lambda s: group_ops.set_members(s, members={gid: [], other: []}, seen=after))
    assert read(lambda s: group_ops.memberships(s, group_ids=[gid, other]))[other] == [ana]

    rid = write(mine, lambda s: evaluation_ops.add_response(s, answers={"sat_topics": 0})).ids[0]
    write(
        checkin,
        lambda s: evaluation_ops.update_response(s, response_id=rid, answers={"sat_topics": 1}, seen={"sat_topics": 0}),
    )
    with pytest.raises(EditConflict, match=REFUSED):
        write(
            mine,
            lambda s: evaluation_ops.update_response(
                s, response_id=rid, answers={"sat_topics": 3}, seen={"sat_topics": 0}
            ),
        )
    assert read(lambda s: evaluation_ops.all_responses(s))[0].answers == {"sat_topics": 1}
