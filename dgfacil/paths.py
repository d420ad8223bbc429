"""Where things are: bundled resources and templates, user data and config.

Works from a source checkout, an installed wheel and a PyInstaller bundle (sys._MEIPASS).
DGFACIL_DATA_DIR and DGFACIL_CONFIG_DIR override the user folders (tests use them so a test
never touches the real profile).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dgfacil import APP_NAME


def _data(name: str) -> Path:
    """A bundled data folder: in a PyInstaller bundle, inside the installed package (a wheel
    puts resources/ and sessions/ there, see pyproject.toml), or beside the package in a
    source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    package = Path(__file__).resolve().parent
    inside = package / name
    return inside if inside.is_dir() else package.parent / name


def resources_dir() -> Path:
    return _data("resources")


def sessions_dir() -> Path:
    """The bundled workshop templates."""
    return _data("sessions")


def user_data_dir() -> Path:
    override = os.environ.get("DGFACIL_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    override = os.environ.get("DGFACIL_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_config_path

        path = user_config_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
