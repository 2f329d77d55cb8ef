"""``sourcelint config PATH``: the resolved configuration for a file, and each value's file."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path

from sourcelint.config import ConfigResolver, Settings, _display, _key, normalize_path
from sourcelint.escapes import visible

__all__ = ["describe_settings", "settings_rows"]

#: (TOML key, ``Settings`` attribute) in the order they are shown; ``readers.*`` follow.
_SCALARS = (
    ("select", "select"),
    ("extend-select", "extend_select"),
    ("ignore", "ignore"),
    ("severity", "severity"),
    ("pipeline", "pipeline"),
    ("model", "model"),
    ("fail-on", "fail_on"),
    ("exclude", "exclude"),
    ("extend-exclude", "extend_exclude"),
    ("respect-gitignore", "respect_gitignore"),
    ("force-exclude", "force_exclude"),
    ("per-file-ignores", "per_file_ignores"),
    ("extend-rules", "extend_rules"),
    ("own-outlet", "own_outlet"),
    ("jobs", "jobs"),
)
_READER_KEYS = (
    ("front-matter-fields", "front_matter_fields"),
    ("html-skip", "html_skip"),
    ("html-content", "html_content"),
    ("line-marker", "line_marker"),
)
_TABLES = ("severity", "per-file-ignores")
_ALIGN = 48


def _toml(value: object, cwd: Path) -> str:
    """A value as TOML (``None`` is not TOML: shown as ``unset``)."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Path):
        value = _display(value, cwd)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(item, cwd) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_toml(v, cwd)}" for k, v in value.items()) + "}"
    return str(value)


def _shown(path: Path, cwd: Path) -> str:
    """A path for a comment line: a control character in its name is shown, not sent."""
    return visible(_display(path, cwd))


def settings_rows(settings: Settings) -> Iterator[tuple[str, object, Path | None]]:
    """Every key of ``settings`` as (TOML key, value, config file or ``None`` for default).

    Tables are given entry by entry, since with ``extend`` their entries can come from
    different files; an empty table is one row with an empty mapping.
    """
    origin = settings.provenance.get
    for name, attr in _SCALARS:
        value = getattr(settings, attr)
        if name in _TABLES:
            if not value:
                yield name, {}, None
            for entry, item in value.items():
                key = _key(name, entry)
                yield key, item, origin(key)
            continue
        yield name, value, origin(name)
    extensions = settings.readers.extensions
    if not extensions:
        yield "readers.extensions", {}, None
    for suffix, reader in extensions.items():
        key = _key("readers", "extensions", suffix)
        yield key, reader, origin(key)
    for name, attr in _READER_KEYS:
        key = _key("readers", name)
        yield key, getattr(settings.readers, attr), origin(key)


def describe_settings(path: Path, *, config: Path | None = None, cwd: Path | None = None) -> str:
    """The resolved configuration for ``path``: each key, its value and its file.

    ``config`` is ``--config FILE`` (one file for everything); otherwise the nearest
    config file above ``path`` is used, with the bases it ``extend``s. Lines are TOML
    followed by ``# <file>`` or ``# default``. Raises ``ConfigError``.
    """
    cwd = normalize_path(cwd) if cwd is not None else Path.cwd()
    settings = ConfigResolver(config, cwd=cwd).settings_for(path)
    target = normalize_path(path, cwd)
    lines = [f"# sourcelint configuration for {_shown(target, cwd)}"]
    if settings.source is None:
        lines.append("# config file: none (defaults)")
    else:
        lines.append(f"# config file: {_shown(settings.source, cwd)}")
        for base in settings.extends:
            lines.append(f"#   extends: {_shown(base, cwd)}")
        lines.append("# per-file-ignores globs are relative to the file that wrote them")
    if target.is_file() or not target.exists():
        applied = settings.ignores_for(target)
        lines.append(f"# per-file-ignores for this file: {', '.join(applied) or 'none'}")
    lines.append("")
    rows = [
        (f"{key} = {_toml(value, cwd)}", "default" if src is None else _shown(src, cwd))
        for key, value, src in settings_rows(settings)
    ]
    # Align the comments, but not to the width of a long list such as the default excludes.
    width = max((len(left) for left, _ in rows if len(left) <= _ALIGN), default=0)
    lines.extend(f"{left.ljust(width)}  # {src}" for left, src in rows)
    return "\n".join(lines) + "\n"
