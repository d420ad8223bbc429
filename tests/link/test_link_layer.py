"""The room link is a layer beside the UI: it reaches the document only through operations."""

from __future__ import annotations

import ast
from pathlib import Path

LINK = Path(__file__).resolve().parents[2] / "dgfacil" / "link"
ALLOWED = {"core", "operations", "link"}
FORBIDDEN = {"PySide6", "sqlmodel", "sqlalchemy", "reportlab"}


def test_link_imports_only_operations_and_core():
    problems = []
    for path in LINK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            for name in names:
                parts = name.split(".")
                if (parts[0] == "dgfacil" and len(parts) > 1 and parts[1] not in ALLOWED) or parts[0] in FORBIDDEN:
                    problems.append(f"{path.name} imports {name}")
    assert problems == []


PAGES = {"phone": "PHONE", "remote": "REMOTE", "rapporteur": "RAPPORTEUR"}
TECHNICAL = {"lang", "title", "base", "texts", "nav", "heading", "max_card"}  # filled from texts or not shown as words


def test_every_text_the_pages_use_is_in_the_texts_file():
    """phone, remote and rapporteur: every key a script uses, every $placeholder of the markup is in
    link/texts.py; the markup holds no words and the scripts put no word of their own on screen."""
    import re

    from dgfacil.link import texts

    for page, table in PAGES.items():
        known = set(getattr(texts, table)) | {"tags"}
        script = (LINK / "static" / f"{page}.js").read_text(encoding="utf-8")
        used = (
            set(re.findall(r"\bT\.(\w+)", script))
            | set(re.findall(r'fmt\("(\w+)"', script))
            | set(re.findall(r'label: "(\w+)"', script))
        )
        assert used and used <= known, (page, used - known)
        markup = (LINK / "static" / f"{page}.html").read_text(encoding="utf-8")
        assert set(re.findall(r"\$(\w+)", markup)) - TECHNICAL <= known, page
        assert set(re.findall(r'data-(?:action|text)="(\w+)"', markup)) <= known, page
        words = [w.strip() for w in re.findall(r">([^<$]+)<", markup) if len(w.strip()) > 1]
        assert words == [], (page, words)
        own = re.findall(r'(?:textContent = |el\("\w+", )"([^"]*[A-Za-z]{2}[^"]*)"', script)
        assert own == [], (page, own)
    phone = (LINK / "static" / "phone.html").read_text(encoding="utf-8")
    assert {"questions", "next"} <= set(re.findall(r"\$(\w+)", phone))
