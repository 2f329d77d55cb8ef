"""Learn the cue lexicon and the cue scorer's context weights from PolNeAR train.

For every word that can carry a cue, the parse tier's key is its lemma and frame
(``said`` + clausal complement, ``announced`` + noun object, ``statement`` + possessor …).
Over PolNeAR's train folds 0-3 this counts how often each lemma occurs outside
quotations and how often annotators marked it as a cue of saying, reporting or believing
(the attributions the linter reports), in any frame, per frame and per context (its
dependency label, tag, subject, clause), then fits a small logistic model that weighs
those shares against the word's context (its place in the parse, its subject, negation,
a modal). Fold 4 is never read: it stays the held-out check.

Writes ``src/sourcelint/analysis/vocabulary/cue_lexicon.tsv`` (lemma, frame or context,
occurrences, marked) and ``cue_weights.tsv`` (feature, weight), numbers and lemmas only,
no article text. Regenerate with::

    python tools/learn_cues.py            # needs ../shared/eval/polnear and the model
    python tools/learn_cues.py --folds 0,1,2   # learn without fold 3, to score fold 3
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import fold_of, parsed

from sourcelint.analysis.parse.cue_features import context_features, lexicon_key
from sourcelint.analysis.parse.cue_scorer import (
    CONTEXT_GROUPS,
    CONTEXT_PRIOR,
    FRAME_PRIOR,
    LEXICON_FILE,
    MIN_CONTEXT_SEEN,
    MIN_FRAME_SEEN,
    MIN_LEMMA_MARKED,
    WEIGHTS_FILE,
    CueScorer,
)
from sourcelint.analysis.parse.cues import inside

if TYPE_CHECKING:
    from spacy.tokens import Token

STUDY_FOLDS = (0, 1, 2, 3)
L2 = 1.0
Row = tuple[int, tuple[str, str], list[str], bool]


def examples(study: tuple[int, ...], label: str) -> list[Row]:
    """(fold, key, context features, marked) for every candidate outside quotations.
    ``label`` "communicative": marked means marked with a cue of saying, reporting or
    believing (the attributions the linter reports and the scorer counts); "any": any cue.
    """
    return [row for _, row in candidates(study, label)]


def candidates(study: tuple[int, ...], label: str) -> Iterator[tuple[Token, Row]]:
    """Each candidate word with its row of ``examples``."""
    for name, doc, gold, quotes in parsed("train", set(study)):
        wanted = [g for g in gold if label == "any" or g.communicative]
        cues = sorted(span for g in wanted for span in g.cue)
        for token in doc:
            key = lexicon_key(token)
            if key is None or inside(quotes, token.idx):
                continue
            end = token.idx + len(token)
            marked = any(s < end and token.idx < e for s, e in cues)
            yield token, (fold_of(name), key, context_features(token), marked)


def count(rows: list[Row], folds: set[int]) -> tuple[Counter, Counter]:
    """Occurrences and marked occurrences per lemma (frame ``*``), per lemma x frame and
    per lemma x context (``dep=ROOT`` …)."""
    seen, marked = Counter(), Counter()
    for fold, key, feats, y in rows:
        if fold in folds:
            contexts = [(key[0], f) for f in feats if f.partition("=")[0] in CONTEXT_GROUPS]
            for k in (key, (key[0], "*"), *contexts):
                seen[k] += 1
                marked[k] += y
    return seen, marked


def table(seen: Counter, marked: Counter) -> dict[tuple[str, str], tuple[int, int]]:
    """The rows a lexicon keeps: lemmas annotators marked often enough, and their frames
    and contexts seen often enough to say something."""
    lemmas = {k[0] for k, n in seen.items() if k[1] == "*" and marked[k] >= MIN_LEMMA_MARKED}
    keep = {}
    for key, n in seen.items():
        if key[0] not in lemmas:
            continue
        if key[1] == "*" or n >= (MIN_CONTEXT_SEEN if "=" in key[1] else MIN_FRAME_SEEN):
            keep[key] = (n, marked[key])
    return keep


def feature_names(rows: list[Row]) -> list[str]:
    """The model's inputs in order: the share, a lift per context group, the features."""
    groups = [f"lift:{g}" for g in CONTEXT_GROUPS]
    return ["share", *groups, *sorted({f for _, _, feats, _ in rows for f in feats})]


def design(rows: list[Row], lexicons: dict[int, dict], names: list[str]) -> tuple:
    """Feature matrix: the scorer's inputs from the (cross-fitted) lexicon, then the
    context features, in the order of ``names``; with the marks, the folds and the
    indices of the rows kept (a row whose lemma its fold's lexicon lacks is left out)."""
    index = {n: i for i, n in enumerate(names)}
    scorers = {fold: CueScorer(lexicon, {}) for fold, lexicon in lexicons.items()}
    x, y, folds, kept = [], [], [], []
    for position, (fold, key, feats, marked) in enumerate(rows):
        values = scorers[fold].inputs(key, feats)
        if values is None:
            continue
        vec = np.zeros(len(names))
        for name, value in values.items():
            vec[index[name]] = value
        for f in feats:
            if f in index:
                vec[index[f]] = 1.0
        x.append(vec)
        y.append(marked)
        folds.append(fold)
        kept.append(position)
    return np.array(x), np.array(y, dtype=float), np.array(folds), kept


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
    parser.add_argument("--threshold", type=float, default=0.45)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    parser.add_argument(
        "--folds",
        default=",".join(map(str, STUDY_FOLDS)),
        help="train folds to learn from (default 0,1,2,3); leave one out to score it",
    )
    parser.add_argument(
        "--label",
        choices=("communicative", "any"),
        default="communicative",
        help="which annotated cues count as marked (default: those of saying, reporting "
        "or believing, the attributions the linter reports)",
    )
    args = parser.parse_args()
    study = tuple(sorted({int(k) for k in args.folds.split(",")}))
    if not set(study) <= set(STUDY_FOLDS) or len(study) < 2:
        parser.error("--folds: two or more of 0-3 (fold 4 is never read)")
    rows = examples(study, args.label)
    names = feature_names(rows)
    # Cross-fitted shares: each fold's candidates get shares counted on the other folds,
    # so the weights of the shares are learned on shares they did not help count.
    lexicons = {k: table(*count(rows, set(study) - {k})) for k in study}
    x, y, folds, _ = design(rows, lexicons, names)
    for held in study:
        bias, w = fit(x[folds != held], y[folds != held])
        p = 1 / (1 + np.exp(-(bias + x[folds == held] @ w)))
        truth = y[folds == held]
        for t in (0.4, 0.5, 0.6):
            chosen = p >= t
            prec = truth[chosen].mean() if chosen.any() else 0.0
            rec = chosen[truth == 1].mean()
            print(
                f"fold {held} threshold {t}: candidates {chosen.sum()} marked share "
                f"{prec:.3f}, marked chosen {rec:.3f}"
            )
    bias, w = fit(x, y)
    lexicon = table(*count(rows, set(study)))
    print(f"{len(lexicon)} lexicon rows; bias {bias:.3f}; share weight {w[0]:.3f}")
    if args.dry_run:
        return
    folds = "0-3" if study == STUDY_FOLDS else ",".join(map(str, study))
    stamp = (
        f"# Learned {date.today()} by tools/learn_cues.py from PolNeAR v1.0.0 train folds "
        f"{folds} (fold 4 held out), --label {args.label}."
    )
    LEXICON_FILE.write_text(
        "\n".join(
            [
                stamp,
                "# Occurrences of each lemma outside quotations, and how many of them PolNeAR's",
                "# annotators marked as an attribution cue"
                + (" of saying, reporting or believing." if args.label != "any" else "."),
                "# Frame '*' is the lemma in any frame; 'dep=ROOT' and the like a context.",
                f"# Kept: lemmas marked >= {MIN_LEMMA_MARKED} times, their frames seen >= "
                f"{MIN_FRAME_SEEN}, contexts >= {MIN_CONTEXT_SEEN}.",
                "# Regenerate: python tools/learn_cues.py",
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
                stamp,
                "# Logistic weights: P(cue) = sigmoid(bias + share * logit(frame share)",
                "# + sum of lift:<group> * (logit(context share) - logit(lemma share))",
                "# + the weights of the context features present), shares as cue_scorer.py",
                f"# reads them (priors {FRAME_PRIOR:g} and {CONTEXT_PRIOR:g}). A word is a cue",
                f"# when P >= threshold. L2 = {L2}. Regenerate: python tools/learn_cues.py",
                "feature\tweight",
                f"threshold\t{args.threshold}",
                f"bias\t{bias:.4f}",
                *(f"{n}\t{v:.4f}" for n, v in zip(names, w, strict=True)),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {LEXICON_FILE} and {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
