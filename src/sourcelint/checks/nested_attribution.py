"""SL203: a chain of relays in one sentence, "X told Y that Z said …".

The inner report must be a verb of saying with a source of its own, standing in the
content of an outer verb of saying ("that Z said", or "Z told him" right after the outer
verb). A pronoun as inner source is taken for the outer speaker ("She said she recalls"),
so it does not make a chain.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.sourcing import Attribution, CueType
from sourcelint.analysis.vocabulary.people import is_person
from sourcelint.analysis.vocabulary.pronouns import INNER_SOURCE_PRONOUNS
from sourcelint.analysis.vocabulary.verbs import RELAY_VERBS
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit
from sourcelint.core.kinds import SourceKind

# Words that may stand between the outer verb and the inner source: "told the mayor that".
_MAX_GAP = 6


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """No parameters."""
    Params(params).finish()

    def check(article: Article) -> Iterator[Hit]:
        relays = [a for a in article.attributions if _relay(article, a)]
        for outer, inner in pairwise(relays):
            if _chained(article, outer, inner):
                yield Hit(min(outer.source[0], outer.cue[0]), inner.cue[1])  # type: ignore[index]

    return check


def _relay(article: Article, attribution: Attribution) -> bool:
    return (
        attribution.cue_type is CueType.VERB
        and not attribution.quoted
        and attribution.cue_word in RELAY_VERBS
        and attribution.source_tokens is not None
        and _speaker(article, attribution)
    )


def _speaker(article: Article, attribution: Attribution) -> bool:
    """A source that can pass words on: one of a known kind, or a person left untyped
    ("the aide", whom the parse tier leaves open as the article may name her)."""
    if attribution.kind is not SourceKind.OTHER:
        return True
    head = attribution.head
    return head is not None and is_person(article.doc[head])


def _chained(article: Article, outer: Attribution, inner: Attribution) -> bool:
    doc = article.doc
    inner_start = inner.source_tokens[0]  # type: ignore[index]
    outer_end = outer.cue_tokens[1]
    if not 0 <= inner_start - outer_end <= _MAX_GAP or outer.source_tokens[0] > outer.cue_tokens[0]:  # type: ignore[index]
        return False
    if doc[outer.cue_tokens[0]].sent.start != doc[inner_start].sent.start:
        return False
    if doc[inner_start].lower_ in INNER_SOURCE_PRONOUNS:
        return False  # "She said she recalls": the same speaker
    between = {token.lower_ for token in doc[outer_end:inner_start]}
    introduced = inner_start == outer_end or "that" in between
    different = outer.referent is None or outer.referent != inner.referent
    return introduced and different
