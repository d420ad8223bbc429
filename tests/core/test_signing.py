"""Certificate payloads: a genuine one verifies; any change to any part makes it invalid."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dgfacil.core import signing
from dgfacil.core.certificates import assign_numbers, prefix_for
from dgfacil.core.signing import Claim, Validity

KEY = signing.new_private_key()
PUB = signing.public_key(KEY)
KNOWN = {signing.key_id(PUB): PUB}
CLAIM = Claim("APO-2023-0007", "김민준 | Kim % 100", "23-IN-41-GE-WSP-B", date(2023, 11, 14), date(2023, 11, 16))


def test_genuine_payload_verifies_and_round_trips_every_field():
    payload = signing.sign(CLAIM, KEY)
    verdict = signing.verify(payload, KNOWN)
    assert verdict.status is Validity.VALID and verdict.valid
    assert verdict.claim == CLAIM  # '|' and '%' in the name survive escaping
    assert verdict.key_id == signing.key_id(PUB)
    assert len(payload.encode()) < 200


@pytest.mark.parametrize("index", range(8))
def test_changing_any_field_makes_it_invalid(index):
    parts = signing.sign(CLAIM, KEY).split("|")
    original = parts[index]
    parts[index] = original[:-1] + ("X" if original[-1:] != "X" else "Y")
    verdict = signing.verify("|".join(parts), KNOWN)
    # a changed key id names a key we do not know; every other change is invalid
    expected = Validity.UNKNOWN_KEY if index == 6 else Validity.INVALID
    assert verdict.status is expected, parts


def test_changing_dates_to_other_valid_dates_is_invalid():
    parts = signing.sign(CLAIM, KEY).split("|")
    for index in (4, 5):
        forged = list(parts)
        forged[index] = "2024-01-01"
        assert signing.verify("|".join(forged), KNOWN).status is Validity.INVALID


def test_every_single_character_change_is_rejected():
    payload = signing.sign(Claim("N-1", "Ana", "C", date(2023, 1, 2), date(2023, 1, 2)), KEY)
    for i in range(len(payload)):
        forged = payload[:i] + ("A" if payload[i] != "A" else "B") + payload[i + 1 :]
        assert not signing.verify(forged, KNOWN).valid, i


def test_unknown_key_and_garbage():
    other = signing.new_private_key()
    payload = signing.sign(CLAIM, other)
    assert signing.verify(payload, KNOWN).status is Validity.UNKNOWN_KEY
    for junk in ("", "hello", "DGF1|a|b", "DGF1|1|n|c|2023-13-01|2023-01-01|abcd|xx", "https://x.org"):
        assert signing.verify(junk, KNOWN).status is Validity.INVALID


def test_fingerprint_format():
    fp = signing.fingerprint(PUB)
    assert len(fp) == 19 and fp.count(" ") == 3
    assert signing.key_id(PUB) == fp.replace(" ", "")[:8]


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=60).filter(lambda s: s.strip()), number=st.text(min_size=1, max_size=20))
def test_any_name_round_trips(name, number):
    import unicodedata

    claim = Claim(
        number.replace("\n", " ").replace("\r", " "),
        name.replace("\n", " ").replace("\r", " "),
        "CODE",
        date(2023, 1, 1),
        date(2023, 1, 2),
    )
    verdict = signing.verify(signing.sign(claim, KEY), KNOWN)
    assert verdict.valid, verdict.reason
    assert verdict.claim.name == unicodedata.normalize("NFC", claim.name.strip())


def test_numbers_are_stable_and_never_reused():
    prefix = prefix_for("23-IN-41 GE/WSP", date(2023, 11, 14))
    assert prefix == "23-IN-41-GE-WSP-2023"
    first = assign_numbers([1, 2, 3], {}, prefix)
    assert first == {1: f"{prefix}-0001", 2: f"{prefix}-0002", 3: f"{prefix}-0003"}
    again = assign_numbers([3, 4], {3: first[3]}, prefix, taken=first.values())
    assert again == {3: f"{prefix}-0003", 4: f"{prefix}-0004"}
    assert prefix_for("", date(2020, 1, 1)) == "DGF-2020"


def test_spare_bits_of_the_signature_are_not_ignored():
    """The last base64 character carries 4 unused bits; flipping them must still be rejected."""
    payload = signing.sign(CLAIM, KEY)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(payload[-1])
    for spare in range(1, 4):
        forged = payload[:-1] + alphabet[last ^ spare]
        assert signing.verify(forged, KNOWN).status is Validity.INVALID


def test_a_misread_byte_is_invalid_not_a_crash():
    payload = signing.sign(CLAIM, KEY)
    broken = payload.encode("utf-8").replace("김".encode()[:1], b"\xff", 1)
    verdict = signing.verify(broken.decode("utf-8", errors="surrogateescape"), KNOWN)
    assert verdict.status is Validity.INVALID and verdict.claim is None
    assert verdict.lines() == [f"INVALID: {verdict.reason}"]


def test_claims_of_codes_that_do_not_verify_are_not_stated_as_facts():
    unknown = signing.verify(signing.sign(CLAIM, signing.new_private_key()), KNOWN)
    lines = unknown.lines()
    assert lines[0].startswith("UNKNOWN KEY: ") and "NOT verified" in lines[1]
    assert not any(line.startswith(("name", "dates", "certificate")) for line in lines)
    valid = signing.verify(signing.sign(CLAIM, KEY), KNOWN).lines()
    assert valid[0] == "VALID" and valid[2].startswith("name ") and "NOT" not in "".join(valid)


def test_control_characters_in_a_claimed_name_are_shown_escaped():
    forged = CLAIM.__class__("N-1", "Ana\x1b[2J\u202eevil", "C", date(2023, 1, 2), date(2023, 1, 2))
    lines = signing.verify(signing.sign(forged, signing.new_private_key()), KNOWN).lines()
    assert "\x1b" not in "".join(lines) and "\u202e" not in "".join(lines)
    assert "Ana\\u001b[2J\\u202eevil" in "".join(lines)
