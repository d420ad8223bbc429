"""Roster operations on a real document: import in one transaction, re-import, undo of delete, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from dgfacil.core.model import Participant
from dgfacil.core.roster_columns import guess_mapping
from dgfacil.io.roster import read_roster
from dgfacil.operations import attendance as att
from dgfacil.operations import participants as ops
from dgfacil.store import attendance, participants

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


def _import(doc, name, progress=None):
    table = read_roster(DATA / name)
    with doc.session() as s:
        return ops.import_roster(s, table=table, mapping=guess_mapping(table.headers), progress=progress).value


def _roster(doc):
    with doc.session() as s:
        return participants.load_participants(session=s)


def test_import_gives_unique_badges_and_keeps_scripts(demo_doc):
    result = _import(demo_doc, "nominees.xlsx")
    roster = _roster(demo_doc)
    assert len(result.added) == 15 and len(roster) == 15
    assert roster[0].full_name == "김민준" and roster[4].full_name == "محمد أحمد"
    codes = [p.badge_code for p in roster]
    assert len(set(codes)) == 15 and all(c.startswith("P-") and len(c) == 7 for c in codes)


def test_bad_rows_refused_good_rows_written(demo_doc):
    result = _import(demo_doc, "bad_rows.csv")
    assert result.preview.refused_rows == [3, 4, 5, 6]
    assert [p.full_name for p in _roster(demo_doc)] == ["Aigerim Bekova", "Dewi Lestari"]


def test_reimport_updates_by_email_and_never_deletes(demo_doc, tmp_path):
    _import(demo_doc, "utf8_comma.csv")
    before = {p.email: p for p in _roster(demo_doc)}
    (tmp_path / "fix.csv").write_text(
        "Email,Position\nminjun.kim@mois.go.kr,Director General\nnew@gov.ws,\n", encoding="utf-8"
    )
    # no name column: known e-mails are updates; the unknown one has no name and is refused
    table = read_roster(tmp_path / "fix.csv")
    with demo_doc.session() as s:
        result = ops.import_roster(s, table=table, mapping=guess_mapping(table.headers)).value
    after = {p.email: p for p in _roster(demo_doc)}
    assert len(after) == len(before)  # nobody deleted, nobody added
    kim = after["minjun.kim@mois.go.kr"]
    assert kim.position == "Director General" and kim.full_name == "김민준"
    assert kim.badge_code == before["minjun.kim@mois.go.kr"].badge_code
    assert result.updated == (kim.id,) and result.preview.refused_rows == [3]
    again = _import(demo_doc, "utf8_comma.csv")
    assert again.added == () and len(_roster(demo_doc)) == 11


class Cancelling:
    def __init__(self, after: int) -> None:
        self.after, self.reports = after, []

    def report(self, done, total, text=""):
        self.reports.append(done)

    @property
    def cancelled(self) -> bool:
        return len(self.reports) > self.after


def test_cancel_writes_nothing(demo_doc, tmp_path):
    rows = "\n".join(f"Person {i},p{i}@gov.org" for i in range(300))
    (tmp_path / "big.csv").write_text("Name,Email\n" + rows, encoding="utf-8")
    table = read_roster(tmp_path / "big.csv")
    with pytest.raises(ops.ImportCancelled):
        with demo_doc.session() as s:
            ops.import_roster(s, table=table, mapping=guess_mapping(table.headers), progress=Cancelling(2))
    assert _roster(demo_doc) == []


def test_add_edit_delete_and_restore_with_marks(demo_doc):
    with demo_doc.session() as s:
        pid = ops.add_participant(s, participant=Participant("Siosaia Fonua", email="s.fonua@pmo.gov.to")).ids[0]
        block = att.attendance_blocks(s)[0]
        att.mark(s, participant_ids=[pid], item_ids=list(block.item_ids))
    with demo_doc.session() as s:
        ops.update_participant(s, participant_id=pid, country="Tonga")
        with pytest.raises(ops.InvalidParticipant):
            ops.update_participant(s, participant_id=pid, email="nope@")
    with demo_doc.session() as s:
        snapshot = ops.delete_participant(s, participant_id=pid).value
    assert _roster(demo_doc) == []
    with demo_doc.session() as s:
        ops.restore_participant(s, snapshot=snapshot)
    with demo_doc.session() as s:
        back = participants.participant(pid, session=s)
        assert back.country == "Tonga" and (pid, block.item_ids[0]) in attendance.present_pairs(session=s)


def test_export_roster_round_trip(demo_doc, tmp_path):
    _import(demo_doc, "utf8_comma.csv")
    with demo_doc.session() as s:
        ops.add_participant(s, participant=Participant('=HYPERLINK("http://evil")', email="evil@x.org"))
        ops.export_roster(s, path=tmp_path / "roster.xlsx")
        ops.export_roster(s, path=tmp_path / "roster.csv")
    assert "'=HYPERLINK" in (tmp_path / "roster.csv").read_text(encoding="utf-8-sig")
    before = _roster(demo_doc)
    for name in ("roster.xlsx", "roster.csv"):
        table = read_roster(tmp_path / name)
        with demo_doc.session() as s:
            result = ops.import_roster(s, table=table, mapping=guess_mapping(table.headers)).value
        assert result.preview.count("unchanged") == 12 and not result.preview.refused_rows
    assert _roster(demo_doc) == before
