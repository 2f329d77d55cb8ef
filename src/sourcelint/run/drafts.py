"""``sourcelint.Linter``: texts linted one at a time as ``check`` lints the file at their path.

The public API's object (``sourcelint.lint`` keeps one per tier), and the one the single-
text commands use: ``attributions``, ``lsp`` and ``serve``. ``check`` runs its ``Worker``
over a process pool.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from sourcelint.config import ConfigResolver
from sourcelint.core.files import read_stream
from sourcelint.core.findings import Finding
from sourcelint.core.results import FileResult
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.run.options import CliOptions
from sourcelint.run.worker import Job, Worker, report_path


class Linter:
    """Lints one text at a time as ``check`` lints the file at its path: that path's
    configuration, reader, rules and inline suppressions.

    ``config`` names a configuration file to use instead of those found from each path
    up (``--config``); ``pipeline`` a tier (``"parse"`` or ``"fast"``) over the
    configuration's. Rule packs and models are built on first use and kept; configurations
    are read once, until ``reread_config``. Not for several threads at once (spaCy is not
    thread-safe).
    """

    def __init__(
        self, config: str | os.PathLike[str] | None = None, *, pipeline: str | None = None
    ) -> None:
        config_path = Path(config) if config is not None else None
        self.options = CliOptions(
            paths=[], config=config_path, pipeline=pipeline, reading_view=True
        )
        self.resolver = ConfigResolver(config_path)
        self._worker = Worker(self.options)

    def lint(self, text: str, path: str | os.PathLike[str] | None = None) -> list[Finding]:
        """The findings ``check`` reports for ``text`` as the file at ``path`` (never read);
        without ``path``, as standard input in the working directory.

        Raises ``SourcelintError`` where ``check`` would report an error for the file:
        text that is binary or over the size limit, a broken configuration, a missing model.
        """
        where = Path(path) if path is not None else Path.cwd()
        display = os.fspath(path) if path is not None else "-"
        return self.lint_file(where, text, display).findings

    def lint_file(
        self, path: str | os.PathLike[str], text: str, display: str | None = None
    ) -> FileResult:
        """``text`` linted as if it were the file at ``path``, with its profile and reading
        view (attributions placed in the text); raises what ``check`` would report, text
        that is binary or over the size limit included."""
        path = Path(path)
        display = display or report_path(path)
        # The checks check makes of a file's bytes: binary, size, UTF-8.
        text = read_stream(io.BytesIO(text.encode("utf-8", "surrogatepass")), display)
        settings = self.options.apply(self.resolver.settings_for(path))
        job = Job(display, path, settings, text)
        outcome = self._worker.lint([job])[0]
        if outcome.error is not None:
            raise outcome.error
        result = outcome.result
        assert result is not None, "an outcome holds a result or an error"
        return FileResult(
            job.display, result.findings, text, result.profile, result.suppressed, result.view
        )

    def rules(self, path: str | os.PathLike[str]) -> dict[str, RuleMeta]:
        """Metadata of every rule the file at ``path`` may be linted with, by code (what
        explanations and the HTML report's tips look rules up by)."""
        return self._worker.rule_metas(self.resolver.settings_for(Path(path)).extend_rules)

    def reread_config(self, config: str | os.PathLike[str] | None = None) -> None:
        """Find and read configurations afresh from now on (files edited or added, another
        working directory), with ``config`` as ``--config``; rules and models stay built."""
        self.resolver = ConfigResolver(Path(config) if config is not None else None)
