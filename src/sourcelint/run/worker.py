"""Lints files as ``check`` does, in the run's own process or in each process of a pool."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sourcelint.config import Settings
from sourcelint.core.crash import internal_error
from sourcelint.core.errors import ConfigError, PipelineError, SourcelintError
from sourcelint.core.files import read_text
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.engine import Engine, LintRequest, LintResult
from sourcelint.run.options import CliOptions

# What an engine is built for: the extend-rules directories, the tier and the model.
Pipeline = tuple[tuple[Path, ...], str, str | None]


def pipeline_of(settings: Settings) -> Pipeline:
    return settings.extend_rules, settings.pipeline, settings.model


def read_job(job: Job) -> str:
    return job.text if job.text is not None else read_text(job.path, job.display)


@dataclass(frozen=True)
class Job:
    """One file to lint, with its settings (the command line's choices laid over)."""

    display: str
    path: Path
    settings: Settings
    # The text, when read already: standard input, or a file read for its cache key.
    text: str | None = None


@dataclass
class Outcome:
    """What linting one file gave: its text and result, or the error that stopped it."""

    text: str = ""
    result: LintResult | None = None
    error: SourcelintError | None = None
    # The error is the file's own: it could not be read.
    unread: bool = False
    # The error is the command line's: it spoils every file alike.
    usage: bool = False
    # The rule registry (by extend-rules) the file's engine used, once it had one.
    registry: tuple[Path, ...] | None = None


class Worker:
    """Lints jobs, in the run's own process or in each process of a pool.

    It holds no state of the run, only what is costly to build again (engines: rule
    registries, models), so a pool's outcomes are those of linting in order here.
    """

    def __init__(self, options: CliOptions, *, owns_process: bool = False) -> None:
        self.options = options
        # A check run's worker owns its process and tidies it between chunks (``_tidy``);
        # a ``Linter``'s lives in someone else's (an application's, an editor server's).
        self.owns_process = owns_process
        self._engines: dict[tuple[Path, ...], Engine] = {}
        # Whether this worker linted a chunk, and whether it froze the collector's objects.
        self._linted = False
        self._froze = False

    def rule_metas(self, key: tuple[Path, ...]) -> dict[str, RuleMeta]:
        """Metadata of the rules of ``extend-rules`` directories ``key``, by code."""
        engine = self._engines.get(key) or Engine.for_rules(key)
        return {rule.code: rule.meta for rule in engine.registry.rules}

    def strings_known(self) -> int:
        """How many strings its engines' vocabularies hold."""
        return sum(engine.strings_known() for engine in self._engines.values())

    def warm(self, pipelines: Iterable[Pipeline]) -> None:
        """Build the engines and models of (extend-rules, tier, model) ahead of linting.

        A failure is left for linting to report, file by file.
        """
        for key, tier, model in pipelines:
            try:
                self._engine(key).warm(tier, model)
            except (SourcelintError, UsageError):
                continue
        if self.owns_process:
            self._tidy()

    def lint(self, jobs: Sequence[Job]) -> list[Outcome]:
        """Each job's outcome, in order; the texts of one engine are parsed in a batch."""
        if self._linted and self.owns_process:
            self._tidy()
        self._linted = True
        outcomes: dict[int, Outcome] = {}
        batches: dict[Engine, list[tuple[int, LintRequest]]] = {}
        for index, job in enumerate(jobs):
            try:
                outcome = Outcome(text=read_job(job))
            except SourcelintError as error:
                outcomes[index] = Outcome(error=error, unread=True)
                continue
            except Exception as error:  # a bug in sourcelint: this file's, not the run's
                outcomes[index] = Outcome(error=internal_error(error, job.display), unread=True)
                continue
            try:
                engine, request = self.request(job, outcome)
            except (SourcelintError, UsageError) as error:
                outcomes[index] = self._failed(job, outcome, error)
                continue
            except Exception as error:
                outcome.error = internal_error(error, job.display)
                outcomes[index] = outcome
                continue
            outcomes[index] = outcome
            batches.setdefault(engine, []).append((index, request))
        for engine, batch in batches.items():
            results = lint_batch(
                engine, [(jobs[index].display, request) for index, request in batch]
            )
            for (index, _), result in zip(batch, results, strict=True):
                if isinstance(result, SourcelintError):
                    outcomes[index] = self._failed(jobs[index], outcomes[index], result)
                else:
                    outcomes[index].result = result
        return [outcomes[index] for index in range(len(jobs))]

    def _tidy(self) -> None:
        """Before another chunk (or a fork): free what linting left in reference cycles,
        the first time freeze what remains (engines, models, checks, word tables: built once
        and kept), and give the freed memory back to the system.

        spaCy's Docs and its parser's step models hold each other, so each chunk's waited for
        a rare full collection: one process linting PolNeAR's 665 train articles chunk after
        chunk peaked at 279 MiB, 208 MiB collected between chunks. Frozen, what was built is
        not scanned again: a collection between chunks took 51 ms (28% of the fast tier), 2 ms
        frozen. A forked pool process inherits the freeze of its parent's warm-up. A run of one
        chunk is never tidied: its process ends."""
        gc.collect()
        if not self._froze:
            gc.freeze()
            self._froze = True
        _release_freed_memory()

    def close(self) -> None:
        """Undo ``_tidy``'s freeze: the objects this worker built may be collected
        once it is done with them (when this process goes on, as a test's does)."""
        if self._froze:
            gc.unfreeze()
            self._froze = False

    def request(self, job: Job, outcome: Outcome) -> tuple[Engine, LintRequest]:
        """The engine of ``job`` and what to ask it (``outcome`` holds the text read)."""
        settings = job.settings
        engine = self._engine(settings.extend_rules)
        outcome.registry = settings.extend_rules
        request = engine.request(
            settings, job.path, outcome.text, keep_view=self.options.reading_view
        )
        return engine, request

    def _failed(self, job: Job, outcome: Outcome, error: SourcelintError | UsageError) -> Outcome:
        """``outcome`` with ``error``, named after the config file that caused it."""
        settings = job.settings
        if isinstance(error, UsageError):
            outcome.usage = True
            error = error.error
        elif isinstance(error, PipelineError):
            key = "model" if settings.model else "pipeline"
            # The config is to blame when it names the model, or chose the tier.
            blamed = bool(settings.model) or not self.options.pipeline
            source = settings.source if settings.source and blamed else None
            error = PipelineError(
                error.message, path=source or job.display, key=key if source else None
            )
        elif isinstance(error, ConfigError) and error.path is None and settings.source:
            # A reader setting (a CSS selector) is wrong: name the file that set it.
            error = ConfigError(error.message, path=settings.source, key=error.key)
        outcome.error = error
        return outcome

    def _engine(self, key: tuple[Path, ...]) -> Engine:
        if key not in self._engines:
            engine = Engine.for_rules(key)
            try:
                check_cli_selectors(self.options, engine.registry.is_known)
            except ConfigError as error:
                raise UsageError(error) from None
            self._engines[key] = engine
        return self._engines[key]


def lint_batch(
    engine: Engine, batch: Sequence[tuple[str, LintRequest]]
) -> list[LintResult | SourcelintError]:
    """``engine.lint_many`` of ``batch``; when sourcelint itself fails, each file is linted
    alone, so the failure is reported for the file that causes it and the others pass."""
    try:
        return engine.lint_many([request for _, request in batch])
    except Exception as error:
        if len(batch) == 1:
            return [internal_error(error, batch[0][0])]
    return [result for one in batch for result in lint_batch(engine, [one])]


class UsageError(Exception):
    """A command-line error found while linting (it applies to every file)."""

    def __init__(self, error: SourcelintError) -> None:
        super().__init__(str(error))
        self.error = error


def check_cli_selectors(options: CliOptions, is_known: Callable[[str], bool]) -> None:
    for option, selectors in (
        ("--select", options.select or []),
        ("--extend-select", options.extend_select),
        ("--ignore", options.ignore),
    ):
        for selector in selectors:
            if not is_known(selector):
                raise ConfigError(f"unknown rule selector {selector!r}", key=option)


def _release_freed_memory() -> None:
    """Give the memory a chunk freed back to the system, as Dask's documentation advises
    for its workers. The model's arrays are freed in C, but glibc's allocator keeps their
    pages: a process linting PolNeAR's 665 train articles chunk after chunk held 331 MiB
    after the last chunk without this, 209 MiB with it. Elsewhere than glibc, nothing to do."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes  # on the first chunk, not at every start (``--version``, a warm run)

    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (AttributeError, OSError, TypeError):  # no such C library or function
        return None


def report_path(path: Path) -> str:
    """A path for reports: bytes that are not UTF-8 stay surrogates, which every format
    shows escaped (and SARIF percent-encodes as the real bytes)."""
    return os.fsdecode(path)
