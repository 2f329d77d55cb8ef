"""``sourcelint check``: lint files and directories."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from sourcelint.cli.options import (
    FROM_CONFIG,
    OFF,
    ConfigFile,
    FailOn,
    flag,
    jobs_option,
    pipeline_option,
    split,
    use_color,
)
from sourcelint.core.crash import Verbosity
from sourcelint.core.exits import EXIT_FINDINGS, EXIT_OK


class CheckCommand(TyperCommand):
    """``check``, whose --format help lists the formats installed when it is shown.

    Built-ins and plugins come from ``format_names()``; read at help time, not at import,
    so neither ``--version`` nor the entry-point scan slows the other commands.
    """

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        from rich.markup import escape

        from sourcelint.formats import format_names

        for param in self.params:
            if param.name == "output_format":
                # Escaped: a plugin's name is not markup.
                param.help = f"Output format, one of: {escape(', '.join(format_names()))}."
        super().format_help(ctx, formatter)


def check(
    # Strings, not Paths: typer builds a validator for every Path argument (some 0.1 ms a
    # file, a tenth of a warm-cache run over 665 files), and the run takes strings.
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or directories to lint; '-' reads standard input.",
            show_default="current folder",
        ),
    ] = None,
    # The help lists the formats when shown (CheckCommand).
    output_format: Annotated[str, typer.Option("--format", "-f")] = "text",
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="Rules to run (codes, prefixes like SL2, names); replaces the config's.",
            show_default=FROM_CONFIG.format("all"),
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            help="Rules to run in addition to the selected ones, added to the config's.",
            show_default="none",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Rules to skip, added to the config's.", show_default="none"),
    ] = None,
    exit_zero: Annotated[
        bool, flag("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            help="Lowest severity that makes the exit code 1.",
            show_default=FROM_CONFIG.format(FailOn.warning.value),
        ),
    ] = None,
    pipeline: Annotated[str | None, pipeline_option()] = None,
    config: ConfigFile = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(help="The name to report for standard input.", show_default="-"),
    ] = None,
    force_exclude: Annotated[
        bool,
        flag(
            "--force-exclude",
            help="Apply 'exclude' to files named on the command line.",
            default=FROM_CONFIG.format(OFF),
        ),
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            help="Write the report to this file.",
            show_default="standard output",
        ),
    ] = None,
    quiet: Annotated[bool, flag("--quiet", "-q", help="Findings only, no summary.")] = False,
    statistics: Annotated[
        bool,
        flag(
            "--statistics",
            help="One table for the whole run: findings per rule, most frequent first, then "
            "the sourcing profile (in JSON: summary.profile).",
        ),
    ] = False,
    show_suppressed: Annotated[
        bool,
        flag("--show-suppressed", help="In JSON, list suppressed findings with their reasons."),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report only findings not recorded in this baseline file.",
            show_default="none",
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record today's findings in this baseline file (rewritten; stale entries go).",
            show_default="none",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        jobs_option(
            "Lint in N processes; 1 lints in this one.",
            FROM_CONFIG.format("every core when there is work enough"),
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        flag(
            "--no-cache",
            help="Analyse every file, and keep no results (also: SOURCELINT_NO_CACHE=1).",
        ),
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            metavar="DIR",
            help="Where results are kept between runs (also: SOURCELINT_CACHE_DIR, the "
            "config's cache-dir).",
            show_default=".sourcelint_cache",
        ),
    ] = None,
    verbose: Annotated[
        bool,
        flag(
            "--verbose",
            help="Show the traceback of an internal error, and the files a walk skips.",
        ),
    ] = False,
) -> None:
    """Lint files and directories for weak sourcing and loaded language."""
    from sourcelint.run.check import run_check
    from sourcelint.run.options import CliOptions

    Verbosity.verbose = verbose

    options = CliOptions(
        paths=paths or ["."],
        select=split(select) or None,
        extend_select=split(extend_select),
        ignore=split(ignore),
        fail_on=fail_on.value if fail_on else None,
        pipeline=pipeline,
        config=config,
        stdin_filename=stdin_filename,
        force_exclude=force_exclude,
        quiet=quiet,
        statistics=statistics,
        show_suppressed=show_suppressed,
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
    )
    color = output_file is None and use_color(sys.stdout)
    code = run_check(options, output_format, color=color, output_file=output_file)
    raise typer.Exit(EXIT_OK if exit_zero and code == EXIT_FINDINGS else code)
