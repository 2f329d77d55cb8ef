"""Find quoted speech, the scope loaded-language rules leave alone.

Curly double quotes pair up (“…”, „…“, «…»); a straight ``"`` opens only at the start
of a word and closes only at the end of one, so an inch mark (12") opens nothing.
Single curly quotes (‘…’) around two words or more count when they open at a word
start and close before a non-letter, which tells them from apostrophes. A double
quotation left open runs to the end of its block, as multi-paragraph quotes do.
"""

from __future__ import annotations

import re

_DOUBLE_PAIRS = {"“": "”", "„": "“", "«": "»"}
# Two words at least: a single scare-quoted word (‘own’) is a doubt marker, not speech.
_SINGLE = re.compile(r"(?<![\w’'])‘[^‘’\n]*?\s[^‘’\n]*?’(?![\w])")


def quotation_spans(text: str, blocks: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Character spans of quoted passages, quotation marks included, sorted."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in blocks:
        spans.extend(_double(text, block_start, block_end))
        spans.extend(
            (match.start(), match.end())
            for match in _SINGLE.finditer(text, block_start, block_end)
            if not any(start <= match.start() < end for start, end in spans)
        )
    return tuple(sorted(spans))


def _double(text: str, block_start: int, block_end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    index = block_start
    while index < block_end:
        char = text[index]
        # Two apostrophes stand for a double quote in some archives ('' … '').
        width = 2 if text.startswith("''", index) else 1
        straight = char == '"' or width == 2
        if opened is None:
            if char in _DOUBLE_PAIRS:
                opened, closer = index, _DOUBLE_PAIRS[char]
            elif straight and _opens(text, index + width - 1, block_start, block_end):
                opened, closer = index, '"'
        elif char == closer or (straight and closer in {'"', "”"}):
            spans.append((opened, index + width))
            opened = None
        index += width
    if opened is not None:
        spans.append((opened, block_end))
    return spans


def _opens(text: str, index: int, block_start: int, block_end: int) -> bool:
    before = text[index - 1] if index > block_start else " "
    after = text[index + 1] if index + 1 < block_end else " "
    return not before.isalnum() and not after.isspace()
