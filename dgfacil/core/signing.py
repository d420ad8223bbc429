"""Certificates that verify offline: a compact payload signed with the organizer's Ed25519 key.

The QR of a certificate carries one line of text:

    DGF1|<number>|<name>|<workshop code>|<first day>|<last day>|<key id>|<signature>

Fields are UTF-8, `|` and `%` inside a field are percent-escaped, the name is NFC-normalised;
the signature (64 bytes, base64url without padding) covers the exact UTF-8 bytes of everything
before the last `|`. So any change to any field, the key id or the signature makes it invalid.
The key id is the first 8 hex digits of the public key's fingerprint; it tells the verifier
which known key to try ("unknown key" when it has none).
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MAGIC = "DGF1"
SEP = "|"
FIELDS = 8


class PayloadError(ValueError):
    """The text is not a dgfacil certificate payload."""


class Validity(str, Enum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN_KEY = "unknown key"


@dataclass(frozen=True)
class Claim:
    """What a certificate states: number, printed name, workshop code, first and last day."""

    number: str
    name: str
    workshop_code: str
    start: date
    end: date


@dataclass(frozen=True)
class Verdict:
    """The answer for one code. `claim` is what the code SAYS; it is a fact only when valid."""

    status: Validity
    claim: Claim | None = None
    key_id: str = ""
    reason: str = ""

    @property
    def valid(self) -> bool:
        return self.status is Validity.VALID

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) of what the code states, untrusted text escaped (see `shown`)."""
        if self.claim is None:
            return []
        c = self.claim
        return [
            ("certificate", shown(c.number)),
            ("name", shown(c.name)),
            ("workshop", shown(c.workshop_code)),
            ("dates", f"{c.start.isoformat()} to {c.end.isoformat()}"),
        ]

    def lines(self) -> list[str]:
        """The verdict for a person: the claim as fact only when valid; otherwise marked as a
        claim that was NOT verified. Control and direction characters in the (untrusted) text
        are shown as escapes, so a forged name cannot rewrite the screen."""
        head = self.status.value.upper() + (f": {self.reason}" if self.reason and not self.valid else "")
        if self.claim is None:
            return [head]
        rows = [f"{label:<12}{value}" for label, value in self.facts()]
        if self.valid:
            return [head, *rows, f"{'key':<12}{self.key_id}"]
        return [
            head,
            "The code claims (NOT verified, do not rely on it):",
            *("  " + r for r in rows),
            f"{'key':<12}{shown(self.key_id)}",
        ]


JOINERS = "\u200c\u200d"  # ZWNJ and ZWJ are part of Persian and Indic names


def shown(text: str) -> str:
    """`text` with control, format and unpaired surrogate characters as \\u escapes."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in JOINERS:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _esc(text: str) -> str:
    return text.replace("%", "%25").replace(SEP, "%7C").replace("\n", " ").replace("\r", " ")


def _unesc(text: str) -> str:
    return text.replace("%7C", SEP).replace("%25", "%")


def fingerprint(public_raw: bytes) -> str:
    """Human-readable fingerprint of a raw Ed25519 public key: 'AB12 CD34 EF56 7890'."""
    digest = hashlib.sha256(public_raw).hexdigest().upper()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def key_id(public_raw: bytes) -> str:
    """The short id carried in payloads: first 8 hex digits of the fingerprint."""
    return fingerprint(public_raw).replace(" ", "")[:8]


def new_private_key() -> bytes:
    """A fresh Ed25519 private key as 32 raw bytes."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_key(private_raw: bytes) -> bytes:
    """The raw 32-byte public key of a raw private key."""
    key = Ed25519PrivateKey.from_private_bytes(private_raw)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def canonical(claim: Claim, kid: str) -> str:
    """The signed part of the payload (everything before the signature)."""
    name = unicodedata.normalize("NFC", claim.name.strip())
    parts = [MAGIC, claim.number, name, claim.workshop_code, claim.start.isoformat(), claim.end.isoformat(), kid]
    return SEP.join(_esc(p) for p in parts)


class Signer:
    """Signs many payloads with one key (the key is parsed once, not per certificate)."""

    def __init__(self, private_raw: bytes):
        self._key = Ed25519PrivateKey.from_private_bytes(private_raw)
        self.public_raw = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = key_id(self.public_raw)

    def sign(self, claim: Claim) -> str:
        """The full payload for `claim`: canonical text, `|`, base64url signature."""
        body = canonical(claim, self.key_id)
        sig = self._key.sign(body.encode("utf-8"))
        return body + SEP + base64.urlsafe_b64encode(sig).decode("ascii").rstrip("=")


def sign(claim: Claim, private_raw: bytes) -> str:
    """Sign one claim (see `Signer` for many)."""
    return Signer(private_raw).sign(claim)


def parse(payload: str) -> tuple[Claim, str, bytes, str]:
    """(claim, key id, signature, signed text) from a payload; PayloadError if malformed."""
    text = payload.strip()
    try:  # a misread byte (0xFF) arrives as a lone surrogate: no text signs to that
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise PayloadError("the code holds bytes that are not text: misread or altered") from None
    parts = text.split(SEP)
    if len(parts) != FIELDS or parts[0] != MAGIC:
        raise PayloadError("not a dgfacil certificate code")
    body, sig_text = text.rsplit(SEP, 1)
    try:
        sig = base64.urlsafe_b64decode(sig_text + "=" * (-len(sig_text) % 4))
        start, end = date.fromisoformat(parts[4]), date.fromisoformat(parts[5])
    except ValueError as exc:
        raise PayloadError(f"malformed certificate code: {exc}") from None
    # base64 has spare bits in its last character: accept only the one canonical spelling
    if len(sig) != 64 or base64.urlsafe_b64encode(sig).decode("ascii").rstrip("=") != sig_text:
        raise PayloadError("malformed signature")
    claim = Claim(_unesc(parts[1]), _unesc(parts[2]), _unesc(parts[3]), start, end)
    return claim, parts[6], sig, body


def verify(payload: str, known_keys: Mapping[str, bytes]) -> Verdict:
    """Check a payload against known public keys (key id -> raw public key)."""
    try:
        claim, kid, sig, body = parse(payload)
    except PayloadError as exc:
        return Verdict(Validity.INVALID, reason=str(exc))
    public_raw = known_keys.get(kid)
    if public_raw is None:
        return Verdict(Validity.UNKNOWN_KEY, claim, kid, f"signed by key {kid}, which is not known here")
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(sig, body.encode("utf-8"))
    except InvalidSignature:
        return Verdict(Validity.INVALID, claim, kid, "the signature does not match the text")
    # a well-formed payload re-canonicalises to itself; anything else was edited
    if canonical(claim, kid) != body:
        return Verdict(Validity.INVALID, claim, kid, "the text is not in canonical form")
    return Verdict(Validity.VALID, claim, kid)
