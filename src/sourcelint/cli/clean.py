"""``sourcelint clean``: remove the results cache of ``check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sourcelint.core.exits import EXIT_ERROR


def clean(
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            metavar="DIR",
            help="The cache to remove (also: SOURCELINT_CACHE_DIR).",
            show_default=".sourcelint_cache",
        ),
    ] = None,
) -> None:
    """Remove the results cache that ``check`` keeps (``.sourcelint_cache``)."""
    from sourcelint.core.errors import CacheError, InputError
    from sourcelint.core.escapes import visible
    from sourcelint.run.cache import clean as remove
    from sourcelint.run.cache import default_directory

    directory = default_directory(cache_dir)
    try:
        removed = remove(directory)
    except CacheError as error:
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except OSError as error:  # a cache that cannot be removed: as an output not written
        typer.echo(InputError(str(error)).render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    shown = visible(str(directory))
    typer.echo(f"Removed {shown}" if removed else f"No cache at {shown}", err=True)
