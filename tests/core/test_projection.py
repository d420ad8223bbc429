"""The projector's card layout: every area's cards in a grid inside the area, large, in reading order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dgfacil.core.exercises import BoardItem
from dgfacil.core.projection import grid, reading_order


def test_three_cards_in_a_wide_area_take_two_columns_and_stay_inside():
    cells = grid((0, 0, 760, 400), 3, gap=14, aspect=1.65, largest=(400, 240))
    assert len(cells) == 3
    assert [round(y) for _, y, _, _ in cells] == [14, 14, round(14 + cells[0][3] + 14)]
    assert all(0 <= x and x + w <= 760 and 0 <= y and y + h <= 400 for x, y, w, h in cells)
    assert cells[0][2] > 300  # as large as the area allows, not the room's 152-unit card


def test_one_card_alone_is_big_but_not_a_wall():
    [(_, _, w, h)] = grid((0, 0, 760, 400), 1, gap=14, aspect=1.65, largest=(395, 239))
    assert (w, h) == (395, 239)


@given(
    st.integers(min_value=1, max_value=60),
    st.floats(min_value=200, max_value=900),
    st.floats(min_value=150, max_value=600),
)
def test_cells_never_overlap_nor_leave_the_area(count, width, height):
    cells = grid((10, 20, width, height), count, gap=8, aspect=1.65, largest=(400, 240))
    assert len(cells) == count
    for x, y, w, h in cells:
        assert x >= 10 - 1e-6 and y >= 20 - 1e-6 and x + w <= 10 + width + 1e-6 and y + h <= 20 + height + 1e-6
    for i, a in enumerate(cells):
        for b in cells[i + 1 :]:
            assert (
                a[0] + a[2] <= b[0] + 1e-6
                or b[0] + b[2] <= a[0] + 1e-6
                or a[1] + a[3] <= b[1] + 1e-6
                or b[1] + b[3] <= a[1] + 1e-6
            )


def test_reading_order_keeps_a_cluster_together_then_top_to_bottom_left_to_right():
    cards = [
        BoardItem("b", x=0.6, y=0.2, id=1),
        BoardItem("a", x=0.2, y=0.2, id=2),
        BoardItem("c", x=0.2, y=0.5, id=3, cluster="Silos"),
        BoardItem("d", x=0.6, y=0.8, id=4, cluster="Silos"),
        BoardItem("e", x=0.1, y=0.8, id=5),
    ]
    assert [n.text for n in reading_order(cards)] == ["a", "b", "c", "d", "e"]
    cards[0].cluster = "Silos"  # the cluster starts with the first of its cards met in reading order
    assert [n.text for n in reading_order(cards)] == ["a", "b", "c", "d", "e"]
    cards[1].cluster = "Budget"
    assert [n.text for n in reading_order(cards)] == ["a", "b", "c", "d", "e"]
    cards[4].cluster = "Budget"
    assert [n.text for n in reading_order(cards)] == ["a", "e", "b", "c", "d"]
