"""A template TOML file with any value in any field: a workshop, or a TemplateError naming the field."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dgfacil.core.agenda import hhmm, plan_day, workshop_zones
from dgfacil.core.template import TemplateError, build_workshop, parse_template
from dgfacil.core.text import FIRST_DATE, LAST_DATE
from dgfacil.io.ics import ics_bytes
from dgfacil.operations.templates import exercise_library
from dgfacil.paths import sessions_dir

BASE = (sessions_dir() / "apo-digital-transformation-2022.toml").read_text(encoding="utf-8")
ASSIGNMENT = re.compile(r"^(\s*[A-Za-z_][\w-]*\s*=\s*)(.+)$", re.MULTILINE)
SLOTS = len(ASSIGNMENT.findall(BASE))
LIBRARY = exercise_library()


def toml_value():
    text = st.text(max_size=30).map(lambda s: json.dumps(s))  # a JSON string is a TOML basic string
    return st.one_of(
        text,
        st.integers(min_value=-(10**12), max_value=10**12).map(str),
        st.booleans().map(str).map(str.lower),
        st.dates().map(date.isoformat),
        st.sampled_from(
            [
                '"25:99"',
                '"09:00"',
                '"Mars/Olympus"',
                '"UTC"',
                "[]",
                '["a", 1]',
                "{}",
                "nan",
                "inf",
                '"9999-12-31"',
                "0001-01-01",
                "9999-12-31",
                "-1",
                "0",
                '""',
            ]
        ),
    )


def _mutated(changes: dict[int, str]) -> str:
    counter = iter(range(SLOTS))
    return ASSIGNMENT.sub(lambda m: m.group(1) + changes.get(next(counter), m.group(2)), BASE)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.integers(0, SLOTS - 1), toml_value(), min_size=1, max_size=4),
    st.one_of(st.none(), st.dates(min_value=FIRST_DATE, max_value=LAST_DATE)),
)
def test_fuzz_template_values_build_or_refuse(changes, start):
    try:
        spec = parse_template(_mutated(changes), "fuzz.toml")
        workshop = build_workshop(spec, start=start, library=LIBRARY)
    except TemplateError as err:
        assert str(err)
        return
    for day in workshop.days:  # every day can be planned and shown in every zone, and exported
        for slot in plan_day(day, workshop.timezone):
            for zone in workshop_zones(workshop, []):
                hhmm(slot.start, zone)
    ics_bytes(workshop)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
def test_a_template_day_out_of_the_calendar_is_a_template_error(day):
    text = BASE.replace("date = 2022-07-13", f"date = {day}")
    with pytest.raises(TemplateError, match=f"days.0.date.*{day} is out of range"):
        parse_template(text, "far.toml")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_any_text_is_a_template_or_a_template_error(text):
    try:
        parse_template(text, "fuzz.toml")
    except TemplateError as err:
        assert str(err)
