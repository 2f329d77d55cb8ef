"""Readers turn a file's text into prose to analyse plus a map back to the file."""

from __future__ import annotations

from sourcelint.readers.base import OffsetMap, Prose
from sourcelint.readers.plain import read_plain

READERS = {"plain": read_plain}


def reader_for(path: str) -> str:
    """The reader a file name calls for (plain text until markup readers exist)."""
    return "plain"


def read_prose(text: str, reader: str = "plain") -> Prose:
    """Run the named reader over decoded file text."""
    return READERS[reader](text)


__all__ = ["OffsetMap", "Prose", "read_prose", "reader_for"]
