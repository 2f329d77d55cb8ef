"""The sourcing model's word lists, compiled once from the rule packs' lexicon: the
view the passes read (``SourcingWords``), and the judgment of a verb of saying both tiers
share (``SourcingWords.says``).

Provenance: the ``[lexicon.*]`` tables of the rule packs (``rules/lexicon*.toml``, which
users extend through ``extend-rules``); this module only lower-cases and combines them.
The lists written into the code live in the other modules of this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from sourcelint.analysis.vocabulary.newsroom import HEARSAY_NOUNS

# The lexicon's lists of verbs of saying that have other senses too ("claimed the title",
# "slammed the door", "smiled and waved"): the loaded-language rules' verbs.
_SENSE_LISTS = (
    "doubt_verb", "guilt_verb", "endorsing_verb", "remark_verb", "manner_verb",
    "criticism_verb", "expression_verb",
)  # fmt: skip


class Use(StrEnum):
    """How a verb takes what it reports. Each tier reads it its own way: the parse tier
    from the verb's dependents, the fast tier from the words around it."""

    CONTENT = "content"  # a clause or a quotation: "claimed that …", "…, he claimed"
    OBJECT = "object"  # a noun phrase, or a passive's subject: "blasted the senator"
    TOPIC = "topic"  # "of" or "about": "boasted of his record"
    NONE = "none"  # nothing reported: "insisted on paying", "smiled and waved"


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
    quoted_roles: frozenset[str]
    unique_roles: frozenset[str]
    document_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    organization_words: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    source_determiners: frozenset[str]
    countries: frozenset[str]
    group_plurals: frozenset[str]
    journalist_nouns: frozenset[str]
    # Verbs of saying with other senses, and the uses that make them verbs of saying.
    sense_verbs: frozenset[str]
    object_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    nonspeakers: frozenset[str]
    noun_forms: frozenset[str]
    other_speakers: frozenset[str]

    def says(self, form: str, use: Use, *, quotation: bool = False, thing: bool = False) -> bool:
        """Whether a verb with other senses is used as a verb of saying: the one
        judgment both tiers make. It is when it reports content ("claimed that …",
        "…, she insisted"); verbs of remark and criticism also with an object ("noted the
        decline", "blasted the senator"), verbs of manner with a topic ("boasted of");
        verbs of expression only with a quotation ("“Fine,” he smiled"). A force or a
        thing as subject or object ("the storm slammed", "slammed the door") makes a
        deed of any of them. Other verbs of saying have no other sense listed."""
        if form not in self.sense_verbs:
            return True
        if thing:
            return False
        if form in self.quote_verbs:
            return use is Use.CONTENT and quotation
        if use is Use.OBJECT:
            return form in self.object_verbs
        if use is Use.TOPIC:
            return form in self.topic_verbs
        return use is Use.CONTENT

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
    def speakers(self) -> frozenset[str]:
        """Nouns for people and bodies that speak ("the senator", "the company")."""
        bodies = self.organization_nouns | self.outlet_nouns | self.journalist_nouns
        return self.people_nouns | bodies | self.other_speakers

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
        return self.cue_verbs | self.common_nouns | self.hearsay_adverbs | HEARSAY_NOUNS

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, tuple[str, ...]]) -> SourcingWords:
        def lower(*names: str) -> frozenset[str]:
            return frozenset(entry.lower() for name in names for entry in lexicon.get(name, ()))

        sense_verbs = lower(*_SENSE_LISTS)
        return cls(
            speech_verbs=lower("speech_verb") | sense_verbs,
            complement_verbs=lower("complement_verb"),
            stance_verbs=lower("stance_verb"),
            outlet_verbs=lower("outlet_verb"),
            hearsay_adverbs=lower("hearsay_adverb"),
            vague_nouns=lower("vague_noun"),
            vague_quantifiers=lower("vague_quantifier"),
            anonymous_nouns=lower("anonymous_noun"),
            quoted_roles=lower("quoted_role"),
            unique_roles=lower("unique_role"),
            document_nouns=lower("document_noun"),
            organization_nouns=lower("organization_noun"),
            organization_words=lower("organization_word"),
            outlet_words=lower("outlet_word"),
            outlet_nouns=lower("outlet_noun"),
            source_determiners=lower("source_determiner"),
            countries=frozenset(lexicon.get("country", ())),
            group_plurals=frozenset(lexicon.get("group_plural", ())),
            journalist_nouns=lower("journalist_noun"),
            sense_verbs=sense_verbs,
            object_verbs=lower("remark_verb", "criticism_verb"),
            topic_verbs=lower("manner_verb"),
            quote_verbs=lower("expression_verb"),
            nonspeakers=lower("nonspeaker_noun"),
            noun_forms=lower("speech_noun"),
            other_speakers=lower("speaker_noun"),
        )
