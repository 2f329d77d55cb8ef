"""``sourcelint config``: a file's resolved settings and where each came from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sourcelint.cli.options import flag
from sourcelint.core.exits import EXIT_ERROR


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
        flag(
            "--schema",
            help="Print the JSON Schema of config files instead (for editors; it is "
            "schemas/sourcelint.schema.json).",
        ),
    ] = False,
) -> None:
    """Print the resolved configuration for a file: each value and where it came from."""
    from sourcelint.core.errors import ConfigError, SourcelintError

    if schema:
        from sourcelint.config.schema import schema_json

        typer.echo(schema_json(), nl=False)
        return
    if path is None:
        missing = ConfigError("give a PATH whose settings to show, or --schema", key="PATH")
        typer.echo(missing.render(), err=True)
        raise typer.Exit(EXIT_ERROR)
    from sourcelint.config.show import describe_settings

    try:
        typer.echo(describe_settings(path, config=config), nl=False)
    except SourcelintError as error:
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
