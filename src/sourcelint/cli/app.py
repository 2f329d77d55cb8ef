"""The command line: wires reading, config, rules, engine and formats together.

Heavy modules (spaCy above all) are imported inside commands, so ``--help`` and
``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from sourcelint.core.crash import Verbosity, internal_error, report
from sourcelint.core.errors import PipelineError
from sourcelint.core.tiers import DEFAULT_TIER, TIERS, tier_name
from sourcelint.core.version import __version__

app = typer.Typer(
    name="sourcelint",
    help="A linter for journalism: flags anonymous, second-hand and unsourced attribution "
    "and loaded language in article drafts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# The tiers as the help shows them; 'accurate', the old name of 'parse', is accepted too.
PIPELINE_METAVAR = f"[{'|'.join(TIERS)}]"
PIPELINE_HELP = (
    "Analysis tier. fast: no model, heuristics; over ten times faster. parse: the "
    "statistical model (en_core_web_sm 3.8.0, installed with sourcelint); finds more "
    "attributions, its kinds of source are still being rebuilt (docs/quality.md)."
)
# Every option shows its default. Help texts are rich markup, where "[...]" is a style
# and vanishes, so a default the code cannot show (None: "the config's") is given to
# typer as a show_default string, which it prints as "[default: (...)]" unharmed.
OFF = "off"  # the default of an on/off flag, which typer would otherwise leave out
FROM_CONFIG = "the config's, else {}"
# Which config each linted file uses when --config is not given.
NEAREST_CONFIG = "the nearest config above each file"


def _pipeline_option() -> typer.models.OptionInfo:
    """The --pipeline option of a command."""
    return typer.Option(
        metavar=PIPELINE_METAVAR,
        callback=_tier,
        help=PIPELINE_HELP,
        show_default=FROM_CONFIG.format(DEFAULT_TIER),
    )


def _flag(*names: str, help: str, default: str = OFF) -> typer.models.OptionInfo:
    """An on/off option; ``default`` says what holds when it is not given."""
    return typer.Option(*names, help=help, show_default=default)


def _tier(value: str | None) -> str | None:
    """The canonical tier of a --pipeline value ('accurate' is the old name of 'parse')."""
    if value is None:
        return None
    try:
        return tier_name(value)
    except PipelineError:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(TIERS)}.") from None


# --config of the commands that lint (check, serve).
ConfigFile = Annotated[
    Path | None,
    typer.Option(
        help="Use this config file for every file instead of discovering one.",
        show_default=NEAREST_CONFIG,
    ),
]


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sourcelint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """sourcelint: weak sourcing, linted."""


def _split(values: list[str] | None) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


class _CheckCommand(TyperCommand):
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


@app.command(cls=_CheckCommand)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories to lint; '-' reads standard input.",
            show_default="current folder",
        ),
    ] = None,
    # The help lists the formats when shown (_CheckCommand).
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
        bool, _flag("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            help="Lowest severity that makes the exit code 1.",
            show_default=FROM_CONFIG.format(FailOn.warning.value),
        ),
    ] = None,
    pipeline: Annotated[str | None, _pipeline_option()] = None,
    config: ConfigFile = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(help="The name to report for standard input.", show_default="-"),
    ] = None,
    force_exclude: Annotated[
        bool,
        _flag(
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
    quiet: Annotated[bool, _flag("--quiet", "-q", help="Findings only, no summary.")] = False,
    statistics: Annotated[
        bool,
        _flag(
            "--statistics",
            help="One table for the whole run: findings per rule, most frequent first, then "
            "the sourcing profile (in JSON: summary.profile).",
        ),
    ] = False,
    show_suppressed: Annotated[
        bool,
        _flag("--show-suppressed", help="In JSON, list suppressed findings with their reasons."),
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
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Lint in N processes; 1 lints in this one.",
            show_default=FROM_CONFIG.format("every core when there is work enough"),
        ),
    ] = None,
    verbose: Annotated[
        bool,
        _flag(
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
        paths=[str(path) for path in paths or [Path()]],
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
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
    )
    color = output_file is None and _use_color(sys.stdout)
    code = run_check(options, output_format, color=color, output_file=output_file)
    raise typer.Exit(EXIT_OK if exit_zero and code == EXIT_FINDINGS else code)


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, name, category, default severity and summary.

    ``--format markdown`` writes the rule reference kept in docs/rules.md.
    """
    from sourcelint.formats.explain import render_rule_list
    from sourcelint.run.check import registry_or_exit

    typer.echo(render_rule_list(registry_or_exit(), output_format.value), nl=False)


@app.command()
def explain(
    rule: Annotated[
        str,
        typer.Argument(
            help="A rule code or name, e.g. SL102 or reportedly; or an error code, e.g. E101."
        ),
    ],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
) -> None:
    """Explain a rule or an error code (E101): why, with examples, and how to fix it.

    A rule: what it flags, why (the standard), flagged and near-miss examples. An error
    code: what causes it and the messages it covers.
    """
    from sourcelint.core.error_codes import ERROR_CODES, error_code
    from sourcelint.formats.explain import render_explanation
    from sourcelint.run.check import registry_or_exit

    # Error codes first: they need no rule packs or config, which may be what is broken.
    entry = error_code(rule)
    if entry is not None:
        typer.echo(render_explanation(entry, output_format.value), nl=False)
        return
    found = registry_or_exit().get(rule)
    if found is None:
        codes = ", ".join(known.code for known in ERROR_CODES)
        typer.echo(
            f"error: no rule or error code named {rule!r}; see `sourcelint rules` for the "
            f"rules; the error codes are {codes}",
            err=True,
        )
        raise typer.Exit(EXIT_ERROR)
    typer.echo(render_explanation(found.meta, output_format.value), nl=False)


@app.command("config")
def show_config(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A file (or directory) whose settings to show; needed unless --schema.",
            show_default="none",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            help="Use this config file instead of discovering one.",
            show_default="the nearest config above the file",
        ),
    ] = None,
    schema: Annotated[
        bool,
        _flag(
            "--schema",
            help="Print the JSON Schema of config files instead (for editors; it is "
            "schemas/sourcelint.schema.json).",
        ),
    ] = False,
) -> None:
    """Print the resolved configuration for a file: each value and where it came from."""
    from sourcelint.core.errors import SourcelintError

    if schema:
        from sourcelint.config.schema import schema_json

        typer.echo(schema_json(), nl=False)
        return
    if path is None:
        typer.echo("error: give a PATH whose settings to show, or --schema", err=True)
        raise typer.Exit(EXIT_ERROR)
    from sourcelint.config.show import describe_settings

    try:
        typer.echo(describe_settings(path, config=config), nl=False)
    except SourcelintError as error:
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def attributions(
    paths: Annotated[list[Path], typer.Argument(help="Files and directories to analyse.")],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    pipeline: Annotated[str | None, _pipeline_option()] = None,
    config: ConfigFile = None,
) -> None:
    """Show the sourcing model: every attribution, its cue, source and kind of source.

    Files are found and read as ``check`` finds and reads them (readers, configuration).
    """
    from sourcelint.cli.attributions import describe, render
    from sourcelint.run.check import say_skipped
    from sourcelint.run.options import CliOptions

    options = CliOptions(paths=[str(path) for path in paths], pipeline=pipeline, config=config)
    files, collected, errors = describe(paths, options)
    say_skipped(collected)
    for error in errors:
        report(error)
    typer.echo(render(files, output_format.value), nl=False)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


@app.command()
def serve(
    directory: Annotated[
        Path, typer.Argument(help="The folder whose drafts the page lists and lints.")
    ] = Path(),
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but loopback makes the page reachable "
            "from the network."
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port to listen on; 0 lets the system choose.")
    ] = 0,
    config: ConfigFile = None,
    pipeline: Annotated[str | None, _pipeline_option()] = None,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the page in a web browser.")
    ] = False,
    verbose: Annotated[
        bool, _flag("--verbose", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Serve a local web page that lints a draft as you type, or any file under DIRECTORY.

    Read only: it never writes. It listens on 127.0.0.1 unless --host says otherwise.
    """
    from sourcelint.serve.command import run_serve

    Verbosity.tracebacks = verbose
    code = run_serve(
        directory, host, port, config=config, pipeline=pipeline, open_browser=open_browser
    )
    raise typer.Exit(code)


@app.command()
def lsp(
    config: ConfigFile = None,
    pipeline: Annotated[str | None, _pipeline_option()] = None,
    stdio: Annotated[
        bool,
        # VS Code's language client adds --stdio when it talks over standard streams.
        _flag("--stdio", help="Talk over standard input and output (the only transport)."),
    ] = False,
) -> None:
    """Run a language server over standard input and output, for editors: each open
    draft is linted as `check` lints the file at its path, as you type."""
    from sourcelint.lsp.command import run_lsp

    raise typer.Exit(run_lsp(config=config, pipeline=pipeline))


def main() -> None:
    """Console-script entry point."""
    # File names that are not UTF-8 must not crash the report.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except Exception as error:  # a bug: one line and exit 2, never a bare traceback and 1
        report(internal_error(error))
        sys.exit(EXIT_ERROR)
