"""The organization's signing key, the public keys this machine trusts, and the key a workshop
was signed with.

The private key lives in the user's config folder (never next to a document, which travels on
USB sticks), created on first use, readable by the user only. It belongs to the organization:
`export_private_key` writes it protected by a passphrase and `import_private_key` installs it
on a colleague's laptop, so a reprint there signs with the same key. Public keys of other
organizations can be trusted so their certificates verify here too. Each workshop records the
fingerprint and public key its certificates were signed with (the `setting` table), so any
laptop with the workshop file verifies them, and printing with another key is caught first.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from dgfacil.core import signing
from dgfacil.core.atomic import atomic_write
from dgfacil.paths import user_config_dir
from dgfacil.store.settings import get_setting, put_setting

if TYPE_CHECKING:
    from sqlmodel import Session

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
        pem = Ed25519PrivateKey.from_private_bytes(raw).private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
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
    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


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


def known_keys(extra: list[Path] | None = None, also: list[bytes] | None = None) -> dict[str, bytes]:
    """Key id -> raw public key: our own (if it exists), trusted ones, `extra` PEM files and
    `also` raw keys (a workshop's recorded key)."""
    keys: dict[str, bytes] = {}
    for raw in also or []:
        keys[signing.key_id(raw)] = raw
    if key_path().exists():
        raw = public_key()
        keys[signing.key_id(raw)] = raw
    folder = user_config_dir() / TRUSTED_DIR
    files = sorted(folder.glob("*.pem")) if folder.is_dir() else []
    for path in [*files, *(extra or [])]:
        raw = read_public_key(path)
        keys[signing.key_id(raw)] = raw
    return keys


# -- moving the organization's key between laptops -------------------------------------------
class KeyFileError(ValueError):
    """A key file that cannot be used (wrong passphrase, not a key, another kind of key)."""


def export_private_key(out: Path, passphrase: bytes) -> str:
    """Write the organization's private key to `out`, encrypted with `passphrase`; returns the
    fingerprint. The file is readable by its owner only."""
    if len(passphrase) < 8:
        raise KeyFileError("the passphrase must be at least 8 characters long")
    key = Ed25519PrivateKey.from_private_bytes(private_key())
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(passphrase))
    with atomic_write(Path(out)) as handle:
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), 0o600)
        handle.write(pem)
    return fingerprint()


def read_private_key_file(path: Path, passphrase: bytes | None) -> bytes:
    """The raw private key in an exported file; KeyFileError with one sentence if it cannot be read."""
    try:
        data = Path(path).read_bytes()
        key = load_pem_private_key(data, password=passphrase or None)
    except TypeError:
        raise KeyFileError(f"{path} is protected by a passphrase; give it") from None
    except ValueError:
        raise KeyFileError(f"{path}: wrong passphrase, or not an exported dgfacil key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key")
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def import_private_key(path: Path, passphrase: bytes | None, *, replace: bool = False) -> str:
    """Make the key in `path` this laptop's signing key; returns its fingerprint.

    A laptop that already has another key keeps it unless `replace`; when replaced, the old
    public key is trusted, so certificates it signed still verify here."""
    raw = read_private_key_file(path, passphrase)
    new_public = signing.public_key(raw)
    with _CREATING:
        current = key_path()
        if current.exists():
            old_public = signing.public_key(_read_private_key(current))
            if old_public == new_public:
                return signing.fingerprint(new_public)
            if not replace:
                raise KeyFileError(
                    f"this laptop signs with another key ({signing.fingerprint(old_public)}); "
                    f"importing {signing.fingerprint(new_public)} replaces it (use --replace)"
                )
            _trust_raw(old_public)
        pem = Ed25519PrivateKey.from_private_bytes(raw).private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        with atomic_write(current) as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(pem)
    return signing.fingerprint(new_public)


def _trust_raw(raw: bytes) -> None:
    with atomic_write(user_config_dir() / TRUSTED_DIR / f"{signing.key_id(raw)}.pem") as handle:
        handle.write(public_pem(raw))


def listing() -> list[tuple[str, str]]:
    """(what, fingerprint) for this laptop's signing key and every trusted public key."""
    rows = []
    if key_path().exists():
        rows.append(("signing key (this organization)", fingerprint()))
    folder = user_config_dir() / TRUSTED_DIR
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            rows.append(("trusted public key", signing.fingerprint(read_public_key(path))))
        except ValueError:
            rows.append((f"unreadable file {path.name}", "?"))
    return rows


# -- the key a workshop was signed with -------------------------------------------------------
FINGERPRINT_SETTING = "signing.fingerprint"
PUBLIC_SETTING = "signing.public_key"  # PEM text


ALSO_SETTING = "signing.also_signed_with"  # PEM texts of keys used later, with --force


def _raw_from_pem(pem: str) -> bytes | None:
    key = load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        return None
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def workshop_key(session: Session) -> bytes | None:
    """The raw public key this workshop's certificates were first signed with, if recorded."""
    pem = get_setting(PUBLIC_SETTING, session=session)
    return _raw_from_pem(pem) if pem else None


def workshop_keys(session: Session) -> list[bytes]:
    """Every key this workshop's certificates were signed with (the organization's first)."""
    first = workshop_key(session)
    later = [_raw_from_pem(pem) for pem in get_setting(ALSO_SETTING, [], session=session)]
    return [k for k in [first, *later] if k is not None]


def record_workshop_key(session: Session, public_raw: bytes) -> None:
    """Remember the key the workshop is signed with: the first one as the workshop's key, any
    other (a print the user let go on) beside it, so the file still verifies every print."""
    recorded = workshop_key(session)
    if recorded is None:
        put_setting(FINGERPRINT_SETTING, signing.fingerprint(public_raw), session=session)
        put_setting(PUBLIC_SETTING, public_pem(public_raw).decode("ascii"), session=session)
    elif public_raw not in workshop_keys(session):
        later = list(get_setting(ALSO_SETTING, [], session=session))
        put_setting(ALSO_SETTING, [*later, public_pem(public_raw).decode("ascii")], session=session)


def key_warning(session: Session) -> str | None:
    """A sentence when this laptop would sign the workshop with a key other than the one its
    certificates were signed with before (reprints would not verify where the first key is
    known); None when they agree or nothing was signed yet."""
    recorded = workshop_key(session)
    if recorded is None:
        return None
    here = public_key()  # made now if need be: printing would make it anyway, and it is named
    if here == recorded:
        return None
    return (
        f"This workshop's certificates were signed with the organization key "
        f"{signing.fingerprint(recorded)}, but this laptop signs with "
        f"{signing.fingerprint(here)}. Reprinted "
        "certificates would carry another key: import the organization's key first "
        "(dgfacil key import FILE), or print anyway."
    )
