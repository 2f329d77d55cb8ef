"""What the commands share: exit codes, options and their help texts."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sourcelint.core.crash import report
from sourcelint.core.errors import PipelineError, SourcelintError
from sourcelint.core.exits import EXIT_ERROR
from sourcelint.core.tiers import DEFAULT_TIER, TIERS, tier_name

if TYPE_CHECKING:
    # Loaded with the rules, when a command asks for them: --version starts without it.
    from sourcelint.checks.registry import Registry


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


def pipeline_option() -> typer.models.OptionInfo:
    """The --pipeline option of a command."""
    return typer.Option(
        metavar=PIPELINE_METAVAR,
        callback=tier_option,
        help=PIPELINE_HELP,
        show_default=FROM_CONFIG.format(DEFAULT_TIER),
    )


def jobs_option(help: str, default: str) -> typer.models.OptionInfo:
    """The --jobs (-j) option of a command that works in several processes."""
    return typer.Option("--jobs", "-j", min=1, metavar="N", help=help, show_default=default)


def flag(*names: str, help: str, default: str = OFF) -> typer.models.OptionInfo:
    """An on/off option; ``default`` says what holds when it is not given."""
    return typer.Option(*names, help=help, show_default=default)


def tier_option(value: str | None) -> str | None:
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


def split(values: list[str] | None) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def registry_or_exit(directory: Path | None = None) -> Registry:
    """The rules of ``directory``'s configuration (for ``rules`` and ``explain``); a
    broken configuration is reported and ends the command (exit 2)."""
    from sourcelint.engine import Engine

    try:
        return Engine.for_directory(directory or Path.cwd()).registry
    except SourcelintError as error:
        report(error)
        raise SystemExit(EXIT_ERROR) from None
