"""Readers turn a file's text into prose to analyse plus a map back to the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from sourcelint.readers.base import OffsetMap, Prose, ReaderOptions
from sourcelint.readers.plain import read_plain


def _read_plain(text: str, options: ReaderOptions) -> Prose:
    return read_plain(text)


def _read_markdown(text: str, options: ReaderOptions) -> Prose:
    # Imported on use: the module is light, but markdown-it is imported inside it anyway.
    from sourcelint.readers.markdown import read_markdown

    return read_markdown(text, options)


READERS: dict[str, Callable[[str, ReaderOptions], Prose]] = {
    "plain": _read_plain,
    "markdown": _read_markdown,
}

# File extensions (lower case) of the markup readers; anything else is plain text.
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
}


def reader_for(path: str) -> str:
    """The reader a file name calls for, by extension; plain text by default."""
    return _EXTENSIONS.get(PurePath(path).suffix.lower(), "plain")


def read_prose(text: str, reader: str = "plain", options: ReaderOptions | None = None) -> Prose:
    """Run the named reader over decoded file text."""
    return READERS[reader](text, options or ReaderOptions())


__all__ = ["READERS", "OffsetMap", "Prose", "ReaderOptions", "read_prose", "reader_for"]
