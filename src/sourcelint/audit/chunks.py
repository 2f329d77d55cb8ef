"""A chunk of an archive linted in whichever process runs it: a pool's, a Dask worker's or
the run's own. Each process keeps one ``Worker`` (rules, model) for every chunk it gets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sourcelint.audit.inputs import BadRow, Record
from sourcelint.audit.rows import article_row
from sourcelint.config import ConfigResolver
from sourcelint.core.errors import PipelineError
from sourcelint.run.options import CliOptions
from sourcelint.run.worker import Job, Worker


@dataclass(frozen=True)
class AuditSettings:
    """What every chunk of one audit is linted with (hashable: a process's key)."""

    pipeline: str | None = None
    config: Path | None = None
    rules: tuple[str, ...] = ()  # the rule codes every row counts, in column order

    def options(self) -> CliOptions:
        return CliOptions(paths=[], pipeline=self.pipeline, config=self.config, no_cache=True)


@dataclass
class ChunkResult:
    """What one chunk gave: a row per linted article, the records that could not be."""

    number: int
    rows: list[dict[str, Any]]
    bad: list[BadRow]


class ChunkLinter:
    """Lints chunks of records with one worker and one configuration resolver."""

    def __init__(self, settings: AuditSettings, *, owns_process: bool) -> None:
        self.settings = settings
        self.options = settings.options()
        self.resolver = ConfigResolver(self.options.config)
        # A process of the audit's own (the run's, its pool's) is tidied between chunks; a
        # Dask worker may run others' tasks too, and its collector is left to them.
        self.worker = Worker(self.options, owns_process=owns_process)

    def warm(self) -> None:
        """Build the rules and the model now (a pool forked afterwards shares them)."""
        probe = self.options.apply(self.resolver.settings_for(Path.cwd() / "article.txt"))
        self.worker.warm([(probe.extend_rules, probe.pipeline, probe.model)])

    def lint(self, number: int, items: list[Record | BadRow]) -> ChunkResult:
        records = [item for item in items if isinstance(item, Record)]
        bad = [item for item in items if isinstance(item, BadRow)]
        jobs = [
            Job(
                record.meta["id"],
                record.path,
                self.options.apply(self.resolver.settings_for(record.path)),
                record.text,
            )
            for record in records
        ]
        rows = []
        for record, outcome in zip(records, self.worker.lint(jobs), strict=True):
            if outcome.usage or isinstance(outcome.error, PipelineError):
                raise outcome.error  # no model, a bad selector: every article alike, fatal
            if outcome.error is not None:
                bad.append(BadRow(record.input, record.meta["id"], outcome.error.message))
            elif outcome.result is not None:
                rows.append(article_row(record, outcome.result.profile, self.settings.rules))
        return ChunkResult(number, rows, bad)


@cache
def process_linter(settings: AuditSettings, owns_process: bool) -> ChunkLinter:
    """This process's linter for ``settings``, built on its first chunk."""
    return ChunkLinter(settings, owns_process=owns_process)


def lint_chunk(
    settings: AuditSettings, owns_process: bool, number: int, items: list[Record | BadRow]
) -> ChunkResult:
    """A chunk linted in a pool or Dask worker process (a module function: picklable)."""
    return process_linter(settings, owns_process).lint(number, items)
