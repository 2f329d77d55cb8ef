"""``sourcelint config PATH``: the resolved configuration for a file, and each value's file."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path

from sourcelint.config import ConfigResolver, Settings, normalize_path
from sourcelint.config.definition import SETTINGS, Merge, Section, Setting
from sourcelint.config.keys import key_path
from sourcelint.config.settings import display_path
from sourcelint.core.escapes import visible

__all__ = ["describe_settings", "settings_rows"]

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
        value = display_path(value, cwd)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(item, cwd) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key_path(k)} = {_toml(v, cwd)}" for k, v in value.items()) + "}"
    return str(value)


def _shown(path: Path, cwd: Path) -> str:
    """A path for a comment line: a control character in its name is shown, not sent."""
    return visible(display_path(path, cwd))


def settings_rows(settings: Settings) -> Iterator[tuple[str, object, Path | None]]:
    """Every key of ``settings`` as (TOML key, value, config file or ``None`` for default).

    Keys come in the definition's order. Tables are given entry by entry, since with
    ``extend`` their entries can come from different files; an empty table is one row
    with an empty mapping.
    """
    yield from _rows(SETTINGS, settings, settings.provenance)


def _rows(
    definition: Sequence[Setting], values: object, provenance: Mapping[str, Path], *parts: str
) -> Iterator[tuple[str, object, Path | None]]:
    for setting in definition:
        if setting.attr is None:  # extend: the header shows the chain
            continue
        value = getattr(values, setting.attr)
        at = (*parts, setting.key)
        if isinstance(setting.type, Section):
            yield from _rows(setting.type.settings, value, provenance, *at)
        elif setting.merge is Merge.ENTRIES:
            if not value:
                yield key_path(*at), {}, None
            for entry, item in value.items():
                key = key_path(*at, entry)
                yield key, item, provenance.get(key)
        else:
            key = key_path(*at)
            yield key, value, provenance.get(key)


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
