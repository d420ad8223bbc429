"""Signatories of the certificates: up to three people (name, title, optional signature image).

One function per user action, each one committed transaction; removals return a snapshot that
`restore_signatory` puts back exactly (same place in the order), for undo. Signature pictures
are checked and scaled down here, once, and kept as PNG bytes in the document.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dgfacil.core.text import TextError, check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.store import signatories as store

if TYPE_CHECKING:
    from sqlmodel import Session

MAX_SIGNATORIES = 3  # the certificate has room for three signature blocks
MAX_NAME = 80
MAX_TITLE = 120
MAX_IMAGE_BYTES = 15 * 2**20  # a phone photo of a signature is a few MB; refuse anything silly
SIGNATURE_BOX = (600, 200)  # pixels; printed at most 50 x 16 mm, so ~300 dpi is plenty


class SignatoryError(ValueError):
    """A signatory that cannot be saved: the message says why, in one line."""


@dataclass(frozen=True)
class SignatoryInfo:
    """A signatory as plain values (the UI and the CLI never see rows)."""

    id: int
    position: int
    name: str
    title: str = ""
    signature_png: bytes | None = None


def signature_image(data: bytes) -> bytes:
    """Check a PNG/JPEG signature picture and return it as PNG, scaled to fit SIGNATURE_BOX.

    Raises SignatoryError for anything that is not a readable PNG or JPEG image.
    """
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_IMAGE_BYTES:
        raise SignatoryError(f"the signature image is {len(data) / 2**20:.0f} MB; use one under 15 MB")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()  # catches truncated and corrupt files before decoding
        if kind not in ("PNG", "JPEG"):
            raise SignatoryError(f"the signature image is {kind or 'unknown'}; use a PNG or JPEG file")
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA") if image.mode not in ("RGB", "RGBA", "L", "LA") else image.copy()
    except SignatoryError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        raise SignatoryError(f"the signature is not a readable PNG or JPEG image ({err})") from None
    if picture.width < 2 or picture.height < 2:
        raise SignatoryError("the signature image is empty")
    picture.thumbnail(SIGNATURE_BOX)  # only ever shrinks, keeps the aspect ratio
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _info(row: Any) -> SignatoryInfo:  # a store row: operations never name the table classes
    """A stored signatory as plain values."""
    return SignatoryInfo(row.id, row.position, row.name, row.title or "", row.signature_png)


def clean_fields(name: str, title: str) -> tuple[str, str]:
    """The name and title with spaces tidied; SignatoryError when they cannot be printed."""
    name, title = " ".join(name.split()), " ".join(title.split())
    try:
        check_fields(name=name, title=title)
    except TextError as err:
        raise SignatoryError(str(err)) from None
    if not name:
        raise SignatoryError("a signatory needs a name")
    if len(name) > MAX_NAME or len(title) > MAX_TITLE:
        raise SignatoryError(f"keep the name under {MAX_NAME} and the title under {MAX_TITLE} characters")
    return name, title


def _renumber(session: Session, ids: list[int]) -> None:
    store.order_signatories(ids, session=session)


def list_signatories(session: Session) -> list[SignatoryInfo]:
    """The signatories in print order."""
    return [_info(r) for r in store.signatories(session=session)]


def add_signatory(
    session: Session, *, name: str, title: str = "", signature_png: bytes | None = None, image: bytes | None = None
) -> Changes:
    """Add a signatory at the end. `image` is a raw PNG/JPEG file to check and scale;
    `signature_png` is an already prepared picture (undo/redo). Changes.ids = (new id,)."""
    name, title = clean_fields(name, title)
    if len(store.signatories(session=session)) >= MAX_SIGNATORIES:
        raise SignatoryError(f"a certificate has room for {MAX_SIGNATORIES} signatories; remove one first")
    png = signature_image(image) if image is not None else signature_png
    new_id = store.add_signatory(name, title, png, session=session)
    _renumber(session, [saved_id(r.id) for r in store.signatories(session=session)])
    return Changes(workshop=True, ids=(new_id,))


def update_signatory(
    session: Session,
    *,
    signatory_id: int,
    name: str | None = None,
    title: str | None = None,
    image: bytes | None = None,
    signature_png: bytes | None = None,
    clear_image: bool = False,
) -> Changes:
    """Change a signatory's name, title or picture (`clear_image` removes the picture)."""
    row = store.get_signatory(signatory_id, session=session)
    if row is None:
        raise SignatoryError(f"there is no signatory {signatory_id}")
    new_name, new_title = clean_fields(row.name if name is None else name, row.title if title is None else title)
    png = row.signature_png
    if clear_image:
        png = None
    elif image is not None:
        png = signature_image(image)
    elif signature_png is not None:
        png = signature_png
    store.update_signatory(signatory_id, name=new_name, title=new_title, signature_png=png, session=session)
    return Changes(workshop=True, ids=(signatory_id,))


def remove_signatory(session: Session, *, signatory_id: int) -> Changes[SignatoryInfo]:
    """Remove a signatory; returns the snapshot `restore_signatory` needs to undo it."""
    row = store.get_signatory(signatory_id, session=session)
    if row is None:
        raise SignatoryError(f"there is no signatory {signatory_id}")
    snapshot = _info(row)
    store.delete_signatory(signatory_id, session=session)
    _renumber(session, [saved_id(r.id) for r in store.signatories(session=session)])
    return Changes(workshop=True, ids=(signatory_id,), value=snapshot)


def restore_signatory(session: Session, *, snapshot: SignatoryInfo) -> Changes:
    """Put a removed signatory back, same id and same place in the order."""
    rows = store.signatories(session=session)
    if len(rows) >= MAX_SIGNATORIES:
        raise SignatoryError(f"a certificate has room for {MAX_SIGNATORIES} signatories")
    # the same id again, so the undo stack's later commands still point at the right row
    back = store.restore_signatory(
        snapshot.id, snapshot.position, snapshot.name, snapshot.title, snapshot.signature_png, session=session
    )
    ids = [saved_id(r.id) for r in rows]
    ids.insert(min(snapshot.position, len(ids)), back)
    _renumber(session, ids)
    return Changes(workshop=True, ids=(back,))


def move_signatory(session: Session, *, signatory_id: int, position: int) -> Changes:
    """Move a signatory to `position` (0 = first, printed leftmost)."""
    rows = store.signatories(session=session)
    index = next((i for i, r in enumerate(rows) if r.id == signatory_id), None)
    if index is None:
        raise SignatoryError(f"there is no signatory {signatory_id}")
    if not 0 <= position < len(rows):
        raise SignatoryError(f"position {position + 1} is not between 1 and {len(rows)}")
    rows.insert(position, rows.pop(index))
    _renumber(session, [saved_id(r.id) for r in rows])
    return Changes(workshop=True, ids=(signatory_id,))
