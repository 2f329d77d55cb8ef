"""The document a reader hands to analysis: prose text, its blocks, and the map back.

``Prose`` is the record between the readers and every later stage; ``OffsetMap`` and
``ProseIndex`` turn its offsets into the original file's and back.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

# What a block is to a reader, for showing it as they see it: a paragraph, a heading of
# a level, a list item, a quotation, a table cell, or a front-matter field.
PARAGRAPH = "p"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_KINDS = frozenset({PARAGRAPH, *HEADINGS, "li", "quote", "cell", "field"})


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in prose text to offsets in the original file.

    ``segments`` are ``(prose_start, original_start)`` pairs, sorted; within a segment
    the two texts run in step, one code point for one. ``references`` are original
    spans read as a unit (a character reference, ``&amp;``): a span that starts or ends
    inside one is widened to cover it whole.
    """

    segments: tuple[tuple[int, int], ...] = ((0, 0),)
    references: tuple[tuple[int, int], ...] = ()

    def to_original(self, offset: int) -> int:
        index = bisect_right(self.segments, (offset, float("inf"))) - 1
        prose_start, original_start = self.segments[max(index, 0)]
        return original_start + offset - prose_start

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end is mapped through its last code point."""
        if end <= start:
            mapped = self.to_original(start)
            return mapped, mapped
        first, last = self.to_original(start), self.to_original(end - 1) + 1
        if not self.references:
            return first, last
        return self.widen(first)[0], self.widen(last - 1)[1]

    def widen(self, offset: int) -> tuple[int, int]:
        """The character reference holding an original offset, or that offset's own span."""
        index = bisect_right(self.references, (offset, float("inf"))) - 1
        if index >= 0 and self.references[index][0] <= offset < self.references[index][1]:
            return self.references[index]
        return offset, offset + 1


class ProseIndex:
    """An ``OffsetMap`` read backwards: the prose that shows a span of the original.

    Only the text of blocks is shown; block separators and markup are not.
    """

    def __init__(self, prose: Prose) -> None:
        self._offsets = prose.offsets
        segments = prose.offsets.segments
        ends = [start for start, _ in segments[1:]] + [len(prose.text)]
        block_ends = [end for _, end in prose.blocks]
        # (original start, prose start, prose end) of each segment's part in each block.
        pieces = []
        for (prose_start, original), segment_end in zip(segments, ends, strict=True):
            index = bisect_right(block_ends, prose_start)
            while index < len(prose.blocks) and prose.blocks[index][0] < segment_end:
                block_start, block_end = prose.blocks[index]
                start, end = max(prose_start, block_start), min(segment_end, block_end)
                if start < end:
                    pieces.append((original + start - prose_start, start, end))
                index += 1
        self._pieces = sorted(pieces)
        self._originals = [original for original, _, _ in self._pieces]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The prose span showing the original ``[start, end)``: markup at either edge is
        left out, so a span of markup alone comes back empty."""
        if not self._pieces:
            return 0, 0
        first = self._at(start, edge="start")
        last = self._at(max(end - 1, start), edge="end")
        return first, max(first, last)

    def _at(self, offset: int, *, edge: str) -> int:
        pieces = self._pieces
        # A character reference is one unit: a span touching it covers its decoding.
        reference_start, reference_end = self._offsets.widen(offset)
        offset = reference_start if edge == "start" else reference_end - 1
        index = bisect_right(self._originals, offset) - 1
        if index >= 0:
            original, prose, prose_end = pieces[index]
            if offset < original + prose_end - prose:
                return prose + offset - original + (edge == "end")
            if edge == "end":
                return prose_end  # markup after text: the text before it
        if edge == "end":
            return pieces[0][1]
        if index + 1 < len(pieces):
            return pieces[index + 1][1]  # markup before text: the text after it
        return pieces[-1][2]


@dataclass(frozen=True, slots=True)
class Comment:
    """A markup comment (``<!-- … -->``) at ``[start, end)`` of the original; ``body`` is
    its text without the delimiters. Inline suppressions are read from these."""

    start: int
    end: int
    body: str


@dataclass(frozen=True, slots=True)
class InlineDirective:
    """An inline suppression as written, at ``[start, end)`` of the original.

    ``kind`` is ``disable`` or ``enable`` (a range's ends), ``disable-line`` (a comment's
    own line, or a plain-text line marker), ``disable-next-line``, ``disable-file``, or
    ``misspelled`` (a ``sourcelint-…`` comment that names no kind: its one selector is
    what was written). ``line`` is the line a line directive covers (1-based; 0 for the
    others); ``selectors`` are codes or rule names, none meaning every rule.
    """

    kind: str
    start: int
    end: int
    selectors: tuple[str, ...]
    reason: str | None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """Something a reader had to skip or guess (broken markup), at an original offset."""

    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class Prose:
    """What a reader hands to the analyzer.

    ``blocks`` are spans of ``text`` (paragraphs, headings, list items) that no sentence
    crosses, ``kinds`` what each block is to a reader (``BLOCK_KINDS``); ``comments``,
    ``directives`` (the inline suppressions read from them and from line markers) and
    ``notes`` are positioned in the original file.
    """

    text: str
    blocks: tuple[tuple[int, int], ...]
    offsets: OffsetMap = OffsetMap()
    comments: tuple[Comment, ...] = ()
    notes: tuple[Note, ...] = ()
    kinds: tuple[str, ...] = ()
    directives: tuple[InlineDirective, ...] = ()

    def kind_of(self, block: int) -> str:
        return self.kinds[block] if block < len(self.kinds) else PARAGRAPH
