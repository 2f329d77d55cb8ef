"""What a check factory gets to compile itself: the tokenizer and the lexicon."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class BuildContext:
    """Shared by every check of one analyzer."""

    nlp: Language
    lexicon: Mapping[str, tuple[str, ...]]

    def words(self, name: str) -> tuple[str, ...]:
        """A lexicon list; KeyError when no pack defines it."""
        return self.lexicon[name]
