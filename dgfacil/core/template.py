"""Workshop templates: the TOML schema (pydantic) and its translation to a Workshop.

A template is human-edited text; an error names the file, the field path and the reason, and
never yields half a workshop. See sessions/README.md for the format.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dgfacil.core.agenda import following_starts
from dgfacil.core.exercises import DefinitionError, check_definition
from dgfacil.core.model import AgendaItem, Day, Exercise, ItemKind, Modality, Workshop
from dgfacil.core.text import check_date

EXERCISE_KINDS = ("zones", "plane", "table", "rubric", "prompts")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class TemplateError(ValueError):
    """A template that cannot be used. `str(err)` is one line per problem: file, field, reason."""

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {where}: {why}" for where, why in problems))


def _check_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (use an IANA name such as 'Asia/Seoul')") from None
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemSpec(_Strict):
    title: str = Field(min_length=1)
    kind: Literal["session", "break", "exercise", "opening", "closing", "other"] = "session"
    start: str | None = None  # "HH:MM"; omitted: follows the previous item
    duration: int = Field(gt=0, le=24 * 60, description="minutes")
    fixed: bool = False
    lead: str = ""
    speakers: list[str] = []
    description: str = ""
    materials: list[str] = []
    exercises: list[str] = []  # keys of [[exercises]] run in this item

    @field_validator("start")
    @classmethod
    def _hhmm(cls, value: str | None) -> str | None:
        if value is not None and not _HHMM.match(value):
            raise ValueError(f"{value!r} is not a time of day as HH:MM")
        return value


class DaySpec(_Strict):
    date: dt.date  # `date` would name this field inside the class, not the type
    title: str = ""
    items: list[ItemSpec] = Field(min_length=1)

    @field_validator("date")
    @classmethod
    def _in_range(cls, value: dt.date) -> dt.date:
        check_date("the day", value)  # year 1 or 9999 would overflow every zone shift later
        return value

    @model_validator(mode="after")
    def _first_has_start(self) -> DaySpec:
        if self.items[0].start is None:
            raise ValueError("the first item of a day needs a start time")
        return self


class ExerciseSpec(_Strict):
    key: str = Field(min_length=1)
    kind: Literal["zones", "plane", "table", "rubric", "prompts"] | None = None
    use: str | None = None  # name of a definition in sessions/exercises/
    title: str = ""
    definition: dict[str, Any] = {}

    @model_validator(mode="after")
    def _kind_or_use(self) -> ExerciseSpec:
        if self.kind is None and self.use is None:
            raise ValueError("give either 'kind' with a 'definition', or 'use' with a library name")
        return self


class QuestionSpec(_Strict):
    key: str = Field(min_length=1)
    kind: Literal["likert", "text", "choice"]
    text: str = Field(min_length=1)
    group: str = ""
    levels: list[str] = []
    options: list[str] = []


class EvaluationSpec(_Strict):
    title: str = "Evaluation"
    questions: list[QuestionSpec] = []


class WorkshopSpec(_Strict):
    name: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    project_code: str = ""
    organizers: list[str] = []
    modality: Literal["in-person", "online", "hybrid"] = "in-person"
    venue: str = ""
    timezone: str
    display_zones: list[str] = []
    description: str = ""
    source: str = ""  # the public document the template was transcribed from

    _zone = field_validator("timezone")(classmethod(lambda cls, v: _check_zone(v)))

    @field_validator("display_zones")
    @classmethod
    def _zones(cls, values: list[str]) -> list[str]:
        return [_check_zone(v) for v in values]


class TemplateSpec(_Strict):
    workshop: WorkshopSpec
    days: list[DaySpec] = Field(min_length=1)
    exercises: list[ExerciseSpec] = []
    evaluation: EvaluationSpec = EvaluationSpec()

    @model_validator(mode="after")
    def _references(self) -> TemplateSpec:
        keys = [e.key for e in self.exercises]
        if len(keys) != len(set(keys)):
            raise ValueError("exercise keys must be unique")
        for d, day in enumerate(self.days):
            for i, item in enumerate(day.items):
                for key in item.exercises:
                    if key not in keys:
                        raise ValueError(f"days.{d}.items.{i}.exercises: no exercise with key {key!r}")
        return self


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top)"


def parse_template(text: str, source: str = "<template>") -> TemplateSpec:
    """Validate template text; raise TemplateError naming the source, field paths and reasons."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise TemplateError(source, [("(toml)", str(err))]) from None
    try:
        return TemplateSpec.model_validate(raw)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            where, why = _where(e["loc"]), e["msg"].removeprefix("Value error, ")
            if where == "(top)" and re.match(r"^[\w.]+: ", why):  # a cross-field check names its own path
                where, why = why.split(": ", 1)
            problems.append((where, why))
        raise TemplateError(source, problems) from None


def load_template(path: Path) -> TemplateSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(str(path), [("(file)", str(err))]) from None
    return parse_template(text, str(path))


STANDARD_EVALUATION = Path("evaluation") / "standard.toml"
"""The standard post-event form, relative to the sessions folder."""


class _EvaluationFile(_Strict):
    evaluation: EvaluationSpec


def parse_evaluation(text: str, source: str = "<evaluation>") -> EvaluationSpec:
    """An evaluation form file (a template's `[evaluation]` table on its own); TemplateError if bad."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise TemplateError(source, [("(toml)", str(err))]) from None
    try:
        return _EvaluationFile.model_validate(raw).evaluation
    except ValidationError as err:
        problems = [(_where(e["loc"]), e["msg"].removeprefix("Value error, ")) for e in err.errors()]
        raise TemplateError(source, problems) from None


def load_standard_evaluation(sessions: Path) -> EvaluationSpec | None:
    """The standard form shipped in `sessions`/evaluation/standard.toml; None if it is not there."""
    path = Path(sessions) / STANDARD_EVALUATION
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(str(path), [("(file)", str(err))]) from None
    return parse_evaluation(text, str(path))


def _parse_hhmm(value: str | None) -> time | None:
    if value is None:
        return None
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def build_workshop(
    spec: TemplateSpec,
    *,
    start: date | None = None,
    timezone: str | None = None,
    library: dict[str, dict[str, Any]] | None = None,
    standard_evaluation: EvaluationSpec | None = None,
) -> Workshop:
    """A Workshop from a template, its days moved to begin on `start` (same gaps between days).

    `library` maps names to exercise definitions ({"kind", "title", "definition"}) for `use`.
    `standard_evaluation` (load_standard_evaluation) is the form a template without
    `[evaluation]` questions gets, so every workshop can collect feedback.
    """
    shift = timedelta(0) if start is None else start - spec.days[0].date
    meta = spec.workshop
    zone = _check_zone(timezone) if timezone else meta.timezone
    exercises: list[Exercise] = []
    for position, ex in enumerate(spec.exercises):
        kind, title, definition = ex.kind, ex.title, dict(ex.definition)
        if ex.use is not None:
            base = (library or {}).get(ex.use)
            if base is None:
                raise TemplateError(meta.name, [(f"exercises.{position}.use", f"no library exercise {ex.use!r}")])
            kind = kind or base["kind"]
            title = title or base.get("title", "")
            definition = {**base.get("definition", {}), **definition}
        definition["key"] = ex.key
        exercises.append(
            Exercise(kind=kind or "prompts", title=title or ex.key, definition=definition, position=position)
        )
    # a definition the exercise rooms cannot draw ("columns = 'two'", no zones) is refused here, as
    # the template is read, with every problem named; never a workshop that breaks when shown
    broken: list[tuple[str, str]] = []
    for exercise in exercises:
        try:
            check_definition(exercise.kind, exercise.definition, exercise.title)
        except DefinitionError as err:
            broken += [(f"exercises.{exercise.position}.definition.{where}", why) for where, why in err.problems]
    if broken:
        raise TemplateError(meta.name, broken)
    by_key = {ex.definition["key"]: ex for ex in exercises}
    for d, day in enumerate(spec.days):
        for i, it in enumerate(day.items):
            for key in it.exercises:
                by_key[key].item_ref = (d, i)
    days = []
    for position, day in enumerate(spec.days):
        starts = following_starts([(_parse_hhmm(it.start), it.duration, it.fixed) for it in day.items])
        items = [
            AgendaItem(
                title=it.title,
                kind=ItemKind(it.kind),
                planned_start=starts[i],
                duration_min=it.duration,
                fixed_start=it.fixed,
                lead=it.lead,
                speakers=list(it.speakers),
                description=it.description,
                materials=list(it.materials),
                position=i,
            )
            for i, it in enumerate(day.items)
        ]
        days.append(Day(date=day.date + shift, title=day.title, items=items, position=position))
    return Workshop(
        title=meta.title,
        timezone=zone,
        project_code=meta.project_code,
        organizers=list(meta.organizers),
        modality=Modality(meta.modality),
        venue=meta.venue,
        display_zones=[z for z in meta.display_zones if z != zone],
        description=meta.description,
        days=days,
        exercises=exercises,
        evaluation_form=(
            spec.evaluation if spec.evaluation.questions or standard_evaluation is None else standard_evaluation
        ).model_dump(),
        template_name=meta.name,
    )
