"""The sourcing model's word lists, compiled once from the rule packs' lexicon."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

# Nouns of claims credited to nobody; the hearsay templates hold their phrases.
_HEARSAY_NOUNS = frozenset({"allegations", "allegation", "rumors", "rumours", "reports", "claims"})


@dataclass(frozen=True)
class SourcingWords:
    """Lower-cased sets for fast look-ups (capitalized lists keep their case)."""

    speech_verbs: frozenset[str]
    complement_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    outlet_verbs: frozenset[str]
    hearsay_adverbs: frozenset[str]
    vague_nouns: frozenset[str]
    vague_quantifiers: frozenset[str]
    anonymous_nouns: frozenset[str]
    unique_roles: frozenset[str]
    document_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    organization_words: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    determiners: frozenset[str]
    countries: frozenset[str]
    group_plurals: frozenset[str]
    journalist_nouns: frozenset[str]

    @cached_property
    def common_nouns(self) -> frozenset[str]:
        """Source nouns that open sentences capitalized but are no names ("Sources said")."""
        return (
            self.vague_nouns
            | self.anonymous_nouns
            | self.document_nouns
            | self.organization_nouns
            | self.outlet_nouns
        )

    @cached_property
    def people_nouns(self) -> frozenset[str]:
        """Role and group nouns: words for people ("officials", "critics")."""
        return self.anonymous_nouns | self.vague_nouns

    @cached_property
    def claim_verbs(self) -> frozenset[str]:
        """Speech and stance verbs: cues that may credit a claim."""
        return self.speech_verbs | self.stance_verbs

    @cached_property
    def group_verbs(self) -> frozenset[str]:
        """Stance and outlet verbs: cues counted only for some kinds of subject."""
        return self.stance_verbs | self.outlet_verbs

    @cached_property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb that may be a cue."""
        return self.speech_verbs | self.stance_verbs | self.outlet_verbs

    @cached_property
    def headline_words(self) -> frozenset[str]:
        """Words a title-case headline capitalizes that are no names: cues, source nouns,
        hearsay words ("Officials Say", "Amid Allegations")."""
        return self.cue_verbs | self.common_nouns | self.hearsay_adverbs | _HEARSAY_NOUNS

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, tuple[str, ...]]) -> SourcingWords:
        def lower(name: str) -> frozenset[str]:
            return frozenset(entry.lower() for entry in lexicon.get(name, ()))

        return cls(
            speech_verbs=lower("speech_verb"),
            complement_verbs=lower("complement_verb"),
            stance_verbs=lower("stance_verb"),
            outlet_verbs=lower("outlet_verb"),
            hearsay_adverbs=lower("hearsay_adverb"),
            vague_nouns=lower("vague_noun"),
            vague_quantifiers=lower("vague_quantifier"),
            anonymous_nouns=lower("anonymous_noun"),
            unique_roles=lower("unique_role"),
            document_nouns=lower("document_noun"),
            organization_nouns=lower("organization_noun"),
            organization_words=lower("organization_word"),
            outlet_words=lower("outlet_word"),
            outlet_nouns=lower("outlet_noun"),
            determiners=lower("source_determiner"),
            countries=frozenset(lexicon.get("country", ())),
            group_plurals=frozenset(lexicon.get("group_plural", ())),
            journalist_nouns=lower("journalist_noun"),
        )
