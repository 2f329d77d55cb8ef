"""What a markup reader gathers as it reads: the prose, the comments it meets, and its
notes on what it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcelint.core.document import Comment, Note, Prose
from sourcelint.readers.base import ProseBuilder, block_kind


# Keyword-only, so that a reader's own fields come first in its constructor.
@dataclass(kw_only=True)
class Gathering:
    """The prose built so far, the comments met and the notes made."""

    builder: ProseBuilder = field(default_factory=ProseBuilder)
    comments: list[Comment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def note(self, offset: int, message: str) -> None:
        self.notes.append(Note(offset, message))

    def comment(self, start: int, end: int, body: str) -> None:
        self.comments.append(Comment(start, end, body))

    def end_block_in(self, open_tags: list[str]) -> None:
        """End the block, of the kind the elements around it make it (outermost first)."""
        self.builder.end_block(block_kind(open_tags))

    def prose(self) -> Prose:
        """All that was gathered, as the reader hands it on."""
        return self.builder.build(tuple(self.comments), tuple(self.notes))
