"""What both tiers' sourcing models compile once from the lexicon: word lists and phrase
sets. The fast tier builds attributions with them in ``analysis/fast/``
(``FastSourcing``), the parse tier in ``analysis/parse/`` (``ParseSourcing``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import (
    house_style,
    outlet_key,
)
from sourcelint.analysis.records import Attribution, CueType
from sourcelint.analysis.vocabulary.lexicon import SourcingWords

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sourcelint.analysis.phrases import PhraseMatch, PhraseSet

__all__ = [
    "Attribution",
    "CueType",
    "SourcingResources",
    "build_sourcing_resources",
]


@dataclass(frozen=True)
class SourcingResources:
    """The lexicon compiled for the sourcing model, once per analyzer."""

    words: SourcingWords
    outlets: PhraseSet
    recipients: PhraseSet
    reasons: PhraseSet
    on_record: PhraseSet
    hearsay: PhraseSet
    # Outlets the gazetteer spells in lower case too ("Politico"): written in capitals
    # ("told POLITICO"), the name is the house style of the outlet publishing the story.
    mixed_case_outlets: frozenset[str] = frozenset()

    def own_outlets(
        self, doc: Doc, found: list[PhraseMatch], configured: tuple[str, ...]
    ) -> set[str]:
        """The publisher's own outlet (``outlet_key`` forms): the names configured, and the
        names in ``found`` written in its house style ("told POLITICO")."""
        own = {outlet_key(name) for name in configured}
        own |= {
            outlet_key(doc[m.start : m.end].text)
            for m in found
            if house_style(doc[m.start : m.end].text, self.mixed_case_outlets)
        }
        return own


def build_sourcing_resources(
    nlp: Language, lexicon: Mapping[str, tuple[str, ...]]
) -> SourcingResources:
    """Compile the word lists and phrase sets the model needs."""
    from sourcelint.analysis.phrases import PhraseSet

    def words(name: str) -> tuple[str, ...]:
        return lexicon[name]

    return SourcingResources(
        words=SourcingWords.from_lexicon(lexicon),
        outlets=PhraseSet(nlp, ["{@outlet}"], words),
        recipients=PhraseSet(nlp, lexicon.get("recipient_template", ()), words),
        reasons=PhraseSet(nlp, ["{@anonymity_reason}"], words),
        on_record=PhraseSet(nlp, ["{@on_record_setting}"], words),
        hearsay=PhraseSet(nlp, lexicon.get("hearsay_template", ()), words),
        mixed_case_outlets=frozenset(
            outlet_key(name) for name in lexicon.get("outlet", ()) if not name.isupper()
        ),
    )
