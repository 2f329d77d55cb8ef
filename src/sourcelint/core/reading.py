"""An article as its reader sees it, for the reports that show it (HTML, ``serve``).

The reader's prose, block by block, and every attribution of the sourcing model placed
in the file: who is credited, by which cue, and what kind of source they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sourcelint.core.document import Prose, ProseIndex


@dataclass(frozen=True)
class ReadingView:
    """``prose`` as a reader reads it; ``attributions`` as ``Attribution.to_dict`` gives
    them, each span with its ``start`` and ``end`` in the original file."""

    prose: Prose
    # Plain text: its line breaks are the writer's and are shown; markup's are not.
    preformatted: bool = False
    attributions: tuple[dict[str, object], ...] = ()

    @cached_property
    def _index(self) -> ProseIndex:
        return ProseIndex(self.prose)

    def to_prose(self, start: int, end: int) -> tuple[int, int]:
        """The prose span showing the original span ``[start, end)`` (empty: markup)."""
        return self._index.span(start, end)
