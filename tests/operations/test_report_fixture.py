"""Not tests: a helper that fills a demo document with what a real webinar leaves behind.

Rows go straight into the schema's tables (stable) rather than through other rooms' operations,
so the report tests do not break while those are being written.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from dgfacil.operations.evaluation import import_csv, set_report_section
from dgfacil.store.tables import (
    AgendaItemRow,
    AttendanceRow,
    BoardItemRow,
    DayRow,
    ExerciseRow,
    GroupRow,
    NoteRow,
    ParticipantRow,
    RunEventRow,
    WorkshopRow,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"
COUNTRIES = [
    "Republic of Korea",
    "Philippines",
    "Bangladesh",
    "Pakistan",
    "Azerbaijan",
    "Papua New Guinea",
    "Ethiopia",
    "Thailand",
    "China",
    "Nepal",
]
RUN = [("start", 0), ("next", 9), ("next", 41), ("next", 58), ("next", 90), ("next", 99), ("finish", 103)]


def fill_webinar(doc) -> None:
    """Notes, key messages, people and attendance, a run log, an action plan, 147 responses, texts."""
    with doc.session() as s:
        w = s.exec(select(WorkshopRow)).first()
        day = s.exec(select(DayRow)).first()
        items = list(s.exec(select(AgendaItemRow).order_by(AgendaItemRow.position)))
        t0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 Seoul
        for kind, minute in RUN:
            s.add(
                RunEventRow(workshop_id=w.id, day_id=day.id, at=(t0 + timedelta(minutes=minute)).isoformat(), kind=kind)
            )
        notes = [
            (0, "key message", "", "Digital transformation is a new development paradigm for the whole of society."),
            (1, "key message", "", "The future of digital government should not be digital but hybrid."),
            (0, "note", "Mr. Kyu Chang Ko", "Welcomed all participants and introduced the Toolkit."),
            (1, "note", "Mr. Vincenzo Aquaro", "45 per cent of the world population still lags behind."),
            (1, "decision", "", "Share the E-Government Survey slides with all participants."),
            (3, "action", "Dr. Alex B. Brillantes", "EROPA to mainstream the Toolkit in member curricula."),
            (2, "note", "Mr. Lei Zheng", "The Toolkit is structured into 7 chapters <img src='/etc/passwd'>."),
        ]
        for k, (i, tag, speaker, text) in enumerate(notes):
            s.add(
                NoteRow(
                    workshop_id=w.id,
                    agenda_item_id=items[i].id,
                    tag=tag,
                    speaker=speaker,
                    text=text,
                    created_at=(t0 + timedelta(minutes=k)).isoformat(),
                )
            )
        people = []
        for k in range(40):
            p = ParticipantRow(
                workshop_id=w.id,
                full_name=f"Participant {k}",
                country=COUNTRIES[k % len(COUNTRIES)],
                origin="local" if k % 10 == 0 else "overseas",
            )
            s.add(p)
            people.append(p)
        s.flush()
        for p in people[:31]:
            s.add(AttendanceRow(workshop_id=w.id, participant_id=p.id, agenda_item_id=items[1].id, present=True))
        ex = ExerciseRow(
            workshop_id=w.id,
            agenda_item_id=items[3].id,
            kind="table",
            title="Action plan",
            definition={
                "group_by": {"key": "goal", "title": "Goal"},
                "columns": [
                    {"key": "action", "title": "Action step"},
                    {"key": "responsibility", "title": "Responsibility"},
                    {"key": "timeframe", "title": "Timeframe"},
                ],
            },
        )
        s.add(ex)
        s.flush()
        g = GroupRow(workshop_id=w.id, exercise_id=ex.id, name="Group A — Asia-Pacific")
        s.add(g)
        s.flush()
        for k, (goal, action, who, when) in enumerate(
            [
                (
                    "Digital skills for civil servants",
                    "Adapt the Toolkit to the national curriculum",
                    "Civil service academy",
                    "Q4 2023",
                ),
                ("Digital skills for civil servants", "Train 40 trainers", "UNPOG with the academy", "Q1 2024"),
                (
                    "Inclusion by design",
                    "Assisted digital counters in rural municipalities",
                    "Local governments",
                    "2024",
                ),
            ]
        ):
            s.add(
                BoardItemRow(
                    workshop_id=w.id,
                    exercise_id=ex.id,
                    group_id=g.id,
                    position=k,
                    area=goal,
                    text=action,
                    data={"action": action, "responsibility": who, "timeframe": when},
                )
            )
        import_csv(s, data=(DATA / "webinar_147.csv").read_bytes())
        set_report_section(s, key="acknowledgments", text="This report captures the main outcomes of the webinar.")
        set_report_section(
            s,
            key="executive_summary",
            text="The Webinar was very much appreciated by the participants.\n\nSecond paragraph.",
        )
        set_report_section(s, key="recommendations", text="Localize and contextualize the Toolkit.")
