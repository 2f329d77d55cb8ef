"""Markdown: the prose of a CommonMark document, mapped back to the original file.

markdown-it-py parses the document (``markdown_parser``); its tokens give each block's
line range but not the columns of inline text, so every inline text run is found by
searching forward from a cursor through the block's own source lines. Skipped markup
(code spans, link destinations, inline HTML) moves the cursor past itself, so a later
run is never matched inside it. The runs become a block's prose as ``markdown_pieces``
joins them; front matter is read by ``front_matter``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sourcelint.core.document import Prose
from sourcelint.core.positions import LineIndex
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.comments import comment_end
from sourcelint.readers.front_matter import skip_front_matter
from sourcelint.readers.gathering import Gathering
from sourcelint.readers.invisible import INVISIBLE, without_invisible
from sourcelint.readers.markdown_parser import DEEPEST_LEVEL, prose_parser
from sourcelint.readers.markdown_pieces import (
    BREAK,
    SPACE,
    Piece,
    Run,
    drop_urls,
    join_hyphenated,
)
from sourcelint.readers.numbered_lines import NumberedLines

if TYPE_CHECKING:
    from markdown_it.token import Token

_BR_TAG = re.compile(r"<br\b", re.IGNORECASE)
# Container markers at the start of a line read as plain text: quotes and list items.
_CONTAINER_MARK = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))")


@without_invisible
def read_markdown(text: str, options: ReaderOptions | None = None) -> Prose:
    """Read a Markdown document: prose of headings, paragraphs, list items, quotes and
    table cells, one block each; code, HTML, URLs and front matter skipped."""
    return _MarkdownReader(text, options or ReaderOptions()).read()


class _MarkdownReader(Gathering):
    """One document's reading: a cursor into the original, the prose built so far."""

    def __init__(self, text: str, options: ReaderOptions) -> None:
        super().__init__()
        self.text = text
        # markdown-it turns NUL into U+FFFD; searching a copy with the same change keeps
        # the lengths equal, so offsets found in it are offsets into ``text``.
        self.source = text.replace("\0", "\ufffd")
        self.options = options
        self.index = LineIndex(text)
        self.lines = NumberedLines(text, self.index.starts)
        self.cursor = 0

    def read(self) -> Prose:
        body_start, first_line = skip_front_matter(self.lines, self.options, self)
        tokens = prose_parser().parse(self.text[body_start:])
        self.cursor = body_start
        self._blocks(tokens, first_line)
        return self.prose()

    # Blocks

    def _blocks(self, tokens: list[Token], first_line: int) -> None:
        open_tags: list[str] = []  # the containers around the token, outermost first
        for token in tokens:
            if token.nesting == 1:
                open_tags.append(token.tag)
            elif token.nesting == -1 and open_tags:
                open_tags.pop()
            if token.map is None:
                continue
            start = self.lines.start(token.map[0] + first_line)
            end = self.lines.start(token.map[1] + first_line)
            self.cursor = max(self.cursor, start)
            if token.type == "inline":
                self._inline(token.children or [], end)
                self.end_block_in(open_tags)
            elif token.type == "fence":
                self._check_fence(token, token.map[0] + first_line, token.map[1] + first_line)
                self.cursor = end
            elif token.type == "code_block":
                self.cursor = end
            elif token.type == "html_block":
                self._html_block(start, end, token.map[1] + first_line)
                self.cursor = end
            elif token.type == "sourcelint_deep":
                self._plain_lines(token.map[0] + first_line, token.map[1] + first_line)
                self.cursor = end

    def _plain_lines(self, first: int, last: int) -> None:
        """Lines too deeply nested for the parser: their text, less container markers."""
        message = f"nested deeper than {DEEPEST_LEVEL} levels: lines {first + 1}-{last}"
        self.note(self.lines.start(first), f"{message} read as plain text")
        for line in range(first, last):
            text = self.lines.text(line)
            position = 0
            while (mark := _CONTAINER_MARK.match(text, position)) is not None:
                position = mark.end()
            words = text[position:].strip()
            if not words:
                self.builder.end_block()
                continue
            self.builder.add_space()
            start = self.lines.start(line) + text.index(words, position)
            self.builder.add(words, start)
        self.builder.end_block()

    def _check_fence(self, token: Token, first: int, last: int) -> None:
        """Note a fence that runs to the end of its container for want of a closing line."""
        closing = self.lines.text(last - 1).lstrip(" \t>").rstrip()
        marker = token.markup
        closed = (
            last - first >= 2
            and len(closing) >= len(marker)
            and closing == marker[0] * len(closing)
        )
        if not closed:
            self.note(
                self.lines.start(first) + max(self.lines.text(first).find(marker), 0),
                f"unterminated code fence ({_fence_name(marker)}): lines {first + 1}-{last} "
                "not linted",
            )

    def _html_block(self, start: int, end: int, last: int) -> None:
        """Collect the comments of a raw HTML block; the block itself is not prose."""
        position = start
        while (opening := self.source.find("<!--", position, end)) >= 0:
            closing = comment_end(self.source, opening, end)
            if closing is None:
                first = self.index.position(opening)[0]
                self.note(opening, f"unclosed HTML comment: lines {first}-{last} not linted")
                return
            self._comment_at(opening, *closing)
            position = closing[1]

    def _comment_at(self, start: int, body_end: int, end: int) -> None:
        """The comment opened by "<!--" at ``start``, its body ending at ``body_end``."""
        self.comment(start, end, self.text[start + 4 : body_end])

    # Inline content

    def _inline(self, children: list[Token], end: int) -> None:
        pieces: list[Piece] = []
        self._walk(children, end, pieces)
        started = False
        for piece in join_hyphenated(drop_urls(pieces)):
            if not isinstance(piece, Run):
                self.builder.add_space()
                continue
            text, start = piece.text, piece.start
            if not started:
                # A block starts at its first word, not at the space after an image.
                text = text.lstrip()
                start += len(piece.text) - len(text)
                started = bool(text)
            self.builder.add(text, start, piece.end)

    def _walk(self, children: list[Token], end: int, pieces: list[Piece] | None) -> None:
        """Move the cursor through inline tokens; with ``pieces``, collect the prose."""
        autolink = False
        for child in children:
            kind = child.type
            if kind == "link_open" and child.markup in ("autolink", "linkify"):
                autolink = True
                self._skip_autolink(end)
                _space(pieces)
            elif kind == "link_close" and autolink:
                autolink = False
            elif autolink:
                continue  # the URL shown as the link's text
            elif kind == "text":
                self._text(child.content, end, pieces)
            elif kind == "text_special":
                self._special(child, end, pieces)
            elif kind in ("softbreak", "hardbreak"):
                _break(pieces)
            elif kind == "code_inline":
                self._skip_code(child.markup, end)
                _space(pieces)
            elif kind == "html_inline":
                self._html_inline(child.content, end, pieces)
            elif kind == "link_open":
                self._enter_link(end)
            elif kind == "link_close":
                self._skip_link_tail(end)
            elif kind == "image":
                self._skip_image(child, end, pieces)
            # Emphasis and strikethrough markers add nothing: words run on across them.

    def _enter_link(self, end: int) -> None:
        """Move past the "[" that opens a link's text."""
        opening = self.source.find("[", self.cursor, end)
        if opening >= 0:
            self.cursor = opening + 1

    def _skip_image(self, image: Token, end: int, pieces: list[Piece] | None) -> None:
        """Move past an image, which stands between two words as a space."""
        opening = self.source.find("![", self.cursor, end)
        if opening >= 0:
            self.cursor = opening + 2
        # Alt text is not the article's prose; walk it only to move the cursor.
        self._walk(image.children or [], end, None)
        self._skip_link_tail(end)
        _space(pieces)

    def _text(self, content: str, end: int, pieces: list[Piece] | None) -> None:
        runs = self._locate(content, end)
        if runs is None:
            self.note(self.cursor, f"could not place the text {content[:40]!r}: not linted")
        elif pieces is not None:
            pieces.extend(runs)

    def _locate(self, content: str, end: int) -> list[Run] | None:
        """Find ``content`` at or after the cursor; return it as runs of the original."""
        found = self.source.find(content, self.cursor, end)
        if found >= 0:
            self.cursor = found + len(content)
            return [Run(content, found)]
        # Table cells hold "\|" as "|": allow a backslash before any character.
        pattern = "".join(r"\\?" + re.escape(char) for char in content)
        match = re.compile(pattern).search(self.source, self.cursor, end)
        if match is None:
            return None
        runs: list[Run] = []
        position = match.start()
        for char in content:
            if self.source[position] != char:
                position += 1  # the backslash
                runs.append(Run(char, position))
            elif runs and runs[-1].start + len(runs[-1].text) == position:
                runs[-1] = Run(runs[-1].text + char, runs[-1].start)
            else:
                runs.append(Run(char, position))
            position += 1
        self.cursor = match.end()
        return runs

    def _special(self, token: Token, end: int, pieces: list[Piece] | None) -> None:
        """An entity or a backslash escape: decoded text, mapped to its source."""
        found = self.source.find(token.markup, self.cursor, end)
        if found < 0:
            self._text(token.content, end, pieces)
            return
        self.cursor = found + len(token.markup)
        if pieces is not None:
            # An escape maps to the character it escapes ("\\a", no escape, maps whole);
            # an entity maps to its whole "&…;", and an invisible one ("&shy;") to nothing.
            if token.info != "entity":
                escaped = token.markup == "\\" + token.content
                pieces.append(Run(token.content, found + 1 if escaped else found))
            elif content := INVISIBLE.sub("", token.content):
                pieces.append(Run(content, found, found + len(token.markup)))

    def _skip_code(self, marker: str, end: int) -> None:
        """Move past a code span: an opening backtick run and the matching closing one."""
        opening = self._backtick_run(marker, self.cursor, end)
        if opening < 0:
            return
        closing = self._backtick_run(marker, opening + len(marker), end)
        if closing >= 0:
            self.cursor = closing + len(marker)

    def _backtick_run(self, marker: str, start: int, end: int) -> int:
        """Where a run of exactly ``len(marker)`` backticks starts, or -1."""
        position = start
        while (found := self.source.find(marker, position, end)) >= 0:
            stop = found + len(marker)
            # What lies before ``start`` was consumed by other tokens (an escaped "`").
            before = found > start and self.source[found - 1] == "`"
            after = stop < end and self.source[stop] == "`"
            if not before and not after:
                return found
            # Skip the whole longer run, not one backtick of it.
            while stop < end and self.source[stop] == "`":
                stop += 1
            position = stop
        return -1

    def _html_inline(self, content: str, end: int, pieces: list[Piece] | None) -> None:
        lines = content.split("\n")
        found = self.source.find(lines[0], self.cursor, end)
        if found < 0:
            return
        if content.startswith("<!--"):
            closing = comment_end(self.source, found, end)
            if closing is not None:
                self._comment_at(found, *closing)
                self.cursor = closing[1]
            return
        stop = found + len(lines[0])
        if len(lines) > 1:
            last = self.source.find(lines[-1], stop, end)
            stop = last + len(lines[-1]) if last >= 0 else stop
        self.cursor = stop
        if _BR_TAG.match(content):
            _space(pieces)

    def _skip_autolink(self, end: int) -> None:
        opening = self.source.find("<", self.cursor, end)
        closing = self.source.find(">", max(opening, self.cursor), end)
        if opening >= 0 and closing >= 0:
            self.cursor = closing + 1

    def _skip_link_tail(self, end: int) -> None:
        """Move past "](destination "title")", "][label]" or "]" after a link's text."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        source = self.source
        bracket = source.find("]", self.cursor, end)
        if bracket < 0:
            return
        position = bracket + 1
        if position < end and source[position] == "(":
            inner = _skip_space(source, position + 1, end)
            destination = parseLinkDestination(source, inner, end)
            if destination.ok:
                inner = _skip_space(source, destination.pos, end)
                title = parseLinkTitle(source, inner, end)
                if title.ok:
                    inner = _skip_space(source, title.pos, end)
            if inner < end and source[inner] == ")":
                position = inner + 1
        elif position < end and source[position] == "[":
            label = source.find("]", position + 1, end)
            if label >= 0:
                position = label + 1
        self.cursor = position


def _space(pieces: list[Piece] | None) -> None:
    if pieces is not None:
        pieces.append(SPACE)


def _break(pieces: list[Piece] | None) -> None:
    if pieces is not None:
        pieces.append(BREAK)


def _skip_space(source: str, position: int, end: int) -> int:
    while position < end and source[position] in " \t\r\n":
        position += 1
    return position


def _fence_name(marker: str) -> str:
    """A fence as a note names it; a fence of thousands of backticks by its length."""
    return f"'{marker}'" if len(marker) <= 10 else f"{len(marker):,} '{marker[0]}'"
