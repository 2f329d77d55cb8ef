"""How far a richer cue scorer would move the precision the shipped one reaches at recall.

Over PolNeAR train folds 0-3 (fold 4 is never read), each candidate word is scored by a
model fit on the other three folds, with lexicon shares cross-fitted as in
``tools/learn_cues.py``. Compared, on the same candidates:

- ``shipped``: the scorer's own inputs (lexicon shares and lifts, context features) in
  the logistic model ``learn_cues.py`` fits, standardised here so that the vectors'
  scale and the inputs' weigh alike on its penalty;
- ``+vectors``: the same plus the parse model's contextual vectors (its tok2vec output,
  96 numbers) of the word and of the word's subject;
- ``trees``: ``+vectors`` in gradient-boosted trees (only when scikit-learn is
  installed; sourcelint does not depend on it).

Prints, pooled over the four held-out folds, the precision at recall 0.80 to 0.86: the
share of chosen candidates that annotators marked, when the threshold lets that share of
the marked ones through. Needs ../shared/eval/polnear and the model::

    python tools/cue_frontier.py
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_cues import STUDY_FOLDS, Row, candidates, count, design, feature_names, fit, table

from sourcelint.analysis.parse.frames import SUBJECT_DEPS
from sourcelint.analysis.pipeline import Analyzer
from sourcelint.checks.registry import load_registry

# The word lists of the built-in rule packs, which the sourcing model reads.
LEXICON = load_registry().lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

RECALLS = (0.80, 0.82, 0.84, 0.86)
# A model fit on rows and marks, returning its scorer of other rows.
Scorer = Callable[[np.ndarray], np.ndarray]
Learner = Callable[[np.ndarray, np.ndarray], Scorer]


def vectors(found: list[tuple[Token, Row]]) -> np.ndarray:
    """The tok2vec vectors of each candidate word and of its subject (zeros for none)."""
    tok2vec = Analyzer(LEXICON, "parse").nlp.get_pipe("tok2vec")
    tensors: dict[int, np.ndarray] = {}
    rows = []
    for token, _ in found:
        doc = token.doc
        if id(doc) not in tensors:
            tensors.clear()  # candidates come article by article
            tensors[id(doc)] = tok2vec(doc).tensor
        tensor = tensors[id(doc)]
        subject = next((c.i for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        own = tensor[token.i]
        other = tensor[subject] if subject is not None else np.zeros_like(own)
        rows.append(np.concatenate([own, other]))
    return np.array(rows)


def precision_at(scores: np.ndarray, truth: np.ndarray) -> list[float]:
    order = np.argsort(-scores)
    hits = np.cumsum(truth[order])
    recall = hits / truth.sum()
    precision = hits / np.arange(1, len(truth) + 1)
    return [float(precision[np.searchsorted(recall, r)]) for r in RECALLS]


def held_out(x: np.ndarray, y: np.ndarray, folds: np.ndarray, learn: Learner) -> list[float]:
    """Precision at each recall, every candidate scored by a model fit without its fold."""
    scores = np.zeros(len(y))
    for fold in STUDY_FOLDS:
        mine = folds == fold
        scores[mine] = learn(x[~mine], y[~mine])(x[mine])
    return precision_at(scores, y)


def logistic(x: np.ndarray, y: np.ndarray) -> Scorer:
    scale = x.std(axis=0) + 1e-9  # the vectors' scale is not the shares'
    bias, weights = fit(x / scale, y)
    return lambda rows: 1 / (1 + np.exp(-(bias + (rows / scale) @ weights)))


def trees(x: np.ndarray, y: np.ndarray) -> Scorer:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0, random_state=0
    )
    model.fit(x, y)
    return lambda rows: model.predict_proba(rows)[:, 1]


def main() -> None:
    found = list(candidates(STUDY_FOLDS, "communicative"))
    rows = [row for _, row in found]
    lexicons = {k: table(*count(rows, set(STUDY_FOLDS) - {k})) for k in STUDY_FOLDS}
    x, y, folds, kept = design(rows, lexicons, feature_names(rows))
    richer = np.hstack([x, vectors([found[index] for index in kept])])
    variants = [("shipped", x, logistic), ("+vectors", richer, logistic)]
    if importlib.util.find_spec("sklearn") is None:
        print("(scikit-learn is not installed: no trees)")
    else:
        variants.append(("trees", richer, trees))
    print(f"{len(y)} candidates, {int(y.sum())} marked; precision at recall", RECALLS)
    for name, features, learn in variants:
        row = held_out(features, y, folds, learn)
        print(f"{name:10}", "  ".join(f"{p:.3f}" for p in row), flush=True)


if __name__ == "__main__":
    main()
