"""Pronouns: the kind of what "he", "they" or "it" refers to, from the article's registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.parse.registry import Mention
from sourcelint.analysis.vocabulary.pronouns import (
    FIRST_SECOND_PERSON,
    PRONOUN_GENDERS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    REFERRING_THING_PRONOUNS,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sourcelint.analysis.parse.kind_context import KindContext

# Sentences around an unnamed role in which a named person is still in play.
_NEARBY = 2


def pronoun_kind(context: KindContext, pronoun: Token) -> SourceKind:
    """The kind of the mention a pronoun refers back to ("I" and "we" are named)."""
    lower = pronoun.lower_
    registry = context.registry
    if lower in FIRST_SECOND_PERSON:
        return SourceKind.NAMED  # the writer, or the people the quotation names
    if lower in PRONOUNS_SINGULAR:
        gender = PRONOUN_GENDERS.get(lower, "")
        mention = registry.before(pronoun.i, plural=False, person=True, salient=True, gender=gender)
        if mention is not None and _name_in_play(context, pronoun, mention, gender):
            return SourceKind.OTHER
    elif lower in PRONOUNS_PLURAL:
        groups = registry.before(pronoun.i, plural=True, person=None, salient=True)
        bodies = registry.before(pronoun.i, plural=False, person=False)
        candidates = [m for m in (groups, bodies) if m is not None]
        mention = max(candidates, key=lambda m: m.index) if candidates else None
        if mention is not None and mention.kind is SourceKind.OUTLET:
            return SourceKind.OTHER  # "they" seldom means a news outlet; not flagged
    elif lower in REFERRING_THING_PRONOUNS:
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
