"""The organizer's signing key and the public keys this machine trusts.

The private key lives in the user's config folder (never next to a document, which travels on
USB sticks), created on first use, readable by the user only. Public keys of other organizers
can be imported so their certificates verify here too.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding, NoEncryption, PrivateFormat, PublicFormat, load_pem_private_key, load_pem_public_key,
)

from dgfacil.core import signing
from dgfacil.core.atomic import atomic_write
from dgfacil.paths import user_config_dir

KEY_FILE = "organizer-signing-key.pem"
TRUSTED_DIR = "trusted-keys"
_CREATING = threading.Lock()  # the GUI thread and the print worker may both ask first


def key_path() -> Path:
    return user_config_dir() / KEY_FILE


def private_key() -> bytes:
    """The organizer's raw Ed25519 private key; created and saved on first use.

    Made once only, also when two threads or two processes (the app and `dgfacil print`) ask at
    the same moment: the loser of the race reads the winner's key instead of replacing it.
    """
    path = key_path()
    with _CREATING:
        if path.exists():
            return _read_private_key(path)
        raw = signing.new_private_key()
        pem = Ed25519PrivateKey.from_private_bytes(raw).private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        try:
            with atomic_write(path, exclusive=True) as handle:
                if hasattr(os, "fchmod"):  # POSIX: the private key is readable by its owner only
                    os.fchmod(handle.fileno(), 0o600)
                handle.write(pem)
        except FileExistsError:
            return _read_private_key(path)
        return raw


def _read_private_key(path: Path) -> bytes:
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 key")
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_key() -> bytes:
    """The organizer's raw public key (creates the key pair on first use)."""
    return signing.public_key(private_key())


def public_pem(public_raw: bytes | None = None) -> bytes:
    raw = public_raw if public_raw is not None else public_key()
    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def fingerprint() -> str:
    """The organizer's key fingerprint as printed on certificates."""
    return signing.fingerprint(public_key())


def export_public_key(out: Path) -> Path:
    """Write the organizer's public key (PEM) to `out`, for verifiers elsewhere."""
    with atomic_write(Path(out)) as handle:
        handle.write(public_pem())
    return Path(out)


def read_public_key(path: Path) -> bytes:
    """A raw public key from a PEM file; ValueError if it is not an Ed25519 public key."""
    try:
        key = load_pem_public_key(Path(path).read_bytes())
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{path} is not a PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path} is not an Ed25519 public key")
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def trust_public_key(path: Path) -> str:
    """Import another organizer's public key; returns its fingerprint."""
    raw = read_public_key(path)
    folder = user_config_dir() / TRUSTED_DIR
    with atomic_write(folder / f"{signing.key_id(raw)}.pem") as handle:
        handle.write(public_pem(raw))
    return signing.fingerprint(raw)


def known_keys(extra: list[Path] | None = None) -> dict[str, bytes]:
    """Key id -> raw public key: our own (if it exists), trusted ones, and `extra` files."""
    keys: dict[str, bytes] = {}
    if key_path().exists():
        raw = public_key()
        keys[signing.key_id(raw)] = raw
    folder = user_config_dir() / TRUSTED_DIR
    files = sorted(folder.glob("*.pem")) if folder.is_dir() else []
    for path in [*files, *(extra or [])]:
        raw = read_public_key(path)
        keys[signing.key_id(raw)] = raw
    return keys
