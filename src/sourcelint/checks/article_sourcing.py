"""Article-level sourcing: SL501 (weak sourcing is the majority) and SL502 (one source).

``measure = "weak-majority"`` flags an article where more than ``max-share`` of its typed
attributions are anonymous, vague, second-hand or unsourced; ``measure = "single-source"``
flags one whose attributions all credit the same named source. Both need at least
``min-attributions`` typed attributions (outside quotations) before judging.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.sourcing import Attribution
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit
from sourcelint.core.kinds import SourceKind
from sourcelint.core.profile import WEAK_KINDS

_MEASURES = ("weak-majority", "single-source")


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile from ``measure``, ``min-attributions`` and ``max-share``."""
    values = dict(params)
    minimum = values.pop("min-attributions", 4)
    max_share = values.pop("max-share", 0.5)
    reader = Params(values)
    measure = reader.choice("measure", _MEASURES, "weak-majority")
    reader.finish()
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        raise reader.error("min-attributions", "expected a whole number of at least 1")
    if (
        isinstance(max_share, bool)
        or not isinstance(max_share, int | float)
        or not 0 < max_share < 1
    ):
        raise reader.error("max-share", "expected a number between 0 and 1")

    def check(article: Article) -> Iterator[Hit]:
        typed = [a for a in article.attributions if not a.quoted and a.kind is not SourceKind.OTHER]
        if len(typed) < minimum:
            return
        if measure == "weak-majority":
            weak = sum(1 for a in typed if a.kind in WEAK_KINDS)
            if weak / len(typed) > max_share:
                yield Hit(*article.title_span(), fields=_fields(weak, len(typed)))
        elif _single_source(typed):
            name = next(a.referent for a in typed if a.referent)
            yield Hit(
                *article.title_span(), fields=(("count", str(len(typed))), ("name", name.title()))
            )

    return check


def _single_source(typed: list[Attribution]) -> bool:
    named = [a for a in typed if a.kind is SourceKind.NAMED]
    return len(named) == len(typed) and len({a.referent for a in named if a.referent}) == 1


def _fields(weak: int, total: int) -> tuple[tuple[str, str], ...]:
    return (("weak", str(weak)), ("total", str(total)), ("share", f"{weak / total:.0%}"))
