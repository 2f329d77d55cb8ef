"""Plain-text suppression markers at the end of a line: ``sourcelint: disable=CODES``.

The marker is literal text, never a pattern, found by plain string search: linear in
the text whatever the marker and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sourcelint.core.errors import ConfigError

DEFAULT_LINE_MARKER = "sourcelint: disable="
_LINE = re.compile(r"[^\r\n]+")
_CODE_CHARS = re.compile(r"[\w,-]*")
_CODE_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class LineMarker:
    """A plain-text suppression marker at ``[start, end)`` of the text (to its line end)."""

    start: int
    end: int
    codes: str
    reason: str | None


def check_line_marker(marker: str) -> None:
    """Refuse a marker that could never be found, or that any "=" would be."""
    key = "readers.line-marker"
    if "\n" in marker or "\r" in marker:
        raise ConfigError("a line marker must stand on one line", key=key)
    if not _marker_words(marker):
        raise ConfigError("a line marker needs text before its '='", key=key)


def _marker_words(marker: str) -> list[str]:
    # A space in the marker matches any horizontal white space, or none.
    return marker.rstrip().rstrip("=").split()


def line_markers(text: str, marker: str = DEFAULT_LINE_MARKER) -> Iterator[LineMarker]:
    """The markers ``<marker>CODES [-- reason]`` that end a line, at most one a line.

    The marker is literal text, never a pattern, and the scan is plain string search:
    linear in the text whatever the marker and the line.
    """
    words = _marker_words(marker)
    if not words or "\n" in marker or "\r" in marker:
        return
    for line in _LINE.finditer(text):
        found = _marker_in_line(text, line.start(), line.end(), words)
        if found is not None:
            yield found


def _marker_in_line(text: str, start: int, end: int, words: list[str]) -> LineMarker | None:
    """The leftmost marker of the line ``text[start:end]`` followed by codes only."""
    position = start
    while (found := text.find(words[0], position, end)) >= 0:
        head_end = _match_head(text, found, end, words)
        tail = None if head_end is None else _tail(text, head_end, end)
        if tail is not None:
            return LineMarker(found, end, *tail)
        position = found + 1
    return None


def _match_head(text: str, position: int, end: int, words: list[str]) -> int | None:
    """Where the marker's words, the white space between them and its "=" end."""
    for index, word in enumerate(words):
        if index:
            position = _skip_space(text, position, end)
        if not text.startswith(word, position, end):
            return None
        position += len(word)
    position = _skip_space(text, position, end)
    return position + 1 if text.startswith("=", position, end) else None


def _tail(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    r"""The codes and reason after a marker's "=", if nothing else follows on the line.

    Codes are a run of words, hyphens and commas, then ", code" items with white space
    allowed around the comma; a reason follows "--". The codes are read the way the
    regular expression ``[\w,-]*(?:\s*,\s*[\w-]+)*`` backtracks (a "--" inside them may
    start the reason), without its quadratic worst case.
    """
    run_end = _CODE_CHARS.match(text, start, end).end()  # type: ignore[union-attr]
    chains = [run_end]
    if run_end > start and text[run_end - 1] == ",":
        chains.append(run_end - 1)  # the run may give its last comma to the items
    for chain in chains:
        for codes_end in _item_ends(text, chain, end):
            reason = _reason_after(text, codes_end, end)
            if reason is not None:
                return text[start:codes_end], reason or None
        if chain == run_end and (reason := _reason_after(text, run_end, end)) is not None:
            return text[start:run_end], reason or None
    split = text.rfind("--", start, run_end)
    return None if split < 0 else (text[start:split], text[split + 2 : end].strip() or None)


def _item_ends(text: str, position: int, end: int) -> Iterator[int]:
    """Where the ", code" items from ``position`` may end, last first: each item's end,
    then each "--" inside its word (the reason's start)."""
    words = []
    while (word := _spaced_code(text, position, end)) is not None:
        words.append(word)
        position = word[1]
    for word_start, word_end in reversed(words):
        yield word_end
        split = text.rfind("--", word_start + 1, word_end)
        while split > word_start:
            yield split
            split = text.rfind("--", word_start + 1, split + 1)


def _reason_after(text: str, position: int, end: int) -> str | None:
    """The reason if only white space, or "--" and a reason, follow: "" for none."""
    position = _skip_space(text, position, end)
    if position == end:
        return ""
    return text[position + 2 : end].strip() if text.startswith("--", position, end) else None


def _spaced_code(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The word of ``, code`` (white space allowed around the comma) at ``position``."""
    comma = _skip_space(text, position, end)
    if not text.startswith(",", comma, end):
        return None
    word = _CODE_WORD.match(text, _skip_space(text, comma + 1, end), end)
    return None if word is None else word.span()


def _skip_space(text: str, position: int, end: int) -> int:
    """Past the horizontal white space at ``position`` (a line holds no line break)."""
    while position < end and text[position].isspace():
        position += 1
    return position
