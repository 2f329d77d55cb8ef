"""The command line: the ``sourcelint`` app and its commands, one module each.

Heavy modules (spaCy above all) are imported inside commands, so ``--help`` and
``--version`` start fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from sourcelint.cli import attributions, audit, check, clean, config, explain, lsp, rules, serve
from sourcelint.core.crash import internal_error, report
from sourcelint.core.exits import EXIT_ERROR
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
app.command(cls=check.CheckCommand)(check.check)
app.command("rules")(rules.list_rules)
app.command()(explain.explain)
app.command("config")(config.show_config)
app.command()(attributions.attributions)
app.command()(serve.serve)
app.command()(lsp.lsp)
app.command()(clean.clean)
app.command()(audit.audit)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sourcelint {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """sourcelint: weak sourcing, linted."""


app.callback()(_root)


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
