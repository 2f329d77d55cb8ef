"""The baseline of a run: read before linting, written after, findings filtered by it."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from sourcelint.core.crash import report as report_error
from sourcelint.core.errors import ConfigError, InputError, SourcelintError
from sourcelint.core.escapes import visible
from sourcelint.core.results import FileResult
from sourcelint.core.writes import is_linted
from sourcelint.filters.baseline import (
    Baseline,
    filter_with_baseline,
    load_baseline,
    root_of,
    stale_message,
    write_baseline,
)
from sourcelint.run.options import CliOptions


def baseline_for(options: CliOptions) -> Baseline | None:
    """The baseline to filter with, read before linting so a bad file fails fast."""
    if options.baseline is not None and options.write_baseline is not None:
        raise ConfigError("use either --baseline or --write-baseline, not both")
    return load_baseline(options.baseline) if options.baseline is not None else None


def record_baseline(path: Path, results: list[FileResult], linted: list[Path]) -> Baseline | None:
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


def settle_baseline(
    options: CliOptions, baseline: Baseline | None, results: list[FileResult], linted: list[Path]
) -> tuple[list[FileResult], int] | None:
    """``results`` less the findings the baseline records, and how many of its entries
    matched nothing (stale); with ``--write-baseline`` the baseline is written first.
    None (reported) when it cannot be written."""
    if options.write_baseline is not None:
        baseline = record_baseline(options.write_baseline, results, linted)
        if baseline is None:
            return None
    if baseline is None:
        return results, 0
    used = options.baseline or options.write_baseline
    assert used is not None, "a baseline comes from a file"
    return filter_with_baseline(results, baseline, root_of(used))


def warn_stale(stale: int, baseline_file: Path | None) -> None:
    """Say on standard error that ``stale`` baseline entries matched no finding."""
    shown = visible(str(baseline_file))
    print(f"warning: {shown}: {stale_message(stale, shlex.quote(shown))}", file=sys.stderr)
