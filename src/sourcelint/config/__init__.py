"""Configuration: find, read and validate ``sourcelint`` settings, the way ruff does.

A config file is ``.sourcelint.toml`` or ``sourcelint.toml`` (keys at top level) or a
``pyproject.toml`` with a ``[tool.sourcelint]`` table. For each linted file the nearest
config, searching upward from the file's directory, wins; levels are never merged.

A config may name a shared base with ``extend = "../base.toml"`` (relative to the file;
chains allowed): its keys override the base's, tables (``severity``, ``per-file-ignores``,
``readers.extensions``) merge entry by entry, and ``per-file-ignores`` globs and
``extend-rules`` directories stay relative to the file that wrote them. ``Settings``
records which file each value came from (``provenance``).

Every key is declared once, in ``definition``: ``parse`` validates by it, ``schema``
turns it into the JSON Schema editors use, ``resolve`` merges by it.
"""

from __future__ import annotations

from sourcelint.config.resolve import (
    CONFIG_NAMES,
    ConfigResolver,
    check_selectors,
    find_config,
    load_config,
)
from sourcelint.config.settings import (
    DEFAULT_EXCLUDE,
    FrozenMap,
    ReaderSettings,
    Settings,
    normalize_path,
)

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDE",
    "ConfigResolver",
    "FrozenMap",
    "ReaderSettings",
    "Settings",
    "check_selectors",
    "find_config",
    "load_config",
    "normalize_path",
]
