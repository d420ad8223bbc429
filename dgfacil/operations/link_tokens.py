"""The room link's tokens as text: made at random, typed from the projector, a device's hash.

Plain functions (no database): `operations/link.py` stores the tokens and re-exports these.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 24  # 192 bits; DESIGN asks for at least 128


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


TYPABLE = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base 32: no i, l, o, u to mistake
JOIN_CHARS = 26  # 26 × 5 = 130 bits, above DESIGN's 128; typed in groups of 4
SAME_LOOKING = str.maketrans({"i": "1", "l": "1", "o": "0"})


def new_join_token() -> str:
    """A join token one can type from the projector: lower case letters and digits, none alike."""
    return "".join(secrets.choice(TYPABLE) for _ in range(JOIN_CHARS))


def typable(token: str) -> bool:
    return len(token) >= JOIN_CHARS and all(c in TYPABLE for c in token)


def as_typed(text: str) -> str:
    """What someone typed from the projector, as the token: groups' dashes and spaces dropped,
    capitals and look-alikes (I, L, O) forgiven."""
    return "".join(text.split()).replace("-", "").lower().translate(SAME_LOOKING)


def readable(token: str) -> str:
    """The token in groups of 4 for reading aloud and typing (a token from before stays whole)."""
    return "-".join(token[i : i + 4] for i in range(0, len(token), 4)) if typable(token) else token


def device_key(cookie: str) -> str:
    """What is stored of a device: a short hash of its cookie (the cookie itself stays secret)."""
    return "phone-" + hashlib.sha256(cookie.encode()).hexdigest()[:16]
