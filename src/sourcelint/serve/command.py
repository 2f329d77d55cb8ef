"""``sourcelint serve`` as a function: check the directory and config, listen, serve
until Ctrl-C. Kept apart from the CLI so tests can drive it without a terminal."""

from __future__ import annotations

import sys
import threading
from contextlib import suppress
from pathlib import Path

from sourcelint.core.crash import report
from sourcelint.core.errors import InputError, SourcelintError
from sourcelint.core.escapes import visible
from sourcelint.core.exits import EXIT_ERROR, EXIT_OK
from sourcelint.serve.app import Server, make_server
from sourcelint.serve.workspace import Workspace


def start(
    directory: Path, host: str, port: int, *, config: Path | None, pipeline: str | None
) -> Server:
    """A server for ``directory``, listening; raises what must stop ``serve`` before it
    starts (no such directory, a broken config, an address it cannot listen on)."""
    if not directory.is_dir():
        what = "is not a directory" if directory.exists() else "no such directory"
        raise InputError(f"{what}; serve a folder of drafts", path=directory)
    workspace = Workspace(directory, config=config, pipeline=pipeline)
    workspace.check_config()
    try:
        return make_server(workspace, host, port, str(directory))
    except OSError as error:  # in use, not an address of this machine, not allowed
        reason = error.strerror or str(error)
        raise InputError(f"cannot listen on {host}:{port}: {reason}") from None


def banner(directory: Path, server: Server) -> list[str]:
    """What ``serve`` says once it listens: the address first, on one line (scripts and
    tests read it), then a warning when the page is reachable from other machines."""
    lines = [f"Serving {visible(str(directory))} at {server.url} (read only; Ctrl-C to stop)"]
    if not server.loopback:
        lines.append(
            f"warning: listening on {visible(server.host)}: the page and every file it lists "
            "are reachable from the network, without a password"
        )
    return lines


def run_serve(
    directory: Path,
    host: str,
    port: int,
    *,
    config: Path | None = None,
    pipeline: str | None = None,
    open_browser: bool = False,
) -> int:
    """Serve ``directory`` until Ctrl-C; the exit code."""
    try:
        server = start(directory, host, port, config=config, pipeline=pipeline)
    except SourcelintError as error:
        report(error)
        return EXIT_ERROR
    with server:
        for line in banner(directory, server):
            print(line, file=sys.stderr)
        # The rules (and the model) load while the reporter opens the page.
        threading.Thread(target=server.workspace.warm, daemon=True).start()
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        # Ctrl-C is how it stops: a clean exit.
        with suppress(KeyboardInterrupt):
            server.serve_forever()
    return EXIT_OK
