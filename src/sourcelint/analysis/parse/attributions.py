"""The parse tier's sourcing model: ordered passes over one parsed Doc.

cues -> source spans -> entity registry -> kinds -> publisher and recipients -> records.
Each pass is a module of its own; this one runs them in order and assembles the
``Attribution`` records every rule reads (the fast tier fills the same records with
heuristics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import cue_word, on_record_after, outlet_key, reason_given
from sourcelint.analysis.parse.cue_scorer import load_scorer
from sourcelint.analysis.parse.cues import (
    Cue,
    find_cues,
    inside,
    reports_content,
    unsourced_reports,
)
from sourcelint.analysis.parse.kinds import KindContext, KindWords, kind_of
from sourcelint.analysis.parse.registry import Registry, build_registry
from sourcelint.analysis.parse.roles import gender_of, role_kind
from sourcelint.analysis.parse.sources import Source, source_of
from sourcelint.analysis.record_fields import char_offsets, count_in
from sourcelint.analysis.records import Attribution, CueType
from sourcelint.analysis.vocabulary.newsroom import INTERVIEWER_LEMMAS
from sourcelint.analysis.vocabulary.people import person_nouns
from sourcelint.analysis.vocabulary.verbs import SPEECH_CONTINUERS
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sourcelint.analysis.sourcing import SourcingResources

# "WASHINGTON (Reuters) -": a dateline credit names the publisher.
_DATELINE = re.compile(r"^[^\n()]{0,60}\((?P<name>[^()\n]{2,40})\)\s*[-—–]")
# Kinds flagged as weak sourcing only when the cue is a verb of saying, reporting or
# believing in the program's lexicon (the fast tier's own judgment, ``claim_verbs``).
_FLAGGED_ONLY_FOR_SPEECH = frozenset({SourceKind.ANONYMOUS, SourceKind.VAGUE})


@dataclass(frozen=True)
class ParseSourcing:
    """Builds attributions from a parsed Doc; shares the phrase sets of the fast model."""

    resources: SourcingResources

    @cached_property
    def kind_words(self) -> KindWords:
        """The word classes of the kind pass, built once per model."""
        words = self.resources.words
        people = person_nouns()
        return KindWords(
            person_nouns=frozenset(people) | words.anonymous_nouns | words.journalist_nouns,
            vague_nouns=words.vague_nouns,
            anonymous_nouns=words.anonymous_nouns,
            quoted_roles=words.quoted_roles,
            document_nouns=words.document_nouns,
            organization_nouns=words.organization_nouns,
            outlet_nouns=words.outlet_nouns,
            unique_roles=words.unique_roles,
            outlet_words=words.outlet_words,
            genders={word: gender for word, gender in people.items() if gender},
        )

    def attributions(
        self, doc: Doc, quotes: tuple[tuple[int, int], ...], own_outlet: tuple[str, ...] = ()
    ) -> list[Attribution]:
        """Every attribution of ``doc`` outside quotations, in text order."""
        resources = self.resources
        words = self.kind_words
        outlets, own = _outlets(doc, resources, own_outlet)
        registry = build_registry(
            doc,
            lambda token, known: role_kind(words, known, token),
            lambda token: gender_of(words, token),
            lambda offset: inside(quotes, offset),
            frozenset(outlets),
            frozenset(own),
            resources.words.journalist_nouns,
        )
        context = KindContext(doc, registry, frozenset(outlets), frozenset(own), words)
        cues = find_cues(
            doc,
            quotes,
            load_scorer(),
            resources.words.hearsay_adverbs,
            resources.words,
            unsourced_reports(doc, resources.hearsay.find(doc)),
        )
        recipients = _recipients(doc, resources, outlets)
        reasons = {doc[m.start].sent.start for m in resources.reasons.all_matches(doc)}
        on_record = {m.start for m in resources.on_record.all_matches(doc)}
        speech = resources.words.claim_verbs  # the program's verbs of saying and believing
        found = []
        for cue in cues:
            source = source_of(doc, cue)
            found.append(
                _record(doc, cue, source, context, registry, recipients, reasons, on_record, speech)
            )
        return found


def _outlets(
    doc: Doc, resources: SourcingResources, configured: tuple[str, ...]
) -> tuple[set[int], set[int]]:
    """Tokens of other outlets' names, and of the publisher's own."""
    matches = [m for m in resources.outlets.find(doc) if _names_an_outlet(doc, m.start, m.end)]
    own = resources.own_outlets(doc, matches, configured)
    dateline = _DATELINE.match(doc.text)
    if dateline:
        own.add(outlet_key(dateline.group("name")))
    others, mine = set(), set()
    for m in matches:
        target = mine if outlet_key(doc[m.start : m.end].text) in own else others
        target.update(range(m.start, m.end))
    return others, mine


def _names_an_outlet(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer match that is a name of its own: not a person's surname ("Michael
    Bloomberg") nor the start of a longer name ("the Independent Police Complaints
    Commission")."""
    if doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I":
        return False
    return end == len(doc) or doc[end].ent_iob_ != "I"


def _recipients(doc: Doc, resources: SourcingResources, outlets: set[int]) -> dict[int, Source]:
    """Outlets words were given to ("told Reuters", "in an interview with CNN"), by
    sentence start."""
    found: dict[int, Source] = {}
    for m in resources.recipients.find(doc):
        mark = doc.char_span(m.mark_start, m.mark_end, alignment_mode="expand")
        if mark is not None and any(i in outlets for i in range(mark.start, mark.end)):
            found.setdefault(doc[m.start].sent.start, Source(mark.start, mark.end, mark.end - 1))
    return found


def _record(
    doc: Doc,
    cue: Cue,
    source: Source | None,
    context: KindContext,
    registry: Registry,
    recipients: dict[int, Source],
    reasons: set[int],
    on_record: set[int],
    speech: frozenset[str],
) -> Attribution:
    sentence = doc[cue.word].sent
    kind = kind_of(context, source) if source is not None else SourceKind.NONE
    if cue.cue_type is CueType.AGENTLESS and not reports_content(cue.frame):
        kind = SourceKind.OTHER  # "was reported to police": nothing is relayed
    if cue.cue_type is CueType.VERB and (source is None or _negated(doc[cue.word])):
        kind = SourceKind.OTHER  # "an aide did not respond": nothing was given, nobody to flag
    word = cue_word(doc, cue.start, cue.end, cue.cue_type)
    on = on_record_after(on_record, cue.end, sentence.end)
    if on and kind is SourceKind.ANONYMOUS:
        kind = SourceKind.ORGANIZATION
    if kind in _FLAGGED_ONLY_FOR_SPEECH and not _speech(doc[cue.word], cue, word, speech):
        # "Democrats hope", "Republicans refused to vote", "officials declined to say":
        # an attitude or a deed, which PolNeAR marks and the scorer learned, but no
        # information passed on to flag.
        kind = SourceKind.OTHER
    lemma = doc[cue.word].lemma_.lower()
    if kind is SourceKind.OUTLET and lemma in INTERVIEWER_LEMMAS:
        kind = SourceKind.NAMED  # a journalist asking questions relays nothing
    recipient = recipients.get(sentence.start)
    count = count_in(doc, source.start, source.end) if source is not None else None
    return Attribution(
        cue=char_offsets(doc, cue.start, cue.end),
        cue_type=cue.cue_type,
        kind=kind,
        source=char_offsets(doc, source.start, source.end) if source else None,
        content=_content(doc, cue),
        quoted=False,
        recipient=(
            char_offsets(doc, recipient.start, recipient.end)
            if recipient is not None and kind is not SourceKind.OUTLET
            else None
        ),
        count=count,
        reason=reason_given(doc, sentence, reasons),
        on_record=on,
        cue_tokens=(cue.start, cue.end),
        source_tokens=(source.start, source.end) if source else None,
        head=source.head if source else None,
        cue_word=word,
        referent=_referent(doc, source, registry) if kind is SourceKind.NAMED else None,
    )


def _speech(verb: Token, cue: Cue, word: str, speech: frozenset[str]) -> bool:
    """Whether a verb cue passes information on, as the fast tier judges it: a verb of
    saying or believing of the lexicon, not an infinitive under another verb ("declined
    to say", "plan to report"), unless that verb carries the statement on ("continued to
    insist"). Labels ("Sen. Jane Roe:") and other kinds of cue pass."""
    if cue.cue_type is not CueType.VERB or verb.text == ":":
        return True
    if not {verb.lower_, verb.lemma_.lower(), word} & speech:
        return False  # the lemma too: "is calling for" is "call"
    head = verb.head.lower_
    return verb.dep_ != "xcomp" or head in speech or head in SPEECH_CONTINUERS


def _negated(word: Token) -> bool:
    return any(child.dep_ == "neg" for child in word.children)


def _content(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """The clause a verb reports, or the rest of the sentence; "according to X" relays
    the sentence it stands in."""
    word = doc[cue.word]
    if cue.cue_type is CueType.ACCORDING_TO:
        return _sentence(word)
    for child in word.children:
        if child.dep_ in {"ccomp", "xcomp", "dobj"}:
            return char_offsets(doc, child.left_edge.i, child.right_edge.i + 1)
    if word.dep_ == "parataxis" or (word.dep_ == "ROOT" and cue.start > word.sent.start):
        return _sentence(word)
    return None


def _sentence(word: Token) -> tuple[int, int]:
    """The characters of the sentence ``word`` stands in, without the space after it."""
    sentence = word.sent
    end = sentence.end
    while end - 1 > sentence.start and sentence.doc[end - 1].is_space:
        end -= 1
    return char_offsets(sentence.doc, sentence.start, end)


def _referent(doc: Doc, source: Source | None, registry: Registry) -> str | None:
    if source is None:
        return None
    head = doc[source.head]
    if head.ent_type_ == "PERSON" or head.lower_ in registry.surnames:
        return head.lower_
    mention = registry.before(source.head, plural=False, person=True)
    return doc[mention.index].lower_ if mention is not None else None
