"""Certificate eligibility and half-day blocks: plain functions, no store."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgfacil.core.agenda import plan_day
from dgfacil.core.attendance import (
    block_present,
    eligibility,
    half_day_blocks,
    required_count,
)
from dgfacil.core.model import AgendaItem, Day, ItemKind


def test_all_blocks_required_by_default():
    """The APO rule: one missed block means no certificate, and the reason says which."""
    present = {(1, 10), (1, 11), (1, 12), (2, 10), (2, 12)}
    result = eligibility([1, 2, 3], [10, 11, 12], present)
    assert result[1].eligible and result[1].attended == 3 and result[1].reason == ""
    assert not result[2].eligible
    assert result[2].missing == [11]
    assert "2 of 3" in result[2].reason
    assert result[3].missing == [10, 11, 12] and result[3].attended == 0


def test_threshold_rounds_up():
    assert required_count(6, 0.75) == 5  # 4.5 -> 5, never floored
    assert required_count(10, 0.7) == 7  # float noise does not push it to 8
    assert required_count(4, 1.0) == 4
    result = eligibility([1], [1, 2, 3, 4, 5, 6], {(1, s) for s in range(1, 5)}, threshold=0.75)
    assert not result[1].eligible and "5 required" in result[1].reason and "1 more block" in result[1].reason


@pytest.mark.parametrize("bad", [0, -0.1, 1.5, float("nan")])
def test_bad_threshold_refused(bad):
    with pytest.raises(ValueError):
        eligibility([1], [1], set(), threshold=bad)


def test_no_blocks_means_nobody_eligible():
    result = eligibility([1], [], set())
    assert not result[1].eligible and result[1].reason


def test_presence_for_other_blocks_ignored():
    result = eligibility([1], [10], {(1, 99), (2, 10)})
    assert not result[1].eligible


@given(
    st.sets(st.integers(1, 8), min_size=1),
    st.lists(st.integers(1, 6), min_size=1, unique=True),
    st.sets(st.tuples(st.integers(1, 8), st.integers(1, 6))),
    st.one_of(st.none(), st.floats(0.01, 1.0)),
)
def test_eligibility_invariants(pids, sids, present, threshold):
    """Attended + missing = blocks; eligible exactly when attended reaches required."""
    result = eligibility(pids, sids, present, threshold=threshold)
    assert set(result) == pids
    for e in result.values():
        assert e.attended + len(e.missing) == len(sids)
        assert e.eligible == (e.attended >= e.required)
        assert e.eligible == (e.reason == "")
        if threshold is None:
            assert e.eligible == (not e.missing)


def _day() -> Day:
    items = [
        AgendaItem("Opening", 30, ItemKind.OPENING, planned_start=time(9, 0), id=1, position=0),
        AgendaItem("Session 1", 90, id=2, position=1),
        AgendaItem("Coffee", 15, ItemKind.BREAK, id=3, position=2),
        AgendaItem("Session 2", 60, id=4, position=3),
        AgendaItem("Lunch", 60, ItemKind.BREAK, id=5, position=4),
        AgendaItem("Session 3", 60, planned_start=time(13, 0), id=6, position=5),
    ]
    return Day(date(2024, 3, 5), items=items)


def test_half_day_blocks_split_at_noon_without_breaks():
    blocks = half_day_blocks([plan_day(_day(), "Asia/Seoul")])
    assert [(b.half, b.item_ids, b.key) for b in blocks] == [("AM", (1, 2, 4), "d1-am"), ("PM", (6,), "d1-pm")]


def test_block_present_needs_every_item():
    blocks = half_day_blocks([plan_day(_day(), "Asia/Seoul")])
    present = {(7, 1), (7, 2), (7, 4), (8, 1), (8, 6)}
    assert block_present(blocks, present, [7, 8]) == {(7, 0), (8, 1)}
