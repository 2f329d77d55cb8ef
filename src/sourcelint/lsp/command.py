"""``sourcelint lsp`` as a function: build the server and serve stdio until the editor
says exit or closes the stream."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from sourcelint.core.crash import report
from sourcelint.core.errors import SourcelintError
from sourcelint.core.exits import EXIT_ERROR, EXIT_OK
from sourcelint.run.options import CliOptions


def run_lsp(*, config: Path | None = None, pipeline: str | None = None) -> int:
    """Serve the protocol on stdin/stdout; the exit code (a broken ``--config``), else
    it ends the process itself once the editor says exit or closes the stream."""
    from sourcelint.lsp.server import build_server

    try:
        server = build_server(CliOptions(paths=[], config=config, pipeline=pipeline))
    except SourcelintError as error:  # a broken --config: nothing to serve with
        report(error)
        return EXIT_ERROR
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Standard output carries the protocol alone: a stray print would corrupt it.
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    # A lint still running (a huge draft) must not delay the exit the editor asked for:
    # its thread cannot be interrupted, and the interpreter would wait for it at exit.
    for stream in (stdout, sys.stderr):
        with suppress(ValueError, OSError):  # closed by the exit notification
            stream.flush()
    os._exit(EXIT_OK)
