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
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                     else [])
            for name in names:
                parts = name.split(".")
                if (parts[0] == "dgfacil" and len(parts) > 1 and parts[1] not in ALLOWED) or parts[0] in FORBIDDEN:
                    problems.append(f"{path.name} imports {name}")
    assert problems == []


def test_every_text_the_pages_use_is_in_the_texts_file():
    import re

    from dgfacil.link import texts

    script = (LINK / "static" / "phone.js").read_text(encoding="utf-8")
    used = set(re.findall(r"T\.(\w+)", script)) | set(re.findall(r'fmt\("(\w+)"', script))
    assert used and used <= set(texts.PHONE)
    page = (LINK / "static" / "phone.html").read_text(encoding="utf-8")
    placeholders = set(re.findall(r"\$(\w+)", page)) - {"lang", "title", "base", "texts", "nav"}
    assert {"questions", "next"} <= placeholders <= set(texts.PHONE)
    # no words in the markup itself: between tags there is only a $placeholder or a one-letter stand-in
    words = [w for w in re.findall(r">([^<$]+)<", page) if w.strip() and len(w.strip()) > 1]
    assert words == []
    remote = (LINK / "static" / "remote.html").read_text(encoding="utf-8")
    assert set(re.findall(r'data-(?:action|text)="(\w+)"', remote)) <= set(texts.REMOTE)
    remote_script = (LINK / "static" / "remote.js").read_text(encoding="utf-8")
    labels = set(re.findall(r'label: "(\w+)"', remote_script))
    assert labels == {"reveal", "close_board", "close_survey"}
    assert labels | set(re.findall(r"T\.(\w+)", remote_script)) <= set(texts.REMOTE)
