"""``sourcelint lsp``: the language server, over standard input and output."""

from __future__ import annotations

from typing import Annotated

import typer

from sourcelint.cli.options import ConfigFile, flag, pipeline_option


def lsp(
    config: ConfigFile = None,
    pipeline: Annotated[str | None, pipeline_option()] = None,
    stdio: Annotated[
        bool,
        # VS Code's language client adds --stdio when it talks over standard streams.
        flag("--stdio", help="Talk over standard input and output (the only transport)."),
    ] = False,
) -> None:
    """Run a language server over standard input and output, for editors: each open
    draft is linted as `check` lints the file at its path, as you type."""
    from sourcelint.lsp.command import run_lsp

    raise typer.Exit(run_lsp(config=config, pipeline=pipeline))
