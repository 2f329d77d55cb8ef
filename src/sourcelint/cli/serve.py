"""``sourcelint serve``: a local page that lints a draft as you type."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sourcelint.cli.options import ConfigFile, flag, pipeline_option
from sourcelint.core.crash import Verbosity


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
    pipeline: Annotated[str | None, pipeline_option()] = None,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the page in a web browser.")
    ] = False,
    verbose: Annotated[
        bool, flag("--verbose", help="Show the traceback of an internal error.")
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
