"""The id of a thing read from the document.

The dataclasses of core/model.py carry `id: int | None`: None until the store has saved them.
Everything an operation reads back has its id; `saved_id` says so to the type checker, and fails
loudly if a thing that was never saved reaches a place that needs its row.
"""

from __future__ import annotations


def saved_id(value: int | None) -> int:
    """`value`, which must be the id of a saved row."""
    if value is None:
        raise ValueError("this was never saved in the document, so it has no id")
    return value
