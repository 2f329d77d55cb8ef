"""sourcelint: a linter for journalism that flags weak sourcing and loaded language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.core.tiers import DEFAULT_TIER
from sourcelint.core.version import __version__

__all__ = ["__version__", "analyze"]

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article


def analyze(text: str, *, pipeline: str = DEFAULT_TIER, model: str | None = None) -> Article:
    """Analyse article text (plain text): the Doc, quotations and the sourcing model.

    ``pipeline`` is ``"parse"`` (the statistical model; ``"accurate"`` is its old name) or
    ``"fast"`` (no model: faster, less accurate); ``model`` a verified model's load name.

    ``analyze(text).attributions`` lists who is credited with what, how, and what kind of
    source it is; offsets are into ``Article.text`` (``Article.offsets`` maps them back).
    """
    from sourcelint.checks.registry import load_registry
    from sourcelint.engine import Linter
    from sourcelint.readers import read_prose

    return Linter(load_registry()).analyzer(pipeline, model).analyze(read_prose(text))
