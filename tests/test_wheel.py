"""`pip install .` gives a working app: the wheel carries the templates, fonts and sounds, every
runtime dependency is declared, and an install without its data says so (exit 2).

The full round trip (build the wheel, install it into a fresh venv, list the templates, print
certificates) takes a minute: it is marked slow. The checks above it are quick and always run.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        DGFACIL_DATA_DIR=str(tmp_path / "data"),
        DGFACIL_CONFIG_DIR=str(tmp_path / "config"),
    )
    return env


def test_the_package_list_is_every_package_of_the_source():
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    found = {str(p.parent.relative_to(ROOT)).replace(os.sep, ".") for p in (ROOT / "dgfacil").rglob("__init__.py")}
    assert listed == found | {"dgfacil.resources", "dgfacil.sessions"}
    mapped = PROJECT["tool"]["setuptools"]["package-dir"]
    assert mapped == {"dgfacil.resources": "resources", "dgfacil.sessions": "sessions"}


def test_every_third_party_import_is_a_declared_dependency():
    declared = {_norm(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in PROJECT["project"]["dependencies"]}
    owners = packages_distributions()
    missing = {}
    for path in (ROOT / "dgfacil").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and not node.level
                else []
            )
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "dgfacil":
                    continue
                dists = {_norm(d) for d in owners.get(top, [top])}
                if not dists & declared:
                    missing.setdefault(top, str(path.relative_to(ROOT)))
    # QtPdf is optional (the Print room's preview); it comes from PySide6-Addons when installed
    missing.pop("PySide6", None) if "pyside6-essentials" in declared else None
    assert missing == {}, f"imported but not in [project] dependencies: {missing}"


def test_an_install_without_its_data_lists_no_templates_and_fails(tmp_path):
    """A copy of the package with no sessions/ beside or inside it: exit 2 and one line."""
    shutil.copytree(ROOT / "dgfacil", tmp_path / "lib" / "dgfacil", ignore=shutil.ignore_patterns("__pycache__"))
    env = _clean_env(tmp_path)
    env["PYTHONPATH"] = str(tmp_path / "lib")
    run = subprocess.run(
        [sys.executable, "-m", "dgfacil", "templates"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stdout == "" and "no workshop templates found" in run.stderr
    assert "Traceback" not in run.stderr


def _install_into_a_fresh_venv(wheel: Path, venv: Path) -> Path:
    """A fresh venv holding the wheel alone; afterwards it also sees this interpreter's installed
    dependencies (PySide6, reportlab...) after its own site-packages, so nothing is downloaded."""
    env = _clean_env(venv.parent)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300, env=env)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
        env=env,
    )
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # added only now, so pip never saw the shared packages; a .pth line adds the directory
    # without running its .pth files, so the shared venv's editable dgfacil is not loaded
    Path(site, "shared-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.mark.slow
def test_the_wheel_installs_and_prints(tmp_path):
    # built from a copy of what a source distribution holds: the build leaves nothing in the
    # checkout (build/, *.egg-info) that a later pip would take for an installed dgfacil
    source = tmp_path / "source"
    source.mkdir()
    for part in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / part, source / part)
    for part in ("dgfacil", "resources", "sessions"):
        shutil.copytree(ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
        env=_clean_env(tmp_path),
    )
    [wheel] = wheels.glob("dgfacil-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "dgfacil/sessions/undesa-escap-webinar-2023.toml",
        "dgfacil/sessions/evaluation/standard.toml",
        "dgfacil/resources/fonts/NotoSans-Regular.ttf",
        "dgfacil/resources/sounds/chime.wav",
        "dgfacil/resources/style.qss",
        "dgfacil/store/migrations/env.py",
    } <= names
    python = _install_into_a_fresh_venv(wheel, tmp_path / "venv")
    env = _clean_env(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    where = subprocess.run(
        [python, "-c", "import dgfacil, dgfacil.paths as p; print(dgfacil.__file__); print(p.sessions_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
    )
    assert str(tmp_path / "venv") in where.stdout and "site-packages/dgfacil/sessions" in where.stdout

    def dgfacil(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [tmp_path / "venv" / "bin" / "dgfacil", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=work,
            timeout=300,
        )

    listed = dgfacil("templates")
    assert listed.returncode == 0 and "undesa-escap-webinar-2023" in listed.stdout, listed.stderr
    assert dgfacil("new", "w.dgfacil", "--template", "undesa-escap-webinar-2023").returncode == 0
    (work / "roster.csv").write_text(
        "Name,Email,Country\nKim Min-jun,k@example.org,Korea\nОльга Петрова,o@example.org,Russia\n", encoding="utf-8"
    )
    assert dgfacil("roster", "import", "w.dgfacil", "roster.csv").returncode == 0
    assert dgfacil("attendance", "w.dgfacil", "--mark-all").returncode == 0
    printed = dgfacil("print", "certificates", "w.dgfacil", "-o", "certs.pdf")
    assert printed.returncode == 0, printed.stderr
    each = dgfacil("print", "certificates", "w.dgfacil", "--per-person", "-o", "each")
    assert each.returncode == 0, each.stderr
    from pypdf import PdfReader

    assert len(PdfReader(work / "certs.pdf").pages) == 2
    assert len(list((work / "each").glob("*.pdf"))) == 2
