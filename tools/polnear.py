"""PolNeAR as parsed Docs with gold attributions, for the learning scripts in tools/.

Reads ``../shared/eval/polnear/<split>`` (never copied into the repository): each
article through sourcelint's plain reader and the parse tier's spaCy pipeline, the
same text the linter sees, and its annotated cues and sources mapped onto that text.
Parsed Docs are cached under ``$SOURCELINT_STUDY_CACHE`` (default
``/tmp/sourcelint-study``) so repeated runs take seconds.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
CACHE = Path(os.environ.get("SOURCELINT_STUDY_CACHE", "/tmp/sourcelint-study"))


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution, as character spans of the analysed text."""

    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    # The cue holds a verb of saying, reporting or believing (or is "according to", a
    # colon): the attributions the scorer counts, by its own test.
    communicative: bool = True


def _scorer() -> object:
    """The evaluation's own reader of PolNeAR (folds, brat files): one way to read it."""
    if str(EVAL) not in sys.path:
        sys.path.insert(0, str(EVAL))
    import extract_score

    return extract_score


def communicative_test() -> Callable[[str], bool]:
    """The scorer's test of a communicative cue, given the cue's words (extract_score's
    ``communicative``): the attributions its precision and recall count."""
    forms = _scorer().communicative_forms()
    return lambda cue: (
        cue.strip() == ":" or any(w in forms for w in re.findall(r"[a-z]+", cue.lower()))
    )


def fold_of(name: str) -> int:
    """The fold (0-4) of an article, as the scorer computes it."""
    return _scorer().fold_of(name)


def _mapped(forward: list[int], start: int, end: int) -> tuple[int, int]:
    return forward[start], forward[max(end - 1, start)] + 1


def parsed(split: str, folds: set[int] | None = None) -> Iterator[tuple[str, Doc, list, tuple]]:
    """(name, Doc, [GoldAttribution], quotations) per article, parsed by the parse tier."""
    from spacy.tokens import DocBin

    from sourcelint.analysis.normalize import analysis_text
    from sourcelint.analysis.pipeline import Analyzer
    from sourcelint.analysis.quotes import quotation_spans
    from sourcelint.checks.registry import load_registry
    from sourcelint.readers import read_prose

    scorer = _scorer()
    communicative = communicative_test()
    names, annotations, texts = scorer.load(EVAL / "polnear" / split, folds)
    analyzer = Analyzer(load_registry().lexicon, "parse")
    cache = CACHE / split
    cache.mkdir(parents=True, exist_ok=True)
    for name in names:
        text = texts[name].read_text(encoding="utf-8")
        prose = read_prose(text)
        analysed, blocks, offsets = analysis_text(prose.text, prose.blocks)
        # Each original offset to the analysis offset at or before it (runs of white
        # space fold to one character).
        forward = [0] * (len(text) + 1)
        for i in range(len(analysed)):
            forward[prose.offsets.to_original(offsets.to_original(i))] = i
        for j in range(1, len(forward)):
            forward[j] = max(forward[j], forward[j - 1])
        stored = cache / f"{name}.spacy"
        if stored.exists():
            doc = next(iter(DocBin().from_disk(stored).get_docs(analyzer.nlp.vocab)))
        else:
            doc = analyzer.parse(analysed, blocks)
            DocBin(store_user_data=False, docs=[doc]).to_disk(stored)
        gold = [
            GoldAttribution(
                tuple(_mapped(forward, *s) for s in g["cue"]),
                tuple(_mapped(forward, *s) for s in g["source"]),
                communicative(" ".join(text[s:e] for s, e in g["cue"])),
            )
            for g in scorer.parse_ann(annotations[name])
        ]
        yield name, doc, gold, quotation_spans(analysed, blocks)
