"""The open class of person nouns the passes read ("bartender", "diplomats").

Provenance: ``vocabulary/person_nouns.txt``, derived from WordNet by
``tools/derive_person_nouns.py``; the entity labels a person may carry are spaCy's
(OntoNotes) ``PERSON`` and ``NORP``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sourcelint.analysis.vocabulary import DIRECTORY

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_NOUNS_FILE = DIRECTORY / "person_nouns.txt"
# Classes of the shipped list a lower-case noun is read with: words whose first sense is
# a person ("secondary" words such as "party", "star" are left out for precision).
_PERSON_CLASSES = frozenset({"person"})


@cache
def person_nouns() -> dict[str, str]:
    """The shipped open class of person nouns, lemmas and their plurals, each with its
    sex ("f", "m" or "")."""
    words: dict[str, str] = {}
    for lemma, plurals, gender in _rows():
        for word in (lemma, *plurals):
            words[word] = gender
    return words


@cache
def person_plurals() -> frozenset[str]:
    """The plurals alone ("dealers", "women"), which a name seldom is ("Burgess")."""
    return frozenset(plural for _, plurals, _ in _rows() for plural in plurals)


@cache
def _rows() -> list[tuple[str, tuple[str, ...], str]]:
    """(lemma, plurals, sex) of each person noun of the shipped list, read once."""
    rows = []
    for line in PERSON_NOUNS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, plurals, kind, gender = line.split("\t")
        if kind in _PERSON_CLASSES:
            rows.append((lemma, tuple(p for p in plurals.split(",") if p), gender))
    return rows


# Entity labels a person may carry: a name, or a member of a people or party ("a
# Democrat", "Americans").
PERSON_ENTITIES = frozenset({"PERSON", "NORP"})


def is_person(token: Token) -> bool:
    """Whether ``token`` names or denotes a person: a person's name, a member of a people
    or party, or a person noun ("the mayor", "aides"). Pronouns are left to the caller:
    what "they" stands for is the registry's question."""
    return token.ent_type_ in PERSON_ENTITIES or token.lower_ in person_nouns()
