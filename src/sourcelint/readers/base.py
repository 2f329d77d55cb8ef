"""The reader contract: prose text, its independent blocks, and an offset map.

Readers for markup build their prose with ``ProseBuilder``: they copy the runs of text
that are prose, end a block at every paragraph, heading, list item or table cell, and the
builder keeps the map from each prose offset back to the original file.

Every reader reads a text without its invisible characters (``readers.invisible``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcelint.core.document import HEADINGS, PARAGRAPH, Comment, Note, OffsetMap, Prose
from sourcelint.readers.line_markers import DEFAULT_LINE_MARKER


def block_kind(open_tags: list[str]) -> str:
    """What a block is, from the HTML tags (outermost first) around its text."""
    for tag in reversed(open_tags):
        if tag in HEADINGS:
            return tag
    for tags, kind in ((("td", "th"), "cell"), (("blockquote",), "quote"), (("li",), "li")):
        if any(tag in tags for tag in open_tags):
            return kind
    return PARAGRAPH


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
