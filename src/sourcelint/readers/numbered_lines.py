"""A document's lines by number, from 0: where each starts and what it holds. Past the
last line, a line starts at the end of the document and holds nothing."""

from __future__ import annotations


class NumberedLines:
    """The lines of ``document``, whose starts are ``starts`` (``LineIndex.starts``)."""

    def __init__(self, document: str, starts: list[int]) -> None:
        self.document = document
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts)

    def start(self, line: int) -> int:
        return self._starts[line] if line < len(self._starts) else len(self.document)

    def text(self, line: int) -> str:
        """The line without its line break."""
        return self.document[self.start(line) : self.start(line + 1)].rstrip("\r\n")
