"""The pages' texts are in one place (dgfacil/link/texts.py): no words in the static pages or
scripts, every text they name is there, and every refusal a phone can get has its text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import dgfacil.operations.link as ops
from dgfacil.link import texts

STATIC = Path(ops.__file__).resolve().parents[1] / "link" / "static"
OPERATIONS = Path(ops.__file__).resolve().parent
PAGES = {"phone": texts.PHONE, "remote": texts.REMOTE, "rapporteur": {**texts.RAPPORTEUR, "tags": []}}
FILLED_IN = {"base", "title", "texts", "name", "body", "max_card"}  # by the views, not texts


class Words(HTMLParser):
    """The text of a page outside its scripts, and its `data-text` / `data-action` keys."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.keys: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag in ("script", "style")
        self.keys |= {v for k, v in attrs if k in ("data-text", "data-action") and v}

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script and data.strip():
            self.words.append(data.strip())


def test_the_pages_hold_no_words_of_their_own():
    shell = (STATIC / "page.html").read_text(encoding="utf-8")
    for name, words in PAGES.items():
        markup = shell.replace("$body", (STATIC / f"{name}.html").read_text(encoding="utf-8"))
        parser = Words()
        parser.feed(markup)
        assert [w for w in parser.words if not re.fullmatch(r"\$\w+", w)] == [], name
        placeholders = set(re.findall(r"\$(\w+)", markup))
        assert placeholders - FILLED_IN <= set(words), (name, placeholders - FILLED_IN - set(words))
        assert parser.keys <= set(words), (name, parser.keys - set(words))
        assert "lang" in words


def test_every_text_a_script_names_is_in_texts():
    for name, words in PAGES.items():
        script = (STATIC / f"{name}.js").read_text(encoding="utf-8")
        named = set(re.findall(r"\bT\.(\w+)", script)) | set(re.findall(r'fmt\("(\w+)"', script))
        named |= set(re.findall(r'label: "(\w+)"', script))
        assert named <= set(words), (name, named - set(words))
        # no sentence in the scripts: their string literals are ids, selectors, paths, keys, punctuation
        sentences = [s for s in re.findall(r'"([^"\\]*)"', script) if re.search(r"\b[A-Z][a-z]+ [a-z]{2,}", s)]
        assert sentences == [], (name, sentences)


def test_every_refusal_a_phone_can_get_has_its_text():
    codes = set()
    for source in OPERATIONS.glob("link*.py"):
        codes |= set(re.findall(r'Refused\([^()]*(?:\([^()]*\))?[^()]*, "(\w+)"\)', source.read_text(encoding="utf-8")))
    codes |= set(re.findall(r'Refused\([^()]*, "(\w+)"\)', (STATIC.parent / "phone.py").read_text(encoding="utf-8")))
    assert {"board_closed", "no_dots", "survey_closed", "prompts_closed", "no_board"} <= codes
    every = set(texts.PHONE) | set(texts.REMOTE) | set(texts.RAPPORTEUR)
    assert codes <= every, codes - every
    phone_codes = codes - {"unknown_action", "no_days", "nothing_running", "day_started"}  # the remote's
    assert phone_codes <= set(texts.PHONE), phone_codes - set(texts.PHONE)
