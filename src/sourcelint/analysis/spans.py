"""Sorted spans asked about in O(log n), so that per-token and per-match questions never
rescan every span of a Doc."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Span

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items sorted by the token index they start at (a tuple's first field, or
    ``.start``), looked up by sentence: their starts are listed once per Doc."""

    def __init__(self, items: list[T]) -> None:
        self.items = items
        self.starts = [item[0] if isinstance(item, tuple) else item.start for item in items]

    def within(self, sentence: Span) -> list[T]:
        """The items that start inside ``sentence``."""
        low = bisect_left(self.starts, sentence.start)
        return self.items[low : bisect_left(self.starts, sentence.end, low)]


class SpanSet:
    """Spans ``(start, end)``, asked whether one of them encloses or overlaps a span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end of the spans up to each one: a span starting at or before a
        # point encloses ``[start, end)`` if the furthest of their ends reaches ``end``.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def encloses(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        index = bisect_right(self._starts, start)
        return index > 0 and self._reach[index - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s < end`` and ``start < e``."""
        index = bisect_left(self._starts, end)
        return index > 0 and self._reach[index - 1] > start
