"""The learned cue scorer: how likely a word in its context is an attribution cue.

Two shipped tables, learned by ``tools/learn_cues.py`` from PolNeAR train: the cue
lexicon (each lemma x frame with how often annotators marked it a cue) and the logistic
weights of the word's context. A word whose lemma the lexicon does not hold is no cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent.parent / "vocabulary"
LEXICON_FILE = VOCABULARY / "cue_lexicon.tsv"
WEIGHTS_FILE = VOCABULARY / "cue_weights.tsv"
# A lemma x frame enters the lexicon once annotators marked it this often; a lemma in
# any frame (the back-off) needs a little more evidence.
MIN_MARKED = 2
MIN_LEMMA_MARKED = 3


def smoothed_share(occurrences: int, marked: int) -> float:
    """The share of occurrences marked, pulled towards 1/2 by one pseudo-count each way."""
    return (marked + 0.5) / (occurrences + 1)


@dataclass(frozen=True)
class CueScorer:
    """Scores candidate cue words; ``is_cue`` applies the learned threshold."""

    lexicon: dict[tuple[str, str], tuple[int, int]]
    weights: dict[str, float]

    def probability(self, key: tuple[str, str], features: list[str]) -> float | None:
        """P(cue), or None when the lemma is not in the lexicon."""
        row = self.lexicon.get(key) or self.lexicon.get((key[0], "*"))
        if row is None:
            return None
        share = smoothed_share(*row)
        weights = self.weights
        z = weights["bias"] + weights["share"] * math.log(share / (1 - share))
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
