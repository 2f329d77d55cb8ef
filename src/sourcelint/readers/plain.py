"""Plain text: paragraphs are separated by blank lines; offsets are the file's own."""

from __future__ import annotations

import re

from sourcelint.core.document import Prose
from sourcelint.readers.invisible import without_invisible
from sourcelint.readers.line_markers import DEFAULT_LINE_MARKER, line_markers

# A blank line: a line break, then any number of whitespace-only lines.
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)\s*")


@without_invisible
def read_plain(text: str, line_marker: str = DEFAULT_LINE_MARKER) -> Prose:
    """Split plain text into paragraph blocks; the prose is the text itself, less the
    inline suppression markers (blanked, so offsets stay the file's own)."""
    text = _blank_markers(text, line_marker)
    blocks = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_block(blocks, text, start, match.start())
        start = match.end()
    _append_block(blocks, text, start, len(text))
    return Prose(text=text, blocks=tuple(blocks))


def _blank_markers(text: str, line_marker: str) -> str:
    parts = []
    position = 0
    for marker in line_markers(text, line_marker):
        parts.append(text[position : marker.start])
        parts.append(" " * (marker.end - marker.start))
        position = marker.end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _append_block(blocks: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        blocks.append((start + lead, start + lead + len(stripped)))
