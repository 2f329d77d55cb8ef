"""One text at a time, linted as ``check`` lints the file at its path (serve, lsp)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sourcelint.config import ConfigResolver
from sourcelint.core.results import FileResult
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.run.options import CliOptions
from sourcelint.run.worker import Job, Worker, report_path


class DraftLinter:
    """Lints one text at a time as ``check`` lints the file at its path: that path's
    configuration, reader, rules and inline suppressions, keeping the reading view (for
    ``serve``, ``lsp`` and ``attributions``). Models and rules are built once, on first
    use."""

    def __init__(self, options: CliOptions) -> None:
        self.options = replace(options, reading_view=True)
        self.resolver = ConfigResolver(options.config)
        self._worker = Worker(self.options)

    def reread_config(self, config: Path | None) -> None:
        """Find and read configurations afresh from now on (files edited or added, another
        working directory), with ``config`` as ``--config``; rules and models stay built."""
        self.resolver = ConfigResolver(config)

    def lint(self, path: Path, text: str, display: str | None = None) -> FileResult:
        """``text`` linted as if it were the file at ``path``; raises what ``check``
        would report for it."""
        settings = self.options.apply(self.resolver.settings_for(path))
        job = Job(display or report_path(path), path, settings, text)
        outcome = self._worker.lint([job])[0]
        if outcome.error is not None:
            raise outcome.error
        result = outcome.result
        assert result is not None, "an outcome holds a result or an error"
        return FileResult(
            job.display, result.findings, text, result.profile, result.suppressed, result.view
        )

    def rules(self, path: Path) -> dict[str, RuleMeta]:
        """Metadata of every rule the file at ``path`` may be linted with, by code (what
        explanations and the HTML report's tips look rules up by)."""
        return self._worker.rule_metas(self.resolver.settings_for(path).extend_rules)
