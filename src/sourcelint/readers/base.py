"""The reader contract: prose text, its independent blocks, and an offset map.

Readers for markup build their prose with ``ProseBuilder``: they copy the runs of text
that are prose, end a block at every paragraph, heading, list item or table cell, and the
builder keeps the map from each prose offset back to the original file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache


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
class Comment:
    """A markup comment (``<!-- … -->``) at ``[start, end)`` of the original; ``body`` is
    its text without the delimiters. Inline suppressions are read from these."""

    start: int
    end: int
    body: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something a reader had to skip or guess (broken markup), at an original offset."""

    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """Per-repository reader settings."""

    # Markdown: front-matter fields to lint as prose, at their real positions.
    front_matter_fields: tuple[str, ...] = ()
    # HTML: CSS selectors of site furniture to skip, and the element holding the article.
    skip_selectors: tuple[str, ...] = (
        # The site's header, not an article's own <header> with its headline.
        "nav", "body > header", "footer", "aside", "figcaption", "form", "noscript",
        ".ad", ".ads", ".advert", ".advertisement", ".social", ".share", ".newsletter",
        ".related", ".comments", "[role=navigation]", "[role=complementary]",
    )  # fmt: skip
    content_selector: str | None = None
    # Plain text: the end-of-line suppression marker ("sourcelint: disable=SL204").
    line_marker: str = "sourcelint: disable="


@dataclass(frozen=True, slots=True)
class Prose:
    """What a reader hands to the analyzer.

    ``blocks`` are spans of ``text`` (paragraphs, headings, list items) that no sentence
    crosses; ``comments`` and ``notes`` are positioned in the original file.
    """

    text: str
    blocks: tuple[tuple[int, int], ...]
    offsets: OffsetMap = OffsetMap()
    comments: tuple[Comment, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass
class ProseBuilder:
    """Collects prose runs with their original offsets, block by block."""

    _parts: list[str] = field(default_factory=list)
    _segments: list[tuple[int, int]] = field(default_factory=list)
    _blocks: list[tuple[int, int]] = field(default_factory=list)
    _length: int = 0
    _block_start: int | None = None
    _next_original: int | None = None

    def add(self, text: str, original_start: int) -> None:
        """Copy ``text``, which stands at ``original_start`` in the original file."""
        if not text:
            return
        if self._block_start is None:
            self._block_start = self._length
        if original_start != self._next_original:
            self._segments.append((self._length, original_start))
        self._parts.append(text)
        self._length += len(text)
        self._next_original = original_start + len(text)

    def add_space(self) -> None:
        """A space standing for markup that separated two words ("a<br>b", a line break)."""
        if self._block_start is not None and self._parts and not self._parts[-1].endswith(" "):
            self._parts.append(" ")
            self._length += 1
            # The space maps to the original position right after the previous run.
            if self._next_original is not None:
                self._next_original += 1

    def end_block(self) -> None:
        """Close the current block; the next text starts a new one."""
        if self._block_start is not None:
            text = "".join(self._parts)
            end = len(text.rstrip())
            if end > self._block_start:
                self._blocks.append((self._block_start, end))
            self._parts = [text[:end]] if end < len(text) else [text]
            self._length = len(self._parts[0])
        self._block_start = None
        if self._parts and not self._parts[-1].endswith("\n\n"):
            self._parts.append("\n\n")
            self._length += 2
            self._next_original = None

    def build(self, comments: tuple[Comment, ...] = (), notes: tuple[Note, ...] = ()) -> Prose:
        self.end_block()
        return Prose(
            text="".join(self._parts),
            blocks=tuple(self._blocks),
            offsets=OffsetMap(tuple(self._segments) or ((0, 0),)),
            comments=comments,
            notes=notes,
        )


DEFAULT_LINE_MARKER = "sourcelint: disable="


@cache
def line_marker_pattern(prefix: str = DEFAULT_LINE_MARKER) -> re.Pattern[str]:
    """The plain-text marker at the end of a line: ``<prefix>CODES [-- reason]``.

    The plain reader blanks it out of the prose; ``parse_directives`` reads it.
    """
    space = r"[^\S\r\n]*"
    head = re.escape(prefix.rstrip("=").rstrip()).replace(r"\ ", space) + space + "="
    return re.compile(
        head + rf"(?P<codes>[\w,-]*(?:{space},{space}[\w-]+)*)"
        rf"{space}(?:--{space}(?P<reason>[^\r\n]*?))?{space}$",
        re.M,
    )
