"""Breakout groups: N names, and participants dealt into them at random, balanced.

Balanced means: group sizes differ by at most one, each country's participants are spread so no
group has two more of one country than another, and inside a country the same holds for each
organization (colleagues from one ministry end up in different groups). The deal is random but
fixed by a seed, so a facilitator can redo exactly the same assignment.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

GROUP_COLOURS = (
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#E15759",
    "#76B7B2",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)


@dataclass(frozen=True)
class Person:
    """What assignment needs to know about a participant."""

    id: int
    country: str = ""
    organization: str = ""


def group_names(count: int, prefix: str = "Group") -> list[str]:
    """'Group 1' ... 'Group N'."""
    if count < 1:
        raise ValueError("at least one group is needed")
    return [f"{prefix} {i + 1}" for i in range(count)]


def group_colour(index: int) -> str:
    return GROUP_COLOURS[index % len(GROUP_COLOURS)]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def assign_balanced(people: Sequence[Person], groups: int, *, seed: int = 0) -> list[list[int]]:
    """Participant ids per group, balanced by country and, within it, by organization.

    The people are ordered country by country (largest first, ties at random), and within a
    country organization by organization, then dealt round-robin from a random first group. A
    run of k consecutive people in a round-robin deal lands in k different groups (cyclically),
    which is what makes every country and every organization spread as evenly as possible.
    """
    if groups < 1:
        raise ValueError("at least one group is needed")
    rng = random.Random(seed)
    by_country: dict[str, dict[str, list[Person]]] = defaultdict(lambda: defaultdict(list))
    for p in people:
        by_country[_norm(p.country)][_norm(p.organization)].append(p)
    countries = list(by_country)
    rng.shuffle(countries)
    countries.sort(key=lambda c: -sum(len(v) for v in by_country[c].values()))
    order: list[Person] = []
    for country in countries:
        orgs = list(by_country[country].values())
        rng.shuffle(orgs)
        orgs.sort(key=len, reverse=True)
        for members in orgs:
            members = list(members)
            rng.shuffle(members)
            order.extend(members)
    slots = list(range(groups))
    rng.shuffle(slots)  # which group gets the first (and extra) people is random too
    out: list[list[int]] = [[] for _ in range(groups)]
    for i, person in enumerate(order):
        out[slots[i % groups]].append(person.id)
    return out


def spread(assignment: list[list[int]], attribute: dict[int, str]) -> dict[str, tuple[int, int]]:
    """For each attribute value, (fewest, most) members of it in any group — a balance check."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(assignment))
    for g, members in enumerate(assignment):
        for pid in members:
            counts[attribute[pid]][g] += 1
    return {value: (min(c), max(c)) for value, c in counts.items()}
