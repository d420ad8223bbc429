"""Attendance rules: who counts as present for what, and who earns a certificate.

Plain Python, no Qt and no SQL. The store gives us ids and a set of (participant, block)
pairs marked present; these functions say who is eligible and, when not, why — in words an
organizer can read out to a participant.

A *block* is whatever the organizer takes attendance for: one agenda item, or a half-day
(`HalfDay`) that groups a day's items before / after 12:00 in the venue zone (see `half_day_blocks`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import time

from dgfacil.core.agenda import Slot
from dgfacil.core.model import AgendaItem, ItemKind

# Items nobody takes attendance for: a coffee break is not a block you can miss.
NOT_COUNTED: frozenset[ItemKind] = frozenset({ItemKind.BREAK})
NOON = time(12, 0)


@dataclass(frozen=True)
class Eligibility:
    """Whether one participant earns the certificate, with the figures behind the answer."""

    eligible: bool
    attended: int
    required: int
    missing: list[int] = field(default_factory=list)  # block ids not attended, in block order
    reason: str = ""  # empty when eligible; otherwise one sentence for the organizer

    @property
    def total(self) -> int:
        return self.attended + len(self.missing)


def required_count(total: int, threshold: float | None) -> int:
    """How many of `total` blocks a participant must attend.

    `threshold` None means all of them (the APO rule: full participation is a prerequisite for
    the certificate). Otherwise a fraction in (0, 1], rounded up so 0.75 of 6 blocks is 5,
    never 4.5 quietly floored to 4.
    """
    if threshold is None:
        return total
    if not (0 < threshold <= 1) or math.isnan(threshold):
        raise ValueError(f"threshold must be a fraction in (0, 1], not {threshold!r}")
    # 1e-9 absorbs float noise such as 0.7 * 10 = 7.000000000000001
    return min(total, math.ceil(threshold * total - 1e-9))


def eligibility(
    participant_ids: Iterable[int],
    block_ids: Sequence[int],
    present: set[tuple[int, int]],
    *,
    threshold: float | None = None,
) -> dict[int, Eligibility]:
    """Eligibility of each participant for the certificate.

    `present` holds (participant_id, block_id) pairs marked present; pairs for blocks not in
    `block_ids` are ignored. With no blocks at all nobody is eligible: a certificate of
    attendance with nothing attended would be a mistake, not a kindness.
    """
    blocks = list(dict.fromkeys(block_ids))  # keep order, drop repeats
    required = required_count(len(blocks), threshold)
    out: dict[int, Eligibility] = {}
    for pid in participant_ids:
        missing = [bid for bid in blocks if (pid, bid) not in present]
        attended = len(blocks) - len(missing)
        if not blocks:
            out[pid] = Eligibility(False, 0, 0, [], "No blocks to attend yet.")
            continue
        ok = attended >= required
        reason = "" if ok else _reason(attended, required, len(blocks), threshold)
        out[pid] = Eligibility(ok, attended, required, missing, reason)
    return out


def _reason(attended: int, required: int, total: int, threshold: float | None) -> str:
    short = required - attended
    plural = "block" if short == 1 else "blocks"
    if threshold is None:
        return f"Attended {attended} of {total}; every block is required (missed {total - attended})."
    return f"Attended {attended} of {total}; {required} required ({short} more {plural})."


def counted_items(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Agenda items attendance is taken for (breaks are not)."""
    return [it for it in items if it.kind not in NOT_COUNTED]


@dataclass(frozen=True)
class HalfDay:
    """A half-day: a day's counted items that start before (AM) or from (PM) noon."""

    day_index: int
    half: str  # "AM" or "PM"
    item_ids: tuple[int, ...]

    @property
    def key(self) -> str:
        """Stable name for the half-day, used as its block id in settings and exports."""
        return f"d{self.day_index + 1}-{self.half.lower()}"


def half_day_blocks(planned_days: Sequence[Sequence[Slot]]) -> list[HalfDay]:
    """Group each day's counted items into a morning and an afternoon block.

    `planned_days` is core.agenda.plan_day of each day (starts in the venue zone), so an item
    pushed past noon by an overrun still counts where it was planned. Empty halves are left out;
    breaks do not count; items without an id (not stored yet) are skipped.
    """
    blocks: list[HalfDay] = []
    for d, slots in enumerate(planned_days):
        counted = [
            (s.item.id, s.start.time() < NOON)
            for s in slots
            if s.item.kind not in NOT_COUNTED and s.item.id is not None
        ]
        am = tuple(item_id for item_id, morning in counted if morning)
        pm = tuple(item_id for item_id, morning in counted if not morning)
        if am:
            blocks.append(HalfDay(d, "AM", am))
        if pm:
            blocks.append(HalfDay(d, "PM", pm))
    return blocks


def block_present(
    blocks: Sequence[HalfDay], present: set[tuple[int, int]], participant_ids: Iterable[int]
) -> set[tuple[int, int]]:
    """Presence per block, indexed by block position: present at a block means present at all its items.

    Marking a block marks its items, so this is the reading that agrees with how they were marked.
    """
    out: set[tuple[int, int]] = set()
    for pid in participant_ids:
        for b, block in enumerate(blocks):
            if all((pid, iid) in present for iid in block.item_ids):
                out.add((pid, b))
    return out
