"""What the kind pass and its helpers read: the word classes and one article's facts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sourcelint.analysis.parse.registry import Registry

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class KindWords:
    """The word classes kinds are read from (lower-case word forms)."""

    person_nouns: frozenset[str]
    vague_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]  # roles that stay anonymous when possessed ("his aides")
    quoted_roles: frozenset[str]  # roles sources are quoted in ("officials", "allies")
    document_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    unique_roles: frozenset[str]
    outlet_words: frozenset[str]
    genders: Mapping[str, str]  # person noun -> "f" or "m" ("wife", "spokesman")


@dataclass(frozen=True)
class KindContext:
    """One article's facts the kind pass reads."""

    doc: Doc
    registry: Registry
    outlet_tokens: frozenset[int]  # tokens of other outlets' names
    own_tokens: frozenset[int]  # tokens of the publishing outlet's names
    words: KindWords

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.doc.sents]

    def sentences_between(self, earlier: int, later: int) -> int:
        """How many sentence breaks lie between two tokens."""
        starts = self.sentence_starts
        return bisect_right(starts, later) - bisect_right(starts, earlier)
