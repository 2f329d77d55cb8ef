"""English verb forms for lexicon entries, so rule packs can list lemmas.

An entry ``"say|says|said|saying"`` spells its forms out (irregular verbs, doubled
consonants); a plain ``"announce"`` gets the regular forms.
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def verb_forms(entry: str) -> tuple[str, ...]:
    """All forms of a verb entry: the lemma, -s, -ed and -ing forms."""
    if "|" in entry:
        return tuple(dict.fromkeys(form.strip() for form in entry.split("|") if form.strip()))
    words = entry.split()
    head, rest = words[0], words[1:]
    forms = (head, _third_person(head), _past(head), _gerund(head))
    return tuple(dict.fromkeys(" ".join([form, *rest]) for form in forms))


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ied"
    return verb + "ed"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"
