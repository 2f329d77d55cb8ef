"""``sourcelint check`` as a function: collect files, lint each, write one report.

Kept apart from the CLI so it can be driven and tested without a terminal. Errors about
one file (unreadable, bad config) are reported and the other files are still linted.
"""

from __future__ import annotations

import io
import os
import shlex
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sourcelint.checks.registry import Registry, load_registry
from sourcelint.config import ConfigResolver, Settings, check_selectors, normalize_path
from sourcelint.config.discovery import Collected, Target, collect_targets, forced_out
from sourcelint.core.crash import Verbosity, internal_error
from sourcelint.core.crash import report as report_error
from sourcelint.core.errors import ConfigError, InputError, PipelineError, SourcelintError
from sourcelint.core.escapes import visible
from sourcelint.core.files import read_stream, read_text
from sourcelint.core.findings import Finding, Severity
from sourcelint.core.positions import LineIndex
from sourcelint.core.results import FileResult, Report
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.core.tiers import DEFAULT_TIER, tier_name
from sourcelint.core.version import __version__
from sourcelint.core.writes import is_linted, write_atomically
from sourcelint.engine import Linter, LintRequest, LintResult
from sourcelint.filters.baseline import (
    Baseline,
    filter_with_baseline,
    load_baseline,
    root_of,
    stale_message,
    write_baseline,
)
from sourcelint.formats import BUILTIN, format_names, get_formatter
from sourcelint.readers import ReaderOptions, reader_for

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"
DEFAULT_FAIL_ON = Severity.WARNING


@dataclass
class CliOptions:
    """What the command line says, on top of each file's configuration."""

    paths: list[str]
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    pipeline: str | None = None
    config: Path | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    quiet: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    # Report only findings not recorded in this baseline file.
    baseline: Path | None = None
    # Record today's findings in this baseline file (and report none).
    write_baseline: Path | None = None
    # Processes to lint in; None: the config's ``jobs``, else every core when it pays.
    jobs: int | None = None
    # Keep each article as its reader sees it, for a format that shows it (HTML).
    reading_view: bool = False

    def apply(self, settings: Settings) -> Settings:
        """The file's settings with the command line's choices laid over them."""
        return replace(
            settings,
            select=tuple(self.select) if self.select is not None else settings.select,
            extend_select=(*settings.extend_select, *self.extend_select),
            ignore=(*settings.ignore, *self.ignore),
            pipeline=self.pipeline or settings.pipeline,
            fail_on=Severity(self.fail_on) if self.fail_on else settings.fail_on,
        )


def registry_or_exit(directory: Path | None = None) -> Registry:
    """The registry for ``directory``'s configuration (for ``rules`` and ``explain``)."""
    try:
        settings = ConfigResolver().settings_for_directory(directory or Path.cwd())
        return load_registry(settings.extend_rules)
    except SourcelintError as error:
        report_error(error)
        raise SystemExit(EXIT_ERROR) from None


def run_check(
    options: CliOptions, output_format: str, *, color: bool, output_file: Path | None = None
) -> int:
    """Lint what ``options`` names, write the report, return the exit code.

    The report is written only after every file was read, to standard output or to
    ``output_file`` (never over a file that was linted).
    """
    try:
        if options.pipeline:
            options = replace(options, pipeline=tier_name(options.pipeline))
        formatter = get_formatter(output_format)
        if options.statistics and not _shows_statistics(formatter):
            able = ", ".join(n for n in BUILTIN if _shows_statistics(get_formatter(n)))
            print(
                f"error: --statistics: the {output_format!r} format has no place for the "
                f"statistics table; use --format with one of: {able}",
                file=sys.stderr,
            )
            return EXIT_ERROR
        if getattr(formatter, "shows_reading", False):
            options = replace(options, reading_view=True)
        resolver = ConfigResolver(options.config)
        baseline = _baseline_for(options)
    except KeyError:
        known = ", ".join(format_names())
        print(f"error: unknown format {output_format!r}; use one of: {known}", file=sys.stderr)
        return EXIT_ERROR
    except SourcelintError as error:
        report_error(error)
        return EXIT_ERROR
    session = _Session(options, resolver)
    files = [Path(path) for path in options.paths if path != STDIN]
    collected = collect_targets(files, resolver, force_exclude=session.force_exclude)
    for error in collected.errors:
        session.fail(error)
    say_skipped(collected)
    targets = collected.targets
    stdin = session.stdin_job() if STDIN in options.paths else None
    jobs = [stdin] if stdin is not None else []
    jobs += [session.file_job(target) for target in targets]
    session.lint(jobs, pool_size(jobs, options.jobs or _config_jobs(resolver)))
    if session.fatal:
        return EXIT_ERROR
    results, stale = session.results, 0
    linted = [target.path for target in targets]
    if options.stdin_filename and STDIN in options.paths:
        linted.append(Path(options.stdin_filename))
    if options.write_baseline is not None:
        baseline = _record_baseline(options.write_baseline, results, linted)
        if baseline is None:
            return EXIT_ERROR
    if baseline is not None:
        used = options.baseline or options.write_baseline
        assert used is not None, "a baseline comes from a file"
        results, stale = filter_with_baseline(results, baseline, root_of(used))
    tiers = set(session.tiers)
    report = Report(
        files=results,
        errors=session.errors,
        version=__version__,
        pipeline=options.pipeline or (tiers.pop() if len(tiers) == 1 else DEFAULT_TIER),
        quiet=options.quiet,
        statistics=options.statistics,
        show_suppressed=options.show_suppressed,
        rules=session.rule_metadata(),
        stale_baseline=stale,
    )
    buffer = io.StringIO()
    formatter.write(report, buffer, color=color)
    if stale:
        shown = visible(str(options.baseline))
        print(f"warning: {shown}: {stale_message(stale, shlex.quote(shown))}", file=sys.stderr)
    if not _deliver(buffer.getvalue(), output_file, linted):
        return EXIT_ERROR
    if session.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if session.failing_in(results) else EXIT_OK


def say_skipped(collected: Collected) -> None:
    """Warn of the files left out for want of a reader: those named on the command line
    always, those a directory walk met with ``--verbose``."""
    for skipped in collected.skipped:
        if skipped.named or Verbosity.verbose:
            print(f"warning: {visible(str(skipped.path))}: {skipped.message()}", file=sys.stderr)


def _config_jobs(resolver: ConfigResolver) -> int | None:
    """``jobs`` of the config that applies in the working directory (or of --config)."""
    try:
        return resolver.settings_for_directory(Path.cwd()).jobs
    except SourcelintError:
        return None  # reported for the files it applies to, if any


def _baseline_for(options: CliOptions) -> Baseline | None:
    """The baseline to filter with, read before linting so a bad file fails fast."""
    if options.baseline is not None and options.write_baseline is not None:
        raise ConfigError("use either --baseline or --write-baseline, not both")
    return load_baseline(options.baseline) if options.baseline is not None else None


def _record_baseline(path: Path, results: list[FileResult], linted: list[Path]) -> Baseline | None:
    """Write ``results``' findings to the baseline ``path``; None (reported) on failure."""
    if is_linted(path, linted):
        report_error(InputError("refusing to write the baseline over a linted file", path=path))
        return None
    try:
        baseline = write_baseline(path, results)
    except SourcelintError as error:
        report_error(error)
        return None
    total = baseline.total
    print(
        f"Wrote {total} finding{'s' if total != 1 else ''} to {visible(str(path))}", file=sys.stderr
    )
    return baseline


def _display(path: Path) -> str:
    """A path for reports: bytes that are not UTF-8 stay surrogates, which every format
    shows escaped (and SARIF percent-encodes as the real bytes)."""
    return os.fsdecode(path)


def _deliver(text: str, output_file: Path | None, linted: list[Path]) -> bool:
    if output_file is None:
        sys.stdout.write(text)
        return True
    if is_linted(output_file, linted):
        report_error(
            InputError("refusing to write the report over a linted file", path=output_file)
        )
        return False
    try:
        write_atomically(output_file, text, "report")
    except SourcelintError as error:
        report_error(error)
        return False
    return True


def _check_cli_selectors(options: CliOptions, registry: Registry) -> None:
    for option, selectors in (
        ("--select", options.select or []),
        ("--extend-select", options.extend_select),
        ("--ignore", options.ignore),
    ):
        for selector in selectors:
            if not registry.is_known(selector):
                raise ConfigError(f"unknown rule selector {selector!r}", key=option)


class _Session:
    """State of one run: the files' results in order, errors, the exit verdict."""

    def __init__(self, options: CliOptions, resolver: ConfigResolver) -> None:
        self.options = options
        self.resolver = resolver
        self.worker = _Worker(options)
        self.results: list[FileResult] = []
        self.errors: list[SourcelintError] = []
        # The --fail-on threshold of each result, in order (the exit code after a baseline).
        self.thresholds: list[int] = []
        self.fatal = False
        self.tiers: list[str] = []
        # The rule registries (by extend-rules) the files were linted with, in first use.
        self._registries: dict[tuple[Path, ...], None] = {}
        self._broken_pipelines: set[tuple[str, str | None]] = set()
        # --force-exclude: exclude applies to paths named on the command line (None: the
        # config's force-exclude decides).
        self.force_exclude = True if options.force_exclude else None

    def rule_metadata(self) -> list[RuleMeta]:
        """Every rule known to the registries this run used (for SARIF and the like)."""
        registries = [self.worker.registry(key) for key in self._registries] or [load_registry()]
        found = {rule.code: rule.meta for registry in registries for rule in registry.rules}
        return [found[code] for code in sorted(found)]

    def failing_in(self, results: list[FileResult]) -> bool:
        """Whether ``results`` (these results, perhaps filtered) hold a failing finding."""
        return any(
            _fails(finding, threshold)
            for result, threshold in zip(results, self.thresholds, strict=True)
            for finding in result.findings
        )

    def fail(self, error: SourcelintError) -> None:
        report_error(error)
        self.errors.append(error)

    def stdin_job(self) -> _Job | None:
        """Standard input as a job (read now); None when it cannot be read (reported)."""
        name = self.options.stdin_filename or STDIN
        where = Path(self.options.stdin_filename) if self.options.stdin_filename else Path.cwd()
        try:
            settings = self.resolver.settings_for(where)
            if self.options.stdin_filename and forced_out(
                settings,
                normalize_path(where, self.resolver.cwd),
                is_dir=False,
                force_exclude=self.force_exclude,
            ):
                return None  # excluded, as the same file named on the command line would be
            text = read_stream(sys.stdin.buffer, name)
        except SourcelintError as error:
            self.fail(error)
            return None
        return _Job(name, where, self.options.apply(settings), text)

    def file_job(self, target: Target) -> _Job:
        return _Job(_display(target.path), target.path, self.options.apply(target.settings))

    def lint(self, jobs: list[_Job], processes: int) -> None:
        """Lint ``jobs`` (in ``processes`` processes) and record each outcome in order.

        Linting stops at a command-line error, which spoils every file alike.
        """
        with closing(_lint_chunks(self.worker, jobs, processes)) as linted:
            try:
                for chunk, outcomes in linted:
                    for job, outcome in zip(chunk, outcomes, strict=True):
                        self._record(job, outcome)
                        if self.fatal:
                            return
            except _WorkerDied:
                self.fail(PipelineError(WORKER_DIED))
                self.fatal = True

    def _record(self, job: _Job, outcome: _Outcome) -> None:
        """Take one file's outcome into the report, as if it had just been linted here."""
        error = outcome.error
        if outcome.unread and error is not None:
            self.fail(error)
            return
        settings = job.settings
        pipeline = (settings.pipeline, settings.model)
        if pipeline in self._broken_pipelines:
            # Reported once already; still counted so the summary says what was lost.
            self.errors.append(
                PipelineError(f"not linted: pipeline {pipeline[0]!r} unavailable", path=job.display)
            )
            return
        if outcome.registry is not None:
            self._registries.setdefault(outcome.registry)
        if error is not None:
            self.fail(error)
            if outcome.usage:
                self.fatal = True
            elif isinstance(error, PipelineError):
                self._broken_pipelines.add(pipeline)
            return
        result = outcome.result
        assert result is not None, "an outcome holds a result or an error"
        self.tiers.append(settings.pipeline)
        lines = LineIndex(outcome.text) if result.notes else None
        for note in result.notes:
            line = lines.position(note.offset)[0]  # type: ignore[union-attr]
            print(f"warning: {visible(job.display)}:{line}: {note.message}", file=sys.stderr)
        found = FileResult(
            job.display, result.findings, outcome.text, result.profile, result.suppressed,
            result.view,
        )  # fmt: skip
        self.results.append(found)
        self.thresholds.append((settings.fail_on or DEFAULT_FAIL_ON).rank)


# What a linter is built for: the extend-rules directories, the tier and the model.
_Pipeline = tuple[tuple[Path, ...], str, str | None]


def _pipeline(settings: Settings) -> _Pipeline:
    return settings.extend_rules, settings.pipeline, settings.model


def _read(job: _Job) -> str:
    return job.text if job.text is not None else read_text(job.path, job.display)


@dataclass(frozen=True)
class _Job:
    """One file to lint, with its settings (the command line's choices laid over)."""

    display: str
    path: Path
    settings: Settings
    # Standard input, read already; a file is read where it is linted.
    text: str | None = None


@dataclass
class _Outcome:
    """What linting one file gave: its text and result, or the error that stopped it."""

    text: str = ""
    result: LintResult | None = None
    error: SourcelintError | None = None
    # The error is the file's own: it could not be read.
    unread: bool = False
    # The error is the command line's: it spoils every file alike.
    usage: bool = False
    # The rule registry (by extend-rules) the file's linter used, once it had one.
    registry: tuple[Path, ...] | None = None


class _Worker:
    """Lints jobs, in the run's own process or in each process of a pool.

    It holds no state of the run, only what is costly to build again (linters: rule
    registries, models), so a pool's outcomes are those of linting in order here.
    """

    def __init__(self, options: CliOptions) -> None:
        self.options = options
        self._linters: dict[tuple[Path, ...], Linter] = {}
        self._validated: set[Settings] = set()

    def registry(self, key: tuple[Path, ...]) -> Registry:
        """The rule registry of ``extend-rules`` directories ``key``."""
        linter = self._linters.get(key)
        return linter.registry if linter is not None else load_registry(key)

    def warm(self, pipelines: Iterable[_Pipeline]) -> None:
        """Build the linters and models of (extend-rules, tier, model) ahead of linting.

        A failure is left for linting to report, file by file.
        """
        for key, tier, model in pipelines:
            try:
                self._linter(key).warm(tier, model)
            except (SourcelintError, _UsageError):
                continue

    def lint(self, jobs: Sequence[_Job]) -> list[_Outcome]:
        """Each job's outcome, in order; the texts of one linter are parsed in a batch."""
        outcomes: dict[int, _Outcome] = {}
        batches: dict[Linter, list[tuple[int, LintRequest]]] = {}
        for index, job in enumerate(jobs):
            try:
                outcome = _Outcome(text=_read(job))
            except SourcelintError as error:
                outcomes[index] = _Outcome(error=error, unread=True)
                continue
            except Exception as error:  # a bug in sourcelint: this file's, not the run's
                outcomes[index] = _Outcome(error=internal_error(error, job.display), unread=True)
                continue
            try:
                linter, request = self._request(job, outcome)
            except (SourcelintError, _UsageError) as error:
                outcomes[index] = self._failed(job, outcome, error)
                continue
            except Exception as error:
                outcome.error = internal_error(error, job.display)
                outcomes[index] = outcome
                continue
            outcomes[index] = outcome
            batches.setdefault(linter, []).append((index, request))
        for linter, batch in batches.items():
            results = _lint_batch(
                linter, [(jobs[index].display, request) for index, request in batch]
            )
            for (index, _), result in zip(batch, results, strict=True):
                if isinstance(result, SourcelintError):
                    outcomes[index] = self._failed(jobs[index], outcomes[index], result)
                else:
                    outcomes[index].result = result
        return [outcomes[index] for index in range(len(jobs))]

    def _request(self, job: _Job, outcome: _Outcome) -> tuple[Linter, LintRequest]:
        """The linter of ``job`` and what to ask it (``outcome`` holds the text read)."""
        settings = job.settings
        linter = self._linter(settings.extend_rules)
        outcome.registry = settings.extend_rules
        if settings not in self._validated:
            check_selectors(settings, linter.registry.is_known)
            self._validated.add(settings)
        ignore = (*settings.ignore, *settings.ignores_for(job.path))
        request = LintRequest(
            outcome.text,
            linter.registry.resolve(settings.select, ignore, settings.extend_select),
            tier=settings.pipeline,
            model=settings.model,
            reader=reader_name(settings, job.path),
            reader_options=_reader_options(settings),
            severities=linter.registry.severity_overrides(settings.severity.items()),
            own_outlet=settings.own_outlet,
            keep_view=self.options.reading_view,
        )
        return linter, request

    def _failed(
        self, job: _Job, outcome: _Outcome, error: SourcelintError | _UsageError
    ) -> _Outcome:
        """``outcome`` with ``error``, named after the config file that caused it."""
        settings = job.settings
        if isinstance(error, _UsageError):
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

    def _linter(self, key: tuple[Path, ...]) -> Linter:
        if key not in self._linters:
            registry = load_registry(key)
            try:
                _check_cli_selectors(self.options, registry)
            except ConfigError as error:
                raise _UsageError(error) from None
            self._linters[key] = Linter(registry)
        return self._linters[key]


def _lint_batch(
    linter: Linter, batch: Sequence[tuple[str, LintRequest]]
) -> list[LintResult | SourcelintError]:
    """``linter.lint_many`` of ``batch``; when sourcelint itself fails, each file is linted
    alone, so the failure is reported for the file that causes it and the others pass."""
    try:
        return linter.lint_many([request for _, request in batch])
    except Exception as error:
        if len(batch) == 1:
            return [internal_error(error, batch[0][0])]
    return [result for one in batch for result in _lint_batch(linter, [one])]


class DraftLinter:
    """Lints one text at a time as ``check`` lints the file at its path: that path's
    configuration, reader, rules and inline suppressions, keeping the reading view (for
    ``serve``, ``lsp`` and ``attributions``). Models and rules are built once, on first
    use."""

    def __init__(self, options: CliOptions) -> None:
        self.options = replace(options, reading_view=True)
        self.resolver = ConfigResolver(options.config)
        self._worker = _Worker(self.options)

    def lint(self, path: Path, text: str, display: str | None = None) -> FileResult:
        """``text`` linted as if it were the file at ``path``; raises what ``check``
        would report for it."""
        settings = self.options.apply(self.resolver.settings_for(path))
        job = _Job(display or _display(path), path, settings, text)
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
        settings = self.resolver.settings_for(path)
        registry = self._worker.registry(settings.extend_rules)
        return {rule.code: rule.meta for rule in registry.rules}


def _shows_statistics(formatter: object) -> bool:
    """A plugin's format that does not say is trusted to show them."""
    return getattr(formatter, "shows_statistics", True)


class _WorkerDied(Exception):
    """A pool process ended without handing back its files' outcomes."""


class _UsageError(Exception):
    """A command-line error found while linting (it applies to every file)."""

    def __init__(self, error: SourcelintError) -> None:
        super().__init__(str(error))
        self.error = error


# Files per chunk a process lints at a time (their parse is batched): enough to batch,
# few enough that the processes finish together.
CHUNK_FILES = 8
# Bytes of article text one process lints in a second, roughly (measured here: about
# 35 KB/s with the model, 400 KB/s without).
_BYTES_PER_SECOND = {"parse": 35_000, "fast": 400_000}
# Less work than this (in one process's seconds) is linted in the run's own process. A
# pool of two cost about 0.05 s here (forked after the model is loaded): it broke even on
# 0.05 s of work and saved 3% of the whole run on 0.2 s; the margin is for slower forks.
POOL_MIN_SECONDS = 0.25
WORKER_DIED = (
    "a worker process ended unexpectedly (out of memory?); lint with fewer processes "
    "(--jobs) or fewer files at a time"
)

# The worker of a pool process, set by the pool's initializer.
_pool_worker: _Worker | None = None


def available_cores() -> int:
    """The processors this process may run on."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_size(jobs: Sequence[_Job], requested: int | None) -> int:
    """How many processes lint ``jobs``: ``requested`` (--jobs, config ``jobs``), or
    every core when there is work enough to pay for a pool; 1 means this process."""
    if len(jobs) < 2:
        return 1
    if requested is not None:
        return min(requested, len(jobs))
    if _serial_seconds(jobs) < POOL_MIN_SECONDS:
        return 1
    return min(available_cores(), len(jobs))


def _serial_seconds(jobs: Sequence[_Job]) -> float:
    """About how long one process would take to lint ``jobs``."""
    return sum(_size(job) / _BYTES_PER_SECOND[job.settings.pipeline] for job in jobs)


def _size(job: _Job) -> int:
    if job.text is not None:
        return len(job.text)
    try:
        return job.path.stat().st_size
    except OSError:
        return 0  # reading it will fail, and say why


def _chunks(jobs: Sequence[_Job], size: int) -> list[Sequence[_Job]]:
    return [jobs[start : start + size] for start in range(0, len(jobs), size)]


def _lint_chunks(
    worker: _Worker, jobs: Sequence[_Job], processes: int
) -> Iterator[tuple[Sequence[_Job], list[_Outcome]]]:
    """Each chunk of ``jobs`` with its outcomes, in order, linted in ``processes`` processes."""
    if processes <= 1:
        for chunk in _chunks(jobs, CHUNK_FILES):
            yield chunk, worker.lint(chunk)
        return
    # Several chunks per process, so that one slow chunk does not hold up the end.
    chunks = _chunks(jobs, max(1, min(CHUNK_FILES, len(jobs) // (processes * 4))))
    pipelines = {_pipeline(job.settings): None for job in jobs}
    with _pool(worker, min(processes, len(chunks)), list(pipelines)) as pool:
        yield from zip(chunks, pool.map(_lint_in_pool, chunks), strict=True)


@contextmanager
def _pool(
    worker: _Worker, processes: int, pipelines: list[_Pipeline]
) -> Iterator[ProcessPoolExecutor]:
    """Worker processes with ``worker``'s linters and models, ended with the block.

    Where processes fork, the models are loaded here first and shared copy-on-write;
    elsewhere each process loads its own. On an error, Ctrl-C or SIGTERM the workers are
    terminated at once rather than left behind.
    """
    # Imported here: a run of one file, and the other commands, start without them.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _process_context()
    if context.get_start_method() == "fork":
        worker.warm(pipelines)
        initargs: tuple[object, ...] = (worker, [])
    else:
        initargs = (_Worker(worker.options), pipelines)
    executor = ProcessPoolExecutor(
        processes, mp_context=context, initializer=_start_worker, initargs=initargs
    )
    finished = False
    try:
        with _terminate_raises():
            yield executor
        finished = True
    except BrokenProcessPool:
        raise _WorkerDied from None
    finally:
        if finished:
            executor.shutdown()
        else:
            _terminate(executor)


def _process_context() -> BaseContext:
    """Fork on Linux (the loaded models are shared); elsewhere spawn, the platform's default."""
    import multiprocessing

    method = "fork" if sys.platform == "linux" else "spawn"
    return multiprocessing.get_context(method)


def _start_worker(worker: _Worker, pipelines: list[_Pipeline]) -> None:
    """Initializer of a pool process: the run's process alone handles Ctrl-C and SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _pool_worker
    _pool_worker = worker
    worker.warm(pipelines)


def _lint_in_pool(jobs: Sequence[_Job]) -> list[_Outcome]:
    assert _pool_worker is not None, "pool processes start with _start_worker"
    return _pool_worker.lint(jobs)


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """SIGTERM raises SystemExit in the block (in the main thread), so cleanup runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# How long a terminated worker has to end before it is killed.
_TERMINATE_GRACE_SECONDS = 5


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel the chunks not started, terminate the processes, and kill
    any that SIGTERM does not end."""
    import multiprocessing

    # Python 3.14 has executor.terminate_workers(); this does what it does, and more: the
    # pool's own thread may already have dropped its processes from the executor, so
    # this process's living children are taken too, or exit would wait on them forever.
    processes = {*(executor._processes or {}).values(), *multiprocessing.active_children()}
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=_TERMINATE_GRACE_SECONDS)
        if process.is_alive():
            # Interrupted while it was still starting, a worker may not handle SIGTERM
            # yet (under load, 2 of 3 loops of up to 15 interrupted runs hung without this).
            process.kill()
            process.join()


def reader_name(settings: Settings, path: Path) -> str:
    """The reader ``check`` reads the file at ``path`` with: the config's, else by suffix."""
    return settings.readers.extensions.get(path.suffix.lower()) or reader_for(path.name)


def _reader_options(settings: Settings) -> ReaderOptions:
    readers = settings.readers
    defaults = ReaderOptions()
    return ReaderOptions(
        front_matter_fields=readers.front_matter_fields,
        skip_selectors=defaults.skip_selectors if readers.html_skip is None else readers.html_skip,
        content_selector=readers.html_content,
        line_marker=readers.line_marker,
    )


def _fails(finding: Finding, threshold: int) -> bool:
    return finding.severity.rank >= threshold
