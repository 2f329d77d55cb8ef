"""Find quoted speech, the scope loaded-language rules leave alone.

Curly quotes pair up; a straight ``"`` toggles. A quotation left open runs to the end
of its block, as multi-paragraph quotes do in news copy.
"""

from __future__ import annotations

_OPENERS = {"“": "”", "„": "”", "«": "»"}
_CLOSERS = {"”", "»"}


def quotation_spans(text: str, blocks: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Character spans of double-quoted passages, quotation marks included."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in blocks:
        opened: int | None = None
        for index in range(block_start, block_end):
            char = text[index]
            if opened is None:
                if char in _OPENERS or char == '"':
                    opened = index
            elif char in _CLOSERS or char == '"':
                spans.append((opened, index + 1))
                opened = None
        if opened is not None:
            spans.append((opened, block_end))
    return tuple(spans)
