"""The open class of person nouns the passes read ("bartender", "diplomats"), shipped in
``vocabulary/person_nouns.txt`` (derived from WordNet by ``tools/derive_person_nouns.py``).
"""

from __future__ import annotations

from functools import cache

from sourcelint.analysis.passes.cue_scorer import VOCABULARY

PERSON_NOUNS_FILE = VOCABULARY / "person_nouns.txt"
# Classes of the shipped list a lower-case noun is read with: words whose first sense is
# a person ("secondary" words such as "party", "star" are left out for precision).
_PERSON_CLASSES = frozenset({"person"})


@cache
def person_nouns() -> dict[str, str]:
    """The shipped open class of person nouns, lemmas and their plurals, each with its
    sex ("f", "m" or "")."""
    words: dict[str, str] = {}
    for line in PERSON_NOUNS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, plurals, kind, gender = line.split("\t")
        if kind in _PERSON_CLASSES:
            for word in (lemma, *plurals.split(",")):
                if word:
                    words[word] = gender
    return words
