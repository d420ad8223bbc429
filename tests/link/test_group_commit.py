"""Phone writes that arrive together share one commit, and a refused one is undone alone."""

from __future__ import annotations

import asyncio

import pytest

from dgfacil.link.writer import DocumentWriter
from dgfacil.operations import link_phone
from dgfacil.operations.link import Refused


def test_writes_together_commit_together_and_a_refusal_is_undone_alone(board_doc):
    from dgfacil.operations.document import open_document

    doc = open_document(board_doc)
    writer = DocumentWriter(doc)

    def card(text):
        return lambda s: link_phone.phone_card(
            s, exercise_id=1, group_id=None, area="threats", text=text, device="phone-a"
        )

    def refused(s):
        link_phone.phone_card(s, exercise_id=1, group_id=None, area="threats", text="half done", device="phone-a")
        raise Refused("changed my mind")  # after a row was written: the savepoint takes it back

    async def main():
        return await asyncio.gather(
            writer.write(card("first")), writer.write(refused), writer.write(card("third")), return_exceptions=True
        )

    try:
        first, middle, third = asyncio.run(main())
        assert isinstance(middle, Refused)
        texts = writer.call(
            lambda s: [n["text"] for n in link_phone.visible_cards(s, exercise_id=1, group_id=None, device="phone-a")]
        )
        assert texts == ["first", "third"] and first.ids != third.ids
    finally:
        writer.close()
        doc.close()
    with pytest.raises(RuntimeError):  # closed: takes no more
        writer.call(lambda s: None)
