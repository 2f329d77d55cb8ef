"""Markdown: the prose of a CommonMark document, mapped back to the original file.

markdown-it-py parses the document; its tokens give each block's line range but not the
columns of inline text, so every inline text run is found by searching forward from a
cursor through the block's own source lines. Skipped markup (code spans, link
destinations, inline HTML) moves the cursor past itself, so a later run is never matched
inside it. Front matter is recognised here rather than by a plugin: TOML (``+++``) front
matter is as common as YAML in Hugo sites and the plugin knows only YAML.

Two block rules are added to markdown-it's. Containers nested deeper than
``_DEEPEST_LEVEL`` are read as plain text, with a note: markdown-it would drop them
(its ``maxNesting``), and Python's stack bounds how deep its parser can recurse. An
HTML comment block ends where a browser ends the comment (``--!>``, ``<!-->``), not
only at the line holding ``-->``: the text after it is no longer hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sourcelint.core.document import Comment, Note, Prose
from sourcelint.core.positions import LineIndex
from sourcelint.readers.base import ProseBuilder, ReaderOptions, block_kind
from sourcelint.readers.comments import comment_close, comment_end
from sourcelint.readers.invisible import INVISIBLE, without_invisible

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

# Bare URLs are not linkified by CommonMark; they are still not prose.
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]]", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\b", re.IGNORECASE)
# Front matter: a fence line, then ``key: value`` (YAML) or ``key = value`` (TOML) lines.
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_FIELD_KEY = re.compile(r"[A-Za-z0-9_.-]+")
# Block nesting read as Markdown (a quote is one level, a list item two); markdown-it's
# own limit is set above it, so that deeper content reaches the plain-text rule.
_DEEPEST_LEVEL = 64
_MAX_NESTING = 100
# Container markers at the start of a line read as plain text: quotes and list items.
_CONTAINER_MARK = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))")
# YAML values that are not a one-line string: block scalars, flow collections, anchors, tags.
_YAML_NOT_STRING = tuple("|>[{&*!")


@dataclass(frozen=True, slots=True)
class _Run:
    """A piece of a block's prose: ``text`` at ``start`` in the original."""

    text: str
    start: int
    # The end of the original span, for text decoded from it (an entity).
    end: int | None = None


# Markup that stands between two words (code, images, ``<br>``) and a soft line break.
_SPACE = "space"
_BREAK = "break"
_Piece = _Run | str


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # GFM tables and strikethrough are what Hugo, Jekyll and Astro enable. text_join is
    # off so entities and backslash escapes stay separate tokens that carry their source.
    parser = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING})
        .enable(["table", "strikethrough"])
        .disable("text_join")
    )
    first = parser.block.ruler.get_all_rules()[0]
    parser.block.ruler.before(first, "sourcelint_deep", _deep_block)
    alt = {"alt": ["paragraph", "reference", "blockquote"]}  # as html_block: it interrupts
    parser.block.ruler.before("html_block", "sourcelint_comment", _comment_block, alt)
    return parser


def _deep_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Past the deepest level, take the rest of the container as one plain-text token."""
    if state.level < _DEEPEST_LEVEL or silent:
        return False
    line = last = start + 1
    while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        line += 1
        if not state.isEmpty(line - 1):
            last = line
    token = state.push("sourcelint_deep", "", 0)
    token.map = [start, last]
    state.line = last
    return True


def _comment_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An HTML block opened by ``<!--``: it ends on the line where the comment closes."""
    position = state.bMarks[start] + state.tShift[start]
    if state.is_code_block(start) or not state.src.startswith("<!--", position):
        return False
    if silent:
        return True
    line = start
    close = comment_end(state.src, position, state.eMarks[start])
    while close is None and line + 1 < end:
        line += 1
        if state.sCount[line] < state.blkIndent and not state.isEmpty(line):
            line -= 1  # an outdented line leaves the container, as in html_block
            break
        begin = state.bMarks[line] + state.tShift[line]
        close = comment_close(state.src, begin, state.eMarks[line])
    token = state.push("html_block", "", 0)
    token.map = [start, line + 1]
    token.content = state.getLines(start, line + 1, state.blkIndent, True)
    state.line = line + 1
    return True


@without_invisible
def read_markdown(text: str, options: ReaderOptions | None = None) -> Prose:
    """Read a Markdown document: prose of headings, paragraphs, list items, quotes and
    table cells, one block each; code, HTML, URLs and front matter skipped."""
    return _MarkdownReader(text, options or ReaderOptions()).read()


class _MarkdownReader:
    """One document's reading: a cursor into the original, the prose built so far."""

    def __init__(self, text: str, options: ReaderOptions) -> None:
        self.text = text
        # markdown-it turns NUL into U+FFFD; searching a copy with the same change keeps
        # the lengths equal, so offsets found in it are offsets into ``text``.
        self.source = text.replace("\0", "\ufffd")
        self.options = options
        self.index = LineIndex(text)
        self.lines = self.index.starts
        self.builder = ProseBuilder()
        self.comments: list[Comment] = []
        self.notes: list[Note] = []
        self.cursor = 0

    def read(self) -> Prose:
        body_start, first_line = self._front_matter()
        tokens = _parser().parse(self.text[body_start:])
        self.cursor = body_start
        self._blocks(tokens, first_line)
        return self.builder.build(tuple(self.comments), tuple(self.notes))

    # Lines and regions

    def _line_start(self, line: int) -> int:
        return self.lines[line] if line < len(self.lines) else len(self.text)

    def _line_text(self, line: int) -> str:
        return self.text[self._line_start(line) : self._line_start(line + 1)].rstrip("\r\n")

    # Front matter

    def _front_matter(self) -> tuple[int, int]:
        """Skip front matter; return where the Markdown body starts (offset, line)."""
        bom = 1 if self.text.startswith("\ufeff") else 0
        fence = self._line_text(0)[bom:].rstrip()
        if fence not in _FENCES:
            return bom, 0
        closers = _FENCES[fence]
        count = len(self.lines)
        close = next((i for i in range(1, count) if self._line_text(i).rstrip() in closers), None)
        if close is None:
            # Without a closing fence, guess that the metadata ends at the first blank
            # line, so the article below it is still linted.
            end = next((i for i in range(1, count) if not self._line_text(i).strip()), count)
            message = f"unterminated front matter (no closing '{fence}'): lines 1-{end} not linted"
            self.notes.append(Note(0, message))
            body_line = end
        else:
            end = close
            body_line = close + 1
        if self.options.front_matter_fields:
            self._front_matter_fields(range(1, end), toml=fence == "+++")
        return self._line_start(body_line), body_line

    def _front_matter_fields(self, lines: range, *, toml: bool) -> None:
        """Lint the chosen top-level one-line string fields as blocks of their own.

        Only simple ``key: value`` / ``key = "value"`` lines are read (quoted or, in YAML,
        plain); block scalars, lists and nested tables are not, and escapes stay as
        written. No YAML or TOML parser is needed for what is linted as prose.
        """
        wanted = set(self.options.front_matter_fields)
        for line in lines:
            line_text = self._line_text(line)
            if toml and line_text.lstrip().startswith("["):
                break  # a TOML table: the keys after it are nested, not top level
            field = _front_matter_field(line_text, toml=toml)
            if field is None or field[0] not in wanted:
                continue
            key, value_start, value = field
            span = _field_value(value, toml=toml) if value else None
            if span is None:
                # A block scalar, a multi-line string or a list: say it was not linted.
                where = self._line_start(line)
                message = f"front-matter field {key!r}: only one-line values are linted"
                self.notes.append(Note(where, message))
                continue
            start, end = span
            self.builder.add(value[start:end], self._line_start(line) + value_start + start)
            self.builder.end_block("field")

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
            start = self._line_start(token.map[0] + first_line)
            end = self._line_start(token.map[1] + first_line)
            self.cursor = max(self.cursor, start)
            if token.type == "inline":
                self._inline(token.children or [], end)
                self.builder.end_block(block_kind(open_tags))
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
        message = f"nested deeper than {_DEEPEST_LEVEL} levels: lines {first + 1}-{last}"
        self.notes.append(Note(self._line_start(first), f"{message} read as plain text"))
        for line in range(first, last):
            text = self._line_text(line)
            position = 0
            while (mark := _CONTAINER_MARK.match(text, position)) is not None:
                position = mark.end()
            words = text[position:].strip()
            if not words:
                self.builder.end_block()
                continue
            self.builder.add_space()
            start = self._line_start(line) + text.index(words, position)
            self.builder.add(words, start)
        self.builder.end_block()

    def _check_fence(self, token: Token, first: int, last: int) -> None:
        """Note a fence that runs to the end of its container for want of a closing line."""
        closing = self._line_text(last - 1).lstrip(" \t>").rstrip()
        marker = token.markup
        closed = (
            last - first >= 2
            and len(closing) >= len(marker)
            and closing == marker[0] * len(closing)
        )
        if not closed:
            self.notes.append(
                Note(
                    self._line_start(first) + max(self._line_text(first).find(marker), 0),
                    f"unterminated code fence ({_fence_name(marker)}): lines {first + 1}-{last} "
                    "not linted",
                )
            )

    def _html_block(self, start: int, end: int, last: int) -> None:
        """Collect the comments of a raw HTML block; the block itself is not prose."""
        position = start
        while (opening := self.source.find("<!--", position, end)) >= 0:
            closing = comment_end(self.source, opening, end)
            if closing is None:
                first = self.index.position(opening)[0]
                self.notes.append(
                    Note(opening, f"unclosed HTML comment: lines {first}-{last} not linted")
                )
                return
            self._comment(opening, *closing)
            position = closing[1]

    def _comment(self, start: int, body_end: int, end: int) -> None:
        self.comments.append(Comment(start, end, self.text[start + 4 : body_end]))

    # Inline content

    def _inline(self, children: list[Token], end: int) -> None:
        pieces: list[_Piece] = []
        self._walk(children, end, pieces)
        started = False
        for piece in _join_hyphenated(_drop_urls(pieces)):
            if not isinstance(piece, _Run):
                self.builder.add_space()
                continue
            text, start = piece.text, piece.start
            if not started:
                # A block starts at its first word, not at the space after an image.
                text = text.lstrip()
                start += len(piece.text) - len(text)
                started = bool(text)
            self.builder.add(text, start, piece.end)

    def _walk(self, children: list[Token], end: int, pieces: list[_Piece] | None) -> None:
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
                if pieces is not None:
                    pieces.append(_BREAK)
            elif kind == "code_inline":
                self._skip_code(child.markup, end)
                _space(pieces)
            elif kind == "html_inline":
                self._html_inline(child.content, end, pieces)
            elif kind == "link_open":
                opening = self.source.find("[", self.cursor, end)
                if opening >= 0:
                    self.cursor = opening + 1
            elif kind == "link_close":
                self._skip_link_tail(end)
            elif kind == "image":
                opening = self.source.find("![", self.cursor, end)
                if opening >= 0:
                    self.cursor = opening + 2
                # Alt text is not the article's prose; walk it only to move the cursor.
                self._walk(child.children or [], end, None)
                self._skip_link_tail(end)
                _space(pieces)
            # Emphasis and strikethrough markers add nothing: words run on across them.

    def _text(self, content: str, end: int, pieces: list[_Piece] | None) -> None:
        runs = self._locate(content, end)
        if runs is None:
            self.notes.append(
                Note(self.cursor, f"could not place the text {content[:40]!r}: not linted")
            )
        elif pieces is not None:
            pieces.extend(runs)

    def _locate(self, content: str, end: int) -> list[_Run] | None:
        """Find ``content`` at or after the cursor; return it as runs of the original."""
        found = self.source.find(content, self.cursor, end)
        if found >= 0:
            self.cursor = found + len(content)
            return [_Run(content, found)]
        # Table cells hold "\|" as "|": allow a backslash before any character.
        pattern = "".join(r"\\?" + re.escape(char) for char in content)
        match = re.compile(pattern).search(self.source, self.cursor, end)
        if match is None:
            return None
        runs: list[_Run] = []
        position = match.start()
        for char in content:
            if self.source[position] != char:
                position += 1  # the backslash
                runs.append(_Run(char, position))
            elif runs and runs[-1].start + len(runs[-1].text) == position:
                runs[-1] = _Run(runs[-1].text + char, runs[-1].start)
            else:
                runs.append(_Run(char, position))
            position += 1
        self.cursor = match.end()
        return runs

    def _special(self, token: Token, end: int, pieces: list[_Piece] | None) -> None:
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
                pieces.append(_Run(token.content, found + 1 if escaped else found))
            elif content := INVISIBLE.sub("", token.content):
                pieces.append(_Run(content, found, found + len(token.markup)))

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

    def _html_inline(self, content: str, end: int, pieces: list[_Piece] | None) -> None:
        lines = content.split("\n")
        found = self.source.find(lines[0], self.cursor, end)
        if found < 0:
            return
        if content.startswith("<!--"):
            closing = comment_end(self.source, found, end)
            if closing is not None:
                self._comment(found, *closing)
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


def _space(pieces: list[_Piece] | None) -> None:
    if pieces is not None:
        pieces.append(_SPACE)


def _skip_space(source: str, position: int, end: int) -> int:
    while position < end and source[position] in " \t\r\n":
        position += 1
    return position


def _front_matter_field(line: str, *, toml: bool) -> tuple[str, int, str] | None:
    """``(key, value start, value)`` of a ``key: value`` (YAML) or ``key = value`` (TOML)
    line; the value is stripped of spaces and tabs, and empty when there is none."""
    key = _FIELD_KEY.match(line)
    if key is None:
        return None
    separator = _skip_blanks(line, key.end())
    if not line.startswith("=" if toml else ":", separator):
        return None
    value_start = _skip_blanks(line, separator + 1)
    value = line[value_start:].rstrip(" \t")
    if not toml and value and value_start == separator + 1:
        return None  # "key:value" is no YAML mapping
    return key.group(), value_start, value


def _skip_blanks(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip(" \t"))


def _field_value(value: str, *, toml: bool) -> tuple[int, int] | None:
    """The span of a one-line string value inside ``value``, or None for anything else."""
    quote = value[0]
    if quote in "\"'":
        closing = value.find(quote, 1)
        return (1, closing) if closing > 1 else None
    if toml or value.startswith(_YAML_NOT_STRING):
        return None  # an unquoted TOML value is a number, date or boolean, not prose
    comment = value.find(" #")
    return (0, comment if comment >= 0 else len(value))


def _drop_urls(pieces: list[_Piece]) -> list[_Piece]:
    """Replace bare URLs inside text runs by a space."""
    result: list[_Piece] = []
    for piece in pieces:
        if not isinstance(piece, _Run) or not _BARE_URL.search(piece.text):
            result.append(piece)
            continue
        position = 0
        for match in _BARE_URL.finditer(piece.text):
            if match.start() > position:
                result.append(_Run(piece.text[position : match.start()], piece.start + position))
            result.append(_SPACE)
            position = match.end()
        if position < len(piece.text):
            result.append(_Run(piece.text[position:], piece.start + position))
    return result


def _join_hyphenated(pieces: list[_Piece]) -> list[_Piece]:
    """Join a word hyphenated across a soft line break ("report-⏎edly" -> "reportedly")."""
    result: list[_Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        after = pieces[index + 2] if index + 2 < len(pieces) else None
        if (
            isinstance(piece, _Run)
            and isinstance(after, _Run)
            and pieces[index + 1] == _BREAK
            and _ends_hyphenated(piece.text)
            and after.text[:1].islower()
        ):
            result.append(_Run(piece.text[:-1], piece.start))
            index += 2  # drop the hyphen and the break; the next run follows directly
            continue
        result.append(piece)
        index += 1
    return result


def _ends_hyphenated(text: str) -> bool:
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


def _fence_name(marker: str) -> str:
    """A fence as a note names it; a fence of thousands of backticks by its length."""
    return f"'{marker}'" if len(marker) <= 10 else f"{len(marker):,} '{marker[0]}'"
