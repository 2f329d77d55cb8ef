"""The data-rule check: phrase templates, exceptions, and the quotation scope."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.phrases import PhraseSet
from sourcelint.analysis.spans import SpanSet
from sourcelint.analysis.templates import TemplateError
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile ``phrases`` / ``exceptions`` templates; ``skip-quotes`` ignores quoted text."""
    reader = Params(params)
    phrases = reader.strings("phrases")
    exceptions = reader.strings("exceptions", ())
    skip_quotes = reader.flag("skip-quotes", False)
    reader.finish()
    wanted = _compile(context, reader, "phrases", phrases)
    unwanted = _compile(context, reader, "exceptions", exceptions) if exceptions else None

    def check(article: Article) -> Iterator[Hit]:
        doc = article.doc
        exceptions = unwanted.all_matches(doc) if unwanted else []
        excluded = SpanSet((m.start, m.end) for m in exceptions)
        for match in wanted.find(doc):
            if excluded.encloses(match.start, match.end):
                continue
            if skip_quotes and article.in_quote(match.mark_start, match.mark_end):
                continue
            yield Hit(match.mark_start, match.mark_end)

    return check


def _compile(
    context: BuildContext, reader: Params, key: str, templates: tuple[str, ...]
) -> PhraseSet:
    try:
        return PhraseSet(context.nlp, templates, context.words)
    except TemplateError as error:
        raise reader.error(key, str(error)) from None
