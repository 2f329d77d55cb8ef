"""SL503: an article whose reading grade is above a limit (grading in analysis.readability)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.readability import grade
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit
from sourcelint.core.profile import DEFAULT_FORMULA, FORMULAS

# Measured on 826 political news articles (PolNeAR train, 2016, seven U.S. outlets): about
# one in twenty has a body above Automated Readability grade 16 (Flesch-Kincaid 14).
DEFAULT_MAX_GRADE = 16.0


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the check: ``max-grade`` (a number) and ``formula`` (a name of FORMULAS)."""
    values = dict(params)
    # Params has no number reader: the limit is read here, and Params still rejects any
    # other key and names the pack file in errors.
    max_grade = values.pop("max-grade", DEFAULT_MAX_GRADE)
    reader = Params(values)
    formula = reader.choice("formula", tuple(FORMULAS), DEFAULT_FORMULA)
    reader.finish()
    if isinstance(max_grade, bool) or not isinstance(max_grade, int | float) or max_grade <= 0:
        raise reader.error("max-grade", "expected a positive number")
    label = FORMULAS[formula][0]
    limit = _number(max_grade)

    def check(article: Article) -> Iterator[Hit]:
        # Compared as shown (rounded): "grade 14.0 is above the 14 limit" would read as a bug.
        value = grade(article, formula)
        if value is None or value <= max_grade:
            return
        start, end = article.title_span()
        yield Hit(
            start,
            end,
            fields=(("grade", f"{value:.1f}"), ("limit", limit), ("formula", label)),
        )

    return check


def _number(value: float) -> str:
    """``14`` rather than ``14.0`` in messages."""
    return f"{value:g}"
