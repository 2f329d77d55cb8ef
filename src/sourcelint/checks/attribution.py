"""Rules as queries over the sourcing model: which attributions to flag, and where.

Parameters (``[rule.check]``):

- ``kinds``: source kinds to flag (``anonymous``, ``vague``, ``outlet``, ``none`` …);
- ``cue-types``: cue types to consider (default: all);
- ``cue-words``: only cues whose last word is one of these (``@list`` for a lexicon list);
- ``heads`` / ``exclude-heads``: only sources whose head noun is / is not one of these;
- ``bare``: true = only sources with no affiliation ("sources", "a source"); false = only
  sources with one; absent = either;
- ``unnamed``: true = only sources that name no maker ("polls show", "a new poll", not "a
  Marist poll", "a poll by Marist", "the poll") and have no named mention of one of
  ``heads`` in their sentence or the two after it (``checks/naming.py``);
- ``skip-bare-heads``: leave out sources with these heads when they are bare (another
  rule flags those);
- ``recipients``: also flag words given to an outlet ("told Reuters");
- ``report``: ``core`` (the source up to its head, default), ``attribution`` (source and
  cue together), or ``cue``; with ``core`` and ``attribution`` a source mention that
  several cues credit is flagged once, at its first cue (at the quoted severity when
  any of its cues quotes the content);
- ``reason-severity``: the severity when a reason for anonymity is given;
- ``include-quoted``: also flag attributions inside quotations (default false);
- ``content-words``: only attributions whose content holds one of these words; with
  ``quoted-severity`` the severity when that content is a direct quotation, and
  ``content-about = "person"`` only words said of a person ("the mayor was lazy", not
  "demand was weak"; read off the parse, or without one from the words around);
- ``unless-relayed-by``: leave out attributions whose cue stands inside the content of
  an attribution to a source of one of these kinds ("According to CNN, the mayor
  reportedly resigned": the report has its reporter, and the relay is flagged itself).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.grammar import skippable
from sourcelint.analysis.sourcing import Attribution, CueType
from sourcelint.analysis.spans import SpanSet
from sourcelint.analysis.token_table import token_table
from sourcelint.analysis.vocabulary.source_phrases import UNAFFILIATED_WORDS
from sourcelint.checks.naming import names_nobody
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.checks.target import describes_person
from sourcelint.core.findings import Hit, Severity
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

_REPORTS = ("core", "attribution", "cue")


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the query from its parameters."""
    reader = Params(params)
    severities = tuple(s.value for s in Severity)
    query = _Query(
        kinds=_choices(reader, "kinds", SourceKind, None),
        cue_types=_choices(reader, "cue-types", CueType, tuple(CueType)),
        cue_words=_words(context, reader, "cue-words"),
        heads=_words(context, reader, "heads"),
        exclude_heads=_words(context, reader, "exclude-heads") or frozenset(),
        recipients=reader.flag("recipients", False),
        include_quoted=reader.flag("include-quoted", False),
        bare=reader.optional_flag("bare"),
        unnamed=reader.flag("unnamed", False),
        skip_bare_heads=_words(context, reader, "skip-bare-heads") or frozenset(),
        report=reader.choice("report", _REPORTS, "core"),
        reason_severity=reader.optional_choice("reason-severity", severities),
        content_words=_words(context, reader, "content-words"),
        quoted_severity=reader.optional_choice("quoted-severity", severities),
        about_person=reader.choice("content-about", ("anything", "person"), "anything") == "person",
        relayed_by=_choices(reader, "unless-relayed-by", SourceKind, ()),
    )
    reader.finish()
    return query.check


@dataclass(frozen=True)
class _Query:
    """One rule's query, compiled from its parameters (see the module's docstring)."""

    kinds: frozenset[SourceKind]
    cue_types: frozenset[CueType]
    cue_words: frozenset[str] | None
    heads: frozenset[str] | None
    exclude_heads: frozenset[str]
    recipients: bool
    include_quoted: bool
    bare: bool | None
    unnamed: bool
    skip_bare_heads: frozenset[str]
    report: str
    reason_severity: str | None
    content_words: frozenset[str] | None
    quoted_severity: str | None
    about_person: bool
    relayed_by: frozenset[SourceKind]

    def check(self, article: Article) -> Iterator[Hit]:
        """The article's hits, one per mention of a source."""
        # Each attribution asks about its own content, which may run to the end of a very
        # long sentence: the words and quotations are indexed once per article instead.
        places = _WordPlaces(article, self.content_words or frozenset(), self.about_person)
        quotations = SpanSet(article.quotes)
        relays = SpanSet(
            a.content for a in article.attributions if a.kind in self.relayed_by and a.content
        )
        hits = _OnePerSource(self.quoted_severity)
        for attribution in article.attributions:
            source = attribution.source if self.report != "cue" else None
            if self.recipients and attribution.recipient and not attribution.quoted:
                source = attribution.recipient
                hit = Hit(*source)
            elif self._wanted(article, attribution, places) and not relays.encloses(
                *attribution.cue
            ):
                severity = self._severity(attribution, quotations)
                hit = Hit(*_span(article, attribution, self.report), severity=severity)
            else:
                continue
            hits.add(hit, source)
        yield from hits.hits

    def _wanted(self, article: Article, attribution: Attribution, places: _WordPlaces) -> bool:
        if attribution.quoted and not self.include_quoted:
            return False
        if attribution.cue_type not in self.cue_types or attribution.kind not in self.kinds:
            return False
        doc = article.doc
        if self.cue_words is not None and attribution.cue_word not in self.cue_words:
            return False
        head = doc[attribution.head].lower_ if attribution.head is not None else None
        if self.heads is not None and head not in self.heads:
            return False
        if head in self.exclude_heads:
            return False
        if head in self.skip_bare_heads and _is_bare(article, attribution):
            return False
        if self.unnamed and not names_nobody(
            article, attribution, self.heads or frozenset({head or ""})
        ):
            return False
        if self.content_words is not None and not _mentions(article, attribution, places):
            return False
        return self.bare is None or _is_bare(article, attribution) == self.bare

    def _severity(self, attribution: Attribution, quotations: SpanSet) -> Severity | None:
        """The severity a reason for anonymity or quoted content sets, else None (the
        rule's own)."""
        severity = (
            Severity(self.reason_severity) if self.reason_severity and attribution.reason else None
        )
        if self.quoted_severity and _quotes_content(attribution, quotations):
            severity = Severity(self.quoted_severity)
        return severity


class _OnePerSource:
    """An article's hits, one per mention of a source: "Two officials, who asked not to be
    named, said", "told Reuters, which first reported" credit one source twice. The first
    cue's hit stands; a later cue that quotes the content raises its severity."""

    def __init__(self, quoted_severity: str | None) -> None:
        self.hits: list[Hit] = []
        self._quoted_severity = quoted_severity
        self._flagged: dict[int, int] = {}  # a character of a flagged source -> its hit

    def add(self, hit: Hit, source: tuple[int, int] | None) -> None:
        """Record ``hit``, unless a hit for the same source stands (a mention of no source
        always counts)."""
        index = self._earlier(source) if source is not None else None
        if index is None:
            if source is not None:
                self._flagged.update(dict.fromkeys(range(*source), len(self.hits)))
            self.hits.append(hit)
        elif self._quoted_severity and hit.severity == Severity(self._quoted_severity):
            self.hits[index] = replace(self.hits[index], severity=hit.severity)

    def _earlier(self, span: tuple[int, int]) -> int | None:
        return next((self._flagged[c] for c in range(*span) if c in self._flagged), None)


def _span(article: Article, attribution: Attribution, report: str) -> tuple[int, int]:
    doc = article.doc
    cue_start, cue_end = attribution.cue_tokens
    tokens = attribution.core if report == "core" else None
    if tokens is not None and _relative_between(doc, tokens[1], cue_start):
        # "Democrats in the Senate, who have argued": the group and the clause that quotes it
        tokens = (tokens[0], cue_end)
    if report == "attribution" and attribution.source_tokens is not None:
        source_start, source_end = attribution.source_tokens
        near = source_start - cue_end <= 2 and (
            cue_start - source_end <= 2 or _relative_between(doc, source_end, cue_start)
        )
        tokens = (
            (min(cue_start, source_start), max(cue_end, source_end))
            if near
            else attribution.source_tokens
        )
    if tokens is None:
        tokens = (cue_start, cue_end)
    last = doc[tokens[1] - 1]
    return doc[tokens[0]].idx, last.idx + len(last.text)


def _relative_between(doc: Doc, start: int, end: int) -> bool:
    """ "the AP, which first reported", "Democrats in the Senate, who have argued": the
    source's modifiers, then a relative pronoun and only adverbs or auxiliaries."""
    gap = doc[start:end]
    if not 0 < len(gap) <= 8:
        return False
    relatives = [i for i, token in enumerate(gap) if token.lower_ in {"which", "who", "whom"}]
    if not relatives:
        return False
    last = relatives[-1]
    set_off = last == 0 or gap[last - 1].text == "," or gap[last - 1].lower_ == "of"
    return set_off and all(skippable(token) for token in gap[last + 1 :])


class _WordPlaces:
    """The indices of an article's tokens whose word is in a list, found on first use."""

    def __init__(self, article: Article, words: frozenset[str], about_person: bool) -> None:
        self._article = article
        self._words = words
        self._about_person = about_person

    @cached_property
    def _places(self) -> list[int]:
        doc = self._article.doc
        return [
            index
            for index, lower in enumerate(token_table(doc).lower)
            if lower in self._words and (not self._about_person or describes_person(doc[index]))
        ]

    def any_within(self, start: int, end: int) -> bool:
        """Whether such a token stands at ``start <= i < end``."""
        index = bisect_left(self._places, start)
        return index < len(self._places) and self._places[index] < end


def _mentions(article: Article, attribution: Attribution, places: _WordPlaces) -> bool:
    if attribution.content is None:
        return False
    span = article.doc.char_span(*attribution.content, alignment_mode="expand")
    return span is not None and places.any_within(span.start, span.end)


def _quotes_content(attribution: Attribution, quotations: SpanSet) -> bool:
    return attribution.content is not None and quotations.overlaps(*attribution.content)


def _is_bare(article: Article, attribution: Attribution) -> bool:
    core = attribution.core
    if core is None:
        return True
    return all(token.lower_ in UNAFFILIATED_WORDS for token in article.doc[core[0] : core[1] - 1])


def _choices(reader: Params, key: str, enum: type, default: tuple | None) -> frozenset:
    values = reader.strings(key, None if default is None else tuple(item.value for item in default))
    try:
        return frozenset(enum(value) for value in values)
    except ValueError as error:
        raise reader.error(key, str(error)) from None


def _words(context: BuildContext, reader: Params, key: str) -> frozenset[str] | None:
    """The list, or None when the pack gives none (no restriction)."""
    return frozenset(reader.words(key, lexicon=context.words)) or None
