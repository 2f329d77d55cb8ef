"""A chunk of an archive linted in whichever process runs it: a pool's, a Dask worker's or
the run's own. Each process keeps one ``Worker`` (rules, model) for every chunk it gets;
each record comes with its settings, resolved where the audit runs."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from sourcelint.audit.inputs import BadRow, Record
from sourcelint.audit.rows import article_row
from sourcelint.core.errors import PipelineError
from sourcelint.run.options import CliOptions
from sourcelint.run.worker import Job, Pipeline, Worker

# New strings a process's vocabularies may gather before it builds its linter afresh. The
# fast tier is linted outside memory zones (faster), so its vocabulary keeps every word it
# meets: over PolNeAR's news 6,000 strings after 25 articles, 38,000 after 749, some
# 400 bytes to 1 KiB each. Building afresh takes 0.3 s (docs/audit.md).
RENEW_STRINGS = 100_000
# Records linted at a time within a chunk: each slice's Docs are held until its results
# are built. A process auditing PolNeAR's articles with the model peaked at 400 MiB linting
# 200 at a time, 238 MiB 25 at a time.
LINT_SLICE = 25
# spaCy's pipelines are not thread-safe: a process lints one chunk at a time, even as a
# Dask worker with several threads.
_ONE_AT_A_TIME = threading.Lock()


@dataclass(frozen=True)
class AuditSettings:
    """What every chunk of one audit is linted with (hashable: a process's key)."""

    pipeline: str | None = None  # --pipeline (a failing model is blamed on it, or the config)
    rules: tuple[str, ...] = ()  # the rule codes every row counts, in column order
    pipelines: tuple[Pipeline, ...] = ()  # what the records' settings need built

    def options(self) -> CliOptions:
        return CliOptions(paths=[], pipeline=self.pipeline, no_cache=True)


@dataclass
class ChunkResult:
    """What one chunk gave: a row per linted article, the records that could not be."""

    number: int
    rows: list[dict[str, Any]]
    bad: list[BadRow]


class ChunkLinter:
    """Lints chunks of records with one worker."""

    def __init__(self, settings: AuditSettings, *, owns_process: bool) -> None:
        self.settings = settings
        self.options = settings.options()
        # A process of the audit's own (the run's, its pool's) is tidied between chunks; a
        # Dask worker may run others' tasks too, and its collector is left to them.
        self.worker = Worker(self.options, owns_process=owns_process)
        # The strings the vocabularies held once built (the model's own); -1: not built.
        self._built_with = -1

    def warm(self) -> None:
        """Build the rules and the model now (a pool forked afterwards shares them)."""
        self.worker.warm(self.settings.pipelines)
        self._built_with = self.worker.strings_known()

    def lint(self, number: int, items: list[Record | BadRow]) -> ChunkResult:
        if self._built_with < 0:
            self.warm()
        records = [item for item in items if isinstance(item, Record)]
        bad = [item for item in items if isinstance(item, BadRow)]
        jobs = [
            Job(record.meta["id"], record.path, record.settings, record.text) for record in records
        ]
        outcomes = []
        for start in range(0, len(jobs), LINT_SLICE):
            outcomes.extend(self.worker.lint(jobs[start : start + LINT_SLICE]))
        rows = []
        for record, outcome in zip(records, outcomes, strict=True):
            if outcome.usage or isinstance(outcome.error, PipelineError):
                raise outcome.error  # no model, a bad selector: every article alike, fatal
            if outcome.error is not None:
                bad.append(BadRow(record.input, record.meta["id"], outcome.error.message))
            elif outcome.result is not None:
                rows.append(article_row(record, outcome.result.profile, self.settings.rules))
        if self.worker.strings_known() - self._built_with > RENEW_STRINGS:
            self.renew()
        return ChunkResult(number, rows, bad)

    def renew(self) -> None:
        """Drop the worker, and every word its vocabularies kept, for one built afresh:
        a process auditing millions of articles keeps the memory of its first thousands."""
        self.worker.close()
        self.worker = Worker(self.options, owns_process=self.worker.owns_process)
        self.warm()


@cache
def process_linter(settings: AuditSettings, owns_process: bool) -> ChunkLinter:
    """This process's linter for ``settings``, built on its first chunk."""
    return ChunkLinter(settings, owns_process=owns_process)


def lint_chunk(
    settings: AuditSettings, owns_process: bool, number: int, items: list[Record | BadRow]
) -> ChunkResult:
    """A chunk linted in a pool or Dask worker process (a module function: picklable)."""
    with _ONE_AT_A_TIME:
        return process_linter(settings, owns_process).lint(number, items)
