"""Before printing, a name with a character no available font can draw is named with the
person, and printing goes on only when the user says so (--force) — never a silent blank."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dgfacil.core.model import Participant

LINEAR_B = "\U00010001\U00010002"  # no font on any supported system has Linear B
ODD = f"Ana {LINEAR_B}"
ARMENIAN = "Արմեն Սարգսյան"


def dgfacil(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dgfacil", *args],
        capture_output=True,
        check=False,
        text=True,
        env=dict(os.environ, **env),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def workshop(new_doc):
    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.store.participants import load_participants

    doc = new_doc()
    with doc.session() as s:
        for name in (ODD, ARMENIAN, "Kim Min-jun"):
            add_participant(s, participant=Participant(name, country="Greece"))
    with doc.session() as s:
        people = load_participants(session=s)
        mark(s, participant_ids=[p.id for p in people], item_ids=[i for b in attendance_blocks(s) for i in b.item_ids])
    path = doc.path
    doc.engine.dispose()
    return path


def test_operation_names_the_person_and_the_characters(workshop):
    from dgfacil.operations.preflight import unprintable_names
    from dgfacil.store.document import open_document

    doc = open_document(workshop)
    with doc.session() as s:
        found = unprintable_names(s, "badges")
        assert unprintable_names(s, "agenda") == []
    doc.close()
    assert [(u.person, u.field, u.characters) for u in found] == [(ODD, "name", tuple(LINEAR_B))]
    assert "LINEAR B SYLLABLE B038 E" in found[0].sentence() and "U+10001" in found[0].sentence()


def test_print_refuses_without_force_and_prints_with_it(workshop, tmp_path):
    out = tmp_path / "badges.pdf"
    refused = dgfacil("print", "badges", str(workshop), "-o", str(out))
    assert refused.returncode == 2 and not out.exists()
    assert ODD in refused.stderr and "LINEAR B" in refused.stderr and "--force" in refused.stderr
    assert ARMENIAN not in refused.stderr  # Noto Sans Armenian draws it
    done = dgfacil("print", "badges", str(workshop), "-o", str(out), "--force")
    assert done.returncode == 0 and out.exists() and "LINEAR B" in done.stderr


def test_with_only_the_bundled_fonts_the_missing_scripts_are_named(workshop, tmp_path):
    out = tmp_path / "certificates.pdf"
    refused = dgfacil("print", "certificates", str(workshop), "-o", str(out), DGFACIL_BUNDLED_FONTS_ONLY="1")
    assert refused.returncode == 2 and not out.exists()
    assert ARMENIAN in refused.stderr and "ARMENIAN CAPITAL LETTER AYB" in refused.stderr
    assert "Kim Min-jun" not in refused.stderr
