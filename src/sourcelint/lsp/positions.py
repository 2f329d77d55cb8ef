"""Code-point offsets <-> LSP positions, in the encoding the client and server agreed.

The protocol counts columns in UTF-16 code units unless the client offers another
encoding; sourcelint counts code points. An emoji outside the BMP is one code point but
two UTF-16 units (four UTF-8 bytes); a combining mark is one of each in UTF-16.
Lines are broken where ``LineIndex`` breaks them (``\\r\\n``, ``\\r``, ``\\n``): the breaks
the protocol names.
"""

from __future__ import annotations

from lsprotocol import types

from sourcelint.core.positions import LineIndex

# Python codec per LSP position encoding; "surrogatepass" keeps a lone surrogate (text
# decoded with errors="surrogateescape") countable instead of raising.
_CODECS = {
    types.PositionEncodingKind.Utf16: ("utf-16-le", 2),
    types.PositionEncodingKind.Utf8: ("utf-8", 1),
}


class PositionMap:
    """One text's line starts, converting both ways in one position encoding."""

    def __init__(
        self,
        lines: LineIndex,
        encoding: str | types.PositionEncodingKind = types.PositionEncodingKind.Utf16,
    ) -> None:
        self.lines = lines
        self.encoding = types.PositionEncodingKind(encoding)

    def units(self, text: str) -> int:
        """Length of ``text`` in the encoding's code units."""
        codec = _CODECS.get(self.encoding)
        if codec is None:  # UTF-32: code points
            return len(text)
        name, width = codec
        return len(text.encode(name, "surrogatepass")) // width

    def position(self, offset: int) -> types.Position:
        """The LSP position of a code-point offset."""
        line, _ = self.lines.position(offset)
        start = self.lines.starts[line - 1]
        return types.Position(line=line - 1, character=self.units(self.lines.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of code-point offsets ``start``..``end``."""
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position; past a line's end means its end, and
        inside a surrogate pair (or a UTF-8 sequence) means the character's start."""
        if position.line >= len(self.lines.starts):
            return len(self.lines.text)
        line_text = self.lines.line_text(position.line + 1)
        start = self.lines.starts[position.line]
        count = 0
        for index, char in enumerate(line_text):
            count += self.units(char)
            if count > position.character:
                return start + index
        return start + len(line_text)
