"""Roles: the kind of a phrase headed by a person noun ("a senior official", "the
spokeswoman", "his aides", "critics"), read with the mentions the article made before it."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from sourcelint.analysis.parse.dependents import appositions, definite_set, of_object
from sourcelint.analysis.parse.registry import ORGANIZATION_LABELS, Registry
from sourcelint.analysis.vocabulary.function_words import DEFINITE_DETERMINERS, PLURAL_NUMBERS
from sourcelint.analysis.vocabulary.source_phrases import VANTAGE_HEADS, VANTAGE_LEMMAS
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sourcelint.analysis.parse.kind_context import KindWords

# Sentences of the headline and lede, where a role may stand for a name given later.
_LEDE = 2
# Sentences after the lede in which a delayed identification names its role.
_AFTER_LEDE = 3


def person_kind(words: KindWords, token: Token) -> SourceKind | None:
    """The kind of a bare person noun: vague for collectives, anonymous for roles."""
    if token.lower_ in words.vague_nouns:
        return SourceKind.VAGUE
    return SourceKind.ANONYMOUS if person_noun(words, token) else None


def person_noun(words: KindWords, token: Token) -> bool:
    return token.lower_ in words.person_nouns or token.lemma_.lower() in words.person_nouns


def gender_of(words: KindWords, token: Token) -> str:
    """ "f" or "m" when the noun gives its sex ("wife", "spokesman"), else ""."""
    return words.genders.get(token.lower_) or words.genders.get(token.lemma_.lower(), "")


def role_kind(words: KindWords, registry: Registry, head: Token) -> SourceKind | None:
    """The kind of a phrase headed by a person noun, read with the mentions before it
    (None when ``head`` is no person noun).

    An indefinite or bare role is anonymous ("a senior official", "two diplomats") or
    vague ("critics"); a definite one takes the kind of the role met before ("the
    official"), or is named when one holder is meant ("the governor") or the article
    names someone in that role; a possessed role ("his aides", "Trump's lawyer") is
    anonymous when it is a role sources are quoted in, and untyped otherwise ("her
    husband", "his rival": identified, though not by name)."""
    kind = person_kind(words, head)
    if kind is None:
        return None
    lemma = head.lemma_.lower()
    if lemma == "source" and _of_thing(words, head):
        return None  # "sources of revenue": where money comes from, not informants
    linked = appositions(head)
    if any(head.doc[i].ent_type_ == "PERSON" for i in linked):
        return SourceKind.NAMED  # "Jane Roe, a spokeswoman"
    if any(head.doc[i].ent_type_ in ORGANIZATION_LABELS for i in linked):
        return SourceKind.ORGANIZATION  # "China and the US, the two biggest polluters"
    if _identified_set(head):
        return SourceKind.OTHER
    determiner = next((c for c in head.children if c.dep_ in {"det", "poss"}), None)
    if determiner is not None and determiner.dep_ == "poss":
        return _possessed(words, registry, determiner, head, lemma)
    if determiner is not None and determiner.lower_ in DEFINITE_DETERMINERS:
        return _definite(words, registry, head, lemma)
    if familiar(head):
        return SourceKind.ANONYMOUS  # "people familiar with the talks"
    if (
        head.tag_ == "NN"
        and _in_lede(head)
        and (
            lemma in registry.named_roles
            or (lemma not in words.quoted_roles and _named_person_follows(head.doc))
        )
    ):
        # "A spokesman for the mayor said …" in the headline or lede of a story that
        # names him further down ("mayor's spokesman John Roe"), or "A lawmaker … said"
        # before "John Roe said" in the paragraphs right after the lede: identification
        # delayed. A role sources are quoted in ("a senior official") needs its own word.
        return SourceKind.NAMED
    if kind is SourceKind.VAGUE and any(
        c.like_num or c.lower_ in PLURAL_NUMBERS for c in head.children if c.dep_ == "nummod"
    ):
        return SourceKind.ANONYMOUS  # "two economists": counted people
    if kind is SourceKind.ANONYMOUS and _generic(words, head):
        return SourceKind.VAGUE  # "doctors say": a kind of people, not some of them
    return kind


def _in_lede(head: Token) -> bool:
    """Whether ``head`` stands in the article's first two sentences (headline and lede)."""
    for number, sentence in enumerate(head.doc.sents):
        if sentence.start > head.i or number == _LEDE:
            return sentence.start > head.i
    return True


def _named_person_follows(doc: Doc) -> bool:
    """Whether a named person is the subject of a verb in the sentences right after the
    headline and lede, where a delayed identification gives the name."""
    sentences = list(islice(doc.sents, _LEDE, _LEDE + _AFTER_LEDE))
    return any(
        token.ent_type_ == "PERSON" and token.dep_ == "nsubj" and token.head.pos_ == "VERB"
        for sentence in sentences
        for token in sentence
    )


def _identified_set(head: Token) -> bool:
    """ "both men", "all three candidates", "the two lawmakers": the whole of a set the
    article has already introduced, whose members it names; left untyped, not flagged."""
    if any(c.lower_ == "both" and c.dep_ in {"det", "predet"} for c in head.children):
        return True
    counted = any(c.dep_ == "nummod" for c in head.children)
    return counted and definite_set(head)


def _generic(words: KindWords, head: Token) -> bool:
    """A bare plural subject of a simple present ("developers say") speaks for a kind of
    people; in the past ("dealers said") for some who spoke. Roles sources are quoted in
    ("officials say") stay anonymous either way."""
    return (
        head.tag_ == "NNS"
        and head.dep_ == "nsubj"
        and head.head.tag_ == "VBP"
        and head.lower_ not in words.quoted_roles
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)
    )


def familiar(head: Token) -> SourceKind | None:
    """ "those close to him", "people familiar with the talks": sources by vantage."""
    if head.lower_ not in VANTAGE_HEADS:
        return None
    for child in head.children:
        if child.dep_ in {"amod", "acl"} and child.lemma_.lower() in VANTAGE_LEMMAS:
            return SourceKind.ANONYMOUS
    return None


def _possessed(
    words: KindWords, registry: Registry, owner: Token, head: Token, lemma: str
) -> SourceKind:
    if lemma in registry.named_roles and head.tag_ != "NNS":
        # "his lawyer" when the article names the lawyer; naming one of "his aides"
        # does not name the group.
        return SourceKind.NAMED
    if owner.lemma_.lower() in words.document_nouns:
        return SourceKind.DOCUMENT  # "the ad's narrator": the voice of the ad
    if owner.pos_ != "PRON" and lemma in words.unique_roles:
        return SourceKind.NAMED  # "Connecticut's tax commissioner": one holder
    if head.lower_ in words.anonymous_nouns or lemma in words.anonymous_nouns:
        return SourceKind.ANONYMOUS  # "his aides", "Trump's lawyers"
    return SourceKind.OTHER


def _definite(words: KindWords, registry: Registry, head: Token, lemma: str) -> SourceKind:
    """ "the official" takes the kind of "a senior official" before it; "the governor"
    (one holder) and "the spokeswoman" after "Jane Roe, a spokeswoman" are named; a
    definite description with no antecedent ("the businessman") is left untyped."""
    compound = " ".join(c.lower_ for c in head.children if c.dep_ == "compound")
    if lemma in words.unique_roles or f"{compound} {lemma}" in words.unique_roles:
        return SourceKind.NAMED
    if lemma in registry.named_roles and head.tag_ != "NNS":
        return SourceKind.NAMED
    plural = head.tag_ == "NNS"
    earlier = registry.same_role(head.i, lemma, plural=plural)
    if earlier is None and plural and head.lower_ in words.anonymous_nouns:
        # "the officials said": a group of roles the article never introduced or named.
        return SourceKind.ANONYMOUS
    return earlier.kind if earlier is not None else SourceKind.OTHER


def _of_thing(words: KindWords, head: Token) -> bool:
    """An "of" phrase naming a thing: "sources of revenue", not "sources of the police"."""
    inner = of_object(head)
    return (
        inner is not None
        and inner.pos_ == "NOUN"
        and person_kind(words, inner) is None
        and inner.lemma_.lower() not in words.organization_nouns
    )
