"""Pass 4, kinds: what kind of source a credited phrase is.

Named person, organization, news outlet, document, anonymous person (a role or
description, never named: "a senior official", "two diplomats", "dealers"), vague
collective ("critics", "some"), or other (a phrase the pass cannot type; never flagged).
Person nouns are an open class (``vocabulary/person_nouns.txt``, from WordNet); names
and organizations come from the entity recognizer and the article's registry; pronouns
take the kind of what they refer to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import crowd_count
from sourcelint.analysis.parse.dependents import appositions, definite_set, determiner, of_object
from sourcelint.analysis.parse.kind_context import KindContext, KindWords
from sourcelint.analysis.parse.pronouns import pronoun_kind
from sourcelint.analysis.parse.registry import ORGANIZATION_LABELS, PERSON_LABELS, entity_tokens
from sourcelint.analysis.parse.roles import familiar, person_kind, person_noun, role_kind
from sourcelint.analysis.parse.sources import Source
from sourcelint.analysis.vocabulary.function_words import LARGE_NUMBERS, PLURAL_NUMBERS
from sourcelint.analysis.vocabulary.newsroom import DATA_NOUNS, HEARSAY_NOUNS, PAPERS
from sourcelint.analysis.vocabulary.pronouns import (
    EVERYONE_WORDS,
    REFERRING_PRONOUNS,
    SOMEONE_WORDS,
)
from sourcelint.analysis.vocabulary.source_phrases import (
    GROUP_HEADS,
    INCLUDING_WORDS,
    PARTITIVES_WITH_ALL_EACH,
    SHARE_LINKS,
    UNSPECIFIED_SHARES,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Token


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
        if child.dep_ == "prep" and child.lower_ in INCLUDING_WORDS:
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
    if lower in SOMEONE_WORDS:
        return SourceKind.ANONYMOUS  # "someone asked": one unnamed person
    if lower in EVERYONE_WORDS or (lower == "one" and determiner(head) == "no"):
        return SourceKind.VAGUE  # "not everyone agrees", "no one expected"
    if any(doc[i].ent_type_ == "PERSON" for i in appositions(head)):
        return SourceKind.NAMED  # "the spokeswoman, Jane Roe"; "one of its lawyers, Jane Roe"
    if _share(head):
        return SourceKind.DOCUMENT  # "eight of 10 voters", "40 percent": a poll's result
    if lower in PARTITIVES_WITH_ALL_EACH | PLURAL_NUMBERS:
        return _part(context, head)
    if head.pos_ == "PRON" or lower in REFERRING_PRONOUNS:
        return familiar(head) or pronoun_kind(context, head)
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and lower in context.registry.surnames):
        return SourceKind.OUTLET if lower in context.registry.journalists else SourceKind.NAMED
    if head.ent_type_ in ORGANIZATION_LABELS:
        return _organization(context, head)
    if head.pos_ == "PROPN":
        return SourceKind.OTHER
    return _noun(context, head)


def _part(context: KindContext, head: Token) -> SourceKind:
    """ "some", "many of his supporters", "one of the officials", "two of them": an
    unspecified share of people is vague; one or a count of a group of roles keeps the
    group's kind, and one of several named people is unnamed."""
    lower = head.lower_
    inner = of_object(head)
    if lower == "both" or (lower == "all" and inner is not None and definite_set(inner)):
        return SourceKind.OTHER  # "both of his senators", "all of the candidates"
    if inner is None:
        # "all", "each", "both" and counts stand for a group named before.
        return SourceKind.VAGUE if lower in UNSPECIFIED_SHARES else SourceKind.OTHER
    kind = kind_of(context, Source(inner.left_edge.i, inner.i + 1, inner.i))
    if lower in UNSPECIFIED_SHARES and kind in {
        SourceKind.NAMED,
        SourceKind.OTHER,
        SourceKind.VAGUE,
    }:
        return SourceKind.VAGUE  # "many of his supporters", "many of whom"
    if kind is SourceKind.OTHER:
        kind = person_kind(context.words, inner) or kind  # "one of the officials"
    return SourceKind.ANONYMOUS if kind in {SourceKind.NAMED, SourceKind.VAGUE} else kind


def _share(head: Token) -> bool:
    """A count out of a whole ("eight of 10 voters", "nine in 10"), a percentage, or a
    crowd counted in hundreds or more ("34,000 people supported"): how polls and votes
    report, not a few people who spoke."""
    if head.lower_ in {"percent", "%"}:
        return True
    inner = of_object(head)
    if (head.like_num or head.lower_ in PLURAL_NUMBERS) and inner is not None:
        return any(c.dep_ == "nummod" for c in inner.children)
    # The parser also reads "eight of 10 voters" as a number modifying "voters".
    counts = [c for c in head.children if c.dep_ == "nummod"]
    return any(any(q.lower_ in SHARE_LINKS for q in c.children) or _crowd(c) for c in counts)


def _crowd(count: Token) -> bool:
    """A count of hundreds or more ("1,409 teachers", "two hundred doctors"), not an
    amount ("$500 donors") or a name's number ("Fortune 500 executives")."""
    doc = count.doc
    if any(t.is_currency for t in count.subtree):
        return False
    before = doc[count.i - 1] if count.i > 0 else None
    if before is not None and before.pos_ in {"NOUN", "PROPN"} and before.head == count.head:
        return False  # "Fortune 500 executives"; not "Last week 2,000 workers"
    return any(t.lower_ in LARGE_NUMBERS or crowd_count(t.text) for t in count.subtree)


def _organization(context: KindContext, head: Token) -> SourceKind:
    if head.ent_type_ == "NORP":
        # "Democrats said": a party's members, unspecified; "a Democrat", "one
        # Republican": one of them; "the Republican" is someone named before.
        if head.tag_ in {"NNPS", "NNS"}:
            return SourceKind.VAGUE
        one = any(c.dep_ == "nummod" and c.lower_ == "one" for c in head.children)
        return SourceKind.ANONYMOUS if one or determiner(head) in {"a", "an"} else SourceKind.OTHER
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
    if story and determiner(head) == "the" and head.n_lefts + head.n_rights == 1:
        return SourceKind.OUTLET
    return SourceKind.DOCUMENT


def _noun(context: KindContext, head: Token) -> SourceKind:
    words = context.words
    lower, lemma = head.lower_, head.lemma_.lower()
    if lemma in GROUP_HEADS:
        members = of_object(head)
        if members is not None and person_noun(words, members):
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
