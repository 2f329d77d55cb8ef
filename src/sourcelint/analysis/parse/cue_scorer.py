"""The learned cue scorer: how likely a word in its context is an attribution cue.

Two shipped tables, learned by ``tools/learn_cues.py`` from PolNeAR train: the cue
lexicon and the logistic weights. The lexicon counts, for each lemma, its occurrences
and how often annotators marked it a cue: in any frame (``*``), in each frame, and in
each of a few contexts (``dep=ROOT``, ``tag=NN``, ``subject=PROPN``, ``complement=that``).
A word whose lemma the lexicon does not hold is no cue.

The score reads the frame's share of marks, each pulled towards the lemma's share
(a frame seen twice says little), and, per context, how far the lemma's share in that
context lies from its share overall (a lift, in logits): "say" as a noun ("a say in")
is rarely a cue, "say" as a verb nearly always. Context features then add their weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sourcelint.analysis.vocabulary import DIRECTORY

LEXICON_FILE = DIRECTORY / "cue_lexicon.tsv"
WEIGHTS_FILE = DIRECTORY / "cue_weights.tsv"
# A lemma enters the lexicon once annotators marked it this often.
MIN_LEMMA_MARKED = 3
# A frame or context row is kept once the lemma occurred in it this often.
MIN_FRAME_SEEN = 2
MIN_CONTEXT_SEEN = 3
# Pseudo-counts of the lemma's share in a frame's or a context's share (chosen by
# cross-validation over train folds 0-3).
FRAME_PRIOR = 2.0
CONTEXT_PRIOR = 4.0
# The context features read per lemma (their name before "=").
CONTEXT_GROUPS = ("dep", "tag", "subject", "complement")
_CLIP = 1e-3


def smoothed_share(occurrences: int, marked: int) -> float:
    """The share of occurrences marked, pulled towards 1/2 by one pseudo-count each way."""
    return (marked + 0.5) / (occurrences + 1)


def _logit(p: float) -> float:
    p = min(max(p, _CLIP), 1 - _CLIP)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class CueScorer:
    """Scores candidate cue words; ``is_cue`` applies the learned threshold."""

    lexicon: dict[tuple[str, str], tuple[int, int]]
    weights: dict[str, float]

    def inputs(self, key: tuple[str, str], features: list[str]) -> dict[str, float] | None:
        """The model's numeric inputs: ``share`` (logit of the frame's share) and a
        ``lift:<group>`` per context the lemma was counted in; None for an unknown lemma.
        The learner fits its weights on these same numbers."""
        lemma = self.lexicon.get((key[0], "*"))
        if lemma is None:
            return None
        base = smoothed_share(*lemma)
        seen, marked = self.lexicon.get(key, (0, 0))
        values = {"share": _logit((marked + FRAME_PRIOR * base) / (seen + FRAME_PRIOR))}
        for feature in features:
            group = feature.partition("=")[0]
            row = self.lexicon.get((key[0], feature)) if group in CONTEXT_GROUPS else None
            if row is not None:
                share = (row[1] + CONTEXT_PRIOR * base) / (row[0] + CONTEXT_PRIOR)
                values[f"lift:{group}"] = _logit(share) - _logit(base)
        return values

    def probability(self, key: tuple[str, str], features: list[str]) -> float | None:
        """P(cue), or None when the lemma is not in the lexicon."""
        values = self.inputs(key, features)
        if values is None:
            return None
        weights = self.weights
        z = weights["bias"] + sum(weights.get(name, 0.0) * v for name, v in values.items())
        z += sum(weights.get(name, 0.0) for name in features)
        return 1 / (1 + math.exp(-z))

    def is_cue(self, key: tuple[str, str], features: list[str]) -> bool:
        p = self.probability(key, features)
        return p is not None and p >= self.weights["threshold"]


@cache
def load_scorer() -> CueScorer:
    """The shipped tables, read once."""
    lexicon = {}
    for row in _rows(LEXICON_FILE):
        lemma, frame, occurrences, marked = row
        lexicon[(lemma, frame)] = (int(occurrences), int(marked))
    weights = {name: float(value) for name, value in _rows(WEIGHTS_FILE)}
    return CueScorer(lexicon, weights)


def _rows(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    body = [line.split("\t") for line in lines if not line.startswith("#")]
    return body[1:]  # the header names the columns
