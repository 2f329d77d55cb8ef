"""HTML: the prose of a page's body, mapped back to the exact characters of the source.

Two parsers, each doing what it does best:

- The standard library's ``html.parser.HTMLParser`` tokenizes. It reports every tag, text
  run, character reference and comment with its line and column, so each gets exact
  code-point offsets in the original, and it never raises on broken markup.
- selectolax (Cython bindings to Lexbor, a maintained C engine that follows the WHATWG
  parsing algorithm) builds the tree a browser would build and matches CSS selectors:
  furniture to skip and the content element. Lexbor does not expose source positions, so
  the copy of the page handed to it carries a marker attribute in every start tag the
  tokenizer saw. A selector match then leads back to the tag in the source, and each
  element's parent in Lexbor's tree tells the walk where elements close without an end
  tag (``<p>a<div>``, ``<li>a<li>``), as a browser would close them.

Measured on a 170 KB article page of 400 paragraphs (one core of the project machine):
tokenizing 21 ms, Lexbor's parse, selectors and tree walk 8 ms, the whole reader 48 ms,
while spaCy's fast tier takes 230 ms over the same prose: the reader is not the
bottleneck. Alone, justhtml (pure Python, 33 ms to parse the same page) gives only the
start of each text node, merged across ignored tags; html5lib is slower and
unmaintained; lxml gives line numbers without columns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from sourcelint.errors import ConfigError
from sourcelint.readers.base import Comment, Note, OffsetMap, Prose, ProseBuilder, ReaderOptions

if TYPE_CHECKING:
    from collections.abc import Iterator

    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose text is never prose: code, scripts, form widgets, embedded documents,
# and the title, which a browser shows in no page even when it stands in the body.
NON_PROSE = (
    "script", "style", "template", "title", "code", "pre", "noscript", "kbd", "samp", "xmp",
    "listing", "plaintext", "textarea", "select", "iframe", "noembed", "noframes",
    "object", "svg", "math",
)  # fmt: skip
# Of those, the ones a reader never sees: their text stands for nothing, not even a space.
_INVISIBLE = frozenset({"script", "style", "template", "title"})
# Elements whose content is text to the end tag, in a browser and, in part, in html.parser
# (script and style; newer Pythons add more): a "<" inside them opens no tag.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
# Elements that end a block: no sentence runs across their start or end tags.
BLOCK = frozenset(
    {
        "address", "article", "aside", "audio", "blockquote", "body", "canvas", "caption",
        "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "iframe", "legend", "li", "listing",
        "main", "menu", "nav", "noscript", "ol", "optgroup", "option", "p", "plaintext",
        "pre", "search", "section", "select", "summary", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "video", "xmp",
    }
)  # fmt: skip
# Elements that have no end tag and hold no text.
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
# The attribute that ties an element of Lexbor's tree to its start tag in the source.
_MARK = "data-sourcelint-tag"
# Parent of an element whose nearest marked ancestor is the (possibly implied) body.
_ROOT = -1
# A character reference, as ``html.unescape`` finds them (the HTML5 rules).
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# Characters that only hint at line breaking or encoding; kept, they would split a word
# ("report&shy;edly") or open a block with an invisible character (a byte-order mark).
_INVISIBLE_CHARS = re.compile("[\u00ad\u200b\u2060\ufeff]")
_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")
# "<" that opens markup; handed over as text, it is a tag the tokenizer could not finish.
_TAG_OPEN = re.compile(r"<[a-zA-Z/!?]")
_COMMENT_CLOSE = re.compile(r"--!?\s*>|-?>")

_START, _END, _TEXT, _COMMENT, _BROKEN = range(5)
_Event = tuple[int, int, int, str]


def read_html(text: str, options: ReaderOptions | None = None) -> Prose:
    """Read an HTML document or fragment: the body's prose, one block per paragraph,
    heading, list item or table cell; code, scripts and site furniture skipped."""
    options = options or ReaderOptions()
    tokens = _Tokenizer(text)
    tokens.run()
    structure = _structure(_marked(text, tokens.start_tags), options)
    walker = _Walker(text, structure)
    walker.notes.extend(tokens.notes)
    if options.content_selector and not structure.content_found:
        message = f"content selector {options.content_selector!r} matches nothing: not linted"
        walker.notes.append(Note(0, message))
    return walker.walk(tokens.events)


@dataclass(frozen=True, slots=True)
class ReferenceMap(OffsetMap):
    """The builder's map, widened over character references.

    A reference (``&amp;``) is one prose character for several source characters; a span
    that starts or ends inside one is widened to cover the whole ``&…;`` text.
    """

    references: tuple[tuple[int, int], ...] = ()

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        first, last = OffsetMap.span_to_original(self, start, end)
        if end <= start:
            return first, last
        return self._widen(first)[0], self._widen(last - 1)[1]

    def _widen(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.references, (offset, float("inf"))) - 1
        if index >= 0 and self.references[index][0] <= offset < self.references[index][1]:
            return self.references[index]
        return offset, offset + 1


# Tokenizing


class _Tokenizer(HTMLParser):
    """Records tags, text runs and comments with their offsets in the original text."""

    def __init__(self, text: str) -> None:
        # Character references arrive as events of their own, each at its own position.
        super().__init__(convert_charrefs=False)
        self.text = text
        # getpos() counts lines by "\n" alone; these starts turn it into an offset.
        self._lines = [0, *(match.end() for match in re.finditer("\n", text))]
        self.events: list[_Event] = []
        self.start_tags: list[tuple[int, int]] = []  # (offset of "<", length of the name)
        self.notes: list[Note] = []
        self._raw_text: str | None = None
        self._stopped = False
        self._broken_end = 0

    def run(self) -> None:
        try:
            self.feed(self.text)
            self.close()
        except Exception as error:  # the tokenizer is lenient; never let a page crash a run
            where = self._here()
            self.notes.append(Note(where, f"HTML tokenizer stopped ({error}): rest not linted"))

    def _here(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._stopped:
            return
        start = self._here()
        raw = self.get_starttag_text() or ""
        name = _TAG_NAME.match(raw)
        self.start_tags.append((start, len(name.group(1)) if name else 0))
        self.events.append((_START, start, start + len(raw), tag))
        if tag in _RAW_TEXT:
            self._raw_text = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores the slash of a non-void element: "<div/>" opens a div, as in browsers.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._stopped:
            return
        start = self._here()
        end = self.text.find(">", start)
        self.events.append((_END, start, len(self.text) if end < 0 else end + 1, tag))
        if tag == self._raw_text:
            self._raw_text = None

    def handle_data(self, data: str) -> None:
        if self._stopped:
            return
        start = self._here()
        end = start + len(data)
        if start < self._broken_end:
            start = self._broken_end  # the rest of a tag that could not be read
            if start >= end:
                return
        elif self._raw_text is None and _TAG_OPEN.match(self.text, start):
            # The tokenizer hands over a tag or comment it could not finish as text.
            if self.text.startswith("<!--", start):
                self._unclosed_comment(start)
                return
            close = self.text.find(">", start)
            self._broken_end = len(self.text) if close < 0 else close + 1
            self.events.append((_BROKEN, start, self._broken_end, self.text[start : start + 30]))
            if end <= self._broken_end:
                return
            start = self._broken_end
        self._text(start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(len("&") + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(len("&#") + len(name))

    def _reference(self, length: int) -> None:
        if self._stopped:
            return
        start = self._here()
        end = start + length
        self._text(start, end + 1 if self.text.startswith(";", end) else end)

    def _text(self, start: int, end: int) -> None:
        # A run of text and references is one event: the decoder sees it whole.
        if self.events and self.events[-1][0] == _TEXT and self.events[-1][2] == start:
            self.events[-1] = (_TEXT, self.events[-1][1], end, "")
        else:
            self.events.append((_TEXT, start, end, ""))

    def handle_comment(self, data: str) -> None:
        if self._stopped or self._raw_text:
            return  # "<!--" inside <textarea> or <title> is text, not a comment
        start = self._here()
        if not self.text.startswith("<!--", start):
            return  # "<!x>", "</ x>": bogus comments, not "<!-- … -->"
        body_end = start + 4 + len(data)
        close = _COMMENT_CLOSE.match(self.text, body_end)
        if close is None or body_end >= len(self.text):
            self._unclosed_comment(start)
            return
        self.events.append((_COMMENT, start, close.end(), data))

    def _unclosed_comment(self, start: int) -> None:
        # A browser reads everything after an unclosed "<!--" as the comment.
        self.notes.append(Note(start, "unclosed HTML comment: the rest of the file is not linted"))
        self._stopped = True


def _marked(text: str, start_tags: list[tuple[int, int]]) -> str:
    """The page with a marker attribute, numbering the start tags, after each tag name."""
    parts = []
    position = 0
    for index, (start, name_length) in enumerate(start_tags):
        cut = start + 1 + name_length
        parts.append(text[position:cut])
        parts.append(f' {_MARK}="{index}"')
        position = cut
    parts.append(text[position:])
    return "".join(parts)


# The tree: what Lexbor says about each start tag


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an element stands in Lexbor's tree: its nearest marked ancestor (``_ROOT``
    for the body) and whether its text is skipped or inside the content element."""

    parent: int | None
    skip: bool
    content: bool


@dataclass(frozen=True, slots=True)
class _Structure:
    places: dict[int, _Place]
    root: _Place
    content_found: bool


def _structure(marked: str, options: ReaderOptions) -> _Structure:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(marked)
    skip = _matches(tree, (", ".join(NON_PROSE),), None)
    skip |= _matches(tree, options.skip_selectors, "readers.html-skip")
    content: set[int] | None = None
    if options.content_selector:
        content = _matches(tree, (options.content_selector,), "readers.html-content")
    places: dict[int, _Place] = {}
    # Flags by node, filled in document order, so a parent is always there before its child.
    flags: dict[int, tuple[int | None, bool, bool]] = {}
    root = _Place(_ROOT, False, content is None)
    html = tree.root
    if html is None:
        return _Structure(places, root, False)
    for node in html.traverse():
        if not node.is_element_node:
            continue  # comments: they hold no elements
        parent = node.parent
        anchor, skipped, inside = flags.get(parent.mem_id, (None, False, content is None))
        node_id = node.mem_id
        skipped = skipped or node_id in skip or node.tag == "head"
        inside = inside or (content is not None and node_id in content)
        mark = node.attrs.get(_MARK)
        if mark is not None and mark.isdigit():
            places.setdefault(int(mark), _Place(anchor, skipped, inside))
            anchor = int(mark)
        elif node.tag in ("html", "body"):
            anchor = _ROOT
        flags[node_id] = (anchor, skipped, inside)
    body = tree.body
    if body is not None and body.mem_id in flags:
        _, skipped, inside = flags[body.mem_id]
        root = _Place(_ROOT, skipped, inside)
    return _Structure(places, root, bool(content))


def _matches(tree: LexborHTMLParser, selectors: tuple[str, ...], key: str | None) -> set[int]:
    """The nodes (by ``mem_id``) that any of ``selectors`` matches."""
    from selectolax.lexbor import SelectolaxError

    found: set[int] = set()
    for selector in selectors:
        try:
            nodes: list[LexborNode] = tree.css(selector)
        except SelectolaxError as error:
            raise ConfigError(f"invalid CSS selector {selector!r}", key=key) from error
        found.update(node.mem_id for node in nodes)
    return found


# Walking the tokens


@dataclass(slots=True)
class _Open:
    """An element open during the walk."""

    tag: str
    index: int | None
    start: int
    skip: bool
    content: bool
    invisible: bool
    # Skipped here and not by an ancestor: the element to name if it is never closed.
    skip_root: bool = False
    skipped_text: bool = False


@dataclass
class _Walker:
    """Walks the tokens in source order, keeping the open elements as Lexbor nests them,
    and copies the text of prose elements into the builder."""

    text: str
    structure: _Structure
    builder: ProseBuilder = field(default_factory=ProseBuilder)
    stack: list[_Open] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    references: list[tuple[int, int]] = field(default_factory=list)
    _open: bool = False  # a block has text in it
    _after_break: bool = False  # a <br> and nothing but white space since
    _start_index: int = 0

    def walk(self, events: list[_Event]) -> Prose:
        for kind, start, end, value in events:
            if kind == _TEXT:
                self._text(start, end)
            elif kind == _START:
                self._start_tag(value, start)
            elif kind == _END:
                self._end_tag(value)
            elif kind == _COMMENT:
                self.comments.append(Comment(start, end, value))
            else:
                self._end_block()
                self.notes.append(Note(start, f"unfinished tag {value!r}: not linted"))
        self._unclosed()
        prose = self.builder.build(tuple(self.comments), tuple(self.notes))
        offsets = ReferenceMap(prose.offsets.segments, tuple(self.references))
        return replace(prose, offsets=offsets)

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
                self.stack.append(_Open(tag, None, start, True, top.content, top.invisible))
            # Otherwise Lexbor ignored the tag (a stray <td>, a second <body>): so do we.
            return
        if place.parent is not None:
            self._close_to(place.parent)
            top = self.stack[-1] if self.stack else self._root()
        if tag in BLOCK:
            self._end_block()
        if tag == "br":
            self._line_break()
        if tag in _VOID:
            return
        invisible = tag in _INVISIBLE or top.invisible
        skip_root = place.skip and not top.skip
        self.stack.append(_Open(tag, index, start, place.skip, place.content, invisible, skip_root))

    def _end_tag(self, tag: str) -> None:
        if tag == "br":  # browsers read "</br>" as "<br>"
            self._line_break()
            return
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position].tag == tag:
                self._pop(position)
                return
        # A stray end tag closes nothing, in a browser as here; a stray </p> opens and
        # closes an empty paragraph.
        if tag == "p":
            self._end_block()

    def _close_to(self, parent: int) -> None:
        """Close what Lexbor closed before opening a child of ``parent``."""
        stack = self.stack
        if parent == _ROOT:
            keep = 0
            while keep < len(stack) and stack[keep].tag in ("html", "body"):
                keep += 1
        else:
            keep = next(
                (i + 1 for i in range(len(stack) - 1, -1, -1) if stack[i].index == parent), -1
            )
            if keep < 0:
                return
        self._pop(keep)

    def _pop(self, position: int) -> None:
        """Close the open elements from ``position`` up; a closed block ends the block."""
        if any(element.tag in BLOCK for element in self.stack[position:]):
            self._end_block()
        del self.stack[position:]

    def _root(self) -> _Open:
        """The (possibly implied) body, below every element of the stack."""
        root = self.structure.root
        return _Open("body", None, 0, root.skip, root.content, False)

    def _unclosed(self) -> None:
        for element in self.stack:
            if element.tag in ("script", "style"):
                message = f"unclosed <{element.tag}>: the rest of the file is not linted"
            elif element.skip_root and element.skipped_text:
                message = f"<{element.tag}> is never closed: the text after it is not linted"
            else:
                continue
            self.notes.append(Note(element.start, message))

    # Text

    def _text(self, start: int, end: int) -> None:
        element = self.stack[-1] if self.stack else self._root()
        if element.skip or not element.content:
            if not self.text[start:end].isspace():
                if not element.invisible:
                    # Skipped words (code, a caption inline) still stand between two words.
                    self.builder.add_space()
                for open_element in reversed(self.stack):
                    if open_element.skip_root:
                        open_element.skipped_text = True
                        break
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
        self.builder.add(piece, start)
        if reference is not None:
            self.references.append(reference)
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
        self.builder.end_block()
        self._open = False
        self._after_break = False


def _decode(text: str, start: int, end: int) -> Iterator[tuple[str, int, tuple[int, int] | None]]:
    """The decoded pieces of ``text[start:end]``: ``(piece, original start, reference
    span or None)``; literal text maps one for one, a reference to its whole span."""
    position = start
    for match in _REFERENCE.finditer(text, start, end):
        yield from _literal(text, position, match.start())
        decoded = _INVISIBLE_CHARS.sub("", unescape(match.group()))
        if decoded:
            yield decoded, match.start(), (match.start(), match.end())
        position = match.end()
    yield from _literal(text, position, end)


def _literal(text: str, start: int, end: int) -> Iterator[tuple[str, int, None]]:
    position = start
    for match in _INVISIBLE_CHARS.finditer(text, start, end):
        if match.start() > position:
            yield text[position : match.start()], position, None
        position = match.end()
    if end > position:
        yield text[position:end], position, None
