"""Readers turn a file's text into prose to analyse plus a map back to the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from sourcelint.core.document import OffsetMap, Prose
from sourcelint.readers.base import ReaderOptions
from sourcelint.readers.directives import read_directives

# markdown-it itself is imported only when a Markdown file is read: start-up stays fast.
from sourcelint.readers.markdown import read_markdown
from sourcelint.readers.plain import read_plain


def _read_plain(text: str, options: ReaderOptions) -> Prose:
    return read_plain(text, options.line_marker)


def _read_html(text: str, options: ReaderOptions) -> Prose:
    # Imported on use: the HTML parsers (html.parser, selectolax) cost start-up time.
    from sourcelint.readers.html import read_html

    return read_html(text, options)


READERS: dict[str, Callable[[str, ReaderOptions], Prose]] = {
    "plain": _read_plain,
    "markdown": read_markdown,
    "html": _read_html,
}

# File extensions (lower case) of the markup readers; anything else is plain text. MDX is
# CommonMark with JSX blocks, which the Markdown reader skips as it skips HTML blocks.
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
}
# Markup no reader reads: as plain text, its syntax would be linted as prose. Files of
# these kinds are skipped unless ``[readers] extensions`` names a reader for them.
UNREAD_FORMATS = {
    ".rst": "reStructuredText",
    ".rest": "reStructuredText",
    ".adoc": "AsciiDoc",
    ".asciidoc": "AsciiDoc",
    ".tex": "LaTeX",
    ".org": "Org",
}


def reader_for(path: str) -> str:
    """The reader a file name calls for, by extension; plain text by default."""
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "plain")


def unread_format(path: str) -> str | None:
    """The name of the markup a file name says it holds, when no reader reads it."""
    return UNREAD_FORMATS.get(PurePath(path).suffix.lower())


def read_prose(text: str, reader: str = "plain", options: ReaderOptions | None = None) -> Prose:
    """Run the named reader over decoded file text, and read its inline directives (line
    markers in plain text only)."""
    options = options or ReaderOptions()
    prose = READERS[reader](text, options)
    marker = options.line_marker if reader == "plain" else None
    directives = read_directives(text, prose.comments, marker)
    return replace(prose, directives=directives) if directives else prose


__all__ = [
    "READERS", "UNREAD_FORMATS", "OffsetMap", "Prose", "ReaderOptions", "read_prose",
    "reader_for", "unread_format",
]  # fmt: skip
