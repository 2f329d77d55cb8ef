"""Pass 1, cues: the words that attribute, found on the parse.

A verb or noun is a cue when the learned scorer says so for its lemma, frame and
context ("said that …", "announced the deal", "his statement"); "according to",
hearsay adverbs ("reportedly"), agentless passives ("it was reported that", "is believed
to") and colon labels ("Cruz: …") are cues by their form. Words inside quotations are
the quoted speaker's, not the article's: they are no cues (PolNeAR's annotators, too,
marked 4 % of them against 83 % outside).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.passes.cue_features import context_features, lexicon_key
from sourcelint.analysis.passes.cue_scorer import CueScorer
from sourcelint.analysis.records import CueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEARNED = frozenset({"learn"})
_LABEL_WORDS = 4  # "Sen. Ted Cruz:" at most


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: its token span, its key word and how it attributes."""

    start: int
    end: int
    word: int  # token index of the key word ("said", "according", ":")
    cue_type: CueType
    frame: str


def find_cues(
    doc: Doc,
    quotes: tuple[tuple[int, int], ...],
    scorer: CueScorer,
    hearsay_adverbs: frozenset[str],
) -> list[Cue]:
    """Every cue outside quotations, in text order."""
    found = []
    for sentence in doc.sents:
        for token in sentence:
            if inside(quotes, token.idx):
                continue
            cue = _cue(token, sentence, scorer, hearsay_adverbs)
            if cue is not None:
                found.append(cue)
    return found


def inside(quotes: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether ``offset`` lies within a quotation, its marks excluded."""
    index = bisect_right(quotes, (offset, float("inf"))) - 1
    return index >= 0 and quotes[index][0] < offset < quotes[index][1]


def _cue(
    token: Token, sentence: Span, scorer: CueScorer, hearsay_adverbs: frozenset[str]
) -> Cue | None:
    if token.lower_ in hearsay_adverbs:
        return Cue(token.i, token.i + 1, token.i, CueType.HEARSAY, "adverb")
    if token.text == ":":
        return _label(token, sentence)
    key = lexicon_key(token)
    if key is None or not scorer.is_cue(key, context_features(token)):
        return None
    lemma, frame = key
    if frame == "according":
        return Cue(token.i, token.i + 2, token.i, CueType.ACCORDING_TO, frame)
    start, end = _verb_span(token)
    if lemma in _LEARNED and any(c.lower_ in {"has", "have"} for c in token.children):
        return Cue(start, end, token.i, CueType.LEARNED, frame)
    if frame.startswith("pass-") and _agentless(token):
        return Cue(start, end, token.i, CueType.AGENTLESS, frame)
    return Cue(start, end, token.i, CueType.VERB, frame)


def _verb_span(token: Token) -> tuple[int, int]:
    """The verb with its particle ("pointed out") and, for a passive, its auxiliaries
    and an infinitive "to" ("is said to")."""
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
        if child.dep_ == "auxpass" and child.i < start:
            start = child.i
    if start < token.i:  # a passive: "is said to", "was reported"
        after = token.doc[end] if end < len(token.doc) else None
        if after is not None and after.lower_ == "to":
            end += 1
    return start, end


def _agentless(token: Token) -> bool:
    """A passive cue with no "by" agent: "it was reported that", "is believed to"."""
    return not any(child.dep_ == "agent" for child in token.children)


def _label(colon: Token, sentence: Span) -> Cue | None:
    """ "Cruz: Trump Would Put …", "Sen. Smith, CNN:": a short name opening a sentence."""
    before = sentence.doc[sentence.start : colon.i]
    after = sentence.doc[colon.i + 1 : sentence.end]
    if not 0 < len(before) <= _LABEL_WORDS or len(after) < 3:
        return None
    if not all(t.pos_ in {"PROPN", "PUNCT"} for t in before) or before[0].pos_ != "PROPN":
        return None
    return Cue(colon.i, colon.i + 1, colon.i, CueType.VERB, "label")
