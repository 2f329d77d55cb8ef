"""What the sourcing model reports: an attribution, its cue type and its kind of source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sourcelint.core.kinds import SourceKind


class CueType(StrEnum):
    VERB = "verb"  # "said", "told", "argued"
    ACCORDING_TO = "according-to"
    HEARSAY = "hearsay"  # "reportedly", "purportedly"
    AGENTLESS = "agentless"  # "is said to", "it is believed that", "it was reported"
    LEARNED = "learned"  # "has learned"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution. Spans are character offsets into ``Article.text``."""

    cue: tuple[int, int]
    cue_type: CueType
    kind: SourceKind
    source: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    quoted: bool = False
    recipient: tuple[int, int] | None = None
    count: int | None = None
    reason: bool = False
    on_record: bool = False
    # Token indices, for rules that need to look around the cue or the source.
    cue_tokens: tuple[int, int] = (0, 0)
    source_tokens: tuple[int, int] | None = None
    head: int | None = None  # token index of the source's head noun
    cue_word: str = ""  # the cue's key word, lower-cased: "said", "reportedly", "according to"
    referent: str | None = None  # a named source's surname, lower-cased, pronouns resolved

    @property
    def core(self) -> tuple[int, int] | None:
        """Token span of the source up to its head: "A senior official" of "… who works"."""
        if self.source_tokens is None or self.head is None:
            return None
        return (self.source_tokens[0], self.head + 1)

    def to_dict(
        self,
        text: str,
        place: Callable[[tuple[int, int]], dict[str, object]] | None = None,
    ) -> dict[str, object]:
        """Plain data; ``place`` positions a span (default: offsets into ``text``)."""

        def piece(span: tuple[int, int] | None) -> dict[str, object] | None:
            if span is None:
                return None
            if place is not None:
                return place(span)
            return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}

        return {
            "cue": piece(self.cue),
            "cue_type": self.cue_type.value,
            "source": piece(self.source),
            "kind": self.kind.value,
            "content": piece(self.content),
            "quoted": self.quoted,
            "recipient": piece(self.recipient),
            "count": self.count,
            "anonymity_reason": self.reason,
            "on_record": self.on_record,
        }
