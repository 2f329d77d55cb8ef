"""The report of a run: its format, its text, and where it goes (never over a linted file)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from sourcelint.core.crash import report as report_error
from sourcelint.core.errors import ConfigError, InputError, SourcelintError
from sourcelint.core.results import Report
from sourcelint.core.writes import is_linted, write_atomically
from sourcelint.formats import BUILTIN, Formatter, format_names, get_formatter


def formatter_for(output_format: str, *, statistics: bool) -> Formatter:
    """The formatter of a format name; a ConfigError naming the option when nothing
    provides it, or when ``--statistics`` asks it for a table it has no place for."""
    try:
        formatter = get_formatter(output_format)
    except KeyError:
        known = ", ".join(format_names())
        raise ConfigError(
            f"unknown format {output_format!r}; use one of: {known}", key="--format"
        ) from None
    if statistics and not _shows_statistics(formatter):
        able = ", ".join(n for n in BUILTIN if _shows_statistics(get_formatter(n)))
        raise ConfigError(
            f"the {output_format!r} format has no place for the statistics table; use "
            f"--format with one of: {able}",
            key="--statistics",
        )
    return formatter


def render(formatter: Formatter, report: Report, *, color: bool) -> str:
    """The whole report as text, written only once every file was read."""
    buffer = io.StringIO()
    formatter.write(report, buffer, color=color)
    return buffer.getvalue()


def deliver(text: str, output_file: Path | None, linted: list[Path]) -> bool:
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


def _shows_statistics(formatter: object) -> bool:
    """A plugin's format that does not say is trusted to show them."""
    return getattr(formatter, "shows_statistics", True)
