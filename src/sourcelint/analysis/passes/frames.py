"""The frame of a candidate cue word: how its content and source attach in the parse.

A cue is a word together with its frame: "said that …" (``ccomp``) reports speech,
"said" with no complement at a sentence's end may too, "announced the deal" (``dobj``)
reports an act, "is believed to" (``pass-xcomp``) holds a belief credited to nobody.
The learned cue lexicon (``vocabulary/cues.tsv``) is keyed by lemma and frame, and both
the learner (``tools/learn_cues.py``) and the cue pass read frames from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Parts of speech that can carry a cue: verbs, and nouns such as "statement", "claims".
CUE_POS = frozenset({"VERB", "NOUN", "AUX"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "csubjpass"})
# In order of precedence: a clause is the strongest sign of reported content.
_VERB_COMPLEMENTS = (("ccomp", "ccomp"), ("xcomp", "xcomp"), ("dobj", "dobj"))
_NOUN_PREPOSITIONS = frozenset({"by", "of", "from"})


def frame(token: Token) -> str | None:
    """The frame of ``token`` as a cue, or None when its part of speech carries none."""
    if token.pos_ not in CUE_POS:
        return None
    if token.pos_ == "NOUN":
        return _noun_frame(token)
    deps = {child.dep_ for child in token.children}
    prefix = "pass-" if deps & _PASSIVE else ""
    if token.dep_ == "parataxis":
        return prefix + "parataxis"
    for dep, name in _VERB_COMPLEMENTS:
        if dep in deps:
            return prefix + name
    if any(child.dep_ == "mark" for child in token.children) and token.dep_ == "ccomp":
        return prefix + "none"
    if "prep" in deps or "agent" in deps:
        return prefix + "prep"
    return prefix + "none"


def _noun_frame(token: Token) -> str:
    deps = {child.dep_ for child in token.children}
    if "poss" in deps:
        return "noun-poss"
    if any(child.dep_ == "prep" and child.lower_ in _NOUN_PREPOSITIONS for child in token.children):
        return "noun-by"
    if deps & {"acl", "ccomp", "relcl"}:
        return "noun-clause"
    return "noun"


def is_according_to(token: Token) -> bool:
    """ "according" of "according to", whatever the parser made of it."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and following is not None and following.lower_ == "to"
