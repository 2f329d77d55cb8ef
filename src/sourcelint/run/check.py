"""``sourcelint check`` as a function: collect files, lint each, write one report."""

from __future__ import annotations

import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from sourcelint.config import ConfigResolver, normalize_path
from sourcelint.config.discovery import Collected, Target, collect_targets, forced_out
from sourcelint.core.crash import Verbosity
from sourcelint.core.crash import report as report_error
from sourcelint.core.errors import PipelineError, SourcelintError
from sourcelint.core.escapes import visible
from sourcelint.core.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from sourcelint.core.files import read_stream
from sourcelint.core.findings import Finding
from sourcelint.core.results import FileResult, Report
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.core.tiers import DEFAULT_TIER, tier_name
from sourcelint.core.version import __version__
from sourcelint.run.baselines import baseline_for, settle_baseline, warn_stale
from sourcelint.run.cache import ResultCache
from sourcelint.run.cache_location import cache_directory
from sourcelint.run.options import DEFAULT_FAIL_ON, STDIN, CliOptions
from sourcelint.run.output import deliver, formatter_for, render
from sourcelint.run.pool import WORKER_DIED, WorkerDied, lint_chunks, pool_size
from sourcelint.run.worker import Job, Outcome, Worker, read_job, report_path


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
        formatter = formatter_for(output_format, statistics=options.statistics)
        if getattr(formatter, "shows_reading", False):
            options = replace(options, reading_view=True)
        resolver = ConfigResolver(options.config)
        cache_dir = cache_directory(options.no_cache, options.cache_dir, resolver)
        baseline = baseline_for(options)
    except SourcelintError as error:
        report_error(error)
        return EXIT_ERROR
    session = _Session(options, resolver, cache_dir)
    files = [Path(path) for path in options.paths if path != STDIN]
    collected = collect_targets(files, resolver, force_exclude=session.force_exclude)
    for error in collected.errors:
        session.fail(error)
    say_skipped(collected)
    targets = collected.targets
    stdin = session.stdin_job() if STDIN in options.paths else None
    jobs = [stdin] if stdin is not None else []
    jobs += [session.file_job(target) for target in targets]
    session.lint(jobs, options.jobs or _config_jobs(resolver))
    if session.fatal:
        return EXIT_ERROR
    linted = [target.path for target in targets]
    if options.stdin_filename and STDIN in options.paths:
        linted.append(Path(options.stdin_filename))
    settled = settle_baseline(options, baseline, session.results, linted)
    if settled is None:
        return EXIT_ERROR
    results, stale = settled
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
    text = render(formatter, report, color=color)
    if stale:
        warn_stale(stale, options.baseline)
    if not deliver(text, output_file, linted):
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


class _Session:
    """State of one run: the files' results in order, errors, the exit verdict."""

    def __init__(
        self, options: CliOptions, resolver: ConfigResolver, cache_dir: Path | None
    ) -> None:
        self.options = options
        self.resolver = resolver
        self.worker = Worker(options, owns_process=True)
        self.cache = ResultCache(cache_dir) if cache_dir else None
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
        found: dict[str, RuleMeta] = {}
        # Without a file linted, the built-in rules (no extend-rules).
        for key in self._registries or [()]:
            found.update(self.worker.rule_metas(key))
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

    def stdin_job(self) -> Job | None:
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
        return Job(name, where, self.options.apply(settings), text)

    def file_job(self, target: Target) -> Job:
        return Job(report_path(target.path), target.path, self.options.apply(target.settings))

    def lint(self, jobs: list[Job], requested: int | None) -> None:
        """Lint ``jobs`` and record each outcome in order: the results the cache holds as
        they are, the others in as many processes as pay (``requested`` at most).

        Linting stops at a command-line error, which spoils every file alike.
        """
        cached, keys, to_lint = self._cached(jobs)
        processes = pool_size(to_lint, requested)
        with closing(lint_chunks(self.worker, to_lint, processes)) as linted:
            fresh = (pair for chunk, done in linted for pair in zip(chunk, done, strict=True))
            try:
                for index, job in enumerate(jobs):
                    outcome = cached.get(index)
                    if outcome is None:
                        job, outcome = next(fresh)
                        if index in keys and outcome.result is not None and self.cache:
                            self.cache.put(keys[index], outcome.result)
                    self._record(job, outcome)
                    if self.fatal:
                        return
            except WorkerDied:
                self.fail(PipelineError(WORKER_DIED))
                self.fatal = True

    def _cached(self, jobs: list[Job]) -> tuple[dict[int, Outcome], dict[int, str], list[Job]]:
        """The outcomes the cache holds, by job index; the keys to store the others under (none
        where the result may not be cached); the jobs to lint, with the text read for the key
        (read again, and any error reported, where they are linted, when it could not be read
        here)."""
        if self.cache is None or self.options.reading_view:
            return {}, {}, jobs
        cached: dict[int, Outcome] = {}
        keys: dict[int, str] = {}
        missed: list[Job] = []
        readable = self.cache.made()  # a first run opens no entry
        for index, job in enumerate(jobs):
            try:
                outcome = Outcome(text=read_job(job))
                engine, request = self.worker.request(job, outcome)
            except Exception:  # reported where the file is linted, as without a cache
                missed.append(job)
                continue
            key = self.cache.key(engine, request)
            if key is not None:
                keys[index] = key
                outcome.result = self.cache.get(key) if readable else None
            if outcome.result is not None:
                cached[index] = outcome
            else:
                missed.append(replace(job, text=outcome.text))
        return cached, keys, missed

    def _record(self, job: Job, outcome: Outcome) -> None:
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
        found = FileResult(
            job.display, result.findings, outcome.text, result.profile, result.suppressed,
            result.view,
        )  # fmt: skip
        for note in result.notes:
            line = found.lines.position(note.offset)[0]
            print(f"warning: {visible(job.display)}:{line}: {note.message}", file=sys.stderr)
        self.results.append(found)
        self.thresholds.append((settings.fail_on or DEFAULT_FAIL_ON).rank)


def _fails(finding: Finding, threshold: int) -> bool:
    return finding.severity.rank >= threshold
