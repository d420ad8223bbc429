"""The bundled templates: they load, validate, and give the documents' times (the exercise
library: test_template_exercises.py).

Times asserted here are the source documents' own (the webinar programme) or the schedule each
template's header comment says it chose (the toolkit and APO notifications give none).
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from dgfacil.core.agenda import hhmm, plan_day
from dgfacil.core.model import ItemKind
from dgfacil.core.template import TemplateError, load_template, parse_template
from dgfacil.operations.templates import bundled_templates, exercise_library, workshop_from_template
from dgfacil.paths import sessions_dir

BUNDLED = sorted(p.stem for p in sessions_dir().glob("*.toml"))


def times(day, zone: str, *shown: str) -> list[tuple[str, ...]]:
    """(start in the workshop zone, start in each shown zone) for every item of a day."""
    return [(hhmm(s.start), *(hhmm(s.start, z) for z in shown)) for s in plan_day(day, zone)]


# ------------------------------------------------------------------ every template


def test_the_five_documents_are_bundled():
    assert set(BUNDLED) >= {
        "undesa-escap-webinar-2023",
        "capacities-dgt-online-training",
        "apo-digital-transformation-2022",
        "apo-public-service-innovation-2023",
        "apo-data-governance-2021",
    }
    assert [t.name for t in bundled_templates()] == BUNDLED  # file stem == [workshop].name


@pytest.mark.parametrize("name", BUNDLED)
def test_template_builds_a_consistent_workshop(name):
    spec = load_template(sessions_dir() / f"{name}.toml")
    assert spec.workshop.source, "a bundled template names the document it was transcribed from"
    ws = workshop_from_template(name)
    assert ws.template_name == name and ws.days
    for day in ws.days:
        slots = plan_day(day, ws.timezone)
        for before, after in pairwise(slots):
            assert before.end <= after.start, f"{name} {day.date}: {after.item.title} overlaps"
        assert slots[-1].end.date() == day.date  # nothing runs past midnight
    keys = [e.definition["key"] for e in ws.exercises]
    assert len(keys) == len(set(keys))
    for ex in ws.exercises:
        assert ex.item_ref is not None, f"{name}: exercise {ex.definition['key']} is on no agenda item"
        d, i = ex.item_ref
        assert ws.days[d].items[i].kind == ItemKind.EXERCISE  # its definition: test_template_exercises.py


def test_webinar_programme_times_in_three_zones():
    ws = workshop_from_template("undesa-escap-webinar-2023")
    assert ws.timezone == "Asia/Seoul"
    assert ws.display_zones == ["Asia/Bangkok", "Africa/Addis_Ababa"]
    (day,) = ws.days
    assert day.date == date(2023, 5, 30)
    assert times(day, ws.timezone, "Asia/Bangkok", "Africa/Addis_Ababa") == [
        ("15:00", "13:00", "09:00"),
        ("15:07", "13:07", "09:07"),
        ("15:39", "13:39", "09:39"),
        ("15:54", "13:54", "09:54"),
        ("16:24", "14:24", "10:24"),
        ("16:37", "14:37", "10:37"),
    ]
    end = plan_day(day, ws.timezone)[-1].end
    assert hhmm(end) == "16:40"  # the 100-minute programme
    assert day.items[0].fixed_start and day.items[-1].fixed_start


def test_webinar_evaluation_form_keys_and_levels():
    form = workshop_from_template("undesa-escap-webinar-2023").evaluation_form
    by_key = {q["key"]: q for q in form["questions"]}
    assert list(by_key) == [
        "background_institution",
        "sat_topics",
        "sat_presentations",
        "sat_discussion",
        "sat_facilitation",
        "sat_duration",
        "sat_overall",
        "und_pace",
        "und_capacities",
        "und_inclusion",
        "und_toolkit",
        "liked_most",
        "follow_up",
    ]
    for key in ("sat_topics", "sat_presentations", "sat_discussion", "sat_facilitation"):
        assert by_key[key]["kind"] == "likert"
        assert by_key[key]["levels"][:2] == ["Very Satisfied", "Somehow Satisfied"]  # the report's words
        assert len(by_key[key]["levels"]) == 5
    assert all(by_key[k]["kind"] == "likert" and len(by_key[k]["levels"]) == 5 for k in by_key if k.startswith("und_"))
    assert by_key["liked_most"]["kind"] == by_key["follow_up"]["kind"] == "text"
    assert by_key["background_institution"]["kind"] == "choice"
    assert "Training institute" in by_key["background_institution"]["options"]


def test_training_has_seven_chapters_breaks_quizzes_and_action_plan():
    ws = workshop_from_template("capacities-dgt-online-training")
    titles = [d.title for d in ws.days]
    for n in range(1, 8):
        assert any(t.startswith(f"Chapter {n}:") for t in titles), f"chapter {n} missing"
    assert [d.date for d in ws.days][0] == date(2023, 9, 4) and len(ws.days) == 8
    assert all(
        times(d, ws.timezone, "Asia/Bangkok", "Africa/Addis_Ababa")[0] == ("14:00", "12:00", "08:00") for d in ws.days
    )
    breaks = [sum(it.kind == ItemKind.BREAK for it in d.items) for d in ws.days]
    assert breaks == [2, 1, 2, 1, 2, 2, 0, 0]  # the deck's breaks; 5.3|5.4 falls on the day boundary
    by_key = {e.definition["key"]: e for e in ws.exercises}
    reflections = [k for k in by_key if k.endswith("-reflections")]
    assert len(reflections) == 6  # chapters 1-6 end with lessons learned and reflections
    assert by_key["ch1-quiz"].definition["questions"][2]["text"] == (
        "Which SDGs are most related to digital government transformation in your country?"
    )
    assert len(by_key["ch5-reflections"].definition["questions"]) == 8
    plan = by_key["action-plan"]
    assert plan.kind == "table" and ws.days[plan.item_ref[0]].title.startswith("Chapter 7")
    assert [c["key"] for c in plan.definition["columns"]] == [
        "action",
        "responsibility",
        "ownership",
        "timeframe",
        "resources",
        "kpis",
        "information-sharing",
    ]
    assert by_key["nine-pillars"].kind == "rubric" and ws.days[by_key["nine-pillars"].item_ref[0]].title.startswith(
        "Chapter 3"
    )
    assert by_key["ch5-1-stakeholders"].kind == "plane"
    assert [q["key"] for q in ws.evaluation_form["questions"]] == ["takeaways", "improve"]


def test_apo_2022_three_days_of_three_hours_with_the_notified_topics():
    ws = workshop_from_template("apo-digital-transformation-2022")
    assert (ws.project_code, ws.timezone, ws.modality.value) == ("22-IP-10-GE-WSP-A", "Asia/Manila", "online")
    assert ws.organizers[0] == "Development Academy of the Philippines"
    assert [d.date for d in ws.days] == [date(2022, 7, 13), date(2022, 7, 14), date(2022, 7, 15)]
    for day in ws.days:
        slots = plan_day(day, ws.timezone)
        assert (hhmm(slots[0].start), hhmm(slots[-1].end)) == ("13:00", "16:00")
        assert any("Group discussion" in s.item.title for s in slots)
    # 13:00 Manila = 14:00 Tokyo = 10:30 New Delhi on 13 July 2022
    assert times(ws.days[0], ws.timezone, "Asia/Tokyo", "Asia/Kolkata")[0] == ("13:00", "14:00", "10:30")
    topics = [it.title for d in ws.days for it in d.items if it.kind == ItemKind.SESSION]
    assert topics == [
        "Assessing the current technological infrastructure of the public sector",
        "Drivers and requirements for digital transformation of the public sector",
        "Digital transformation policy frameworks for the public sector",
        "Effective digital transformation strategies",
        "Challenges in digital transformation of the public sector",
        "Cases and best practices of public-sector digital transformation in APO members",
    ]


def test_apo_2023_topics_and_design_thinking():
    ws = workshop_from_template("apo-public-service-innovation-2023")
    assert (ws.project_code, ws.timezone) == ("23-IP-10-GE-WSP-A", "Asia/Jakarta")
    assert [d.date for d in ws.days] == [date(2023, 8, 14), date(2023, 8, 15), date(2023, 8, 16)]
    assert all(hhmm(plan_day(d, ws.timezone)[0].start) == "13:00" for d in ws.days)
    topics = [it.title for d in ws.days for it in d.items if it.kind == ItemKind.SESSION]
    assert topics == [
        "Understanding of innovation and its challenges and opportunities",
        "Applying innovation in the public sector",
        "Procedures and regulations to support public service innovation",
        "Designing approaches for public service innovation, including procurement and partnerships",
        "Engaging citizens in public service culture, design and planning",
        "Best practices of public-service innovation",
        "Tools to manage risk in innovation",
    ]
    dt = next(e for e in ws.exercises if e.definition["key"] == "design-thinking")
    assert dt.kind == "zones"
    assert [z["key"] for z in dt.definition["zones"]] == ["empathize", "define", "ideate", "prototype", "test"]


def test_start_and_zone_shift_the_days():
    ws = workshop_from_template("apo-digital-transformation-2022", start=date(2027, 1, 11), timezone="Asia/Bangkok")
    assert [d.date for d in ws.days] == [date(2027, 1, 11), date(2027, 1, 12), date(2027, 1, 13)]
    assert ws.timezone == "Asia/Bangkok" and hhmm(plan_day(ws.days[0], ws.timezone)[0].start) == "13:00"
    training = workshop_from_template("capacities-dgt-online-training", start=date(2027, 1, 11))
    assert training.days[5].date == date(2027, 1, 18)  # the weekend gap is kept


# ------------------------------------------------------------------ errors: file, field path, reason

GOOD = """
[workshop]
name = "t"
title = "T"
timezone = "Asia/Seoul"
[[days]]
date = 2023-01-02
[[days.items]]
title = "Opening"
start = "09:00"
duration = 10
exercises = ["x"]
[[exercises]]
key = "x"
use = "swot"
"""


def _error(text: str, tmp_path: Path) -> str:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    return str(caught.value)


def test_the_good_sample_loads(tmp_path):
    (tmp_path / "ok.toml").write_text(GOOD, encoding="utf-8")
    assert workshop_from_template(str(tmp_path / "ok.toml")).exercises[0].kind == "zones"


@pytest.mark.parametrize(
    "old, new, where, why",
    [
        ('start = "09:00"', 'start = "25:00"', "days.0.items.0.start", "'25:00' is not a time of day as HH:MM"),
        (
            'timezone = "Asia/Seoul"',
            'timezone = "Asia/Nowhere"',
            "workshop.timezone",
            "unknown time zone 'Asia/Nowhere'",
        ),
        ('title = "Opening"\n', "", "days.0.items.0.title", "Field required"),
        ('exercises = ["x"]', 'exercises = ["y"]', "days.0.items.0.exercises", "no exercise with key 'y'"),
        ("duration = 10", "duration = 0", "days.0.items.0.duration", "greater than 0"),
        ('title = "T"', 'title = "T"\ncolour = "red"', "workshop.colour", "Extra inputs are not permitted"),
    ],
)
def test_errors_name_file_field_and_reason(tmp_path, old, new, where, why):
    assert old in GOOD
    message = _error(GOOD.replace(old, new, 1), tmp_path)
    assert message.startswith(str(tmp_path / "broken.toml") + ": ")
    assert where in message and why in message


def test_bad_toml_names_the_file_and_line(tmp_path):
    message = _error(GOOD.replace('title = "T"', 'title = "T'), tmp_path)
    assert message.startswith(str(tmp_path / "broken.toml") + ": (toml): ")
    assert "line" in message


def test_every_problem_is_reported_at_once():
    err = pytest.raises(
        TemplateError, parse_template, GOOD.replace('"09:00"', '"9am"').replace("10\n", "-5\n"), "x.toml"
    )
    assert len(err.value.problems) == 2
    assert {where for where, _ in err.value.problems} == {"days.0.items.0.start", "days.0.items.0.duration"}


# -- the standard evaluation form -----------------------------------------------------------------
def test_the_standard_form_is_valid_and_generic():
    from dgfacil.core.template import load_standard_evaluation
    from dgfacil.paths import sessions_dir

    form = load_standard_evaluation(sessions_dir())
    assert form is not None and form.questions
    keys = [q.key for q in form.questions]
    assert len(keys) == len(set(keys))
    for key in (
        "sat_topics",
        "sat_presentations",
        "sat_discussion",
        "sat_facilitation",
        "sat_organization",
        "sat_duration",
        "sat_overall",
        "liked_most",
        "improve",
        "follow_up",
        "background_institution",
    ):
        assert key in keys
    assert all(len(q.levels) == 5 for q in form.questions if q.kind == "likert")
    assert [q for q in form.questions if q.key.startswith("und_")]
    text = " ".join(q.text + q.group for q in form.questions)
    assert "Webinar" not in text and "Toolkit" not in text


@pytest.mark.parametrize(
    "name", ["apo-data-governance-2021", "apo-digital-transformation-2022", "apo-public-service-innovation-2023"]
)
def test_a_template_without_a_form_gets_the_standard_one(name):
    from dgfacil.core.template import build_workshop, load_standard_evaluation
    from dgfacil.operations.templates import find_template
    from dgfacil.paths import sessions_dir

    spec = find_template(name)
    assert not spec.evaluation.questions
    standard = load_standard_evaluation(sessions_dir())
    ws = build_workshop(spec, library=exercise_library(), standard_evaluation=standard)
    assert ws.evaluation_form == standard.model_dump()
    assert build_workshop(spec, library=exercise_library()).evaluation_form["questions"] == []


def test_a_template_with_its_own_form_keeps_it():
    from dgfacil.core.template import build_workshop, load_standard_evaluation
    from dgfacil.operations.templates import find_template
    from dgfacil.paths import sessions_dir

    spec = find_template("undesa-escap-webinar-2023")
    ws = build_workshop(spec, library=exercise_library(), standard_evaluation=load_standard_evaluation(sessions_dir()))
    assert ws.evaluation_form["title"] == "Post-Event Survey"


def test_a_broken_standard_form_names_file_and_field(tmp_path):
    from dgfacil.core.template import TemplateError, load_standard_evaluation

    assert load_standard_evaluation(tmp_path) is None
    (tmp_path / "evaluation").mkdir()
    (tmp_path / "evaluation" / "standard.toml").write_text(
        '[evaluation]\n[[evaluation.questions]]\nkey = "a"\nkind = "stars"\ntext = "x"\n'
    )
    with pytest.raises(TemplateError, match=r"standard.toml: evaluation.questions.0.kind"):
        load_standard_evaluation(tmp_path)


def test_new_workshops_from_apo_templates_can_collect_feedback():
    # the path `dgfacil new` and File > New take: the standard form is filled in for them
    ws = workshop_from_template("apo-digital-transformation-2022")
    keys = [q["key"] for q in ws.evaluation_form["questions"]]
    assert "sat_overall" in keys and "liked_most" in keys
