"""Find quoted speech, the scope loaded-language rules leave alone.

Curly double quotes pair up (“…”, „…“, «…»); a straight ``"`` opens only at the start
of a word and closes only at the end of one, so an inch mark (12") opens nothing.
Single curly quotes (‘…’) around two words or more count when they open at a word
start and close before a non-letter, which tells them from apostrophes. A double
quotation left open runs to the end of its block, as multi-paragraph quotes do.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from sourcelint.analysis.vocabulary.marks import DOUBLE_QUOTE_PAIRS

# A candidate single quotation: from an opening ‘ at a word start to the first ’, which
# closes before a non-letter. One quantifier, so a long run without a closing mark costs
# one scan; ``_speech`` then asks for two words at least (a single scare-quoted word,
# ‘own’, is a doubt marker, not speech) and one line break at most.
_SINGLE = re.compile(r"(?<![\w’'])‘([^‘’]*)’(?![\w])")
_WHITE_SPACE = re.compile(r"\s")
# What ``_double`` stops at: a double quotation mark, or two apostrophes standing for one.
_QUOTE_MARK = re.compile(
    "''|[\"" + re.escape("".join({*DOUBLE_QUOTE_PAIRS, *DOUBLE_QUOTE_PAIRS.values()})) + "]"
)


class Quotations(tuple[tuple[int, int], ...]):
    """Sorted quotation spans, a tuple; the sets of their starts and ends are built on
    first use, for passes that ask of every verb whether a quotation opens or closes at
    a point (a scan of every quotation each time would be quadratic)."""

    @cached_property
    def starts(self) -> frozenset[int]:
        return frozenset(start for start, _ in self)

    @cached_property
    def ends(self) -> frozenset[int]:
        return frozenset(end for _, end in self)


def starts_and_ends(quotes: tuple[tuple[int, int], ...]) -> tuple[frozenset[int], frozenset[int]]:
    """Where the quotations open and close; built once per ``Quotations``."""
    quotations = quotes if isinstance(quotes, Quotations) else Quotations(quotes)
    return quotations.starts, quotations.ends


def quotation_spans(text: str, blocks: tuple[tuple[int, int], ...]) -> Quotations:
    """Character spans of quoted passages, quotation marks included, sorted."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in blocks:
        doubles = _double(text, block_start, block_end)
        spans.extend(doubles)
        # Only this block's double quotations can hold a single one that starts in it
        # (none crosses a block), and they are sorted and disjoint: a bisect decides.
        spans.extend(
            (match.start(), match.end())
            for match in _SINGLE.finditer(text, block_start, block_end)
            if _speech(match.group(1)) and not _starts_inside(doubles, match.start())
        )
    return Quotations(sorted(spans))


def _speech(inner: str) -> bool:
    return inner.count("\n") <= 1 and _WHITE_SPACE.search(inner) is not None


def _starts_inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, disjoint), marks included."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _double(text: str, block_start: int, block_end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    index = block_start
    # Only a quotation mark can open or close: jump from one to the next (a step per
    # character took 0.79 s over PolNeAR train, the jumps 0.15 s).
    # (The search may look one past the block: two apostrophes can straddle its end.)
    while (mark := _QUOTE_MARK.search(text, index, block_end + 1)) and mark.start() < block_end:
        index = mark.start()
        char = text[index]
        # Two apostrophes stand for a double quote in some archives ('' … '').
        width = 2 if text.startswith("''", index) else 1
        straight = char == '"' or width == 2
        if opened is None:
            if char in DOUBLE_QUOTE_PAIRS:
                opened, closer = index, DOUBLE_QUOTE_PAIRS[char]
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
