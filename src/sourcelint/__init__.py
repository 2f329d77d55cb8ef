"""sourcelint: a linter for journalism that flags weak sourcing and loaded language.

The public API: ``lint`` gives the findings ``sourcelint check`` reports for a text,
``analyze`` the sourcing model of one; ``Linter`` lints many texts with one configuration
(it is what ``attributions``, ``lsp`` and ``serve`` lint with). Each loads the model on
first use and keeps it.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from sourcelint.core.tiers import DEFAULT_TIER
from sourcelint.core.version import __version__

__all__ = [
    "Category",
    "Example",
    "FileResult",
    "Finding",
    "Hit",
    "Linter",
    "Report",
    "Rule",
    "RuleMeta",
    "Severity",
    "__version__",
    "analyze",
    "lint",
]

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.core.findings import Finding
    from sourcelint.run.drafts import Linter


# The public types, imported on first use: --version starts without them.
_EXPORTS = {
    "Category": "sourcelint.core.findings",
    "Example": "sourcelint.core.rule_meta",
    "FileResult": "sourcelint.core.results",
    "Finding": "sourcelint.core.findings",
    "Hit": "sourcelint.core.findings",
    "Linter": "sourcelint.run.drafts",
    "Report": "sourcelint.core.results",
    "Rule": "sourcelint.checks.rule",
    "RuleMeta": "sourcelint.core.rule_meta",
    "Severity": "sourcelint.core.findings",
}


def __getattr__(name: str) -> object:
    """The types of ``_EXPORTS``, imported when first asked for."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'sourcelint' has no attribute {name!r}")


def lint(
    text: str,
    path: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    *,
    pipeline: str | None = None,
) -> list[Finding]:
    """The findings ``sourcelint check`` reports for ``text`` as the file at ``path``.

    ``path`` chooses the configuration (found from the file's folder up, as ``check``
    finds it), the reader (by suffix: Markdown, HTML, else plain text) and per-file
    settings; the file itself is never read. Without it ``text`` is linted as standard
    input is, with the configuration of the working directory. ``config`` names a
    configuration file to use instead (``--config``); ``pipeline`` a tier (``"parse"`` or
    ``"fast"``) over the configuration's. Inline suppressions apply.

    Configurations are read afresh at each call (relative paths from the working
    directory of the call); rule packs and models are built once per tier and kept.
    Not for several threads at once: spaCy is not thread-safe; lint in one thread.

    Raises ``SourcelintError`` (``.code``, ``.path``, ``.key``) where ``check`` would
    report an error for the file: text that is binary or over the size limit, a broken
    configuration, an unknown rule selector, a missing model.
    """
    linter = _linter(pipeline)
    linter.reread_config(config)
    return linter.lint(text, path)


@cache
def _linter(pipeline: str | None) -> Linter:
    """One linter per tier, so rules and models are built once."""
    from sourcelint.run.drafts import Linter

    return Linter(pipeline=pipeline)


def analyze(text: str, *, pipeline: str = DEFAULT_TIER, model: str | None = None) -> Article:
    """Analyse article text (plain text): the Doc, quotations and the sourcing model.

    ``pipeline`` is ``"parse"`` (the statistical model; ``"accurate"`` is its old name) or
    ``"fast"`` (no model: faster, less accurate); ``model`` a verified model's load name.

    ``analyze(text).attributions`` lists who is credited with what, how, and what kind of
    source it is; offsets are into ``Article.text`` (``Article.offsets`` maps them back).
    """
    from sourcelint.engine import Engine

    return Engine.for_rules().analyze_text(text, pipeline, model)
