"""Properties of every reader on arbitrary input (issue 11), 2,000 examples each.

For any text: reading raises nothing; blocks are ordered spans of the prose; each prose
character that is not white space maps onto the same character of the original (or onto
the character reference or escape it was decoded from), in order; comments and notes
point into the original; and invisible characters inserted anywhere change nothing but
the positions, which still lead onto the same characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from html import unescape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcelint.core.document import BLOCK_KINDS, Prose, ProseIndex
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.html import read_html
from sourcelint.readers.invisible import INVISIBLE
from sourcelint.readers.line_markers import line_markers
from sourcelint.readers.markdown import read_markdown
from sourcelint.readers.plain import read_plain

SETTINGS = settings(
    max_examples=2000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
INVISIBLE_CHARS = (
    "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069"
)

# Strategies: random Unicode, markup shards, deep nesting and long runs, mixed.

_ANY_TEXT = st.text(max_size=40)
_WORDS = st.sampled_from(["The", "army", "reportedly", "fled", "said", "é", "🙂", "x", "1"])
_MARKDOWN_SHARDS = st.sampled_from(
    [
        *" \t\n\r*_`[]()<>!#-+=|\\&;:\"'~.1",
        "\r\n", "\n\n", "# ", "## ", "> ", "- ", "* ", "1. ", "    ", "```", "~~~", "---\n",
        "+++\n", "title: ", 'title = "', "**", "~~", "[a](http://x.y)", "![alt](i.png)",
        "<http://x.y>", "http://x.y ", "&amp;", "&#121;", "&#x79;", "&shy;", "&#8203;",
        "&nbsp;", "&bogus;", "\\*", "\\|", "<!--", "-->", "--!>", "<!-->", "<!--->",
        "<div>", "</div>", "<br>", "<span>", "| a | b |\n", "|---|---|\n", "\0",
    ]
)  # fmt: skip
_HTML_SHARDS = st.sampled_from(
    [
        *" \t\n\r<>/=\"'&;!-",
        "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<br>", "</br>", "<br/>",
        "<h1>", "</h1>", "<li>", "<ul>", "</ul>", "<table><tr><td>", "</td>", "<td>",
        "<code>", "</code>", "<pre>", "</pre>", "<script>", "</script>", "<style>",
        "</style>", "<template>", "</template>", "<textarea>", "</textarea>", "<title>",
        "<nav>", "</nav>", "<a href='x'>", "</a>", "<img alt='a'>", "<!--", "-->", "--!>",
        "<!-->", "<!--->", "<!doctype html>", "<![CDATA[", "]]>", "<?php ?>", "&amp;",
        "&#121;", "&#x79;", "&shy;", "&#8203;", "&nbsp;", "&bogus;", "&amp", "&#", "\0",
    ]
)  # fmt: skip
_PLAIN_SHARDS = st.sampled_from(
    [*" \t\n\r.,-=", "\r\n", "\n\n", "sourcelint: disable=", "SL204", ", ", " -- ", "--"]
)
_NESTING = {
    "plain": st.sampled_from(["\n", " ", "-"]),
    "markdown": st.sampled_from(["> ", ">", "- ", "* ", "1. ", "  ", "[", "![", "*", "`"]),
    "html": st.sampled_from(["<div>", "<span>", "<ul><li>", "<blockquote>", "</div>", "<b>"]),
}
_SHARDS = {"plain": _PLAIN_SHARDS, "markdown": _MARKDOWN_SHARDS, "html": _HTML_SHARDS}


@st.composite
def _runs(draw: st.DrawFn, reader: str) -> str:
    """One markup token, or word, repeated many times: deep nesting or a long run."""
    piece = draw(_NESTING[reader] | _SHARDS[reader] | _WORDS)
    return piece * draw(st.integers(1, 300))


def documents(reader: str) -> st.SearchStrategy[str]:
    piece = _SHARDS[reader] | _WORDS | _ANY_TEXT | _runs(reader)
    return st.lists(piece, max_size=30).map("".join)


@st.composite
def with_invisible(draw: st.DrawFn, text: str) -> str:
    """``text`` with invisible characters inserted at random places."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(chars)))
        chars.insert(position, draw(st.sampled_from(INVISIBLE_CHARS)))
    return "".join(chars)


# The checks


def check(reader: str, source: str, prose: Prose) -> None:
    """The reader contract, for one text and its prose."""
    text = prose.text
    assert INVISIBLE.search(text) is None
    previous_end = 0
    for start, end in prose.blocks:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    previous = -1
    for index, char in enumerate(text):
        if char.isspace():
            continue  # spaces and block separators stand for markup or line breaks
        first, last = prose.offsets.span_to_original(index, index + 1)
        assert 0 <= first < last <= len(source), (index, char)
        assert _same(reader, source[first:last], char), (index, char, source[first:last])
        assert first >= previous, (index, char)  # in order (a reference may map twice)
        previous = first
    check_way_back(prose)
    for comment in prose.comments:
        written = INVISIBLE.sub("", source[comment.start : comment.end])
        assert written.startswith("<!--")
        assert comment.body in written
    for note in prose.notes:
        assert 0 <= note.offset <= len(source)


def check_way_back(prose: Prose) -> None:
    """What a reader sees, found again from the original: each block's kind is known,
    each block maps back onto itself and each character that is not white space onto a
    span holding it (itself, or the whole decoded reference it is part of)."""
    assert len(prose.kinds) in (0, len(prose.blocks))
    assert set(prose.kinds) <= BLOCK_KINDS
    index = ProseIndex(prose)
    for start, end in prose.blocks:
        assert index.span(*prose.offsets.span_to_original(start, end)) == (start, end)
    shown = {position for start, end in prose.blocks for position in range(start, end)}
    for position, char in enumerate(prose.text):
        if position in shown and not char.isspace():
            original = prose.offsets.span_to_original(position, position + 1)
            first, last = index.span(*original)
            assert first <= position < last, (position, char)
            assert prose.offsets.span_to_original(first, last) == original, (position, char)


def _same(reader: str, original: str, char: str) -> bool:
    """Whether a prose character is the original text it maps onto."""
    original = INVISIBLE.sub("", original)  # inside a reference, say
    if original == char:
        return True
    if reader == "markdown" and (original, char) == ("\0", "\ufffd"):
        return True  # markdown-it reads NUL as the replacement character
    # A character reference, decoded (markdown-it and html.unescape share the tables).
    return original.startswith("&") and char in unescape(original)


def read_twice(reader: str, read: Callable[[str], Prose], text: str, noisy: str) -> None:
    """Read ``text`` and ``noisy`` (it with invisible characters): same prose, and each
    mapped onto its own original."""
    prose = read(text)
    check(reader, text, prose)
    noisy_prose = read(noisy)
    check(reader, noisy, noisy_prose)
    assert noisy_prose.text == prose.text
    assert noisy_prose.blocks == prose.blocks
    assert [note.message for note in noisy_prose.notes] == [note.message for note in prose.notes]
    for index in range(len(prose.text)):
        clean = prose.offsets.to_original(index)
        if clean < len(text):
            noisy_offset = noisy_prose.offsets.to_original(index)
            assert noisy[noisy_offset] == text[clean]


_READERS: dict[str, Callable[[str], Prose]] = {
    "plain": read_plain,
    "markdown": lambda text: read_markdown(text, ReaderOptions(front_matter_fields=("title",))),
    "html": read_html,
}


@SETTINGS
@pytest.mark.parametrize("reader", sorted(_READERS))
@given(data=st.data())
def test_reader_properties(reader: str, data: st.DataObject) -> None:
    text = data.draw(documents(reader))
    read_twice(reader, _READERS[reader], text, data.draw(with_invisible(text)))


# The line marker reads as the regular expression it replaced, on short lines.


@cache
def _old_marker(prefix: str) -> re.Pattern[str]:
    space = r"[^\S\r\n]*"
    head = re.escape(prefix.rstrip("=").rstrip()).replace(r"\ ", space) + space + "="
    return re.compile(
        head + rf"(?P<codes>[\w,-]*(?:{space},{space}[\w-]+)*)"
        rf"{space}(?:--{space}(?P<reason>[^\r\n]*?))?{space}$"
    )


_MARKER_PIECES = st.sampled_from(
    [
        *("sourcelint: disable=", "sourcelint:disable =", "lint: off=", "=", " ", "\t"),
        *("\u3000", ",", "-", "--", "a", "SL204", "x y", "!", "é", "_"),
    ]
)


@SETTINGS
@given(
    st.lists(_MARKER_PIECES, max_size=14).map("".join),
    st.sampled_from(["sourcelint: disable=", "lint: off="]),
)
def test_line_markers_read_as_the_old_pattern(line: str, marker: str) -> None:
    old = _old_marker(marker).search(line)
    found = list(line_markers(line, marker))
    expected = [] if old is None else [(old.start(), old["codes"], old["reason"] or None)]
    assert [(m.start, m.codes, m.reason) for m in found] == expected
