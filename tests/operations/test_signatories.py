"""Signatory operations on a real document: add (at most three), edit, reorder, remove and
restore in place; signature pictures checked, scaled down and kept as PNG."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from dgfacil.operations import signatories as ops
from dgfacil.operations.signatories import SignatoryError


def picture(fmt: str = "PNG", size=(1800, 600)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, "white").save(buf, fmt)
    return buf.getvalue()


def names(doc) -> list[str]:
    with doc.session() as s:
        return [x.name for x in ops.list_signatories(s)]


def test_add_edit_move_remove_restore(demo_doc):
    with demo_doc.session() as s:
        first = ops.add_signatory(s, name="  Kim   Jae-hong ", title="Head, UNPOG", image=picture("JPEG")).ids[0]
        ops.add_signatory(s, name="Vincenzo Aquaro", title="Chief")
        third = ops.add_signatory(s, name="삼 번째", title="").ids[0]
    assert names(demo_doc) == ["Kim Jae-hong", "Vincenzo Aquaro", "삼 번째"]
    with demo_doc.session() as s:
        png = ops.list_signatories(s)[0].signature_png
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (600, 200)  # scaled to the box, aspect kept
    with demo_doc.session() as s, pytest.raises(SignatoryError, match="room for 3"):
        ops.add_signatory(s, name="Fourth")
    with demo_doc.session() as s:
        ops.move_signatory(s, signatory_id=third, position=0)
        ops.update_signatory(s, signatory_id=first, title="Director", clear_image=True)
    assert names(demo_doc) == ["삼 번째", "Kim Jae-hong", "Vincenzo Aquaro"]
    with demo_doc.session() as s:
        kim = ops.list_signatories(s)[1]
        assert (kim.title, kim.signature_png) == ("Director", None)
        snapshot = ops.remove_signatory(s, signatory_id=first).value
    assert names(demo_doc) == ["삼 번째", "Vincenzo Aquaro"]
    with demo_doc.session() as s:
        ops.restore_signatory(s, snapshot=snapshot)
        back = ops.list_signatories(s)
    assert [x.name for x in back] == ["삼 번째", "Kim Jae-hong", "Vincenzo Aquaro"]
    assert back[1].id == first and [x.position for x in back] == [0, 1, 2]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"not an image at all", "not a readable"),
        (picture("GIF"), "use a PNG or JPEG"),
        (picture("PNG")[:60], "not a readable"),  # truncated
    ],
)
def test_bad_pictures_are_refused_and_nothing_is_saved(demo_doc, data, message):
    with demo_doc.session() as s, pytest.raises(SignatoryError, match=message):
        ops.add_signatory(s, name="Someone", image=data)
    assert names(demo_doc) == []


def test_a_name_is_required(demo_doc):
    with demo_doc.session() as s, pytest.raises(SignatoryError, match="needs a name"):
        ops.add_signatory(s, name="   ")


def test_small_pictures_are_not_enlarged():
    png = ops.signature_image(picture("PNG", (120, 40)))
    assert Image.open(io.BytesIO(png)).size == (120, 40)
