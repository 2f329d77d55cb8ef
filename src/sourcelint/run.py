"""``sourcelint check`` as a function: collect files, lint each, write one report.

Kept apart from the CLI so it can be driven and tested without a terminal. Errors about
one file (unreadable, bad config) are reported and the other files are still linted.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from sourcelint import __version__
from sourcelint.baseline import (
    Baseline,
    filter_with_baseline,
    load_baseline,
    stale_message,
    write_baseline,
)
from sourcelint.config import ConfigResolver, Settings, check_selectors
from sourcelint.discovery import collect_targets
from sourcelint.engine import Linter
from sourcelint.errors import ConfigError, PipelineError, SourcelintError
from sourcelint.findings import Finding, Severity
from sourcelint.formats import FileResult, Report, format_names, get_formatter
from sourcelint.positions import LineIndex
from sourcelint.readers import ReaderOptions, reader_for
from sourcelint.registry import Registry, load_registry
from sourcelint.rule import RuleMeta
from sourcelint.source import decode, read_text
from sourcelint.tiers import DEFAULT_TIER, tier_name

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


def report_error(error: SourcelintError) -> None:
    print(error.render(), file=sys.stderr)


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
    force = True if options.force_exclude else None
    targets, collect_errors = collect_targets(files, resolver, force_exclude=force)
    for error in collect_errors:
        session.fail(error)
    if STDIN in options.paths:
        session.lint_stdin()
    for target in targets:
        if session.fatal:
            break
        session.lint_file(_display(target.path), target.path, target.settings)
    if session.fatal:
        return EXIT_ERROR
    results, stale = session.results, 0
    if options.write_baseline is not None:
        baseline = _record_baseline(options.write_baseline, results, [t.path for t in targets])
        if baseline is None:
            return EXIT_ERROR
    if baseline is not None:
        results, stale = filter_with_baseline(results, baseline)
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
        print(f"warning: {options.baseline}: {stale_message(stale)}", file=sys.stderr)
    if not _deliver(buffer.getvalue(), output_file, [t.path for t in targets]):
        return EXIT_ERROR
    if session.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if session.failing_in(results) else EXIT_OK


def _baseline_for(options: CliOptions) -> Baseline | None:
    """The baseline to filter with, read before linting so a bad file fails fast."""
    if options.baseline is not None and options.write_baseline is not None:
        raise ConfigError("use either --baseline or --write-baseline, not both")
    return load_baseline(options.baseline) if options.baseline is not None else None


def _record_baseline(path: Path, results: list[FileResult], linted: list[Path]) -> Baseline | None:
    """Write ``results``' findings to the baseline ``path``; None (reported) on failure."""
    if any(path.resolve() == target.resolve() for target in linted):
        print(f"error: {path}: refusing to write the baseline over a linted file", file=sys.stderr)
        return None
    try:
        baseline = write_baseline(path, results)
    except SourcelintError as error:
        report_error(error)
        return None
    total = baseline.total
    print(f"Wrote {total} finding{'s' if total != 1 else ''} to {path}", file=sys.stderr)
    return baseline


def _display(path: Path) -> str:
    """A path for reports; bytes that are not UTF-8 are shown escaped, not crashed on."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _deliver(text: str, output_file: Path | None, linted: list[Path]) -> bool:
    if output_file is None:
        sys.stdout.write(text)
        return True
    target = output_file.resolve()
    if any(target == path.resolve() for path in linted):
        print(
            f"error: {output_file}: refusing to write the report over a linted file",
            file=sys.stderr,
        )
        return False
    try:
        output_file.write_text(text, encoding="utf-8", errors="backslashreplace")
    except OSError as error:
        print(
            f"error: {output_file}: cannot write the report: {error.strerror or error}",
            file=sys.stderr,
        )
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
    """State of one run: linters per rule registry, results, errors, the exit verdict."""

    def __init__(self, options: CliOptions, resolver: ConfigResolver) -> None:
        self.options = options
        self.resolver = resolver
        self.results: list[FileResult] = []
        self.errors: list[SourcelintError] = []
        # The --fail-on threshold of each result, in order (the exit code after a baseline).
        self.thresholds: list[int] = []
        self.fatal = False
        self.tiers: list[str] = []
        self._linters: dict[tuple[Path, ...], Linter] = {}
        self._validated: set[Settings] = set()
        self._broken_pipelines: set[tuple[str, str | None]] = set()

    def rule_metadata(self) -> list[RuleMeta]:
        """Every rule known to the registries this run used (for SARIF and the like)."""
        registries = [linter.registry for linter in self._linters.values()] or [load_registry()]
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

    def lint_stdin(self) -> None:
        name = self.options.stdin_filename or STDIN
        where = Path(self.options.stdin_filename) if self.options.stdin_filename else Path.cwd()
        try:
            settings = self.resolver.settings_for(where)
            text = decode(sys.stdin.buffer.read(), name)
        except SourcelintError as error:
            self.fail(error)
            return
        self._lint(name, text, where, settings)

    def lint_file(self, display: str, path: Path, settings: Settings) -> None:
        try:
            text = read_text(path, display)
        except SourcelintError as error:
            self.fail(error)
            return
        self._lint(display, text, path, settings)

    def _lint(self, display: str, text: str, path: Path, settings: Settings) -> None:
        settings = self.options.apply(settings)
        pipeline = (settings.pipeline, settings.model)
        if pipeline in self._broken_pipelines:
            # Reported once already; still counted so the summary says what was lost.
            self.errors.append(
                PipelineError(f"not linted: pipeline {pipeline[0]!r} unavailable", path=display)
            )
            return
        try:
            linter = self._linter(settings)
            ignore = (*settings.ignore, *settings.ignores_for(path))
            rules = linter.registry.resolve(settings.select, ignore, settings.extend_select)
            severities = linter.registry.severity_overrides(settings.severity.items())
            result = linter.lint(
                text,
                rules,
                tier=settings.pipeline,
                model=settings.model,
                reader=settings.readers.extensions.get(path.suffix.lower())
                or reader_for(path.name),
                reader_options=_reader_options(settings),
                severities=severities,
                own_outlet=settings.own_outlet,
            )
        except PipelineError as error:
            self._broken_pipelines.add(pipeline)
            key = "model" if settings.model else "pipeline"
            source = settings.source if settings.source and not self.options.pipeline else None
            self.fail(
                PipelineError(error.message, path=source or display, key=key if source else None)
            )
            return
        except _UsageError as error:
            self.fail(error.error)
            self.fatal = True  # a bad command line spoils every file alike
            return
        except ConfigError as error:
            # A reader setting (a CSS selector) is wrong: name the file that set it.
            if error.path is None and settings.source is not None:
                error = ConfigError(error.message, path=settings.source, key=error.key)
            self.fail(error)
            return
        except SourcelintError as error:
            self.fail(error)
            return
        self.tiers.append(settings.pipeline)
        findings = result.findings
        lines = LineIndex(text) if result.notes else None
        for note in result.notes:
            line = lines.position(note.offset)[0]  # type: ignore[union-attr]
            print(f"warning: {display}:{line}: {note.message}", file=sys.stderr)
        self.results.append(FileResult(display, findings, text, result.profile, result.suppressed))
        threshold = (settings.fail_on or DEFAULT_FAIL_ON).rank
        self.thresholds.append(threshold)

    def _linter(self, settings: Settings) -> Linter:
        key = settings.extend_rules
        if key not in self._linters:
            registry = load_registry(key)
            try:
                _check_cli_selectors(self.options, registry)
            except ConfigError as error:
                raise _UsageError(error) from None
            self._linters[key] = Linter(registry)
        linter = self._linters[key]
        if settings not in self._validated:
            check_selectors(settings, linter.registry.is_known)
            self._validated.add(settings)
        return linter


class _UsageError(Exception):
    """A command-line error found while linting (it applies to every file)."""

    def __init__(self, error: SourcelintError) -> None:
        super().__init__(str(error))
        self.error = error


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
