"""sourcelint: a linter for journalism that flags weak sourcing and loaded language.

The public API: ``lint`` gives the findings ``sourcelint check`` reports for a text,
``analyze`` the sourcing model of one. Both load the model on first use and keep it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sourcelint.core.tiers import DEFAULT_TIER
from sourcelint.core.version import __version__

__all__ = ["Finding", "__version__", "analyze", "lint"]

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.core.findings import Finding
    from sourcelint.run.drafts import DraftLinter


def __getattr__(name: str) -> object:
    """``sourcelint.Finding``, imported on first use: ``--version`` starts without it."""
    if name == "Finding":
        from sourcelint.core.findings import Finding

        return Finding
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

    Raises ``SourcelintError`` (``.code``, ``.path``, ``.key``) where ``check`` would
    report an error for the file: a broken configuration, an unknown rule selector, a
    missing model.
    """
    where = Path(path) if path is not None else Path.cwd()
    display = os.fspath(path) if path is not None else "-"
    drafts = _drafts(Path(config) if config is not None else None, pipeline)
    return drafts.lint(where, text, display).findings


@cache
def _drafts(config: Path | None, pipeline: str | None) -> DraftLinter:
    """One linter per configuration and tier, so rules and models are built once."""
    from sourcelint.run.drafts import DraftLinter
    from sourcelint.run.options import CliOptions

    return DraftLinter(CliOptions(paths=[], config=config, pipeline=pipeline))


def analyze(text: str, *, pipeline: str = DEFAULT_TIER, model: str | None = None) -> Article:
    """Analyse article text (plain text): the Doc, quotations and the sourcing model.

    ``pipeline`` is ``"parse"`` (the statistical model; ``"accurate"`` is its old name) or
    ``"fast"`` (no model: faster, less accurate); ``model`` a verified model's load name.

    ``analyze(text).attributions`` lists who is credited with what, how, and what kind of
    source it is; offsets are into ``Article.text`` (``Article.offsets`` maps them back).
    """
    from sourcelint.engine import Linter

    return Linter.for_rules().analyze_text(text, pipeline, model)
