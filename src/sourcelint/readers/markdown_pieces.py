"""A block's inline prose as pieces: runs of text mapped to the original, and the spaces
and soft line breaks between them; bare URLs dropped and words hyphenated across a line
break joined."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bare URLs are not linkified by CommonMark; they are still not prose.
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a block's prose: ``text`` at ``start`` in the original."""

    text: str
    start: int
    # The end of the original span, for text decoded from it (an entity).
    end: int | None = None


# Markup that stands between two words (code, images, ``<br>``) and a soft line break.
SPACE = "space"
BREAK = "break"
Piece = Run | str


def drop_urls(pieces: list[Piece]) -> list[Piece]:
    """Replace bare URLs inside text runs by a space."""
    result: list[Piece] = []
    for piece in pieces:
        if not isinstance(piece, Run) or not _BARE_URL.search(piece.text):
            result.append(piece)
            continue
        position = 0
        for match in _BARE_URL.finditer(piece.text):
            if match.start() > position:
                result.append(Run(piece.text[position : match.start()], piece.start + position))
            result.append(SPACE)
            position = match.end()
        if position < len(piece.text):
            result.append(Run(piece.text[position:], piece.start + position))
    return result


def join_hyphenated(pieces: list[Piece]) -> list[Piece]:
    """Join a word hyphenated across a soft line break ("report-⏎edly" -> "reportedly")."""
    result: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        after = pieces[index + 2] if index + 2 < len(pieces) else None
        if (
            isinstance(piece, Run)
            and isinstance(after, Run)
            and pieces[index + 1] == BREAK
            and _ends_hyphenated(piece.text)
            and after.text[:1].islower()
        ):
            result.append(Run(piece.text[:-1], piece.start))
            index += 2  # drop the hyphen and the break; the next run follows directly
            continue
        result.append(piece)
        index += 1
    return result


def _ends_hyphenated(text: str) -> bool:
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()
