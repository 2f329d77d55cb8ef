"""Invisible characters: every reader reads a text without them, mapped back onto it.

A zero-width space, a soft hyphen or a bidi control never splits a word or changes the
markup, and offsets still lead into the original, invisible characters included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import Concatenate, ParamSpec

from sourcelint.core.document import Comment, Note, OffsetMap, Prose

# Characters that only hint at line breaking, joining, direction or encoding: a byte-order
# mark, zero-width space, non-joiner and joiner, word joiner, soft hyphen and the bidi
# marks, embeddings, overrides and isolates. Kept, they would split a word
# ("report\u00adedly") or change the markup ("#\u200b Title" is no heading).
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

_P = ParamSpec("_P")


def without_invisible(
    read: Callable[Concatenate[str, _P], Prose],
) -> Callable[Concatenate[str, _P], Prose]:
    """Make a reader read the text without its invisible characters, and map the
    prose, comments and notes it returns back onto the original text."""

    @wraps(read)
    def reader(text: str, /, *args: _P.args, **kwargs: _P.kwargs) -> Prose:
        if INVISIBLE.search(text) is None:
            return read(text, *args, **kwargs)
        visible, removed = _remove_invisible(text)
        return _restore(read(visible, *args, **kwargs), removed)

    return reader


def _remove_invisible(text: str) -> tuple[str, OffsetMap]:
    """The text without invisible characters, and the map from it back to ``text``."""
    parts: list[str] = []
    segments: list[tuple[int, int]] = [(0, 0)]
    position = length = 0
    for match in INVISIBLE.finditer(text):
        parts.append(text[position : match.start()])
        length += match.start() - position
        position = match.end()
        if segments[-1][0] == length:
            segments.pop()  # a run of invisible characters: the text resumes after it
        segments.append((length, position))
    parts.append(text[position:])
    return "".join(parts), OffsetMap(tuple(segments))


def _restore(prose: Prose, removed: OffsetMap) -> Prose:
    """``prose`` of the visible text, with every offset led back into the original."""
    return replace(
        prose,
        offsets=_compose(prose.offsets, removed),
        comments=tuple(
            Comment(*removed.span_to_original(c.start, c.end), c.body) for c in prose.comments
        ),
        notes=tuple(Note(removed.to_original(n.offset), n.message) for n in prose.notes),
    )


def _compose(inner: OffsetMap, outer: OffsetMap) -> OffsetMap:
    """One map doing ``inner`` then ``outer`` (``outer`` has no references)."""
    breaks = [start for start, _ in outer.segments]
    segments: list[tuple[int, int]] = []
    ends = [start for start, _ in inner.segments[1:]]
    for (prose_start, middle_start), prose_end in zip(inner.segments, [*ends, None], strict=True):
        segments.append((prose_start, outer.to_original(middle_start)))
        # Every removed character inside the segment starts a new one.
        middle_end = None if prose_end is None else middle_start + prose_end - prose_start
        index = bisect_right(breaks, middle_start)
        while index < len(breaks) and (middle_end is None or breaks[index] < middle_end):
            segments.append((prose_start + breaks[index] - middle_start, outer.segments[index][1]))
            index += 1
    references = tuple(outer.span_to_original(start, end) for start, end in inner.references)
    return OffsetMap(tuple(segments), references)
