"""App-wide settings in the user's config folder (recent files, preferences). Never beside a document."""

from __future__ import annotations

import json
from pathlib import Path

from dgfacil.core.atomic import atomic_write
from dgfacil.paths import user_config_dir

MAX_RECENT = 8


def _file() -> Path:
    return user_config_dir() / "settings.json"


def load() -> dict:
    try:
        return json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(settings: dict) -> None:
    with atomic_write(_file(), "w", encoding="utf-8") as handle:
        json.dump(settings, handle, indent=2, ensure_ascii=False)


_SERVER = ("postgresql://", "postgres://", "postgresql+psycopg://")  # store/engine.py's SERVER_SCHEMES


def _is_team(text: str) -> bool:
    return text.lower().startswith(_SERVER)


def recent_files() -> list[Path]:
    return [Path(p) for p in load().get("recent", []) if not _is_team(p) and Path(p).exists()]


def recent_addresses() -> list[Path | str]:
    """Recent files that still exist and recent team workshops (their URL, never a password)."""
    return [p if _is_team(p) else Path(p) for p in load().get("recent", []) if _is_team(p) or Path(p).exists()]


def remember_recent(path: Path | str) -> None:
    """A file's path, or a team workshop's URL (given without its password: doc.address)."""
    settings = load()
    path_text = path if isinstance(path, str) and _is_team(path) else str(Path(path).resolve())
    recent = [p for p in settings.get("recent", []) if p != path_text]
    settings["recent"] = [path_text, *recent][:MAX_RECENT]
    save(settings)


def last_open() -> Path | None:
    """The workshop that was open when the app last closed (None: none was, or the user closed it)."""
    text = load().get("last_open")
    return Path(text) if text else None


def set_last_open(path: Path | None) -> None:
    settings = load()
    settings["last_open"] = str(Path(path).resolve()) if path else None
    save(settings)


def forget_recent(path: Path) -> None:
    settings = load()
    path_text = str(Path(path).resolve())
    settings["recent"] = [p for p in settings.get("recent", []) if p != path_text]
    save(settings)
