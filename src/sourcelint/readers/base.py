"""The reader contract: prose text, its independent blocks, and an offset map.

Readers for markup build their prose with ``ProseBuilder``: they copy the runs of text
that are prose, end a block at every paragraph, heading, list item or table cell, and the
builder keeps the map from each prose offset back to the original file.

Every reader reads a text without its invisible characters (``without_invisible``): a
zero-width space, a soft hyphen or a bidi control never splits a word or changes the
markup, and the map still leads into the original, invisible characters included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import Concatenate, ParamSpec

from sourcelint.errors import ConfigError


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
        return self._widen(first)[0], self._widen(last - 1)[1]

    def _widen(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.references, (offset, float("inf"))) - 1
        if index >= 0 and self.references[index][0] <= offset < self.references[index][1]:
            return self.references[index]
        return offset, offset + 1


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
    """Collects prose runs with their original offsets, block by block.

    Text is joined once, in ``build``: ending a block touches only the block's own tail,
    so building is linear in the number of blocks.
    """

    _parts: list[str] = field(default_factory=list)
    _segments: list[tuple[int, int]] = field(default_factory=list)
    _blocks: list[tuple[int, int]] = field(default_factory=list)
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

    def end_block(self) -> None:
        """Close the current block; the next text starts a new one."""
        if self._block_start is not None:
            self._strip_tail()
            if self._length > self._block_start:
                self._blocks.append((self._block_start, self._length))
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
        )


# Invisible characters

# Characters that only hint at line breaking, joining, direction or encoding: a byte-order
# mark, zero-width space, non-joiner and joiner, word joiner, soft hyphen and the bidi
# marks, embeddings, overrides and isolates. Kept, they would split a word
# ("report\u00adedly") or change the markup ("#\u200b Title" is no heading).
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

_P = ParamSpec("_P")


def without_invisible(
    read: Callable[Concatenate[str, _P], Prose],
) -> Callable[Concatenate[str, _P], Prose]:
    """Make a reader read the text without its invisible characters, and map the
    prose, comments and notes it returns back onto the original text."""

    @wraps(read)
    def reader(text: str, /, *args: _P.args, **kwargs: _P.kwargs) -> Prose:
        if INVISIBLE.search(text) is None:
            return read(text, *args, **kwargs)
        visible, removed = _remove_invisible(text)
        return _restore(read(visible, *args, **kwargs), removed)

    return reader


def _remove_invisible(text: str) -> tuple[str, OffsetMap]:
    """The text without invisible characters, and the map from it back to ``text``."""
    parts: list[str] = []
    segments: list[tuple[int, int]] = [(0, 0)]
    position = length = 0
    for match in INVISIBLE.finditer(text):
        parts.append(text[position : match.start()])
        length += match.start() - position
        position = match.end()
        if segments[-1][0] == length:
            segments.pop()  # a run of invisible characters: the text resumes after it
        segments.append((length, position))
    parts.append(text[position:])
    return "".join(parts), OffsetMap(tuple(segments))


def _restore(prose: Prose, removed: OffsetMap) -> Prose:
    """``prose`` of the visible text, with every offset led back into the original."""
    return replace(
        prose,
        offsets=_compose(prose.offsets, removed),
        comments=tuple(
            Comment(*removed.span_to_original(c.start, c.end), c.body) for c in prose.comments
        ),
        notes=tuple(Note(removed.to_original(n.offset), n.message) for n in prose.notes),
    )


def _compose(inner: OffsetMap, outer: OffsetMap) -> OffsetMap:
    """One map doing ``inner`` then ``outer`` (``outer`` has no references)."""
    breaks = [start for start, _ in outer.segments]
    segments: list[tuple[int, int]] = []
    ends = [start for start, _ in inner.segments[1:]]
    for (prose_start, middle_start), prose_end in zip(inner.segments, [*ends, None], strict=True):
        segments.append((prose_start, outer.to_original(middle_start)))
        # Every removed character inside the segment starts a new one.
        middle_end = None if prose_end is None else middle_start + prose_end - prose_start
        index = bisect_right(breaks, middle_start)
        while index < len(breaks) and (middle_end is None or breaks[index] < middle_end):
            segments.append((prose_start + breaks[index] - middle_start, outer.segments[index][1]))
            index += 1
    references = tuple(outer.span_to_original(start, end) for start, end in inner.references)
    return OffsetMap(tuple(segments), references)


# Comments


# The end of a comment's body, by the HTML tokenizer's comment states: "-->" or "--!>".
_COMMENT_CLOSE = re.compile("--!?>")


def comment_end(text: str, start: int, stop: int | None = None) -> tuple[int, int] | None:
    """The comment opened by ``<!--`` at ``start``: ``(body end, comment end)``, or None
    when it is not closed before ``stop``. ``<!-->`` and ``<!--->`` are empty comments."""
    stop = len(text) if stop is None else stop
    body = start + 4
    for closing in (">", "->"):
        if text.startswith(closing, body, stop):
            return body, body + len(closing)
    return comment_close(text, body, stop)


def comment_close(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the first "-->" or "--!>" in ``text[start:stop]``, or None."""
    close = _COMMENT_CLOSE.search(text, start, stop)
    return None if close is None else close.span()


# Plain-text line markers

DEFAULT_LINE_MARKER = "sourcelint: disable="
_LINE = re.compile(r"[^\r\n]+")
_CODE_CHARS = re.compile(r"[\w,-]*")
_CODE_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class LineMarker:
    """A plain-text suppression marker at ``[start, end)`` of the text (to its line end)."""

    start: int
    end: int
    codes: str
    reason: str | None


def check_line_marker(marker: str) -> None:
    """Refuse a marker that could never be found, or that any "=" would be."""
    key = "readers.line-marker"
    if "\n" in marker or "\r" in marker:
        raise ConfigError("a line marker must stand on one line", key=key)
    if not _marker_words(marker):
        raise ConfigError("a line marker needs text before its '='", key=key)


def _marker_words(marker: str) -> list[str]:
    # A space in the marker matches any horizontal white space, or none.
    return marker.rstrip().rstrip("=").split()


def line_markers(text: str, marker: str = DEFAULT_LINE_MARKER) -> Iterator[LineMarker]:
    """The markers ``<marker>CODES [-- reason]`` that end a line, at most one a line.

    The marker is literal text, never a pattern, and the scan is plain string search:
    linear in the text whatever the marker and the line.
    """
    words = _marker_words(marker)
    if not words or "\n" in marker or "\r" in marker:
        return
    for line in _LINE.finditer(text):
        found = _marker_in_line(text, line.start(), line.end(), words)
        if found is not None:
            yield found


def _marker_in_line(text: str, start: int, end: int, words: list[str]) -> LineMarker | None:
    """The leftmost marker of the line ``text[start:end]`` followed by codes only."""
    position = start
    while (found := text.find(words[0], position, end)) >= 0:
        head_end = _match_head(text, found, end, words)
        tail = None if head_end is None else _tail(text, head_end, end)
        if tail is not None:
            return LineMarker(found, end, *tail)
        position = found + 1
    return None


def _match_head(text: str, position: int, end: int, words: list[str]) -> int | None:
    """Where the marker's words, the white space between them and its "=" end."""
    for index, word in enumerate(words):
        if index:
            position = _skip_space(text, position, end)
        if not text.startswith(word, position, end):
            return None
        position += len(word)
    position = _skip_space(text, position, end)
    return position + 1 if text.startswith("=", position, end) else None


def _tail(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    r"""The codes and reason after a marker's "=", if nothing else follows on the line.

    Codes are a run of words, hyphens and commas, then ", code" items with white space
    allowed around the comma; a reason follows "--". The codes are read the way the
    regular expression ``[\w,-]*(?:\s*,\s*[\w-]+)*`` backtracks (a "--" inside them may
    start the reason), without its quadratic worst case.
    """
    run_end = _CODE_CHARS.match(text, start, end).end()  # type: ignore[union-attr]
    chains = [run_end]
    if run_end > start and text[run_end - 1] == ",":
        chains.append(run_end - 1)  # the run may give its last comma to the items
    for chain in chains:
        for codes_end in _item_ends(text, chain, end):
            reason = _reason_after(text, codes_end, end)
            if reason is not None:
                return text[start:codes_end], reason or None
        if chain == run_end and (reason := _reason_after(text, run_end, end)) is not None:
            return text[start:run_end], reason or None
    split = text.rfind("--", start, run_end)
    return None if split < 0 else (text[start:split], text[split + 2 : end].strip() or None)


def _item_ends(text: str, position: int, end: int) -> Iterator[int]:
    """Where the ", code" items from ``position`` may end, last first: each item's end,
    then each "--" inside its word (the reason's start)."""
    words = []
    while (word := _spaced_code(text, position, end)) is not None:
        words.append(word)
        position = word[1]
    for word_start, word_end in reversed(words):
        yield word_end
        split = text.rfind("--", word_start + 1, word_end)
        while split > word_start:
            yield split
            split = text.rfind("--", word_start + 1, split + 1)


def _reason_after(text: str, position: int, end: int) -> str | None:
    """The reason if only white space, or "--" and a reason, follow: "" for none."""
    position = _skip_space(text, position, end)
    if position == end:
        return ""
    return text[position + 2 : end].strip() if text.startswith("--", position, end) else None


def _spaced_code(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The word of ``, code`` (white space allowed around the comma) at ``position``."""
    comma = _skip_space(text, position, end)
    if not text.startswith(",", comma, end):
        return None
    word = _CODE_WORD.match(text, _skip_space(text, comma + 1, end), end)
    return None if word is None else word.span()


def _skip_space(text: str, position: int, end: int) -> int:
    """Past the horizontal white space at ``position`` (a line holds no line break)."""
    while position < end and text[position].isspace():
        position += 1
    return position
