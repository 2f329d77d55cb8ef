"""The frame of a candidate cue word: how its content and source attach in the parse.

A cue is a word together with its frame: "said that …" (``ccomp``) reports speech,
"said" with no complement at a sentence's end may too, "announced the deal" (``dobj``)
reports an act, "is believed to" (``pass-xcomp``) holds a belief credited to nobody.
The learned cue lexicon (``vocabulary/cues.tsv``) is keyed by lemma and frame, and both
the learner (``tools/learn_cues.py``) and the cue pass read frames from here.

For a verb of saying with other senses, ``speech_use`` reads the frame as a
``lexicon.Use`` ("claimed that …" content, "claimed the title" an object), which the cue
pass hands to the judgment both tiers share (``SourcingWords.says``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import clause_after_aside
from sourcelint.analysis.quotes import starts_and_ends
from sourcelint.analysis.vocabulary.function_words import CONTRACTED_HAS, TOPICS
from sourcelint.analysis.vocabulary.lexicon import Use
from sourcelint.analysis.vocabulary.phrase_edges import PARTICIPLE_OPENERS
from sourcelint.analysis.vocabulary.pronouns import PERSONAL_PRONOUNS, RELATIVE_OBJECTS
from sourcelint.analysis.vocabulary.source_phrases import NOUN_CUE_PREPOSITIONS
from sourcelint.analysis.vocabulary.verbs import SPEECH_CONTINUERS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Parts of speech that can carry a cue: verbs, and nouns such as "statement", "claims".
CUE_POS = frozenset({"VERB", "NOUN", "AUX"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "csubjpass"})
# In order of precedence: a clause is the strongest sign of reported content.
_VERB_COMPLEMENTS = (("ccomp", "ccomp"), ("xcomp", "xcomp"), ("dobj", "dobj"))
_CONTENT_FRAMES = frozenset({"ccomp", "xcomp", "parataxis"})
# Dependency labels of a verb's subjects, active, passive and clausal.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# The verb's own words before it: its subject and auxiliaries ("she had fumed").
_AUXILIARY_DEPS = frozenset({"aux", "auxpass", "neg"})
# What may follow a parenthetical verb before its closing comma: "explained earlier in
# the hearing,".
_SETTINGS = frozenset({"advmod", "npadvmod", "prep"})


def frame(token: Token) -> str | None:
    """The frame of ``token`` as a cue, or None when its part of speech carries none."""
    if token.pos_ not in CUE_POS:
        return None
    if token.pos_ == "NOUN":
        return _noun_frame(token)
    return verb_frame(token)


def verb_frame(token: Token) -> str:
    """The frame of ``token`` read as a verb (also when the tagger took it for a noun)."""
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
    if any(
        child.dep_ == "prep" and child.lower_ in NOUN_CUE_PREPOSITIONS for child in token.children
    ):
        return "noun-by"
    if deps & {"acl", "ccomp", "relcl"}:
        return "noun-clause"
    return "noun"


def is_according_to(token: Token) -> bool:
    """ "according" of "according to", whatever the parser made of it."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and following is not None and following.lower_ == "to"


def inside(quotes: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether ``offset`` lies within a quotation, its marks excluded."""
    index = bisect_right(quotes, (offset, float("inf"))) - 1
    return index >= 0 and quotes[index][0] < offset < quotes[index][1]


def speech_use(token: Token, quotes: tuple[tuple[int, int], ...]) -> tuple[Use, bool]:
    """How a verb takes what it reports, read from its frame, and whether that is a
    quotation. An infinitive reports nothing, nor does a gerund after a preposition,
    unless it shares its clause's subject ("after blasting …"); a participle after a
    noun is a passive ("the plan slammed by critics")."""
    kind = verb_frame(token)
    passive = kind.startswith("pass-") and not contracted_has(token)
    if passive or (token.dep_ == "acl" and token.tag_ == "VBN"):
        return Use.OBJECT, False  # "was slammed by critics", "the plan slammed by …"
    kind = kind.removeprefix("pass-")
    if _infinitive(token):
        return Use.NONE, False
    if token.dep_ == "pcomp" and token.head.lower_ not in PARTICIPLE_OPENERS:
        return Use.NONE, False  # "tired of explaining"; but "after blasting the senator"
    if _quotation_follows(token, quotes):
        return Use.CONTENT, True  # "boasted, “That makes me smart.”"
    if kind in _CONTENT_FRAMES:
        return Use.CONTENT, _quoted_content(token, quotes)
    if clause_after_aside(token.doc, _verb_end(token), token.sent.end):
        return Use.CONTENT, False  # "insisted, most recently in an interview, that …"
    if kind == "dobj":
        return (Use.CONTENT if _relative_content(token) else Use.OBJECT), False
    prepositions = [child for child in token.children if child.dep_ == "prep"]
    if any(child.lower_ in TOPICS for child in prepositions):
        return Use.TOPIC, False
    if any(_gerund_after_to(child) for child in prepositions):
        return Use.CONTENT, False  # "admitted to lying"
    if _as_clause(token) or _parenthetical(token):
        return Use.CONTENT, False  # "as the minister noted,", "Taxes, he noted, will …"
    if _after_quotation(token, quotes):
        return Use.CONTENT, True  # "“Not again,” she fumed."
    return Use.NONE, False


def _infinitive(token: Token) -> bool:
    """ "refused to admit that", "a chance to bash", "worth noting", "to interpret it and
    explain": an infinitive, but for one that goes on with a statement ("continued to
    insist that")."""
    verb = token.head if token.dep_ == "conj" else token
    marked = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    if not (marked or verb.dep_ == "xcomp"):
        return False
    return verb.head.lower_ not in SPEECH_CONTINUERS


def _gerund_after_to(preposition: Token) -> bool:
    return preposition.lower_ == "to" and any(
        child.dep_ == "pcomp" and child.tag_ == "VBG" for child in preposition.children
    )


def _as_clause(token: Token) -> bool:
    """ "As the minister noted, …", "…, as one adviser pointed out, …": "as" before the
    verb, whether the parser made it a subordinator or a preposition."""
    return any(
        child.lower_ == "as" and child.dep_ in {"mark", "prep"} and child.i < token.i
        for child in token.children
    )


def _relative_content(token: Token) -> bool:
    """ "the test, which the media claimed now allows …": the parser takes the relative
    pronoun for the verb's object, but a verb follows: the pronoun is that clause's
    subject, and the verb reports it."""
    doc = token.doc
    if not any(c.dep_ == "dobj" and c.lower_ in RELATIVE_OBJECTS for c in token.children):
        return False
    after = _verb_end(token)
    while after < len(doc) and doc[after].pos_ == "ADV":
        after += 1
    return after < len(doc) and doc[after].pos_ in {"VERB", "AUX"}


def _parenthetical(token: Token) -> bool:
    """ "These employees, Stumpf explained in the hearing, were well paid": a verb and its
    subject set off by commas inside the sentence it reports."""
    doc = token.doc
    subjects = [c.left_edge.i for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i]
    if not subjects or min(subjects) == 0 or doc[min(subjects) - 1].text != ",":
        return False
    settings = [c.right_edge.i for c in token.children if c.dep_ in _SETTINGS and c.i > token.i]
    after = max([_verb_end(token) - 1, *settings]) + 1
    return after < token.sent.end - 1 and doc[after].text == ","


def _quoted_content(token: Token, quotes: tuple[tuple[int, int], ...]) -> bool:
    """What the verb reports is a quotation: its clause lies in one, or one closes right
    before its speaker."""
    if any(c.dep_ in _CONTENT_FRAMES and inside(quotes, c.idx) for c in token.children):
        return True
    return _after_quotation(token, quotes)


def _quotation_follows(token: Token, quotes: tuple[tuple[int, int], ...]) -> bool:
    """A quotation opens right after the verb, or after its comma or colon: "admitted:
    “…”", "claimed “Trump exaggerates”"."""
    doc = token.doc
    end = _verb_end(token)
    if end < len(doc) and doc[end].text in {":", ","}:
        end += 1
    return end < len(doc) and doc[end].idx in starts_and_ends(quotes)[0]


def _after_quotation(token: Token, quotes: tuple[tuple[int, int], ...]) -> bool:
    """A quotation closes right before the verb and its own words: "“…,” she fumed"."""
    doc = token.doc
    lefts = [c.left_edge.i for c in token.children if c.dep_ in SUBJECT_DEPS] + [
        c.i for c in token.children if c.dep_ in _AUXILIARY_DEPS
    ]
    index = min([token.i, *lefts]) - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    if index < 0:
        return False
    mark = doc[index]
    return mark.idx + len(mark.text) in starts_and_ends(quotes)[1]


def contracted_has(token: Token) -> bool:
    """ "He's admitted he …": the parser reads "'s" as a passive's "is"; with a person as
    subject and a clause it is "has"."""
    children = list(token.children)
    personal = PERSONAL_PRONOUNS | {"who"}
    return (
        any(c.dep_ == "auxpass" and c.lower_ in CONTRACTED_HAS for c in children)
        and any(
            c.dep_ == "nsubjpass" and (c.lower_ in personal or c.pos_ == "PROPN") for c in children
        )
        and any(c.dep_ in _CONTENT_FRAMES for c in children)
    )


def _verb_end(token: Token) -> int:
    """Where the verb ends: after its particle ("pointed out")."""
    end = token.i + 1
    while any(child.dep_ == "prt" and child.i == end for child in token.children):
        end += 1
    return end
