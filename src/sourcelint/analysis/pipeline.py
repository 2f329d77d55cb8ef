"""Build the spaCy pipeline of a tier and run it over prose.

``parse`` (the default; ``accurate`` is its old name) runs the verified statistical model
(tags, lemmas, dependencies, entities); ``fast`` is a blank English tokenizer plus the
rule-based sentencizer, for very large archives. spaCy is imported here, lazily, so the
CLI starts without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sourcelint.analysis.article import Article
from sourcelint.analysis.model import load_model
from sourcelint.analysis.normalize import analysis_text
from sourcelint.analysis.passes.attributions import ParseSourcing
from sourcelint.analysis.quotes import quotation_spans
from sourcelint.analysis.sourcing import SourcingModel, build_sourcing_model
from sourcelint.readers.base import Prose
from sourcelint.source import MAX_FILE_BYTES
from sourcelint.tiers import DEFAULT_TIER, tier_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Analyzer:
    """One tier's pipeline, built on first use and reused for every file."""

    def __init__(
        self,
        tier: str = DEFAULT_TIER,
        model: str | None = None,
        lexicon: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.tier = tier_name(tier)
        self.model = model
        self.lexicon = lexicon
        self._nlp: Language | None = None
        self._sourcing: SourcingModel | ParseSourcing | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = _build_fast() if self.tier == "fast" else load_model(self.model)
            # spaCy's default cap (1M characters) guards the parser's memory; files are
            # already capped by size when read, and must be linted whole, not refused.
            nlp.max_length = max(nlp.max_length, MAX_FILE_BYTES + 1)
            self._nlp = nlp
        return self._nlp

    @property
    def sourcing(self) -> SourcingModel | ParseSourcing:
        if self._sourcing is None:
            if self.lexicon is None:
                from sourcelint.registry import load_registry

                self.lexicon = load_registry().lexicon
            resources = build_sourcing_model(self.nlp, self.lexicon)
            self._sourcing = resources if self.tier == "fast" else ParseSourcing(resources)
        return self._sourcing

    def analyze(self, prose: Prose, own_outlet: tuple[str, ...] = ()) -> Article:
        """Analyse prose: fold white space, tokenize, split sentences, find quotations and
        attributions. ``own_outlet`` names the publishing outlet: words given to it are
        first-hand."""
        text, blocks, offsets = analysis_text(prose.text, prose.blocks)
        doc = self.parse(text, blocks)
        quotes = quotation_spans(text, blocks)
        return Article(
            text=text,
            doc=doc,
            blocks=blocks,
            quotes=quotes,
            offsets=offsets,
            attributions=tuple(self.sourcing.attributions(doc, quotes, own_outlet)),
        )

    def parse(self, text: str, blocks: tuple[tuple[int, int], ...]) -> Doc:
        """The tier's Doc of analysis text; every block starts a sentence."""
        nlp = self.nlp
        doc = nlp.make_doc(text)
        starts = _block_start_tokens(doc, blocks)
        if self.tier == "fast":
            sentencizer = nlp.get_pipe("sentencizer")
            tags = sentencizer.predict([doc])
            for index in starts:
                tags[0][index] = True
            sentencizer.set_annotations([doc], tags)
        else:
            _preset_sentence_starts(doc, starts)
            for _, component in nlp.pipeline:
                doc = component(doc)
        return doc


def _block_start_tokens(doc: Doc, blocks: tuple[tuple[int, int], ...]) -> list[int]:
    starts = []
    for start, _ in blocks:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            starts.append(span.start)
    return starts


def _preset_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Mark block starts before the parser runs; it keeps preset boundaries."""
    import numpy
    from spacy.attrs import SENT_START

    values = numpy.zeros((len(doc), 1), dtype="uint64")
    values[starts] = 1
    doc.from_array([SENT_START], values)


def _build_fast() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
