"""A head noun's dependents as the parse gives them: its "of" object, appositions,
determiner and count, and whether it is the whole of a definite set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.vocabulary.function_words import DEFINITE_DETERMINERS

if TYPE_CHECKING:
    from spacy.tokens import Token


def of_object(head: Token) -> Token | None:
    """The object of the head's "of": "officials" in "one of the officials"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def appositions(head: Token) -> list[int]:
    """The tokens set beside the head as another name for it: "the spokeswoman, Jane Roe"."""
    linked = [c.i for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        linked.append(head.head.i)
    return linked


def determiner(head: Token) -> str | None:
    """The head's article or other determiner, in lower case."""
    return next((c.lower_ for c in head.children if c.dep_ == "det"), None)


def definite_set(head: Token) -> bool:
    """ "the two lawmakers", "all candidates": the whole of a set, not some of it."""
    return any(
        c.dep_ in {"det", "predet"} and (c.lower_ in DEFINITE_DETERMINERS or c.lower_ == "all")
        for c in head.children
    )
