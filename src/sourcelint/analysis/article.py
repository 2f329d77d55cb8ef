"""The analysed article every check reads: the Doc, its blocks and its quotations."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.core.document import OffsetMap

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sourcelint.analysis.sourcing import Attribution


@dataclass(frozen=True)
class Article:
    """One analysed text. Offsets are into ``text``; ``offsets`` lead back to the prose."""

    text: str
    doc: Doc
    blocks: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]
    offsets: OffsetMap
    attributions: tuple[Attribution, ...] = ()

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """Whether the span ``[start, end)`` lies inside a quotation."""
        end = start + 1 if end is None else end
        index = bisect_right(self.quotes, (start, float("inf"))) - 1
        if index < 0:
            return False
        quote_start, quote_end = self.quotes[index]
        return quote_start <= start and end <= quote_end

    def title_span(self) -> tuple[int, int]:
        """Where article-level findings point: the first sentence of the first block."""
        if not self.blocks:
            return (0, 0)
        block_start, block_end = self.blocks[0]
        for sentence in self.doc.sents:
            if sentence.start_char >= block_start:
                return block_start, min(sentence.end_char, block_end)
        return block_start, block_end
