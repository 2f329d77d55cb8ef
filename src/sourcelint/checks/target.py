"""Whom a word describes, read off the parse: "the mayor was lazy", "a weak candidate",
"called him a liar" describe a person; "demand was weak", "a nasty divorce case",
"saying something stupid" do not.

Used by rules whose words only matter said of a person (SL106's words of attack). On a
Doc without a parse (the fast tier) the words around stand in: "he is lazy", "the mayor
was a liar", "a weak candidate", "called him a liar". Names need the parse: without one,
a capitalized word may as well be a place or a law ("Washington is weak").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.vocabulary.adverbs import DEGREE_WORDS
from sourcelint.analysis.vocabulary.function_words import ARTICLES, CONTRACTED_COPULAS, COPULAS
from sourcelint.analysis.vocabulary.people import is_person
from sourcelint.analysis.vocabulary.phrase_edges import LIST_WORDS
from sourcelint.analysis.vocabulary.pronouns import PEOPLE_PRONOUNS
from sourcelint.analysis.vocabulary.verbs import CALLING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "called him a liar", "he was called a liar": what the verb's object (or a passive's
# subject) is called.
_OBJECTS = frozenset({"dobj", "nsubjpass"})
_COMPLEMENTS = frozenset({"oprd", "xcomp"})
_CONJUNCT_STEPS = 3  # "lazy, dishonest and unfit"


def describes_person(word: Token) -> bool:
    """Whether ``word`` is said of a person: an adjective of a person noun, a predicate
    of a person subject, or what a person is called."""
    if not word.doc.has_annotation("DEP"):
        return _said_of_person(word)
    for _ in range(_CONJUNCT_STEPS):
        if word.dep_ != "conj":
            break
        word = word.head
    return any(_person(target) for target in _targets(word))


def _targets(word: Token) -> list[Token]:
    if word.pos_ in {"VERB", "AUX"}:
        return [c for c in word.children if c.dep_ in _SUBJECTS]  # "he was lying"
    if word.dep_ in {"amod", "appos"}:
        return [word.head]
    head = word.head
    if word.dep_ in {"acomp", "attr"}:
        return [c for c in head.children if c.dep_ in _SUBJECTS]
    if word.dep_ in _COMPLEMENTS:
        return [c for c in head.children if c.dep_ in _OBJECTS]
    return []


def _person(token: Token) -> bool:
    return token.lower_ in PEOPLE_PRONOUNS or is_person(token)


def _said_of_person(word: Token) -> bool:
    """The fast tier's stand-in for the parse, read from the words around ``word``."""
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and _person(after):
        return True  # "a weak candidate", "lazy aides"
    i = _skip_degree(doc, word.i - 1)
    for _ in range(_CONJUNCT_STEPS):
        if i < 1 or doc[i].lower_ not in LIST_WORDS:
            break
        i = _skip_degree(doc, i - 2)  # "lazy and unfit", "lazy, dishonest and unfit"
    if i >= 0 and doc[i].lower_ in ARTICLES:
        i -= 1  # "is a liar", "called him a liar"
    if i >= 1 and doc[i].lower_ in COPULAS:
        return _person(doc[i - 1])
    if i >= 1 and doc[i].lower_ in CONTRACTED_COPULAS:
        return doc[i - 1].lower_ in PEOPLE_PRONOUNS  # "he's a liar", not "the mayor's"
    return i >= 1 and _person(doc[i]) and doc[i - 1].lower_ in CALLING_VERBS


def _skip_degree(doc: Doc, index: int) -> int:
    while index >= 0 and doc[index].lower_ in DEGREE_WORDS:
        index -= 1
    return index
