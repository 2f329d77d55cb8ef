"""Whom a word describes, read off the parse: "the mayor was lazy", "a weak candidate",
"called him a liar" describe a person; "demand was weak", "a nasty divorce case",
"saying something stupid" do not.

Used by rules whose words only matter said of a person (SL106's words of attack). On a
Doc without a parse (the fast tier) every word counts, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import PERSONAL_PRONOUNS
from sourcelint.analysis.passes.people import person_nouns

if TYPE_CHECKING:
    from spacy.tokens import Token

_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
_PERSON_ENTITIES = frozenset({"PERSON", "NORP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "called him a liar": the word completes what is said of the verb's object.
_OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp"})
_CONJUNCT_STEPS = 3  # "lazy, dishonest and unfit"


def describes_person(word: Token) -> bool:
    """Whether ``word`` is said of a person: an adjective of a person noun, a predicate
    of a person subject, or what a person is called. Without a parse, True."""
    if not word.doc.has_annotation("DEP"):
        return True
    for _ in range(_CONJUNCT_STEPS):
        if word.dep_ != "conj":
            break
        word = word.head
    return any(_person(target) for target in _targets(word))


def _targets(word: Token) -> list[Token]:
    if word.dep_ in {"amod", "appos"}:
        return [word.head]
    head = word.head
    if word.dep_ in {"acomp", "attr"}:
        return [c for c in head.children if c.dep_ in _SUBJECTS]
    if word.dep_ in _OBJECT_COMPLEMENTS:
        return [c for c in head.children if c.dep_ == "dobj"]
    return []


def _person(token: Token) -> bool:
    lower = token.lower_
    if lower in PERSONAL_PRONOUNS or lower in _OBJECT_PRONOUNS:
        return True
    return token.ent_type_ in _PERSON_ENTITIES or lower in person_nouns()
