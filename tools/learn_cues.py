"""Learn the cue lexicon and the cue scorer's context weights from PolNeAR train.

For every word that can carry a cue, the parse tier's key is its lemma and frame
(``said`` + clausal complement, ``announced`` + noun object, ``statement`` + possessor …).
Over PolNeAR's train folds 0-3 this counts how often each key occurs outside quotations
and how often annotators marked it as a cue, then fits a small logistic model that
weighs that share against the word's context (its place in the parse, its subject,
negation, a modal). Fold 4 is never read: it stays the held-out check.

Writes ``src/sourcelint/analysis/vocabulary/cue_lexicon.tsv`` (lemma, frame, occurrences,
marked) and ``cue_weights.tsv`` (feature, weight), numbers and lemmas only, no article
text. Regenerate with::

    python tools/learn_cues.py            # needs ../shared/eval/polnear and the model
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import fold_of, parsed

from sourcelint.analysis.passes.cue_features import context_features, lexicon_key
from sourcelint.analysis.passes.cue_scorer import (
    LEXICON_FILE,
    MIN_LEMMA_MARKED,
    MIN_MARKED,
    WEIGHTS_FILE,
    smoothed_share,
)
from sourcelint.analysis.passes.cues import inside

STUDY_FOLDS = (0, 1, 2, 3)
L2 = 1.0


def examples() -> list[tuple[int, tuple[str, str], list[str], bool]]:
    """(fold, key, context features, marked) for every candidate outside quotations."""
    rows = []
    for name, doc, gold, quotes in parsed("train", set(STUDY_FOLDS)):
        cues = sorted(span for g in gold for span in g.cue)
        for token in doc:
            key = lexicon_key(token)
            if key is None or inside(quotes, token.idx):
                continue
            end = token.idx + len(token)
            marked = any(s < end and token.idx < e for s, e in cues)
            rows.append((fold_of(name), key, context_features(token), marked))
    return rows


def count(rows: list, folds: set[int]) -> tuple[Counter, Counter]:
    """Occurrences and marked occurrences per key (and per lemma, frame ``*``)."""
    seen, marked = Counter(), Counter()
    for fold, key, _, y in rows:
        if fold in folds:
            for k in (key, (key[0], "*")):
                seen[k] += 1
                marked[k] += y
    return seen, marked


def table(seen: Counter, marked: Counter) -> dict[tuple[str, str], tuple[int, int]]:
    """The rows a lexicon keeps: keys annotators marked often enough."""
    keep = {}
    for key, n in seen.items():
        floor = MIN_LEMMA_MARKED if key[1] == "*" else MIN_MARKED
        if marked[key] >= floor:
            keep[key] = (n, marked[key])
    return keep


def share_of(lexicon: dict, key: tuple[str, str]) -> float | None:
    for k in (key, (key[0], "*")):
        if k in lexicon:
            return smoothed_share(*lexicon[k])
    return None


def design(rows: list, lexicons: dict[int, dict], names: list[str]) -> tuple:
    """Feature matrix: logit of the (cross-fitted) share, then the context features."""
    index = {n: i for i, n in enumerate(names)}
    x, y, folds = [], [], []
    for fold, key, feats, marked in rows:
        share = share_of(lexicons[fold], key)
        if share is None:
            continue
        vec = np.zeros(len(names) + 1)
        vec[0] = math.log(share / (1 - share))
        for f in feats:
            if f in index:
                vec[1 + index[f]] = 1.0
        x.append(vec)
        y.append(marked)
        folds.append(fold)
    return np.array(x), np.array(y, dtype=float), np.array(folds)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton's method."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], L2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), w[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args()
    rows = examples()
    names = sorted({f for _, _, feats, _ in rows for f in feats})
    # Cross-fitted shares: each fold's candidates get shares counted on the other folds,
    # so the weight of the share is learned on shares it did not help count.
    lexicons = {k: table(*count(rows, set(STUDY_FOLDS) - {k})) for k in STUDY_FOLDS}
    x, y, folds = design(rows, lexicons, names)
    for held in STUDY_FOLDS:
        bias, w = fit(x[folds != held], y[folds != held])
        p = 1 / (1 + np.exp(-(bias + x[folds == held] @ w)))
        truth = y[folds == held]
        for t in (0.4, 0.5, 0.6):
            chosen = p >= t
            prec = truth[chosen].mean() if chosen.any() else 0.0
            print(f"fold {held} threshold {t}: candidates {chosen.sum()} marked share {prec:.3f}")
    bias, w = fit(x, y)
    lexicon = table(*count(rows, set(STUDY_FOLDS)))
    print(f"{len(lexicon)} lexicon rows; bias {bias:.3f}; share weight {w[0]:.3f}")
    if args.dry_run:
        return
    stamp = f"# Learned {date.today()} by tools/learn_cues.py from PolNeAR v1.0.0 train folds 0-3"
    LEXICON_FILE.write_text(
        "\n".join(
            [
                stamp + " (fold 4 held out).",
                "# Occurrences of each lemma x frame outside quotations, and how many of them",
                "# PolNeAR's annotators marked as an attribution cue. Frame '*' is the lemma in",
                f"# any frame. Kept: frames marked >= {MIN_MARKED} times, lemmas >= "
                f"{MIN_LEMMA_MARKED}. Regenerate: python tools/learn_cues.py",
                "lemma\tframe\toccurrences\tmarked",
                *(f"{k[0]}\t{k[1]}\t{n}\t{m}" for k, (n, m) in sorted(lexicon.items())),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    WEIGHTS_FILE.write_text(
        "\n".join(
            [
                stamp + " (fold 4 held out).",
                "# Logistic weights: P(cue) = sigmoid(bias + share * logit(lexicon share)",
                "# + the weights of the context features present). A word is a cue when",
                f"# P >= threshold. L2 = {L2}. Regenerate: python tools/learn_cues.py",
                "feature\tweight",
                f"threshold\t{args.threshold}",
                f"bias\t{bias:.4f}",
                f"share\t{w[0]:.4f}",
                *(f"{n}\t{v:.4f}" for n, v in zip(names, w[1:], strict=True)),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {LEXICON_FILE} and {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
