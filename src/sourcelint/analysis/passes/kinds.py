"""Pass 4, kinds: what kind of source a credited phrase is.

Named person, organization, news outlet, document, anonymous person (a role or
description, never named: "a senior official", "two diplomats", "dealers"), vague
collective ("critics", "some"), or other (a phrase the pass cannot type; never flagged).
Person nouns are an open class (``vocabulary/person_nouns.txt``, from WordNet); names
and organizations come from the entity recognizer and the article's registry; pronouns
take the kind of what they refer to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import PRONOUNS_PLURAL, PRONOUNS_SINGULAR
from sourcelint.analysis.passes.registry import ORGANIZATION_LABELS, Registry
from sourcelint.analysis.passes.sources import Source
from sourcelint.analysis.records import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SINGULAR = frozenset(PRONOUNS_SINGULAR)
_PLURAL = frozenset(PRONOUNS_PLURAL)
_THING = frozenset({"it"})
_SELF = frozenset({"i", "we", "me", "us", "you"})
_PARTITIVES = frozenset({"one", "some", "many", "most", "several", "few", "both", "all", "each"})
_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


@dataclass(frozen=True)
class KindWords:
    """The word classes kinds are read from (lower-case word forms)."""

    person_nouns: frozenset[str]
    vague_nouns: frozenset[str]
    document_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    unique_roles: frozenset[str]
    outlet_words: frozenset[str]


@dataclass(frozen=True)
class KindContext:
    """One article's facts the kind pass reads."""

    doc: Doc
    registry: Registry
    outlet_tokens: frozenset[int]  # tokens of other outlets' names
    own_tokens: frozenset[int]  # tokens of the publishing outlet's names
    words: KindWords


def kind_of(context: KindContext, source: Source) -> SourceKind:
    """The kind of the source phrase; pronouns resolved through the registry."""
    doc = context.doc
    head = doc[source.head]
    span = range(source.start, source.end)
    if any(i in context.outlet_tokens for i in span):
        return SourceKind.OUTLET
    if any(i in context.own_tokens for i in span):
        return SourceKind.ORGANIZATION
    if head.pos_ == "PRON" or head.lower_ in _SINGULAR | _PLURAL | _THING:
        return _pronoun(context, head)
    if head.lower_ in _PARTITIVES | _NUMBERS:
        inner = _of_object(head)
        if inner is not None:
            kind = kind_of(context, Source(inner.left_edge.i, inner.i + 1, inner.i))
            return SourceKind.ANONYMOUS if kind is SourceKind.NAMED else kind
        return SourceKind.VAGUE if head.lower_ not in {"one"} | _NUMBERS else SourceKind.OTHER
    if any(doc[i].ent_type_ == "PERSON" for i in span):
        return SourceKind.NAMED
    if head.ent_type_ in ORGANIZATION_LABELS:
        return _organization(context, head)
    if head.pos_ == "PROPN":
        if head.lower_ in context.registry.surnames:
            return SourceKind.NAMED
        return SourceKind.OTHER
    return _noun(context, head, source)


def person_kind(words: KindWords, token: Token) -> SourceKind | None:
    """The kind of a bare person noun: vague for collectives, anonymous for roles."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in words.vague_nouns:
        return SourceKind.VAGUE
    if lower in words.person_nouns or lemma in words.person_nouns:
        return SourceKind.ANONYMOUS
    return None


def _pronoun(context: KindContext, pronoun: Token) -> SourceKind:
    lower = pronoun.lower_
    if lower in _SELF:
        return SourceKind.NAMED  # the writer, or the people the quotation names
    if lower in _SINGULAR:
        mention = context.registry.before(pronoun.i, plural=False, person=True, salient=True)
    elif lower in _PLURAL:
        groups = context.registry.before(pronoun.i, plural=True, person=None, salient=True)
        bodies = context.registry.before(pronoun.i, plural=False, person=False)
        candidates = [m for m in (groups, bodies) if m is not None]
        mention = max(candidates, key=lambda m: m.index) if candidates else None
    elif lower in _THING:
        mention = context.registry.before(pronoun.i, plural=False, person=False)
    else:
        return SourceKind.OTHER
    return mention.kind if mention is not None else SourceKind.OTHER


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _organization(context: KindContext, head: Token) -> SourceKind:
    if head.ent_type_ == "NORP":
        # "Democrats said": a party's members, unspecified; "a Democrat": one of them;
        # "the Republican" is a description of someone named before.
        if head.tag_ in {"NNPS", "NNS"}:
            return SourceKind.VAGUE
        determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
        return SourceKind.ANONYMOUS if determiner in {"a", "an"} else SourceKind.OTHER
    if head.lower_ in context.words.outlet_words and head.i > head.sent.start:
        return SourceKind.OUTLET  # "the Daily Ledger": a name ending like a newspaper's
    return SourceKind.ORGANIZATION


def _noun(context: KindContext, head: Token, source: Source) -> SourceKind:
    words = context.words
    lower, lemma = head.lower_, head.lemma_.lower()
    if lower in words.document_nouns or lemma in words.document_nouns:
        return SourceKind.DOCUMENT
    if lower in words.outlet_nouns or lemma in words.outlet_nouns:
        return SourceKind.OUTLET
    if lower in words.organization_nouns or lemma in words.organization_nouns:
        return SourceKind.ORGANIZATION
    kind = person_kind(words, head)
    if kind is None:
        return SourceKind.OTHER
    linked = [c for c in head.children if c.dep_ in {"appos", "compound"}]
    if head.dep_ == "appos":
        linked.append(head.head)
    if any(t.ent_type_ == "PERSON" for t in linked):
        return SourceKind.NAMED  # "spokeswoman Jane Roe", "Roe's aide, John Doe"
    if any(t.ent_type_ in ORGANIZATION_LABELS for t in linked if t.dep_ != "compound"):
        return SourceKind.ORGANIZATION  # "China and the US, the two biggest polluters"
    determiner = next((c for c in head.children if c.dep_ in {"det", "poss"}), None)
    if determiner is not None and determiner.dep_ == "poss":
        if determiner.pos_ == "PRON":
            return SourceKind.OTHER  # "his rival", "her lawyer": described, not anonymous
        if lemma in context.words.unique_roles:
            return SourceKind.NAMED  # "Connecticut's tax commissioner": one holder
    elif determiner is not None and determiner.lower_ in {"the", "these", "those"}:
        return _definite(context, head, lemma)
    if kind is SourceKind.VAGUE and any(
        c.like_num or c.lower_ in _NUMBERS for c in head.children if c.dep_ == "nummod"
    ):
        return SourceKind.ANONYMOUS  # "two economists": counted people
    return kind


def _definite(context: KindContext, head: Token, lemma: str) -> SourceKind:
    """ "the official" takes the kind of "a senior official" before it; "the governor"
    (one holder) and "the spokeswoman" after "Jane Roe, a spokeswoman" are named; a
    definite description with no antecedent ("the businessman") is left untyped."""
    compound = " ".join(c.lower_ for c in head.children if c.dep_ == "compound")
    if lemma in context.words.unique_roles or f"{compound} {lemma}" in context.words.unique_roles:
        return SourceKind.NAMED
    if lemma in context.registry.named_roles:
        return SourceKind.NAMED
    earlier = context.registry.same_role(head.i, lemma)
    return earlier.kind if earlier is not None else SourceKind.OTHER
