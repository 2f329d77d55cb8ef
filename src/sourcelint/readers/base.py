"""The reader contract: prose text, its independent blocks, and an offset map.

Readers for markup build their prose with ``ProseBuilder``: they copy the runs of text
that are prose, end a block at every paragraph, heading, list item or table cell, and the
builder keeps the map from each prose offset back to the original file.

Every reader reads a text without its invisible characters (``readers.invisible``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from sourcelint.readers.line_markers import DEFAULT_LINE_MARKER

# What a block is to a reader, for showing it as they see it: a paragraph, a heading of
# a level, a list item, a quotation, a table cell, or a front-matter field.
PARAGRAPH = "p"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_KINDS = frozenset({PARAGRAPH, *_HEADINGS, "li", "quote", "cell", "field"})


def block_kind(open_tags: list[str]) -> str:
    """What a block is, from the HTML tags (outermost first) around its text."""
    for tag in reversed(open_tags):
        if tag in _HEADINGS:
            return tag
    for tags, kind in ((("td", "th"), "cell"), (("blockquote",), "quote"), (("li",), "li")):
        if any(tag in tags for tag in open_tags):
            return kind
    return PARAGRAPH


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
    line_marker: str = DEFAULT_LINE_MARKER


@dataclass(frozen=True, slots=True)
class Prose:
    """What a reader hands to the analyzer.

    ``blocks`` are spans of ``text`` (paragraphs, headings, list items) that no sentence
    crosses, ``kinds`` what each block is to a reader (``BLOCK_KINDS``); ``comments`` and
    ``notes`` are positioned in the original file.
    """

    text: str
    blocks: tuple[tuple[int, int], ...]
    offsets: OffsetMap = OffsetMap()
    comments: tuple[Comment, ...] = ()
    notes: tuple[Note, ...] = ()
    kinds: tuple[str, ...] = ()

    def kind_of(self, block: int) -> str:
        return self.kinds[block] if block < len(self.kinds) else PARAGRAPH


@dataclass
class ProseBuilder:
    """Collects prose runs with their original offsets, block by block.

    Text is joined once, in ``build``: ending a block touches only the block's own tail,
    so building is linear in the number of blocks.
    """

    _parts: list[str] = field(default_factory=list)
    _segments: list[tuple[int, int]] = field(default_factory=list)
    _blocks: list[tuple[int, int]] = field(default_factory=list)
    _kinds: list[str] = field(default_factory=list)
    # (prose offset, original start, original end) of each piece added as a unit.
    _references: list[tuple[int, int, int]] = field(default_factory=list)
    _length: int = 0
    _block_start: int | None = None
    _next_original: int | None = None

    def add(self, text: str, original_start: int, original_end: int | None = None) -> None:
        """Copy ``text``, which stands at ``original_start`` in the original file.

        With ``original_end``, ``text`` is what the original span ``[original_start,
        original_end)`` decodes to (a character reference): a unit, mapped whole.
        """
        if not text:
            return
        if self._block_start is None:
            self._block_start = self._length
        if original_start != self._next_original:
            self._segments.append((self._length, original_start))
        self._parts.append(text)
        self._length += len(text)
        self._next_original = original_start + len(text)
        if original_end is not None:
            self._references.append((self._length - len(text), original_start, original_end))

    def add_space(self) -> None:
        """A space standing for markup that separated two words ("a<br>b", a line break)."""
        if self._block_start is not None and self._parts and not self._parts[-1].endswith(" "):
            self._parts.append(" ")
            self._length += 1
            # The space maps to the original position right after the previous run.
            if self._next_original is not None:
                self._next_original += 1

    def end_block(self, kind: str = PARAGRAPH) -> None:
        """Close the current block, a ``kind`` of ``BLOCK_KINDS``; the next text starts
        a new one."""
        if self._block_start is not None:
            self._strip_tail()
            if self._length > self._block_start:
                self._blocks.append((self._block_start, self._length))
                self._kinds.append(kind)
        self._block_start = None
        if self._parts and not self._parts[-1].endswith("\n\n"):
            self._parts.append("\n\n")
            self._length += 2
            self._next_original = None

    def _strip_tail(self) -> None:
        """Drop the white space at the end of the text, as ``str.rstrip`` would, and the
        map of what it dropped (a white space reference: "&nbsp;")."""
        parts = self._parts
        while parts:
            last = parts[-1]
            stripped = last.rstrip()
            self._length -= len(last) - len(stripped)
            if stripped:
                parts[-1] = stripped
                break
            parts.pop()
        else:
            # Nothing left: an empty first part, so the separator still follows.
            parts.append("")
        for starts in (self._segments, self._references):
            while starts and starts[-1][0] >= self._length:
                starts.pop()

    def build(self, comments: tuple[Comment, ...] = (), notes: tuple[Note, ...] = ()) -> Prose:
        self.end_block()
        return Prose(
            text="".join(self._parts),
            blocks=tuple(self._blocks),
            offsets=OffsetMap(
                tuple(self._segments) or ((0, 0),),
                tuple(sorted((start, end) for _, start, end in self._references)),
            ),
            comments=comments,
            notes=notes,
            kinds=tuple(self._kinds),
        )
