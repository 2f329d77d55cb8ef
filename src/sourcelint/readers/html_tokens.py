"""Tokenizing HTML: every tag, text run and comment with its offsets in the original.

The standard library's ``html.parser.HTMLParser`` reports each with its line and column,
so each gets exact code-point offsets, and it never raises on broken markup.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from sourcelint.core.document import Note
from sourcelint.readers.comments import comment_end
from sourcelint.readers.html_elements import OPTIONAL_END, RAW_TEXT, VOID

# Elements nested deeper than this are left out of the page Lexbor builds, as Blink's
# parser caps its tree depth at 512: on deep nesting Lexbor's tree building (the "p in
# button scope" look-ups) grows faster than the square of the depth. Their text is kept,
# as the text of the element around them.
_DEEPEST = 512
# A start tag's name: the marker attribute is written right after it.
_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")
# "<" that opens markup; handed over as text, it is a tag the tokenizer could not finish.
_TAG_OPEN = re.compile(r"<[a-zA-Z/!?]")

# An event: its kind, its start and end in the original, and the tag name, the comment's
# body or the unfinished tag's first characters.
START, END, TEXT, COMMENT, BROKEN = range(5)
Event = tuple[int, int, int, str]


class Tokenizer(HTMLParser):
    """Records tags, text runs and comments with their offsets in the original text."""

    def __init__(self, text: str) -> None:
        # Character references arrive as events of their own, each at its own position.
        super().__init__(convert_charrefs=False)
        self.text = text
        # getpos() counts lines by "\n" alone; these starts turn it into an offset.
        self._lines = [0, *(match.end() for match in re.finditer("\n", text))]
        self.events: list[Event] = []
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
        self.events.append((START, start, start + len(raw), tag))
        if tag in RAW_TEXT:
            self._raw_text = tag

    def _nest(self, tag: str, start: int, end: int) -> None:
        if tag in VOID or tag in OPTIONAL_END or tag in RAW_TEXT:
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
        self.events.append((END, start, len(self.text) if end < 0 else end + 1, tag))
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
            self.events.append((BROKEN, start, self._broken_end, self.text[start : start + 30]))
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
        if self.events and self.events[-1][0] == TEXT and self.events[-1][2] == start:
            self.events[-1] = (TEXT, self.events[-1][1], end, "")
        else:
            self.events.append((TEXT, start, end, ""))

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
        self.events.append((COMMENT, start, span[1], data))

    def _unclosed_comment(self, start: int) -> None:
        # A browser reads everything after an unclosed "<!--" as the comment. Tokenizing
        # stops: the standard library would search the rest again at each "<!--" in it.
        self.notes.append(Note(start, "unclosed HTML comment: the rest of the file is not linted"))
        self._stopped = True
        raise _Stop


class _Stop(Exception):
    """Raised to end tokenizing: the rest of the page is inside an unclosed comment."""
