"""``sourcelint lsp`` as a function: build the server and serve stdio until the editor
says exit or closes the stream."""

from __future__ import annotations

import sys
from pathlib import Path

from sourcelint.crash import report
from sourcelint.errors import SourcelintError
from sourcelint.run import CliOptions

EXIT_OK, EXIT_ERROR = 0, 2


def run_lsp(*, config: Path | None = None, pipeline: str | None = None) -> int:
    """Serve the protocol on stdin/stdout; the exit code."""
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
    return EXIT_OK
