"""Pass 2, source spans: who a cue credits, read off the parse.

The subject of the cue's verb; a passive's "by" agent (never its subject); the object
of "according to"; a noun cue's possessor or "by"/"from" phrase; the antecedent of a
relative pronoun ("a diplomat who said"); for a verb without a subject of its own (a
participle, an infinitive, a coordinated verb: "…, saying", "refused to comment",
"laughed and said") the subject of the verb it hangs on. The span is the whole noun
phrase, less a relative clause after its head and anything before the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import is_mark
from sourcelint.analysis.parse.cues import Cue
from sourcelint.analysis.parse.frames import SUBJECT_DEPS
from sourcelint.analysis.records import CueType
from sourcelint.analysis.vocabulary.marks import DATELINE_BREAKS
from sourcelint.analysis.vocabulary.people import is_person
from sourcelint.analysis.vocabulary.pronouns import PERSONAL_RELATIVES, RELATIVE_PRONOUNS
from sourcelint.analysis.vocabulary.source_phrases import NOUN_CUE_PREPOSITIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ACTIVE_SUBJECTS = SUBJECT_DEPS - {"nsubjpass"}  # a passive's subject is no speaker
# Verbs that take their subject from the verb they hang on.
_DEPENDENT = frozenset({"conj", "xcomp", "advcl", "pcomp", "ccomp", "prep"})
_CLIMB = 4  # "refused to be drawn into saying" at most
_NOT_PERSONS = frozenset({"ORG", "GPE", "LOC", "FAC"})
_CUT = frozenset({"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "prep"})


@dataclass(frozen=True, slots=True)
class Source:
    """The credited phrase: a token span and its head word."""

    start: int
    end: int
    head: int


def source_of(doc: Doc, cue: Cue) -> Source | None:
    """The phrase ``cue`` credits, or None (agentless and hearsay cues credit nobody)."""
    word = doc[cue.word]
    if cue.cue_type in (CueType.HEARSAY, CueType.AGENTLESS):
        return None
    if cue.cue_type is CueType.ACCORDING_TO:
        return _according_object(doc[cue.word + 1])
    if cue.frame == "label":
        start = word.sent.start
        return Source(start, word.i, word.i - 1)
    if word.pos_ == "NOUN":
        return _noun_source(word)
    return _verb_source(word)


def phrase(head: Token) -> Source:
    """The noun phrase of ``head``: its subtree, cut before a relative clause or a
    set-off modifier that follows the head."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _CUT:
            break
        end = child.right_edge.i + 1
    doc = head.doc
    # A dateline or label before the phrase ("LONDON (Ledger) - An aide") is not in it.
    for index in range(head.i - 1, start - 1, -1):
        if doc[index].text in DATELINE_BREAKS:
            start = index + 1
            break
    while start < head.i and is_mark(doc[start]):
        start += 1  # "🚨 Officials said": an opening mark is not in the phrase
    sentence = head.sent
    return Source(max(start, sentence.start), min(end, sentence.end), head.i)


def _verb_source(verb: Token) -> Source | None:
    current = verb
    for _ in range(_CLIMB):
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in current.children)
        if passive:
            agent = _agent(current)
            return phrase(agent) if agent is not None else None
        subjects = [c for c in current.children if c.dep_ in _ACTIVE_SUBJECTS]
        # Two subjects happen when a dateline is read as one ("LONDON (…) - An aide
        # told"): the one nearest the verb is the speaker.
        subject = min(subjects, key=lambda c: abs(c.i - current.i)) if subjects else None
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return phrase(_antecedent(current.head, subject))
            return phrase(subject)
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if current.tag_ == "VBN":
                return None  # "the figures reported Monday": what was reported, not who
            return phrase(current.head)  # "a statement saying", "officials speaking"
        if current.dep_ == "relcl":
            return phrase(current.head)
        if current.dep_ not in _DEPENDENT or current.head is current:
            return None
        current = current.head
    return None


def _antecedent(noun: Token, pronoun: Token) -> Token:
    """The noun a relative pronoun stands for. The parser attaches the clause to the
    nearest noun, or to the first of "members of the ministry". "who" stands for a
    person: past a body or a place that closes a prepositional phrase, it stands for the
    person the phrase is about ("Democrats in the Senate, who", "an analyst at Jefferies,
    who"); "which" stands for a thing: past "members of", for the body ("members of the
    ministry, which")."""
    if pronoun.lower_ == "which":
        if not is_person(noun) or noun.ent_type_:
            return noun
        owned = [c for p in noun.children if p.lower_ == "of" for c in p.children]
        things = [c for c in owned if c.dep_ == "pobj" and not is_person(c)]
        return things[0] if things else noun
    if pronoun.lower_ not in PERSONAL_RELATIVES:
        return noun
    current = noun
    while current.ent_type_ in _NOT_PERSONS and current.dep_ == "pobj":
        owner = _modified(current.head)
        if owner is None:
            return noun
        current = owner
    return current if is_person(current) else noun


def _modified(preposition: Token) -> Token | None:
    """The noun a prepositional phrase is about: its head, or when the parser hung it on
    the verb ("calm Democrats in the Senate"), the verb's object right before it."""
    head = preposition.head
    if preposition.dep_ != "prep":
        return None
    if head.pos_ in {"NOUN", "PROPN"}:
        return head
    before = [c for c in head.children if c.dep_ == "dobj" and c.right_edge.i == preposition.i - 1]
    return before[0] if before else None


def _according_object(to: Token) -> Source | None:
    """The object of "according to"; when the parser misreads it ("according to show
    insiders" as a verb phrase), the last noun it put under "to"."""
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if objects:
        return phrase(objects[0])
    nouns = [t for t in to.subtree if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return phrase(nouns[-1]) if nouns else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun_source(noun: Token) -> Source | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return phrase(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_CUE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in {"PROPN", "PRON", "NOUN"}:
                return phrase(objects[0])
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return Source(names[0].left_edge.i, names[-1].i + 1, names[-1].i)
    if noun.dep_ in {"dobj", "pobj"}:
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ == "VERB":
            return _verb_source(verb)
    return None
