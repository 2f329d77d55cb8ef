"""Build the spaCy pipeline of a tier and run it over prose.

``parse`` (``accurate`` is its old name) runs the verified statistical model (tags,
lemmas, dependencies, entities); ``fast`` (the default until the parse tier's sourcing
model meets its targets: ``sourcelint.core.tiers``) is a blank English tokenizer plus the
rule-based sentencizer, for very large archives. spaCy is imported here, lazily, so the
CLI starts without it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from sourcelint.analysis.article import Article
from sourcelint.analysis.fast.builder import FastSourcing
from sourcelint.analysis.model import load_model
from sourcelint.analysis.normalize import analysis_text
from sourcelint.analysis.parse.attributions import ParseSourcing
from sourcelint.analysis.quotes import quotation_spans
from sourcelint.analysis.sourcing import build_sourcing_resources
from sourcelint.core.document import OffsetMap, Prose
from sourcelint.core.files import MAX_FILE_BYTES
from sourcelint.core.tiers import DEFAULT_TIER, tier_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.model_rules import Stage

# The longest run without white space the tokenizer sees whole (longer than any word or
# link), and the pieces a longer run is cut into: the tokenizer's work on a run grows with
# the square of its length (``make_doc``).
MAX_RUN = 128
RUN_PIECE = 32
# A run longer than MAX_RUN, matched from its first character only (linear time).
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")
# No letter, digit or space: a piece of a run that holds no word.
_MARKS = re.compile(r"[^\w\s]+")

# One very long Doc costs the model more than its parts: a 100,000-word file took tok2vec
# 23 times and NER 14 times what 10,000 words took. A Doc of twice this many tokens or more
# goes through the model in pieces of whole blocks (no sentence crosses a block), each of
# this many tokens or more. Over PolNeAR train folds 0-3 pieces of 1,000 tokens or more
# (26 articles cut) gave the same findings, byte for byte, and the same extraction scores
# as pieces of 5,000, though 26 tokens of 13 of those articles were annotated otherwise.
MODEL_PIECE = 1000

# Docs per batch through the model's components, and tokens per batch at most (a longer
# Doc goes alone). Over PolNeAR train (2 processes) batches of 4 articles linted about 4%
# faster than one at a time; batches of 8 were no faster. But while tok2vec runs it holds
# some 12 KB per token of its batch, so a process's peak follows its largest batch: with
# batches of 4,000 tokens and pieces of 5,000, a 2-process run over folds 0-3 peaked at
# 311-322 MiB a process, set by the longest articles; with 2,000 and pieces of 1,000 (above),
# at 264 MiB, in 1.01 of the time (0.98-1.10, 3 pairs alternated over every fifth file).
PARSE_BATCH = 4
PARSE_TOKENS = 2000


class Analyzer:
    """One tier's pipeline, built on first use and reused for every file."""

    def __init__(
        self,
        lexicon: Mapping[str, tuple[str, ...]],
        tier: str = DEFAULT_TIER,
        model: str | None = None,
    ) -> None:
        self.tier = tier_name(tier)
        self.model = model
        self.lexicon = lexicon
        self._nlp: Language | None = None
        self._stages: list[Stage] | None = None
        self._sourcing: FastSourcing | ParseSourcing | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = _build_fast() if self.tier == "fast" else load_model(self.model)
            # spaCy's default cap (1M characters) guards the parser's memory; files are
            # already capped by size when read, and must be linted whole, not refused.
            nlp.max_length = max(nlp.max_length, MAX_FILE_BYTES + 1)
            self._nlp = nlp
        return self._nlp

    def strings_known(self) -> int:
        """How many strings the tier's vocabulary holds: it grows with every word met
        outside a memory zone (``Engine._zone``)."""
        return len(self._nlp.vocab.strings) if self._nlp is not None else 0

    @property
    def stages(self) -> list[Stage]:
        """The parse tier's model components in order, its rule components as tables."""
        if self._stages is None:
            from sourcelint.analysis.model_rules import model_stages

            self._stages = model_stages(self.nlp)
        return self._stages

    @property
    def sourcing(self) -> FastSourcing | ParseSourcing:
        if self._sourcing is None:
            resources = build_sourcing_resources(self.nlp, self.lexicon)
            tier = FastSourcing if self.tier == "fast" else ParseSourcing
            self._sourcing = tier(resources)
        return self._sourcing

    def analyze(self, prose: Prose, own_outlet: tuple[str, ...] = ()) -> Article:
        """Analyse prose: fold white space, tokenize, split sentences, find quotations and
        attributions. ``own_outlet`` names the publishing outlet: words given to it are
        first-hand."""
        return self.analyze_many([(prose, own_outlet)])[0]

    def analyze_many(self, items: Sequence[tuple[Prose, tuple[str, ...]]]) -> list[Article]:
        """``analyze`` of several (prose, own outlet) pairs, their parse batched."""
        prepared = [analysis_text(prose.text, prose.blocks) for prose, _ in items]
        docs = self.parse_many([(text, blocks) for text, blocks, _ in prepared])
        return [
            self._article(doc, *texts, own_outlet)
            for doc, texts, (_, own_outlet) in zip(docs, prepared, items, strict=True)
        ]

    def _article(
        self,
        doc: Doc,
        text: str,
        blocks: tuple[tuple[int, int], ...],
        offsets: OffsetMap,
        own_outlet: tuple[str, ...],
    ) -> Article:
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
        return self.parse_many([(text, blocks)])[0]

    def parse_many(self, texts: Sequence[tuple[str, tuple[tuple[int, int], ...]]]) -> list[Doc]:
        """``parse`` of several (text, blocks) pairs; the model's components run in batches."""
        nlp = self.nlp
        docs = [make_doc(nlp, text) for text, _ in texts]
        starts = [
            _block_start_tokens(doc, blocks) for doc, (_, blocks) in zip(docs, texts, strict=True)
        ]
        if self.tier == "fast":
            sentencizer = nlp.get_pipe("sentencizer")
            tags = sentencizer.predict(docs)
            for doc_tags, doc_starts in zip(tags, starts, strict=True):
                for index in doc_starts:
                    doc_tags[index] = True
            sentencizer.set_annotations(docs, tags)
        else:
            pieces = []
            for doc, doc_starts in zip(docs, starts, strict=True):
                _preset_sentence_starts(doc, doc_starts)
                pieces.append(_model_pieces(doc, doc_starts))
            flat = [piece for doc_pieces in pieces for piece in doc_pieces]
            parsed = iter([doc for batch in _batches(flat) for doc in self._modelled(batch)])
            docs = [_joined([next(parsed) for _ in doc_pieces]) for doc_pieces in pieces]
        for doc in docs:
            _index_sentences(doc)
        return docs

    def _modelled(self, batch: list[Doc]) -> list[Doc]:
        """``batch`` through the model's components, as one batch."""
        for stage in self.stages:
            batch = list(stage.pipe(batch, batch_size=len(batch)))
        return batch


def _batches(docs: list[Doc]) -> Iterator[list[Doc]]:
    """``docs`` in order, in batches of ``PARSE_BATCH`` Docs and at most ``PARSE_TOKENS``
    tokens (a longer Doc alone)."""
    batch: list[Doc] = []
    size = 0
    for doc in docs:
        if batch and (len(batch) == PARSE_BATCH or size + len(doc) > PARSE_TOKENS):
            yield batch
            batch, size = [], 0
        batch.append(doc)
        size += len(doc)
    if batch:
        yield batch


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text``, cutting over-long runs without white space into pieces first.

    spaCy's tokenizer strips a run's prefixes and suffixes one at a time, each time
    copying and searching the rest of the run: quadratic in its length (25 KB of "[" took
    102 s). No word or link runs past ``MAX_RUN`` characters, so text without such runs
    is tokenized as it always was; a longer run is tokenized in pieces of at most
    ``RUN_PIECE`` characters (a piece of marks alone is one token). The Doc is then
    rebuilt from the pieces' words, spaces and norms (the tokenizer's exceptions set
    norms: "n't" is "not"), so its text, and every token's offset, are exactly those of
    ``text``.
    """
    cuts = [cut for run in _LONG_RUN.finditer(text) for cut in _run_cuts(text, *run.span())]
    if not cuts:
        return nlp.make_doc(text)
    import numpy
    from spacy.attrs import NORM, ORTH, SPACY
    from spacy.tokens import Doc

    texts = [text[start:end] for start, end in pairwise([0, *cuts, len(text)])]
    # A piece of marks alone holds no word: it is one token, and the tokenizer, slowest on
    # marks, is spared it (10 MB of "[" would otherwise be 10 million tokens to analyse).
    marks = [_MARKS.fullmatch(piece) is not None for piece in texts]
    others = (piece for piece, mark in zip(texts, marks, strict=True) if not mark)
    tokenized = iter(nlp.tokenizer.pipe(others))
    strings = nlp.vocab.strings
    values = numpy.concatenate(
        [
            numpy.array([[strings.add(piece), 0, strings.add(piece)]], dtype="uint64")
            if mark
            else next(tokenized).to_array([ORTH, SPACY, NORM])
            for piece, mark in zip(texts, marks, strict=True)
        ]
    )
    doc = Doc(
        nlp.vocab,
        words=[strings[orth] for orth in values[:, 0].tolist()],
        spaces=values[:, 1].astype(bool).tolist(),
    )
    doc.from_array([NORM], values[:, 2:3])
    return doc


def _run_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Where to cut the run ``text[start:end]`` into pieces of at most ``RUN_PIECE``
    characters: after a mark near each limit, so that words stay whole when they can."""
    position = start
    while end - position > RUN_PIECE:
        limit = position + RUN_PIECE
        marks = (
            cut for cut in range(limit, limit - RUN_PIECE // 2, -1) if not text[cut - 1].isalnum()
        )
        position = next(marks, limit)
        yield position


def _model_pieces(doc: Doc, block_starts: list[int]) -> list[Doc]:
    """A long Doc cut at block starts into pieces of ``MODEL_PIECE`` tokens or more; an
    article shorter than two pieces stays whole, the same Doc."""
    if len(doc) < 2 * MODEL_PIECE:
        return [doc]
    cuts = [0]
    for start in block_starts:
        if start - cuts[-1] >= MODEL_PIECE and len(doc) - start >= MODEL_PIECE:
            cuts.append(start)
    if len(cuts) == 1:
        return [doc]
    head = doc._get_array_attrs()
    array = doc.to_array(head)  # once: each piece would otherwise convert the whole Doc
    bounds = [*cuts, len(doc)]
    return [doc[a:b].as_doc(array_head=head, array=array) for a, b in pairwise(bounds)]


def _joined(pieces: list[Doc]) -> Doc:
    """The pieces of one text as one Doc, annotations kept."""
    if len(pieces) == 1:
        return pieces[0]
    from spacy.tokens import Doc

    return Doc.from_docs(pieces, ensure_whitespace=False)


def _index_sentences(doc: Doc) -> None:
    """Answer ``token.sent`` and ``span.sent`` by bisection over the sentence starts.

    spaCy finds a token's sentence by walking to both of its ends, as long as the
    sentence is: asked for every cue, quadratic in a sentence that never ends (a hostile
    file's one long line). The hooks close over the starts only, not the Doc.
    """
    starts = [sentence.start for sentence in doc.sents]
    bounds = [*starts, len(doc)]

    def sentence_of(owner: Doc, index: int) -> Span:
        number = bisect_right(starts, index) - 1
        return owner[bounds[number] : bounds[number + 1]]

    doc.user_token_hooks["sent"] = lambda token: sentence_of(token.doc, token.i)
    doc.user_span_hooks["sent"] = lambda span: sentence_of(span.doc, span.start)


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
