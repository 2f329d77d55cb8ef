"""What both tiers read alike into an ``Attribution``: where its tokens stand in the
text, and the count its source gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import end_char, number

if TYPE_CHECKING:
    from spacy.tokens import Doc


def char_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens ``[start, end)``, without the space after the last."""
    return (doc[start].idx, end_char(doc, end))


def count_in(doc: Doc, start: int, end: int) -> int | None:
    """The count a source gives ("two officials", "12 senators"): its first number."""
    return next((number(t.lower_) for t in doc[start:end] if t.like_num), None)
