"""The reader contract: prose text, its independent blocks, and an offset map."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in prose text to offsets in the original file.

    ``segments`` are ``(prose_start, original_start)`` pairs, sorted; within a segment
    the two texts run in step, one code point for one.
    """

    segments: tuple[tuple[int, int], ...] = ((0, 0),)

    def to_original(self, offset: int) -> int:
        index = bisect_right(self.segments, (offset, float("inf"))) - 1
        prose_start, original_start = self.segments[max(index, 0)]
        return original_start + offset - prose_start

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end is mapped through its last code point."""
        if end <= start:
            mapped = self.to_original(start)
            return mapped, mapped
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Prose:
    """What a reader hands to the analyzer.

    ``blocks`` are spans of ``text`` (paragraphs, headings, list items) that no sentence
    crosses.
    """

    text: str
    blocks: tuple[tuple[int, int], ...]
    offsets: OffsetMap = OffsetMap()
