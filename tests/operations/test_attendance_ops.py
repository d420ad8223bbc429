"""Attendance operations on a real document: blocks, marking, badge check-in, import/export, eligibility."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dgfacil.core.model import Participant
from dgfacil.core.roster_columns import guess_mapping
from dgfacil.io.roster import read_roster
from dgfacil.operations import attendance as att
from dgfacil.operations import participants as ops
from dgfacil.store.settings import get_setting

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


@pytest.fixture
def doc(demo_doc):
    table = read_roster(DATA / "utf8_comma.csv")
    with demo_doc.session() as s:
        ops.import_roster(s, table=table, mapping=guess_mapping(table.headers))
    return demo_doc


def _ids(doc):
    with doc.session() as s:
        return [p.id for p, _ in att.eligibility_all(s)]


def test_blocks_per_item_and_half_day(doc):
    with doc.session() as s:
        items = att.attendance_blocks(s)
        halves = att.attendance_blocks(s, kind="half-day")
    assert len(items) == 6 and items[0].label == "15:00 Opening"
    assert len(halves) == 1 and halves[0].label == "Tue 30 May afternoon"
    assert halves[0].item_ids == tuple(b.id for b in items)


def test_all_blocks_rule_and_reason(doc):
    pids = _ids(doc)
    with doc.session() as s:
        blocks = att.attendance_blocks(s)
        for b in blocks:
            att.mark(s, participant_ids=pids[:2], item_ids=list(b.item_ids))
        att.mark(s, participant_ids=[pids[1]], item_ids=list(blocks[3].item_ids), present=False)
    with doc.session() as s:
        eligible = att.eligible_participants(s)
        everyone = dict((p.id, e) for p, e in att.eligibility_all(s))
    assert [p.full_name for p, _ in eligible] == ["김민준"]
    assert everyone[pids[1]].missing == [blocks[3].id] and "5 of 6" in everyone[pids[1]].reason
    with doc.session() as s:
        att.set_threshold(s, threshold=0.8)  # 5 of 6 required
    with doc.session() as s:
        assert [p.id for p, _ in att.eligible_participants(s)] == pids[:2]


def test_half_day_block_marks_its_items(doc):
    pid = _ids(doc)[0]
    with doc.session() as s:
        att.set_block_kind(s, kind="half-day")
        block = att.attendance_blocks(s)[0]
        att.mark(s, participant_ids=[pid], item_ids=list(block.item_ids))
    with doc.session() as s:
        assert [p.id for p, _ in att.eligible_participants(s)] == [pid]
        # the block kind is stored under its older key and values, which saved documents carry
        assert att.block_kind(s) == "half-day" and get_setting("attendance.unit", None, session=s) == "half-day"
        att.set_block_kind(s, kind="item")
    with doc.session() as s:  # switching back loses nothing: each item was marked
        assert [p.id for p, _ in att.eligible_participants(s)] == [pid]


def test_badge_check_in(doc):
    with doc.session() as s:
        ops.add_participant(s, participant=Participant("Dewi Lestari", badge_code="P-7K3R9"))
        block = att.attendance_blocks(s)[0]
    with doc.session() as s:
        changes = att.check_in_badge(s, code="p7k3r9\r", item_ids=list(block.item_ids))
        who = changes.value
        assert who.full_name == "Dewi Lestari" and changes.attendance
        assert att.check_in_badge(s, code="P-XXXXX", item_ids=list(block.item_ids)).value is None


def test_mark_all_then_export_and_reimport(doc, tmp_path):
    with doc.session() as s:
        att.mark_all(s)
        att.export_attendance(s, path=tmp_path / "att.xlsx")
        att.export_attendance(s, path=tmp_path / "att.csv")
        assert len(att.eligible_participants(s)) == 11
    sheet = openpyxl.load_workbook(tmp_path / "att.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[5] == "15:00 Opening" and header[-3:] == ["Attended", "Eligible", "Why not"]
    assert [c.value for c in sheet[2]][-3:-1] == ["6/6", "yes"]
    # a fresh document of the same workshop takes the marks from the sheet
    text = (tmp_path / "att.csv").read_text(encoding="utf-8-sig").replace(",x,", ",no,", 1)
    (tmp_path / "edited.csv").write_text(text, encoding="utf-8")
    with doc.session() as s:
        report = att.import_attendance(s, table=read_roster(tmp_path / "edited.csv")).value
        assert report.cleared == 1 and report.marked == 0 and len(report.blocks) == 6 and not report.problems
        assert len(att.eligible_participants(s)) == 10


def test_attendance_sheet_by_email_and_title(doc, tmp_path):
    (tmp_path / "a.csv").write_text(
        "Email;Opening;Session 2: Overview Introduction of the Toolkit\n"
        "minjun.kim@mois.go.kr;yes;x\nghost@nowhere.org;x;x\n",
        encoding="utf-8",
    )
    with doc.session() as s:
        report = att.import_attendance(s, table=read_roster(tmp_path / "a.csv")).value
    assert report.marked == 2 and report.problems == ("row 3: matches no participant",)
    with doc.session() as s:
        with pytest.raises(ValueError, match="no column"):
            (tmp_path / "b.csv").write_text("Email,Lunch\na@b.org,x\n", encoding="utf-8")
            att.import_attendance(s, table=read_roster(tmp_path / "b.csv"))
