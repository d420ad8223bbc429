"""Which board shows which exercise kind. A new exercise is data for one of these five."""

from __future__ import annotations

from dgfacil.ui.exercises.base import BoardBase


def board_class(kind: str) -> type[BoardBase]:
    """The board widget for an exercise kind (imported on demand: a room shows one at a time)."""
    if kind in ("zones", "plane"):
        from dgfacil.ui.exercises.card_board import CardBoard

        return CardBoard
    if kind == "table":
        from dgfacil.ui.exercises.table_board import TableBoard

        return TableBoard
    if kind == "rubric":
        from dgfacil.ui.exercises.rubric_board import RubricBoard

        return RubricBoard
    if kind == "prompts":
        from dgfacil.ui.exercises.prompts_board import PromptsBoard

        return PromptsBoard
    raise ValueError(f"no board for exercise kind {kind!r}")


def make_board(ctx, host, exercise, group_id, group_name="", **kwargs) -> BoardBase:
    return board_class(exercise.kind)(ctx, host, exercise, group_id, group_name, **kwargs)
