"""The Notes room: agenda with counts, focus_item for the Run room, search across items, reopen, screenshots.

The notes are the webinar's own: key messages and discussion summaries from the UN DESA/ESCAP
outcome report (shared/seeds/001), typed at the times the sessions ran (Seoul).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoGroup

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as ops
from dgfacil.paths import resources_dir
from dgfacil.store.document import open_document
from dgfacil.store.notes import load_notes
from dgfacil.store.workshop import load_workshop
from dgfacil.ui.context import AppContext
from dgfacil.ui.notes.pane import NotesPane
from dgfacil.ui.notes.room import NotesRoom
from dgfacil.ui.notes.style import TAGS
from dgfacil.ui.tasks import Tasks

K, D, A, Q, QU, N = (
    NoteTag.KEY_MESSAGE,
    NoteTag.DECISION,
    NoteTag.ACTION,
    NoteTag.QUOTE,
    NoteTag.QUESTION,
    NoteTag.NOTE,
)
# (agenda item index, Seoul time, tag, speaker, text)
WEBINAR_NOTES = [
    (
        0,
        "15:02",
        K,
        "Mr. Kyu Chang Ko",
        "A priority of UNPOG: support developing countries in strengthening their "
        "capacities for digital government transformation to achieve the SDGs.",
    ),
    (
        0,
        "15:03",
        N,
        "Mr. Kyu Chang Ko",
        "Many countries remain ill-equipped: technological, governance and "
        "institutional challenges. Toolkit launched to help Member States.",
    ),
    (
        0,
        "15:05",
        Q,
        "Ms. Tiziana Bonapace",
        "Digital government has the potential to enhance public service delivery, "
        "promote transparency, foster innovation.",
    ),
    (0, "15:06", A, "Ms. Tiziana Bonapace", "ESCAP to keep deepening the partnership with UNPOG (AP-IS Action Plan)."),
    (
        1,
        "15:09",
        N,
        "Mr. Vincenzo Aquaro",
        "EGDI rose only by a small margin in 2022 despite the reliance on digital "
        "services during COVID-19. Europe leads for the 12th time.",
    ),
    (
        1,
        "15:11",
        K,
        "Mr. Vincenzo Aquaro",
        "The future of digital government should not be digital but hybrid: an "
        "inclusive, integrated analogue-digital ecosystem so no one is left behind.",
    ),
    (1, "15:12", Q, "Mr. Vincenzo Aquaro", "The new face of inequality is digital."),
    (
        1,
        "15:13",
        N,
        "Mr. Vincenzo Aquaro",
        "About 45% of the world population (3.5 billion people) still lags behind the global average EGDI.",
    ),
    (
        1,
        "15:14",
        K,
        "Mr. Vincenzo Aquaro",
        "Adopt \u201cinclusion by design\u201d / \u201cinclusion first\u201d "
        "before digital by design; whole-of-government approach.",
    ),
    (
        1,
        "15:17",
        K,
        "Mr. Sung Joo Son",
        "Legal systems, regulations and programmes with clear incentives & "
        "penalties are necessary for efficient digital transformation.",
    ),
    (
        1,
        "15:19",
        N,
        "Mr. Sung Joo Son",
        "Digital Platform Government: 9 principles, e.g. public data open by "
        "default in machine-readable formats; user-centred, proactive services.",
    ),
    (
        1,
        "15:24",
        N,
        "Mr. Sean Doral",
        "2022: 66% of the world online, only 36% in LDCs. Urban/rural and gender "
        "gaps persist even where infrastructure exists.",
    ),
    (
        1,
        "15:31",
        K,
        "Mr. Tae Hyung Kim",
        "Digital transformation is a new development paradigm for the fabric of "
        "the whole society; one key nature is its irreversibility.",
    ),
    (1, "15:34", QU, "Ms. Yun Sook Lee", "Which competencies should government officials build first?"),
    (
        2,
        "15:41",
        N,
        "Mr. Lei Zheng",
        "Toolkit in 7 chapters: 1-2 holistic approach; 3-6 the four steps and "
        "building blocks; 7 action plan exercise and training evaluation.",
    ),
    (
        2,
        "15:47",
        K,
        "Mr. Keping Yao",
        "Transformation is not only about technology but, more importantly, about governance transformation.",
    ),
    (
        3,
        "15:57",
        N,
        "Mr. Shah Nasir Khan",
        "Pakistan: internet penetration still below 40%; the divide is bigger from the gender lens.",
    ),
    (
        3,
        "15:59",
        A,
        "Mr. Shah Nasir Khan",
        "UN RCO Pakistan with DPIDG/UNPOG: embed the Toolkit in NSPP, CSA and NIM trainings for senior civil servants.",
    ),
    (
        3,
        "16:04",
        A,
        "Dr. Jiannan Wu",
        "AAPA to promote the Toolkit in its network and host events so members mainstream it in their curricula.",
    ),
    (
        3,
        "16:09",
        K,
        "Dr. Alex B. Brillantes",
        "Contextualise the modules: training designs must be grounded in local conditions.",
    ),
    (3, "16:15", N, "Dr. John Nakabago", "AAPAM as catalyst between governments, academia and industry."),
    (
        4,
        "16:26",
        N,
        "Mr. Steven Matainaho",
        "PNG: Digital Transformation Policy 2020, Digital Government Act 2022, National Cyber Security Centre.",
    ),
    (
        4,
        "16:31",
        QU,
        "Dr. Lizan E. Perante-Calina",
        "How can schools of public administration adapt the Toolkit to national context?",
    ),
    (
        5,
        "16:38",
        D,
        "Mr. Kyu Chang Ko",
        "Way forward: national training workshops on the Toolkit upon governments' request.",
    ),
    (5, "16:39", K, "Mr. Kyu Chang Ko", "Digital government transformation should be inclusive and human-centred."),
]
SEOUL = timezone(timedelta(hours=9))


def fill_webinar(doc) -> list[int]:
    with doc.session() as s:
        workshop = load_workshop(session=s)
        items = [it.id for day in workshop.days for it in day.items]
        day = workshop.days[0].date
        for index, hhmm, tag, speaker, text in WEBINAR_NOTES:
            at = datetime.combine(day, datetime.strptime(hhmm, "%H:%M").time(), tzinfo=SEOUL)
            ops.add_note(s, item_id=items[index], text=text, tag=tag, speaker=speaker, at=at)
    return items


@pytest.fixture
def room(ctx, qtbot):
    items = fill_webinar(ctx.doc)
    ctx.clock = lambda: datetime(2023, 5, 30, 6, 50, tzinfo=UTC)  # 15:50 in Seoul
    room = NotesRoom(ctx)
    room.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    qtbot.addWidget(room)
    room.resize(1280, 800)
    room.show()
    qtbot.waitExposed(room)
    room.items = items
    return room


def test_agenda_list_shows_every_item_with_its_note_count(room):
    assert room.agenda_model.rowCount() == len(room.items) + 1  # and the general notes
    assert room.pane.item_id == room.items[0]
    counts = room.agenda_model.item(1).data(Qt.UserRole + 3)
    assert counts[NoteTag.KEY_MESSAGE] == 4 and sum(counts.values()) == 10


def test_focus_item_shows_that_item_with_the_cursor_in_the_entry(room, qtbot):
    room.focus_item(room.items[3])
    assert room.pane.item_id == room.items[3]
    assert room.pane.entry.hasFocus()
    assert room.agenda.currentIndex().row() == 3
    assert room.pane.model.rowCount() == 5
    assert "Mr. Anir Chowdhury" in room.pane.people_label.text()


def test_choosing_an_item_in_the_list_switches_the_pane(room, qtbot):
    qtbot.mouseClick(
        room.agenda.viewport(), Qt.LeftButton, pos=room.agenda.visualRect(room.agenda_model.index(2, 0)).center()
    )
    assert room.pane.item_id == room.items[2]
    assert [n.speaker for n in room.pane.model.notes] == ["Mr. Lei Zheng", "Mr. Keping Yao"]


def test_adding_a_note_updates_the_counts(room, qtbot):
    room.focus_item(room.items[4])
    qtbot.keyClicks(room.pane.entry, "Azerbaijan: ASAN service centres shared with 8 countries")
    qtbot.keyClick(room.pane.entry, Qt.Key_Return)
    assert sum(room.agenda_model.item(4).data(Qt.UserRole + 3).values()) == 3


def test_ctrl_f_searches_all_items_and_enter_opens_the_note(room, qtbot):
    qtbot.keyClick(room.pane.entry, Qt.Key_F, Qt.ControlModifier)
    assert room.search.hasFocus()
    qtbot.keyClicks(room.search, "TOOLKIT")
    found = room.results_model.notes
    expected = [(i, text) for i, _, _, _, text in WEBINAR_NOTES if "toolkit" in text.lower()]
    assert [n.text for n in found] == [text for _, text in expected]  # any case, across items, in time order
    assert len({n.agenda_item_id for n in found}) == len({i for i, _ in expected}) == 5
    assert f"{len(expected)} notes found" in room.results_label.text()
    room.tag_filter.setCurrentIndex(room.tag_filter.findData(NoteTag.ACTION))
    assert [n.speaker for n in room.results_model.notes] == ["Mr. Shah Nasir Khan", "Dr. Jiannan Wu"]
    qtbot.keyClick(room.search, Qt.Key_Return)
    assert room.pane.item_id == room.items[3]
    assert room.pane.selected_note().speaker == "Mr. Shah Nasir Khan"
    qtbot.keyClick(room.pane.view, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClick(room.search, Qt.Key_Escape)
    assert room.stack.currentWidget() is room.agenda and room.pane.entry.hasFocus()


def test_search_results_follow_an_undo(room, qtbot):
    room.focus_item(room.items[1])
    room.search.setText("hybrid")
    assert room.results_model.rowCount() == 1
    room.pane.select_note(room.results_model.notes[0].id)
    room.pane.delete_note(room.pane.selected_note_id())
    assert room.results_model.rowCount() == 0
    room.undo_stack.undo()
    assert room.results_model.rowCount() == 1


def test_close_and_reopen_the_document_finds_the_notes_and_the_draft(room, ctx, qtbot):
    room.focus_item(room.items[2])
    qtbot.keyClicks(room.pane.entry, "Users can take a staged approach")
    qtbot.keyClick(room.pane.entry, Qt.Key_Return)
    qtbot.keyClicks(room.pane.entry, "The Toolkit is highly interac")
    room.shutdown()  # as the window does before closing the document
    ctx.tasks.wait()
    before = ctx.tasks.read(lambda s: load_notes(session=s))
    ctx.doc.close()

    doc = open_document(ctx.doc.path)
    tasks = Tasks(doc)
    try:
        again = NotesRoom(AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup()))
        qtbot.addWidget(again)
        assert tasks.read(lambda s: load_notes(session=s)) == before and len(before) == len(WEBINAR_NOTES) + 1
        again.focus_item(room.items[2])
        assert again.pane.model.notes[-1].text == "Users can take a staged approach"
        assert again.pane.entry.text() == "The Toolkit is highly interac"
    finally:
        tasks.wait()
        tasks.shutdown()
        doc.engine.dispose()


def test_tag_colours_are_readable_and_every_tag_has_a_word(qtbot):
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    for look in TAGS.values():
        light, dark = sorted([luminance(look.fill_colour()), luminance(look.ink_colour())], reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, look.word  # WCAG AA for small text
        assert look.word and look.symbol


def test_screenshots_of_the_notes_room(room, qtbot, screenshots):
    room.focus_item(room.items[1])
    qtbot.keyClicks(
        room.pane.entry,
        "Three key challenges: changing digital environments, a new paradigm and "
        "regulatory framework, the leading and adaptive capacity of government",
    )
    qtbot.keyClick(room.pane.entry, Qt.Key_1, Qt.AltModifier)
    for _ in range(4):
        qtbot.keyClick(room.pane.entry, Qt.Key_Tab)
    assert room.pane.speaker.currentText() == "Mr. Sean Doral"
    room.grab().save(str(screenshots / "notes_room.png"))
    room.search.setText("toolkit")
    room.grab().save(str(screenshots / "notes_room_search.png"))
    room.clear_search()
    pane = NotesPane(room.ctx)  # the pane alone, narrow, as the Run room embeds it
    pane.setStyleSheet(room.styleSheet())
    qtbot.addWidget(pane)
    pane.resize(520, 640)
    pane.show()
    pane.set_item(room.items[3])
    pane.focus_entry()
    qtbot.keyClick(pane.entry, Qt.Key_Up)  # editing the last note
    assert pane.editing is not None and pane.entry.text().startswith("AAPAM")
    qtbot.waitUntil(lambda: pane.tagbar.mode > 0)  # narrow: shorter tag labels, never elided ones
    pane.grab().save(str(screenshots / "notes_pane.png"))
    assert (screenshots / "notes_room.png").stat().st_size > 10_000
