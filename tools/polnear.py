"""PolNeAR as parsed Docs with gold attributions, for the learning scripts in tools/.

Reads ``../shared/eval/polnear/<split>`` (never copied into the repository): each
article through sourcelint's plain reader and the parse tier's spaCy pipeline, the
same text the linter sees, and its annotated cues and sources mapped onto that text.
Parsed Docs are cached under ``$SOURCELINT_STUDY_CACHE`` (default
``/tmp/sourcelint-study``) so repeated runs take seconds.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
CACHE = Path(os.environ.get("SOURCELINT_STUDY_CACHE", "/tmp/sourcelint-study"))


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution, as character spans of the analysed text."""

    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]


def fold_of(article: str) -> int:
    """The fold (0-4) of an article, as ``extract_score.py`` computes it."""
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % 5


def _parse_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            tid, info, _ = line.split("\t", 2)
            offsets = info.split(" ", 1)[1]
            spans[tid] = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
        elif re.match(r"E\d+\t", line):
            roles = line.split("\t", 1)[1].split()
            relations.append(dict(r.split(":", 1) for r in roles[1:]))
    out = []
    for roles in relations:
        cue = [s for k, v in roles.items() if k.startswith("Cue") for s in spans.get(v, [])]
        src = [s for k, v in roles.items() if k.startswith("Source") for s in spans.get(v, [])]
        if cue:
            out.append({"cue": cue, "source": src})
    return out


def articles(split: str, folds: set[int] | None) -> list[tuple[str, Path, Path]]:
    """(name, text file, first annotator's .ann file) of a split, optionally by fold."""
    root = EVAL / "polnear" / split
    anns: dict[str, list[Path]] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}$", "", path.stem), []).append(path)
    texts = {p.stem: p for p in (root / "text").glob("*.txt")}
    names = sorted(a for a in anns if a in texts and (folds is None or fold_of(a) in folds))
    return [(a, texts[a], sorted(anns[a])[0]) for a in names]


def _to_analysis(original_to_analysis: list[int], start: int, end: int) -> tuple[int, int]:
    return original_to_analysis[start], original_to_analysis[max(end - 1, start)] + 1


def parsed(split: str, folds: set[int] | None = None) -> Iterator[tuple[str, object, list]]:
    """(name, Doc, [GoldAttribution]) for each article, parsed by the parse tier."""
    from spacy.tokens import DocBin

    from sourcelint.analysis.normalize import analysis_text
    from sourcelint.analysis.pipeline import Analyzer
    from sourcelint.readers import read_prose

    analyzer = Analyzer("parse")
    cache = CACHE / split
    cache.mkdir(parents=True, exist_ok=True)
    vocab = None
    for name, text_path, ann_path in articles(split, folds):
        text = text_path.read_text(encoding="utf-8")
        prose = read_prose(text)
        analysed, blocks, offsets = analysis_text(prose.text, prose.blocks)
        back = [prose.offsets.to_original(offsets.to_original(i)) for i in range(len(analysed))]
        forward = [0] * (len(text) + 1)
        last = 0
        for i, original in enumerate(back):
            forward[original] = i
        for i in range(len(forward)):
            if forward[i] == 0 and i and back[forward[i]] != i:
                forward[i] = last
            last = forward[i]
        stored = cache / f"{name}.spacy"
        if stored.exists():
            if vocab is None:
                vocab = analyzer.nlp.vocab
            doc = next(iter(DocBin().from_disk(stored).get_docs(vocab)))
        else:
            doc = analyzer.parse(analysed, blocks)
            DocBin(store_user_data=False, docs=[doc]).to_disk(stored)
        gold = [
            GoldAttribution(
                tuple(_to_analysis(forward, s, e) for s, e in g["cue"]),
                tuple(_to_analysis(forward, s, e) for s, e in g["source"]),
            )
            for g in _parse_ann(ann_path)
        ]
        yield name, doc, gold
