"""Internal errors: a bug in sourcelint becomes one line naming the file, never exit 1.

A crash must not read as "findings" in CI (exit 1) nor stop the other files: it is
turned into an ``InternalError`` (E900, exit 2) with the traceback kept aside for
``--verbose``.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from sourcelint.core.errors import InternalError, SourcelintError
from sourcelint.core.version import __version__

REPORT_HINT = (
    f"this is a bug in sourcelint {__version__}; please report it with this line and the "
    "file (or a passage that reproduces it); --verbose shows the traceback"
)
# A message longer than this is cut: the line must stay one readable line.
_MAX_DETAIL = 200


class Verbosity:
    """Whether the running command was given ``--verbose`` (set by the command line,
    read where a crash that escaped every command is reported)."""

    verbose = False


def internal_error(error: BaseException, path: Path | str | None = None) -> InternalError:
    """``error`` (an unexpected exception) as an ``InternalError`` naming ``path``."""
    detail = " ".join(str(error).split())
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 1] + "…"
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return InternalError(
        f"internal error ({what}); {REPORT_HINT}",
        path=path,
        details="".join(traceback.format_exception(error)),
    )


def report(error: SourcelintError) -> None:
    """Print ``error`` as one line on standard error; an internal error's traceback too
    under ``--verbose``."""
    print(error.render(), file=sys.stderr)
    if Verbosity.verbose and isinstance(error, InternalError) and error.details:
        print(error.details.rstrip("\n"), file=sys.stderr)
