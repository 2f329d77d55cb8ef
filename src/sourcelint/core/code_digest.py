"""Digests of code as it is on disk, for the results cache: sourcelint's own package and
plugins' modules. Code edited in a checkout or an editable install keeps its version
number, so the version alone would let a cache serve results the old code gave.

Content, not modification times: a reinstall of the same code (a CI job restoring its
cache onto a fresh install) still hits. Hashing sourcelint's ~1.5 MB takes about 3 ms,
once a process.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

# sourcelint's package folder: core/ is one of its subpackages.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def tree_digest(*roots: Path) -> str:
    """SHA-256 of the files under each root (a folder, or a single module file), by path
    relative to the root and content. Bytecode caches and symlinks are left out: bytecode
    follows the source, and a link may lead anywhere (rule packs have their own digest)."""
    digest = hashlib.sha256()
    for root in roots:
        digest.update(b"\1")  # where one root ends (its place is not hashed: a reinstall hits)
        for path in _files(root) if root.is_dir() else [root]:
            relative = path.relative_to(root).as_posix() if path != root else path.name
            digest.update(f"{relative}\0".encode(errors="surrogatepass"))
            try:
                digest.update(path.read_bytes())
            except OSError as error:  # unreadable here: the code that runs cannot be known
                digest.update(f"\0{type(error).__name__}\0".encode())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """The regular files under ``folder``, in a fixed order, without following links."""
    found: list[Path] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        if entry.is_symlink() or entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found.extend(_files(Path(entry.path)))
        elif entry.is_file() and not entry.name.endswith((".pyc", ".pyo")):
            found.append(Path(entry.path))
    return found


@cache
def sourcelint_digest() -> str:
    """The digest of sourcelint's own package as installed (read once a process)."""
    return tree_digest(PACKAGE_ROOT)
