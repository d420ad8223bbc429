"""The bundled exercise library: every exercise is well formed for its kind, and the check says so
only because it catches real mistakes."""

from __future__ import annotations

import tomllib

import pytest

from dgfacil.operations.templates import exercise_library, workshop_from_template
from dgfacil.paths import sessions_dir

BUNDLED = sorted(p.stem for p in sessions_dir().glob("*.toml"))
LIBRARY = sorted(p.stem for p in (sessions_dir() / "exercises").glob("*.toml"))
CORNERS = {"top-left", "top-right", "bottom-left", "bottom-right"}


def _nonempty_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _keyed(items, where: str, *required: str) -> None:
    assert isinstance(items, list) and items, f"{where}: needs a non-empty list"
    keys = [it.get("key") for it in items]
    assert all(_nonempty_str(k) for k in keys) and len(set(keys)) == len(keys), f"{where}: keys missing or repeated"
    for it in items:
        for field in required:
            assert _nonempty_str(it.get(field)), f"{where}.{it.get('key')}: no {field}"


def check_definition(kind: str, d: dict, where: str) -> None:
    """A small structural check per kind, following sessions/README.md (the engine has the real one)."""
    if kind == "zones":
        _keyed(d.get("zones"), f"{where}.zones", "title", "hint", "colour")
        assert isinstance(d.get("columns"), int) and d["columns"] >= 1
        for z in d["zones"]:
            assert z["colour"].startswith("#") and len(z["colour"]) == 7
    elif kind == "plane":
        for axis in ("x_axis", "y_axis"):
            assert all(_nonempty_str(d[axis].get(f)) for f in ("title", "low", "high")), f"{where}.{axis}"
        _keyed(d.get("quadrants"), f"{where}.quadrants", "title", "corner")
        assert {q["corner"] for q in d["quadrants"]} == CORNERS, f"{where}: one quadrant per corner"
        if "tags" in d:
            tags = d["tags"]
            assert _nonempty_str(tags["title"]) and tags["values"]
            assert len(tags.get("descriptions", tags["values"])) == len(tags["values"])
    elif kind == "table":
        _keyed(d.get("columns"), f"{where}.columns", "title")
        if "group_by" in d:
            assert _nonempty_str(d["group_by"]["key"]) and _nonempty_str(d["group_by"]["title"])
    elif kind == "rubric":
        _keyed(d.get("levels"), f"{where}.levels", "title")
        _keyed(d.get("dimensions"), f"{where}.dimensions", "title")
        for dim in d["dimensions"]:
            assert len(dim["descriptors"]) == len(d["levels"]), f"{where}.{dim['key']}: one descriptor per level"
            assert all(_nonempty_str(s) for s in dim["descriptors"]), f"{where}.{dim['key']}: empty descriptor"
    elif kind == "prompts":
        _keyed(d.get("questions"), f"{where}.questions", "text")
        for q in d["questions"]:
            assert q.get("kind", "text") in ("text", "choice")
            if q.get("kind") == "choice":
                assert q["options"] and 0 <= q.get("answer", 0) < len(q["options"])
    else:
        raise AssertionError(f"{where}: unknown kind {kind!r}")


@pytest.mark.parametrize("name", LIBRARY)
def test_library_exercise_is_valid_for_its_kind(name):
    raw = tomllib.loads((sessions_dir() / "exercises" / f"{name}.toml").read_text(encoding="utf-8"))
    assert set(raw) <= {"kind", "title", "source", "definition"}
    assert _nonempty_str(raw["title"]) and _nonempty_str(raw["source"])
    assert _nonempty_str(raw["definition"].get("instructions"))
    check_definition(raw["kind"], raw["definition"], name)


@pytest.mark.parametrize("name", BUNDLED)
def test_template_exercise_is_valid_for_its_kind(name):
    for ex in workshop_from_template(name).exercises:
        check_definition(ex.kind, ex.definition, f"{name}:{ex.definition['key']}")


def test_every_template_exercise_passes_the_engine_validator():
    """The exercise engine's own check (dgfacil.core.exercises) accepts everything we ship."""
    from dgfacil.core.exercises import problems_in

    for name, ex in exercise_library().items():
        assert problems_in(ex["kind"], ex["definition"]) == [], name
    for name in BUNDLED:
        for ex in workshop_from_template(name).exercises:
            assert problems_in(ex.kind, ex.definition) == [], f"{name}:{ex.definition['key']}"


def test_library_has_the_named_exercises_of_each_kind():
    kinds = {name: ex["kind"] for name, ex in exercise_library().items()}
    assert kinds == {
        "swot": "zones",
        "pestle": "zones",
        "design-thinking": "zones",
        "empathy-map": "zones",
        "stakeholder-map": "plane",
        "value-feasibility": "plane",
        "action-plan": "table",
        "nine-pillars": "rubric",
    }
    lib = exercise_library()
    assert len(lib["swot"]["definition"]["zones"]) == 4 and len(lib["pestle"]["definition"]["zones"]) == 6
    stake = lib["stakeholder-map"]["definition"]
    assert {q["key"] for q in stake["quadrants"]} == {"manage-closely", "keep-satisfied", "keep-informed", "monitor"}
    assert stake["tags"]["values"] == ["Inform", "Consult", "Involve", "Collaborate", "Empower"]
    pillars = lib["nine-pillars"]["definition"]
    assert [lv["key"] for lv in pillars["levels"]] == [
        "online-presence",
        "transactional",
        "connected",
        "transformative",
    ]
    assert len(pillars["dimensions"]) == 9
    assert pillars["dimensions"][0]["descriptors"][1] == "Some e-government champions across government"


def test_a_bad_definition_fails_the_structural_check():
    """The check above must catch real mistakes, or it proves nothing."""
    rubric = exercise_library()["nine-pillars"]["definition"]
    broken = {**rubric, "dimensions": [{**rubric["dimensions"][0], "descriptors": ["only one"]}]}
    with pytest.raises(AssertionError, match="one descriptor per level"):
        check_definition("rubric", broken, "nine-pillars")
    plane = exercise_library()["stakeholder-map"]["definition"]
    with pytest.raises(AssertionError, match="one quadrant per corner"):
        check_definition("plane", {**plane, "quadrants": plane["quadrants"][:3]}, "stakeholder-map")
