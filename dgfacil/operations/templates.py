"""Finding and using workshop templates: the bundled ones in sessions/, or a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dgfacil.core.model import Workshop
from dgfacil.core.template import (
    TemplateError,
    TemplateSpec,
    build_workshop,
    load_standard_evaluation,
    load_template,
)
from dgfacil.paths import sessions_dir


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    path: Path
    days: int


def bundled_templates() -> list[TemplateInfo]:
    """The templates shipped in sessions/, sorted by name."""
    found = []
    for path in sorted(sessions_dir().glob("*.toml")):
        spec = load_template(path)
        found.append(TemplateInfo(spec.workshop.name, spec.workshop.title, path, len(spec.days)))
    return sorted(found, key=lambda t: t.name)


def find_template(name_or_path: str) -> TemplateSpec:
    """A bundled template by name, or a template file by path. Raises TemplateError."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        if not candidate.is_file():
            raise TemplateError(name_or_path, [("(file)", "no such template file")])
        return load_template(candidate)
    bundled = sessions_dir() / f"{name_or_path}.toml"
    if bundled.is_file():
        return load_template(bundled)
    names = ", ".join(t.name for t in bundled_templates())
    raise TemplateError(name_or_path, [("(name)", f"unknown template; bundled templates are: {names}")])


def exercise_library() -> dict[str, dict[str, Any]]:
    """Exercise definitions in sessions/exercises/*.toml, keyed by file stem."""
    library = {}
    folder = sessions_dir() / "exercises"
    for path in sorted(folder.glob("*.toml")) if folder.exists() else []:
        with open(path, "rb") as handle:
            library[path.stem] = tomllib.load(handle)
    return library


def workshop_from_template(name_or_path: str, *, start: date | None = None, timezone: str | None = None) -> Workshop:
    spec = find_template(name_or_path)
    try:
        return build_workshop(
            spec,
            start=start,
            timezone=timezone,
            library=exercise_library(),
            standard_evaluation=load_standard_evaluation(sessions_dir()),
        )
    except TemplateError as err:  # name the file, not only the workshop
        source = name_or_path if Path(name_or_path).exists() else str(sessions_dir() / f"{name_or_path}.toml")
        raise TemplateError(source, err.problems) from None
