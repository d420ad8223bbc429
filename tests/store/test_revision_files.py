"""The revision names read from the scripts' text are Alembic's own (opening skips Alembic with them)."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from dgfacil.store import migrate, revision_files


def test_the_scripts_text_gives_alembics_head_and_revisions():
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert revision_files.head_revision() == scripts.get_current_head()
    assert revision_files.known_revisions() == {rev.revision for rev in scripts.walk_revisions()}
    assert {rev.revision: rev.down_revision for rev in scripts.walk_revisions()} == revision_files.revision_chain()
