"""The one result type of operations: flags, ids and the value an operation hands back."""

from __future__ import annotations

from dgfacil.operations.changes import Changes


def test_a_plain_change_hands_back_nothing():
    assert Changes(agenda=True).value is None


def test_with_value_keeps_the_flags_and_ids():
    changes = Changes(notes=True, ids=(3, 4)).with_value(["snapshot"])
    assert (changes.notes, changes.ids, changes.value) == (True, (3, 4), ["snapshot"])
    assert not changes.agenda


def test_merging_keeps_flags_and_ids_and_drops_the_values():
    merged = Changes(agenda=True, ids=(1,), value="a") | Changes(notes=True, ids=(2,), value="b")
    assert (merged.agenda, merged.notes, merged.ids, merged.value) == (True, True, (1, 2), None)
