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
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from sourcelint.core.document import Comment, Note, Prose
from sourcelint.core.errors import ConfigError
from sourcelint.readers.base import ProseBuilder, ReaderOptions, block_kind
from sourcelint.readers.comments import comment_end
from sourcelint.readers.invisible import INVISIBLE, without_invisible

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
# Elements whose end tag may be left out: the next sibling closes them, so they do not
# count towards the nesting depth.
_OPTIONAL_END = frozenset(
    {
        "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option",
        "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
    }
)  # fmt: skip
# Elements nested deeper than this are left out of the page Lexbor builds, as Blink's
# parser caps its tree depth at 512: on deep nesting Lexbor's tree building (the "p in
# button scope" look-ups) grows faster than the square of the depth. Their text is kept,
# as the text of the element around them.
_DEEPEST = 512
# The attribute that ties an element of Lexbor's tree to its start tag in the source.
_MARK = "data-sourcelint-tag"
# Parent of an element whose nearest marked ancestor is the (possibly implied) body.
_ROOT = -1
# A character reference, as ``html.unescape`` finds them (the HTML5 rules).
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")
# "<" that opens markup; handed over as text, it is a tag the tokenizer could not finish.
_TAG_OPEN = re.compile(r"<[a-zA-Z/!?]")

_START, _END, _TEXT, _COMMENT, _BROKEN = range(5)
_Event = tuple[int, int, int, str]


@without_invisible
def read_html(text: str, options: ReaderOptions | None = None) -> Prose:
    """Read an HTML document or fragment: the body's prose, one block per paragraph,
    heading, list item or table cell; code, scripts and site furniture skipped."""
    options = options or ReaderOptions()
    tokens = _Tokenizer(text)
    tokens.run()
    structure = _structure(_marked(text, tokens.start_tags, tokens.too_deep), options)
    walker = _Walker(text, structure, frozenset(tokens.too_deep))
    walker.notes.extend(tokens.notes)
    if options.content_selector and not structure.content_found:
        message = f"content selector {options.content_selector!r} matches nothing: not linted"
        walker.notes.append(Note(0, message))
    return walker.walk(tokens.events)


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
        # Start tags nested too deep for Lexbor: their index, and where each tag ends.
        self.too_deep: dict[int, int] = {}
        # The nesting depth, counted from start and end tags: an estimate, on the high
        # side, since misnested and unclosed elements are still counted.
        self._depth = 0
        self._open_tags: Counter[str] = Counter()
        self.notes: list[Note] = []
        self._raw_text: str | None = None
        self._stopped = False
        self._broken_end = 0

    def run(self) -> None:
        # All markup ends with a ">": after the last one, a "<" can only open a tag or
        # comment that never ends. The standard library scans the rest of the page
        # again for each such "<" (quadratic; fixed in Python 3.13.5); that tail is read
        # here, in one pass.
        cut = self.text.rfind(">") + 1
        try:
            self.feed(self.text[:cut])
            self.close()
            self._tail(cut)
        except _Stop:
            pass
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
        self._nest(tag, start, start + len(raw))
        self.start_tags.append((start, len(name.group(1)) if name else 0))
        self.events.append((_START, start, start + len(raw), tag))
        if tag in _RAW_TEXT:
            self._raw_text = tag

    def _nest(self, tag: str, start: int, end: int) -> None:
        if tag in _VOID or tag in _OPTIONAL_END or tag in _RAW_TEXT:
            return
        if self._depth < _DEEPEST:
            self._depth += 1
            self._open_tags[tag] += 1
            return
        if not self.too_deep:
            message = f"elements nested deeper than {_DEEPEST}: their tags are ignored"
            self.notes.append(Note(start, message))
        self.too_deep[len(self.start_tags)] = end

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores the slash of a non-void element: "<div/>" opens a div, as in browsers.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._stopped:
            return
        start = self._here()
        end = self.text.find(">", start)
        self.events.append((_END, start, len(self.text) if end < 0 else end + 1, tag))
        if self._open_tags[tag]:
            self._open_tags[tag] -= 1
            self._depth -= 1
        if tag == self._raw_text:
            self._raw_text = None

    def _tail(self, start: int) -> None:
        """The text after the last ">": text, then from a "<" opening markup, if any,
        what an unfinished tag or comment hides."""
        end = len(self.text)
        opening = _TAG_OPEN.search(self.text, start) if self._raw_text is None else None
        if opening is not None and opening.start() > start:
            self._data(start, opening.start())
        self._data(start if opening is None else opening.start(), end)

    def handle_data(self, data: str) -> None:
        start = self._here()
        self._data(start, start + len(data))

    def _data(self, start: int, end: int) -> None:
        if self._stopped or start >= end:
            return
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

    def parse_comment(self, i: int, report: bool = True) -> int:
        """Where a comment opened at ``i`` ends, by the HTML spec's comment states (the
        standard library's own rule, before Python 3.13.4, misses ``<!-->``, ``<!--->``
        and ``--!>``): -1 while it is unclosed."""
        span = comment_end(self.rawdata, i)
        if span is None:
            return -1
        if report:
            self.handle_comment(self.rawdata[i + 4 : span[0]])
        return span[1]

    def handle_comment(self, data: str) -> None:
        if self._stopped or self._raw_text:
            return  # "<!--" inside <textarea> or <title> is text, not a comment
        start = self._here()
        if not self.text.startswith("<!--", start):
            return  # "<!x>", "</ x>": bogus comments, not "<!-- … -->"
        span = comment_end(self.text, start)
        if span is None:
            self._unclosed_comment(start)
            return
        self.events.append((_COMMENT, start, span[1], data))

    def _unclosed_comment(self, start: int) -> None:
        # A browser reads everything after an unclosed "<!--" as the comment. Tokenizing
        # stops: the standard library would search the rest again at each "<!--" in it.
        self.notes.append(Note(start, "unclosed HTML comment: the rest of the file is not linted"))
        self._stopped = True
        raise _Stop


class _Stop(Exception):
    """Raised to end tokenizing: the rest of the page is inside an unclosed comment."""


def _marked(text: str, start_tags: list[tuple[int, int]], too_deep: dict[int, int]) -> str:
    """The page with a marker attribute, numbering the start tags, after each tag name;
    the tags nested too deep are left out."""
    parts = []
    position = 0
    for index, (start, name_length) in enumerate(start_tags):
        if index in too_deep:
            parts.append(text[position:start])
            position = too_deep[index]
            continue
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
class _Walker:
    """Walks the tokens in source order, keeping the open elements as Lexbor nests them,
    and copies the text of prose elements into the builder."""

    text: str
    structure: _Structure
    # Start tags left out of Lexbor's page for nesting too deep: a block one still ends
    # the block.
    too_deep: frozenset[int] = frozenset()
    builder: ProseBuilder = field(default_factory=ProseBuilder)
    stack: list[_Open] = field(default_factory=list)
    # Open elements by tag name: a stray end tag is known for one without a scan.
    open_tags: Counter[str] = field(default_factory=Counter)
    # Stack positions of the open elements that Lexbor placed, by start-tag index.
    positions: dict[int, int] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
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
        return self.builder.build(tuple(self.comments), tuple(self.notes))

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
        if tag in _VOID:
            return
        invisible = tag in _INVISIBLE or top.invisible
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
        if parent == _ROOT:
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
            self.notes.append(Note(element.start, message))

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
        self.builder.end_block(block_kind([element.tag for element in self.stack]))
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
