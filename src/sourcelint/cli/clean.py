"""``sourcelint clean``: remove the results cache of ``check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sourcelint.cli.options import ConfigFile
from sourcelint.core.exits import EXIT_ERROR


def clean(
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            metavar="DIR",
            help="The cache to remove (also: SOURCELINT_CACHE_DIR, the config's cache-dir).",
            show_default=".sourcelint_cache",
        ),
    ] = None,
    config: ConfigFile = None,
) -> None:
    """Remove the results cache that ``check`` keeps (``.sourcelint_cache``)."""
    from sourcelint.config import ConfigResolver
    from sourcelint.core.errors import InputError, SourcelintError
    from sourcelint.core.escapes import visible
    from sourcelint.run.cache_location import clean as remove
    from sourcelint.run.cache_location import default_directory

    try:
        directory = default_directory(cache_dir, ConfigResolver(config))
        removed = remove(directory)
    except SourcelintError as error:  # a broken config, or a folder that is no cache
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except OSError as error:  # a cache that cannot be removed: as an output not written
        typer.echo(InputError(str(error)).render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    shown = visible(str(directory))
    typer.echo(f"Removed {shown}" if removed else f"No cache at {shown}", err=True)
