"""SL9xx meta rules: findings about sourcelint's own directives.

They have nothing to find in the prose: the engine's suppression step reports them (a
suppression that suppressed nothing, or names no rule) when the rule is selected. The
check itself therefore yields no hits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """No parameters; see the module docstring."""
    Params(params).finish()

    def check(article: Article) -> Iterator[Hit]:
        return iter(())

    return check
