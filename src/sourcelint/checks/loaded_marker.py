"""SL306, SL307: editorializing words and doubt markers, by where they stand.

Three kinds of finding, each switched on by a parameter:

- ``anywhere``: phrase templates flagged wherever they occur ("arguably", "so-called");
- ``sentence-level``: phrase templates flagged only where they comment on a whole
  sentence: at its start ("Clearly, the minister misled …"), after "But"/"And", or set
  off by commas or dashes (", of course,"). "He spoke clearly" is left alone;
- ``scare-quotes``: one lower-case word in quotation marks after a determiner, with
  nobody credited in or next to its sentence (the “reforms”), which tells the reader to
  doubt the word. A
  quoted word with a speaker or a naming verb ("called it “reckless”", "dubbed
  “moderates”") is a quotation, not a scare quote.

Words inside quotations are the speaker's and are skipped (scare quotes are the marks
themselves, so they are the exception).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.phrases import PhraseMatch, PhraseSet
from sourcelint.analysis.spans import SpanSet
from sourcelint.analysis.templates import TemplateError
from sourcelint.analysis.vocabulary.marks import CLAUSE_END_MARKS, CLAUSE_START_MARKS, SET_OFF_MARKS
from sourcelint.analysis.vocabulary.phrase_edges import NOUN_PHRASE_OPENERS, OPENING_CONJUNCTIONS
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# One lower-case word (hyphens and apostrophes allowed) and nothing else.
_ONE_WORD = re.compile(r"[a-z](?:[a-z'’-]*[a-z])?")


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile ``anywhere`` and ``sentence-level`` templates, ``exceptions``, and
    ``scare-quotes`` with the ``attribution`` words (entries ``"@name"`` are lexicon
    lists) that make a quoted word a quotation."""
    reader = Params(params)
    anywhere = reader.strings("anywhere", ())
    sentence_level = reader.strings("sentence-level", ())
    exceptions = reader.strings("exceptions", ())
    scare_quotes = reader.flag("scare-quotes", False)
    attribution = frozenset(reader.words("attribution", lexicon=context.words))
    reader.finish()
    if not (anywhere or sentence_level or scare_quotes):
        raise reader.error("anywhere", "give anywhere, sentence-level or scare-quotes")
    free = _compile(context, reader, "anywhere", anywhere)
    placed = _compile(context, reader, "sentence-level", sentence_level)
    unwanted = _compile(context, reader, "exceptions", exceptions)

    def check(article: Article) -> Iterator[Hit]:
        doc = article.doc
        exceptions = unwanted.all_matches(doc) if unwanted else []
        excluded = SpanSet((m.start, m.end) for m in exceptions)

        def wanted(match: PhraseMatch) -> bool:
            inside = excluded.encloses(match.start, match.end)
            return not inside and not article.in_quote(match.mark_start, match.mark_end)

        found: list[Hit] = []
        if free is not None:
            found.extend(Hit(m.mark_start, m.mark_end) for m in free.find(doc) if wanted(m))
        if placed is not None:
            found.extend(
                Hit(m.mark_start, m.mark_end)
                for m in placed.find(doc)
                if wanted(m) and _sentence_level(doc, m.start, m.end)
            )
        if scare_quotes:
            found.extend(_scare_quotes(article, attribution))
        yield from sorted(found, key=lambda hit: (hit.start, hit.end))

    return check


def _compile(
    context: BuildContext, reader: Params, key: str, templates: tuple[str, ...]
) -> PhraseSet | None:
    if not templates:
        return None
    try:
        return PhraseSet(context.nlp, templates, context.words)
    except TemplateError as error:
        raise reader.error(key, str(error)) from None


def _sentence_level(doc: Doc, start: int, end: int) -> bool:
    """At the start of a sentence or clause, or set off by commas, dashes or brackets."""
    sent = doc[start].sent
    before = start - 1
    if before >= sent.start and doc[before].lower_ in OPENING_CONJUNCTIONS:
        opener = before - 1
        if opener < sent.start or doc[opener].text in CLAUSE_START_MARKS | {","}:
            before = opener  # "But clearly, …" / "…, and of course, …"
    if before < sent.start or doc[before].text in CLAUSE_START_MARKS:
        # "Clearly marked exits": an adverb straight before a participle modifies it.
        following = doc[end] if end < sent.end else None
        return following is None or not _participle(following)
    if doc[before].text not in SET_OFF_MARKS:
        return False
    after = doc[end] if end < sent.end else None
    if after is None:
        return True
    if after.text not in CLAUSE_END_MARKS:
        return False
    # ", clearly, and calmly" is a list of manner adverbs, not a comment.
    following = doc[end + 1] if end + 1 < len(doc) else None
    return not (after.text == "," and following is not None and following.lower_ in {"and", "or"})


def _participle(token: Token) -> bool:
    low = token.lower_
    return token.is_lower and token.is_alpha and low.endswith(("ed", "en")) and len(low) > 3


def _scare_quotes(article: Article, attribution: frozenset[str]) -> Iterator[Hit]:
    """One lower-case quoted word, with no speaker or naming verb in or next to its sentence."""
    doc = article.doc
    quotes = SpanSet(article.quotes)
    for start, end in article.quotes:
        inner = article.text[start + 1 : end - 1]
        if end - start < 3 or not _ONE_WORD.fullmatch(inner):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        # Inside a longer quotation, one starting before it: the quoted speaker's marks.
        nested = quotes.encloses(start - 1, end)
        if nested or _credited(span.sent, span.start, attribution):
            continue
        # Scare quotes sit where a noun phrase starts ("the “experts”", "their “reforms”");
        # a quoted word elsewhere ("to “win”", "is “ready”") is more often a quotation.
        before = doc[span.start - 1] if span.start > span.sent.start else None
        if before is None or before.lower_ not in NOUN_PHRASE_OPENERS:
            continue
        yield Hit(start, end)


def _credited(sent: Span, quote_start: int, attribution: frozenset[str]) -> bool:
    """A speech or naming word nearby ("said", "called", "as") credits the word.

    A partial quotation often takes its speaker from the sentence before or after
    ("Lee spoke on Monday. She promised to “end” the program."), so those count too.
    """
    doc = sent.doc
    if quote_start - 1 >= sent.start and doc[quote_start - 1].lower_ == "as":
        return True  # "known as “the bloc”", "described it as “reckless”"
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return any(token.lower_ in attribution for token in doc[start:end])
