"""Walking the tokens in source order, with the open elements nested as Lexbor nests
them, and copying the text of prose elements into the prose."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING

from sourcelint.core.document import Prose
from sourcelint.readers.gathering import Gathering
from sourcelint.readers.html_elements import BLOCK, UNSEEN, VOID
from sourcelint.readers.html_tokens import COMMENT, END, START, TEXT, Event
from sourcelint.readers.html_tree import ROOT, Structure
from sourcelint.readers.invisible import INVISIBLE

if TYPE_CHECKING:
    from collections.abc import Iterator

# A character reference, as ``html.unescape`` finds them (the HTML5 rules).
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


@dataclass(slots=True, eq=False)
class _Open:
    """An element open during the walk."""

    tag: str
    index: int | None
    start: int
    skip: bool
    content: bool
    invisible: bool
    # The element skipped here and not by an ancestor, that this one is inside (or is):
    # the element to name if it is never closed and text was skipped inside it.
    owner: _Open | None = None
    skipped_text: bool = False


@dataclass
class Walker(Gathering):
    """Walks the tokens in source order, keeping the open elements as Lexbor nests them,
    and copies the text of prose elements into the builder."""

    text: str
    structure: Structure
    # Start tags left out of Lexbor's page for nesting too deep: a block one still ends
    # the block.
    too_deep: frozenset[int] = frozenset()
    stack: list[_Open] = field(default_factory=list)
    # Open elements by tag name: a stray end tag is known for one without a scan.
    open_tags: Counter[str] = field(default_factory=Counter)
    # Stack positions of the open elements that Lexbor placed, by start-tag index.
    positions: dict[int, int] = field(default_factory=dict)
    _open: bool = False  # a block has text in it
    _after_break: bool = False  # a <br> and nothing but white space since
    _start_index: int = 0

    def walk(self, events: list[Event]) -> Prose:
        for kind, start, end, value in events:
            if kind == TEXT:
                self._text(start, end)
            elif kind == START:
                self._start_tag(value, start)
            elif kind == END:
                self._end_tag(value)
            elif kind == COMMENT:
                self.comment(start, end, value)
            else:
                self._end_block()
                self.note(start, f"unfinished tag {value!r}: not linted")
        self._unclosed()
        return self.prose()

    # Elements

    def _start_tag(self, tag: str, start: int) -> None:
        index = self._start_index
        self._start_index += 1
        place = self.structure.places.get(index)
        top = self.stack[-1] if self.stack else self._root()
        if place is None:
            if top.skip:
                # Inside a template or raw text, where Lexbor saw no tags: kept on the
                # stack so that its end tag cannot close an element outside.
                self._push(_Open(tag, None, start, True, top.content, top.invisible, top.owner))
            elif index in self.too_deep and tag in BLOCK:
                self._end_block()
            # Otherwise Lexbor ignored the tag (a stray <td>, a second <body>): so do we.
            return
        if place.parent is not None:
            self._close_to(place.parent)
            top = self.stack[-1] if self.stack else self._root()
        if tag in BLOCK:
            self._end_block()
        if tag == "br":
            self._line_break()
        if tag in VOID:
            return
        invisible = tag in UNSEEN or top.invisible
        element = _Open(tag, index, start, place.skip, place.content, invisible, top.owner)
        if place.skip and not top.skip:
            element.owner = element
        self._push(element)

    def _push(self, element: _Open) -> None:
        if element.index is not None:
            self.positions[element.index] = len(self.stack)
        self.open_tags[element.tag] += 1
        self.stack.append(element)

    def _end_tag(self, tag: str) -> None:
        if tag == "br":  # browsers read "</br>" as "<br>"
            self._line_break()
            return
        if self.open_tags[tag]:
            # The scan stops at the element it closes: every element it passes is closed.
            position = next(
                i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag
            )
            self._pop(position)
            return
        # A stray end tag closes nothing, in a browser as here; a stray </p> opens and
        # closes an empty paragraph.
        if tag == "p":
            self._end_block()

    def _close_to(self, parent: int) -> None:
        """Close what Lexbor closed before opening a child of ``parent``."""
        stack = self.stack
        if parent == ROOT:
            keep = 0
            while keep < len(stack) and stack[keep].tag in ("html", "body"):
                keep += 1
        else:
            if parent not in self.positions:
                return
            keep = self.positions[parent] + 1
        self._pop(keep)

    def _pop(self, position: int) -> None:
        """Close the open elements from ``position`` up; a closed block ends the block."""
        closed = self.stack[position:]
        if any(element.tag in BLOCK for element in closed):
            self._end_block()
        for element in closed:
            self.open_tags[element.tag] -= 1
            if element.index is not None:
                del self.positions[element.index]
        del self.stack[position:]

    def _root(self) -> _Open:
        """The (possibly implied) body, below every element of the stack."""
        root = self.structure.root
        return _Open("body", None, 0, root.skip, root.content, False, None)

    def _unclosed(self) -> None:
        for element in self.stack:
            if element.tag in ("script", "style"):
                message = f"unclosed <{element.tag}>: the rest of the file is not linted"
            elif element.owner is element and element.skipped_text:
                message = f"<{element.tag}> is never closed: the text after it is not linted"
            else:
                continue
            self.note(element.start, message)

    # Text

    def _text(self, start: int, end: int) -> None:
        element = self.stack[-1] if self.stack else self._root()
        if element.skip or not element.content:
            if not self.text[start:end].isspace():
                if not element.invisible:
                    # Skipped words (code, a caption inline) still stand between two words.
                    self.builder.add_space()
                if element.owner is not None:
                    element.owner.skipped_text = True
            return
        for piece, piece_start, reference in _decode(self.text, start, end):
            if not self._open:
                # A block starts at its first word, not at the indentation before it.
                stripped = piece.lstrip()
                if not stripped:
                    continue
                if reference is None:
                    piece_start += len(piece) - len(stripped)
                    piece = stripped
            self._add(piece, piece_start, reference)

    def _add(self, piece: str, start: int, reference: tuple[int, int] | None) -> None:
        self.builder.add(piece, start, None if reference is None else reference[1])
        self._open = True
        if not piece.isspace():
            self._after_break = False

    def _line_break(self) -> None:
        # One <br> ends a line inside a paragraph; two in a row end the paragraph, as
        # CMS exports write them.
        if self._after_break:
            self._end_block()
        else:
            self.builder.add_space()
            self._after_break = self._open

    def _end_block(self) -> None:
        self.end_block_in([element.tag for element in self.stack])
        self._open = False
        self._after_break = False


def _decode(text: str, start: int, end: int) -> Iterator[tuple[str, int, tuple[int, int] | None]]:
    """The decoded pieces of ``text[start:end]``: ``(piece, original start, reference
    span or None)``; literal text maps one for one, a reference to its whole span."""
    position = start
    for match in _REFERENCE.finditer(text, start, end):
        yield from _literal(text, position, match.start())
        decoded = INVISIBLE.sub("", unescape(match.group()))
        if decoded:
            yield decoded, match.start(), (match.start(), match.end())
        position = match.end()
    yield from _literal(text, position, end)


def _literal(text: str, start: int, end: int) -> Iterator[tuple[str, int, None]]:
    # The text holds no invisible characters: ``without_invisible`` took them out.
    if end > start:
        yield text[start:end], start, None
