"""Validate one config file's table against the definition of settings.

Every error names the file and the TOML key at fault (``readers.extensions.".mdx"``),
with a "did you mean" for an unknown key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pathspec

from sourcelint.config import definition as spec
from sourcelint.config.keys import key_path
from sourcelint.config.settings import normalize_path
from sourcelint.core.errors import ConfigError

__all__ = ["ConfigParser", "type_name"]

_NONBLANK = re.compile(spec.NONBLANK)


def type_name(value: object) -> str:
    """The TOML name of a value's type, for messages."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


class ConfigParser:
    """Validates one config file's table and returns its values, keyed as in TOML.

    A ``Section`` gives a dict of its own values; a ``Table`` a dict of its entries;
    ``extend`` is returned with the rest, for the loader to follow.
    """

    def __init__(self, display: str, root: Path, prefix: tuple[str, ...]) -> None:
        self.display = display
        self.root = root  # the config file's directory: relative paths start there
        self.prefix = prefix  # ("tool", "sourcelint") in a pyproject.toml

    def error(self, message: str, *parts: str) -> ConfigError:
        key = key_path(*self.prefix, *parts) if parts else None
        return ConfigError(message, path=self.display, key=key)

    def parse(self, table: Mapping[str, Any]) -> dict[str, Any]:
        """The validated values of a whole config table."""
        return self.settings(spec.SETTINGS, table)

    def settings(
        self, definition: Sequence[spec.Setting], table: Mapping[str, Any], *parts: str
    ) -> dict[str, Any]:
        known = {setting.key: setting for setting in definition}
        values: dict[str, Any] = {}
        for name, value in table.items():
            setting = known.get(name)
            if setting is None:
                raise self.unknown(name, known, *parts)
            values[name] = self.value(setting.type, value, *parts, name)
        return values

    def unknown(self, name: str, known: Iterable[str], *parts: str) -> ConfigError:
        if name == "tool" and not parts and not self.prefix:
            message = "unknown key; outside pyproject.toml, keys go at the top level"
            return self.error(f"{message}, without [tool.sourcelint]", name)
        return self.error(f"unknown key{_suggest(name, known)}", *parts, name)

    def value(self, kind: spec.ValueType, value: object, *parts: str) -> Any:
        """``value`` checked against ``kind`` and converted (lists become tuples)."""
        match kind:
            case spec.Text():
                return self.text(kind, value, *parts)
            case spec.Flag():
                if not isinstance(value, bool):
                    raise self.error(f"expected a boolean, got {type_name(value)}", *parts)
                return value
            case spec.Count():
                return self.count(kind, value, *parts)
            case spec.Choice():
                return self.choice(kind, value, *parts)
            case spec.Strings():
                return self.strings(kind, value, *parts)
            case spec.Table():
                return self.table(kind, value, *parts)
            case spec.Section():
                return self.settings(kind.settings, self.mapping(value, *parts), *parts)
        raise TypeError(f"no parser for {kind!r}")  # pragma: no cover - a new ValueType

    def text(self, kind: spec.Text, value: object, *parts: str) -> str | Path:
        if not isinstance(value, str):
            raise self.error(f"expected a string, got {type_name(value)}", *parts)
        if not _NONBLANK.search(value):
            raise self.error("expected a non-empty string", *parts)
        if kind.check is not None:
            try:
                kind.check(value)
            except ConfigError as error:
                raise self.error(error.message, *parts) from None
        if kind.path:
            return normalize_path(Path(value).expanduser(), self.root)
        return value

    def count(self, kind: spec.Count, value: object, *parts: str) -> int:
        expected = f"expected a whole number of at least {kind.minimum}"
        # TOML's true is a bool, which Python counts as an int.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"{expected}, got {type_name(value)}", *parts)
        if value < kind.minimum:
            raise self.error(f"{expected}, got {value}", *parts)
        return value

    def choice(self, kind: spec.Choice, value: object, *parts: str) -> object:
        # Old names (aliases) are accepted but not offered.
        listed = ", ".join(repr(v) for v in kind.values)
        if not isinstance(value, str):
            raise self.error(f"expected one of {listed}, got {type_name(value)}", *parts)
        chosen = kind.aliases.get(value, value)
        if chosen not in kind.values:
            raise self.error(f"invalid value {value!r}; expected one of {listed}", *parts)
        return kind.convert(chosen)

    def strings(self, kind: spec.Strings, value: object, *parts: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise self.error(f"expected a list of strings, got {type_name(value)}", *parts)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(
                    f"expected a list of strings, but item {index} is {type_name(item)}", *parts
                )
        if kind.item is spec.Item.PATTERN:
            for pattern in value:
                self.pattern(pattern, *parts)
        if kind.item is spec.Item.DIRECTORY:
            return tuple(self.directory(entry, *parts) for entry in value)
        return tuple(value)

    def table(self, kind: spec.Table, value: object, *parts: str) -> dict[str, Any]:
        entries: dict[str, Any] = {}
        for key, item in self.mapping(value, *parts).items():
            if kind.keys is spec.Item.PATTERN:
                self.glob(key, *parts)
            entries[key.lower() if kind.lower_keys else key] = self.value(
                kind.values, item, *parts, key
            )
        return entries

    def mapping(self, value: object, *parts: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(f"expected a table, got {type_name(value)}", *parts)
        return value

    def pattern(self, pattern: str, *parts: str) -> pathspec.GitIgnoreSpec:
        try:
            return pathspec.GitIgnoreSpec.from_lines([pattern])
        except (ValueError, re.error) as exc:  # re.error: a range such as [z-a]
            raise self.error(f"invalid pattern {pattern!r}: {exc}", *parts) from None

    def glob(self, glob: str, *parts: str) -> None:
        """A table key that is a glob: '!' negates it; it must match something."""
        spec = self.pattern(glob.removeprefix("!"), *parts, glob)
        # A blank or '#' glob is inert in gitignore syntax; here it is surely a typo.
        if not any(p.include is not None for p in spec.patterns):
            raise self.error(f"pattern {glob!r} matches nothing", *parts, glob)

    def directory(self, entry: str, *parts: str) -> Path:
        directory = normalize_path(Path(entry).expanduser(), self.root)
        if not directory.exists():
            raise self.error(f"rule directory {entry!r} does not exist", *parts)
        if not directory.is_dir():
            raise self.error(f"rule directory {entry!r} is not a directory", *parts)
        return directory


def _suggest(name: str, known: Iterable[str]) -> str:
    candidates = list(known)
    # snake_case and camelCase are the usual slips; compare in kebab-case first.
    kebab = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).replace("_", "-").lower()
    if kebab in candidates:
        return f"; did you mean {kebab!r}?"
    close = difflib.get_close_matches(kebab, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
