"""The workshop's own details are checked and trimmed before they are saved."""

from __future__ import annotations

import pytest

from dgfacil.core.details import WorkshopDetails, cleaned
from dgfacil.core.model import Modality


def test_trimmed_and_repeats_dropped():
    got = cleaned(
        WorkshopDetails(
            title="  Workshop   on DGT ",
            timezone=" Asia/Bangkok ",
            organizers=(" APO ", "", "NPC Thailand"),
            modality="hybrid",
            display_zones=("Asia/Tokyo", "Asia/Bangkok", " Asia/Tokyo", "", "UTC"),
        )
    )
    assert got.title == "Workshop on DGT" and got.timezone == "Asia/Bangkok"
    assert got.organizers == ("APO", "NPC Thailand") and got.modality is Modality.HYBRID
    assert got.display_zones == ("Asia/Tokyo", "UTC")  # the venue zone is not repeated as an extra


def test_every_problem_is_named_at_once():
    with pytest.raises(ValueError) as err:
        cleaned(
            WorkshopDetails(
                title=" ", timezone="Asia/Bangkk", display_zones=("EST", "../etc/passwd"), modality="on-site"
            )
        )
    text = str(err.value)
    assert text.startswith("The title is empty; unknown time zone 'Asia/Bangkk'")
    assert "'EST'" in text and "'../etc/passwd'" in text and "modality must be one of in-person, online, hybrid" in text
