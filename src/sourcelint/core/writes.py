"""Writing reports and baselines: never over a linted file, never half a file.

sourcelint never writes to the files it lints: an output path that is one of them, by
name, symlink or hard link, is refused. Output goes to a temporary file beside the
target and is renamed over it, so a crash or a full disk leaves the old file whole.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sourcelint.core.errors import InputError


def is_linted(output: Path, linted: Iterable[Path]) -> bool:
    """Whether ``output`` is, or links to, one of the ``linted`` files."""
    try:
        found = output.stat()
    except OSError:
        # Not there (or not reachable): no linted file can be behind it, unless named alike.
        target = output.absolute()
        return any(path.absolute() == target for path in linted)
    identity = (found.st_dev, found.st_ino)
    for path in linted:
        try:
            other = path.stat()
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == identity:
            return True
    return False


def write_atomically(path: Path, text: str, what: str = "file") -> None:
    """Write ``text`` to ``path`` (through a symlink, to its target) in one rename,
    making the folders it needs.

    A path that is not a regular file (``/dev/stdout``, a FIFO, ``/dev/null``) is written
    in place: renaming over it would replace the device. Raises ``InputError`` naming
    ``path`` when it cannot be written; the temporary file is removed then, and the old
    ``path`` is left as it was.
    """
    if _is_special(path):
        try:
            with path.open("w", encoding="utf-8", errors="backslashreplace", newline="\n") as file:
                file.write(text)
        except OSError as error:
            raise InputError(f"cannot write the {what}: {_reason(error)}", path=path) from None
        return
    with atomic_path(path, what) as temporary:
        temporary.write_text(text, encoding="utf-8", errors="backslashreplace", newline="\n")


@contextmanager
def atomic_path(path: Path, what: str = "file") -> Iterator[Path]:
    """A temporary path beside ``path`` (through a symlink, beside its target) for the
    block to write in full, renamed over ``path`` when the block ends without error.

    The folders it needs are made. Raises ``InputError`` naming ``path`` when it cannot
    be written; the temporary file is removed then, and the old ``path`` is left as it
    was.
    """
    try:
        target = path.resolve()
        # Missing folders are made, as ``ruff --output-file`` and pytest's --junitxml do.
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
    except (OSError, RuntimeError) as error:
        raise InputError(f"cannot write the {what}: {_reason(error)}", path=path) from None
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())  # on disk before the rename makes it the file
        temporary.chmod(_mode_for(target))
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write the {what}: {_reason(error)}", path=path) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file (a device, FIFO, directory…)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _mode_for(target: Path) -> int:
    """The mode the file keeps (when it exists) or would get from ``open`` (umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(error: BaseException) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)
