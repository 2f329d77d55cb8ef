"""TOML key paths as messages and provenance spell them: ``readers.extensions.".mdx"``."""

from __future__ import annotations

import re

__all__ = ["key_path"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def key_path(*parts: str) -> str:
    """A dotted TOML key path, quoting parts that are not bare keys."""
    return ".".join(p if _BARE_KEY.match(p) else _quote(p) for p in parts)


def _quote(part: str) -> str:
    return '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'
