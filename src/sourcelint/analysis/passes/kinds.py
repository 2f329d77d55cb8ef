"""Pass 4, kinds: what kind of source a credited phrase is.

Named person, organization, news outlet, document, anonymous person (a role or
description, never named: "a senior official", "two diplomats", "dealers"), vague
collective ("critics", "some"), or other (a phrase the pass cannot type; never flagged).
Person nouns are an open class (``vocabulary/person_nouns.txt``, from WordNet); names
and organizations come from the entity recognizer and the article's registry; pronouns
take the kind of what they refer to.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import (
    DATA_NOUNS,
    PAPERS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    WORD_NUMBERS,
    crowd_count,
)
from sourcelint.analysis.passes.registry import (
    ORGANIZATION_LABELS,
    PERSON_LABELS,
    Mention,
    Registry,
    entity_tokens,
)
from sourcelint.analysis.passes.sources import Source
from sourcelint.analysis.records import SourceKind
from sourcelint.analysis.words import HEARSAY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SINGULAR = frozenset(PRONOUNS_SINGULAR)
_PLURAL = frozenset(PRONOUNS_PLURAL)
_THING = frozenset({"it"})
_SELF = frozenset({"i", "we", "me", "us", "you"})
_PARTITIVES = frozenset({"one", "some", "many", "most", "several", "few", "both", "all", "each"})
_NUMBERS = frozenset(WORD_NUMBERS) - {"one"}  # counts of two or more
_SOMEONE = frozenset({"someone", "somebody"})
_EVERYONE = frozenset({"everyone", "everybody", "nobody"})
_SOME = frozenset({"some", "many", "most", "several", "few"})  # an unspecified share
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# "those close to him", "people familiar with the matter", "officials briefed on it".
_VANTAGE_HEADS = frozenset({"those", "people", "persons", "person", "someone", "one"})
_VANTAGES = frozenset({"close", "familiar", "knowledgeable", "brief"})
# Sentences of the headline and lede, where a role may stand for a name given later.
_LEDE = 2
# Sentences after the lede in which a delayed identification names its role.
_AFTER_LEDE = 3
# Sentences around an unnamed role in which a named person is still in play.
_NEARBY = 2


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


# Most specific first: a compound source takes its most specific member ("Trump and his
# aides" is named); an untyped member ("his rival") keeps the whole untyped.
_SPECIFICITY = (
    SourceKind.NAMED,
    SourceKind.OTHER,
    SourceKind.ORGANIZATION,
    SourceKind.OUTLET,
    SourceKind.DOCUMENT,
    SourceKind.ANONYMOUS,
    SourceKind.VAGUE,
)
_INCLUDING = frozenset({"including", "like"})
# Heads that gather a few people of their "of" phrase into one concrete group.
_GROUPS = frozenset({"group", "handful", "couple", "pair"})
# "eight of 10", "nine in 10", "two out of three": a share, as polls give it.
_OUT_OF = frozenset({"of", "in", "out"})
_LARGE = frozenset({"hundred", "thousand", "million"})  # "two hundred doctors"


def kind_of(context: KindContext, source: Source) -> SourceKind:
    """The kind of the source phrase: its head's, or its most specific member's."""
    head = context.doc[source.head]
    kinds = [_head_kind(context, source, head)]
    for member in _members(head):
        kinds.append(_head_kind(context, Source(member.i, member.i + 1, member.i), member))
    return min(kinds, key=_rank)


def _rank(kind: SourceKind) -> int:
    return _SPECIFICITY.index(kind) if kind in _SPECIFICITY else 0


def _members(head: Token) -> list[Token]:
    """Coordinated heads ("Trump and his aides") and named examples ("critics, including
    Senator Roe"): the members a compound source is read from."""
    members = [c for c in head.children if c.dep_ == "conj"]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _INCLUDING:
            for example in child.children:
                if example.dep_ == "pobj" and (
                    example.ent_type_ in PERSON_LABELS | ORGANIZATION_LABELS
                ):
                    members.append(example)
    return members


def _head_kind(context: KindContext, source: Source, head: Token) -> SourceKind:
    doc = context.doc
    span = range(source.start, source.end)
    words = context.words
    named = head.i in context.outlet_tokens or head.i in context.own_tokens
    if head.pos_ == "NOUN" and not named:
        if head.lower_ in DATA_NOUNS:
            return SourceKind.DOCUMENT  # "the RealClearPolitics average": data
        if head.lower_ in words.document_nouns:
            return _noun(context, head)  # "a Reuters poll", "a report by Politico"
    if any(i in context.outlet_tokens for i in span):
        return SourceKind.OUTLET
    if any(i in context.own_tokens for i in span):
        return SourceKind.ORGANIZATION
    lower = head.lower_
    if lower in _SOMEONE:
        return SourceKind.ANONYMOUS  # "someone asked": one unnamed person
    if lower in _EVERYONE or (lower == "one" and _determiner(head) == "no"):
        return SourceKind.VAGUE  # "not everyone agrees", "no one expected"
    if any(doc[i].ent_type_ == "PERSON" for i in _appositions(head)):
        return SourceKind.NAMED  # "the spokeswoman, Jane Roe"; "one of its lawyers, Jane Roe"
    if _share(head):
        return SourceKind.DOCUMENT  # "eight of 10 voters", "40 percent": a poll's result
    if lower in _PARTITIVES | _NUMBERS:
        return _part(context, head)
    if head.pos_ == "PRON" or lower in _SINGULAR | _PLURAL | _THING:
        return _familiar(head) or _pronoun(context, head)
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and lower in context.registry.surnames):
        return SourceKind.OUTLET if lower in context.registry.journalists else SourceKind.NAMED
    if head.ent_type_ in ORGANIZATION_LABELS:
        return _organization(context, head)
    if head.pos_ == "PROPN":
        return SourceKind.OTHER
    return _noun(context, head)


def person_kind(words: KindWords, token: Token) -> SourceKind | None:
    """The kind of a bare person noun: vague for collectives, anonymous for roles."""
    if token.lower_ in words.vague_nouns:
        return SourceKind.VAGUE
    return SourceKind.ANONYMOUS if _person_noun(words, token) else None


def _person_noun(words: KindWords, token: Token) -> bool:
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
    linked = _appositions(head)
    if any(head.doc[i].ent_type_ == "PERSON" for i in linked):
        return SourceKind.NAMED  # "Jane Roe, a spokeswoman"
    if any(head.doc[i].ent_type_ in ORGANIZATION_LABELS for i in linked):
        return SourceKind.ORGANIZATION  # "China and the US, the two biggest polluters"
    if _identified_set(head):
        return SourceKind.OTHER
    determiner = next((c for c in head.children if c.dep_ in {"det", "poss"}), None)
    if determiner is not None and determiner.dep_ == "poss":
        return _possessed(words, registry, determiner, head, lemma)
    if determiner is not None and determiner.lower_ in _DEFINITE:
        return _definite(words, registry, head, lemma)
    if _familiar(head):
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
        c.like_num or c.lower_ in _NUMBERS for c in head.children if c.dep_ == "nummod"
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
    return counted and _definite_set(head)


def _definite_set(head: Token) -> bool:
    return any(
        c.dep_ in {"det", "predet"} and (c.lower_ in _DEFINITE or c.lower_ == "all")
        for c in head.children
    )


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


def _appositions(head: Token) -> list[int]:
    linked = [c.i for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        linked.append(head.head.i)
    return linked


def _familiar(head: Token) -> SourceKind | None:
    """ "those close to him", "people familiar with the talks": sources by vantage."""
    if head.lower_ not in _VANTAGE_HEADS:
        return None
    for child in head.children:
        if child.dep_ in {"amod", "acl"} and child.lemma_.lower() in _VANTAGES:
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


def _pronoun(context: KindContext, pronoun: Token) -> SourceKind:
    lower = pronoun.lower_
    registry = context.registry
    if lower in _SELF:
        return SourceKind.NAMED  # the writer, or the people the quotation names
    if lower in _SINGULAR:
        gender = _PRONOUN_GENDER.get(lower, "")
        mention = registry.before(pronoun.i, plural=False, person=True, salient=True, gender=gender)
        if mention is not None and _name_in_play(context, pronoun, mention, gender):
            return SourceKind.OTHER
    elif lower in _PLURAL:
        groups = registry.before(pronoun.i, plural=True, person=None, salient=True)
        bodies = registry.before(pronoun.i, plural=False, person=False)
        candidates = [m for m in (groups, bodies) if m is not None]
        mention = max(candidates, key=lambda m: m.index) if candidates else None
        if mention is not None and mention.kind is SourceKind.OUTLET:
            return SourceKind.OTHER  # "they" seldom means a news outlet; not flagged
    elif lower in _THING:
        if _expletive(pronoun):
            return SourceKind.OTHER  # "it's fair to say": nobody
        mention = registry.before(pronoun.i, plural=False, person=False, salient=True)
    else:
        return SourceKind.OTHER
    return mention.kind if mention is not None else SourceKind.OTHER


def _name_in_play(context: KindContext, pronoun: Token, role: Mention, gender: str) -> bool:
    """ "Roe spoke. One questioner claimed …, he said": an unnamed role met while a named
    person of that sex is in play does not displace them; a pronoun that could mean
    either is not flagged."""
    if role.kind is SourceKind.NAMED:
        return False
    named = context.registry.before(
        pronoun.i, plural=False, person=True, gender=gender, kind=SourceKind.NAMED
    )
    return named is not None and context.sentences_between(named.index, role.index) <= _NEARBY


def _expletive(pronoun: Token) -> bool:
    """ "It is fair to say", "it's time we …": an "it" that stands for a clause to come."""
    verb = pronoun.head
    return verb.lemma_ == "be" and any(c.dep_ in {"acomp", "attr"} for c in verb.children)


def _part(context: KindContext, head: Token) -> SourceKind:
    """ "some", "many of his supporters", "one of the officials", "two of them": an
    unspecified share of people is vague; one or a count of a group of roles keeps the
    group's kind, and one of several named people is unnamed."""
    lower = head.lower_
    inner = _of_object(head)
    if lower == "both" or (lower == "all" and inner is not None and _definite_set(inner)):
        return SourceKind.OTHER  # "both of his senators", "all of the candidates"
    if inner is None:
        # "all", "each", "both" and counts stand for a group named before.
        return SourceKind.VAGUE if lower in _SOME else SourceKind.OTHER
    kind = kind_of(context, Source(inner.left_edge.i, inner.i + 1, inner.i))
    if lower in _SOME and kind in {SourceKind.NAMED, SourceKind.OTHER, SourceKind.VAGUE}:
        return SourceKind.VAGUE  # "many of his supporters", "many of whom"
    if kind is SourceKind.OTHER:
        kind = person_kind(context.words, inner) or kind  # "one of the officials"
    return SourceKind.ANONYMOUS if kind in {SourceKind.NAMED, SourceKind.VAGUE} else kind


def _determiner(head: Token) -> str | None:
    return next((c.lower_ for c in head.children if c.dep_ == "det"), None)


def _share(head: Token) -> bool:
    """A count out of a whole ("eight of 10 voters", "nine in 10"), a percentage, or a
    crowd counted in hundreds or more ("34,000 people supported"): how polls and votes
    report, not a few people who spoke."""
    if head.lower_ in {"percent", "%"}:
        return True
    inner = _of_object(head)
    if (head.like_num or head.lower_ in _NUMBERS) and inner is not None:
        return any(c.dep_ == "nummod" for c in inner.children)
    # The parser also reads "eight of 10 voters" as a number modifying "voters".
    counts = [c for c in head.children if c.dep_ == "nummod"]
    return any(any(q.lower_ in _OUT_OF for q in c.children) or _crowd(c) for c in counts)


def _crowd(count: Token) -> bool:
    """A count of hundreds or more ("1,409 teachers", "two hundred doctors"), not an
    amount ("$500 donors") or a name's number ("Fortune 500 executives")."""
    doc = count.doc
    if any(t.is_currency for t in count.subtree):
        return False
    before = doc[count.i - 1] if count.i > 0 else None
    if before is not None and before.pos_ in {"NOUN", "PROPN"} and before.head == count.head:
        return False  # "Fortune 500 executives"; not "Last week 2,000 workers"
    return any(t.lower_ in _LARGE or crowd_count(t.text) for t in count.subtree)


def _of_thing(words: KindWords, head: Token) -> bool:
    """An "of" phrase naming a thing: "sources of revenue", not "sources of the police"."""
    inner = _of_object(head)
    return (
        inner is not None
        and inner.pos_ == "NOUN"
        and person_kind(words, inner) is None
        and inner.lemma_.lower() not in words.organization_nouns
    )


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _organization(context: KindContext, head: Token) -> SourceKind:
    if head.ent_type_ == "NORP":
        # "Democrats said": a party's members, unspecified; "a Democrat", "one
        # Republican": one of them; "the Republican" is someone named before.
        if head.tag_ in {"NNPS", "NNS"}:
            return SourceKind.VAGUE
        one = any(c.dep_ == "nummod" and c.lower_ == "one" for c in head.children)
        return SourceKind.ANONYMOUS if one or _determiner(head) in {"a", "an"} else SourceKind.OTHER
    if _outlet_name(context.words, head):
        return SourceKind.OUTLET
    return SourceKind.ORGANIZATION


def _unowned(head: Token) -> bool:
    """No one named as its author: no possessor, name, "by"/"from" phrase or clause
    ("reports filed with the SEC" are filings)."""
    for child in head.children:
        if child.dep_ in {"poss", "acl", "relcl"} or (
            child.dep_ == "compound" and child.pos_ == "PROPN"
        ):
            return False
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return False
    return True


def _outlet_name(words: KindWords, head: Token) -> bool:
    """ "the Daily Ledger", "Valley News Service": a name holding a newspaper's word
    after its first word (a first word is often something else: "Post Office")."""
    entity = entity_tokens(head)
    start, end = entity.start, entity.stop
    if head.doc[start].lower_ == "the":
        start += 1
    return any(t.lower_ in words.outlet_words for t in head.doc[start + 1 : end])


def _work(context: KindContext, head: Token) -> SourceKind:
    """A document, or an outlet's report: "a report by Politico", "a Ledger analysis",
    "the article read" (a news story, unlike "Trump's article"); an outlet's poll or
    tally stays data ("a CNN poll shows")."""
    words = context.words
    phrase = [t for t in head.subtree if t.i <= head.i or t.dep_ == "prep" or t.head.dep_ == "prep"]
    if any(t.lower_ in DATA_NOUNS for t in phrase):
        return SourceKind.DOCUMENT
    if any(t.i in context.outlet_tokens for t in phrase if t.i != head.i):
        return SourceKind.OUTLET
    story = head.lower_ in words.outlet_nouns and head.lower_ not in PAPERS
    if story and _determiner(head) == "the" and head.n_lefts + head.n_rights == 1:
        return SourceKind.OUTLET
    return SourceKind.DOCUMENT


def _noun(context: KindContext, head: Token) -> SourceKind:
    words = context.words
    lower, lemma = head.lower_, head.lemma_.lower()
    if lemma in _GROUPS:
        members = _of_object(head)
        if members is not None and _person_noun(words, members):
            # "a group of doctors", "a handful of senators": some people, unnamed.
            return SourceKind.ANONYMOUS
    if lower in HEARSAY_NOUNS and head.tag_ == "NNS" and _unowned(head):
        return SourceKind.NONE  # "according to media reports", "reports say": by nobody
    # A form listed among people wins over its lemma's class: "authorities" are
    # officials, not "an authority"; "companies" a vague set, not one company.
    if lower not in words.anonymous_nouns and lower not in words.vague_nouns:
        if lower in words.document_nouns or lemma in words.document_nouns:
            return _work(context, head)
        if lower in words.outlet_nouns or lemma in words.outlet_nouns:
            return SourceKind.OUTLET
        if lower in words.organization_nouns or lemma in words.organization_nouns:
            return SourceKind.ORGANIZATION
    kind = role_kind(words, context.registry, head)
    return kind if kind is not None else SourceKind.OTHER
