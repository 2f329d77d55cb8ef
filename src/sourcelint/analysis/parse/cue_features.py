"""What the cue scorer reads of a word in its sentence: its lexicon key and its context.

The learner (``tools/learn_cues.py``) and the cue pass both call these functions, so a
shipped weight always means what it meant when it was learned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.parse.frames import SUBJECT_DEPS, frame, is_according_to
from sourcelint.analysis.vocabulary.function_words import COMPLEMENTIZERS
from sourcelint.analysis.vocabulary.pronouns import (
    FIRST_SECOND_PERSON,
    RELATIVE_PRONOUNS,
    THIRD_PERSON_SUBJECTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Auxiliaries belong to the verb they help ("has said"): the verb is the candidate.
_HELPERS = frozenset({"aux", "auxpass"})
_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "parataxis", "prep"}
)
_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "NN", "NNS"})


def lexicon_key(token: Token) -> tuple[str, str] | None:
    """(lemma, frame) of a candidate cue word, or None when it cannot be one."""
    if token.dep_ in _HELPERS:
        return None
    if is_according_to(token):
        return ("accord", "according")
    kind = frame(token)
    return None if kind is None else (token.lemma_.lower(), kind)


def context_features(token: Token) -> list[str]:
    """Binary features of the cue's context, as names (``dep=ROOT``, ``subject=PROPN``).
    The scorer also reads the first four (``CONTEXT_GROUPS``) per lemma: how "say" as a
    noun fares is not how "tell" as a noun does."""
    dep = token.dep_ if token.dep_ in _DEPS else "other"
    tag = token.tag_ if token.tag_ in _TAGS else "other"
    children = list(token.children)
    features = [
        f"dep={dep}",
        f"tag={tag}",
        f"subject={subject_class(token)}",
        f"complement={_complement(children)}",
    ]
    if any(child.dep_ == "neg" for child in children):
        features.append("negated")
    if any(child.tag_ == "MD" for child in children):
        features.append("modal")
    if _question(token.sent):
        features.append("question")
    return features


def _complement(children: list[Token]) -> str:
    """The clause the word takes: opened by "that" (or "if", "whether"), bare, or none.
    "said that …" reports; a bare clause is also what a parse error leaves behind."""
    for child in children:
        if child.dep_ == "ccomp":
            marks = (c.lower_ for c in child.children if c.dep_ == "mark")
            return "that" if any(m in COMPLEMENTIZERS for m in marks) else "bare"
    return "none"


def _question(sentence: Span) -> bool:
    """Whether the sentence's text ends with "?", white space aside: read from its last
    words, not its whole text, which each cue of a very long sentence would rebuild."""
    for index in range(sentence.end - 1, sentence.start - 1, -1):
        token = sentence.doc[index]
        if not token.text.isspace():
            return token.text.endswith("?")
    return False


def subject_class(token: Token) -> str:
    """What kind of word the cue's own subject is: a name, a noun, which pronoun, none."""
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.pos_ != "PRON":
                return child.pos_ if child.pos_ in {"PROPN", "NOUN"} else "other"
            lower = child.lower_
            if lower in FIRST_SECOND_PERSON:
                return "pron-12"
            if lower in THIRD_PERSON_SUBJECTS:
                return "pron-3"
            return "pron-rel" if lower in RELATIVE_PRONOUNS else "pron-other"
    return "none"
