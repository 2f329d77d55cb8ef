"""Load configs: follow ``extend`` chains, merge their layers, find the nearest config.

How each key merges (replaced, or a table entry by entry) and which paths stay relative
to the file that wrote them is read from the definition of settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcelint.config.definition import SETTINGS, Item, Merge, Section, Setting, Strings, Table
from sourcelint.config.keys import key_path
from sourcelint.config.parse import ConfigParser, type_name
from sourcelint.config.settings import FrozenMap, Settings, display_path, normalize_path
from sourcelint.core.errors import ConfigError
from sourcelint.core.files import parse_toml, read_text

__all__ = [
    "CONFIG_NAMES",
    "ConfigResolver",
    "check_selectors",
    "find_config",
    "load_config",
]

#: Config file names in order of precedence within one directory.
CONFIG_NAMES = (".sourcelint.toml", "sourcelint.toml", "pyproject.toml")


@dataclass
class _Layer:
    """One config file's own validated values, before ``extend`` merges the chain."""

    path: Path
    values: dict[str, Any]


@dataclass
class _Merged:
    """Values merged over a chain of layers, and where each came from."""

    values: dict[str, Any]
    provenance: dict[str, Path]
    roots: dict[str, dict[str, Path]]  # ``Setting.roots`` field -> entry -> directory


def _merge_layer(
    merged: _Merged,
    definition: Sequence[Setting],
    values: Mapping[str, Any],
    path: Path,
    *parts: str,
) -> None:
    """Merge one layer's ``values`` over what nearer-to-the-base layers gave."""
    for setting in definition:
        if setting.key not in values:
            continue
        value = values[setting.key]
        at = (*parts, setting.key)
        if isinstance(setting.type, Section):
            into = _Merged(
                merged.values.setdefault(setting.key, {}), merged.provenance, merged.roots
            )
            _merge_layer(into, setting.type.settings, value, path, *at)
        elif setting.merge is Merge.ENTRIES:
            merged.values.setdefault(setting.key, {}).update(value)
            for entry in value:
                merged.provenance[key_path(*at, entry)] = path
                if setting.roots is not None:
                    merged.roots.setdefault(setting.roots, {})[entry] = path.parent
        else:
            merged.values[setting.key] = value
            merged.provenance[key_path(*at)] = path


def _fields(definition: Sequence[Setting], values: Mapping[str, Any]) -> dict[str, Any]:
    """Dataclass fields from merged values: tables frozen, sections built."""
    fields: dict[str, Any] = {}
    for setting in definition:
        if setting.attr is None or setting.key not in values:
            continue
        value = values[setting.key]
        if isinstance(setting.type, Section):
            value = setting.type.cls(**_fields(setting.type.settings, value))
        elif isinstance(value, dict):
            value = FrozenMap(value)
        fields[setting.attr] = value
    return fields


def _merge(layers: list[_Layer]) -> Settings:
    """Settings from a chain of layers, the file linted against first, its bases after.

    Later (nearer) files override earlier ones; tables merge entry by entry.
    """
    merged = _Merged({}, {}, {})
    for layer in reversed(layers):
        _merge_layer(merged, SETTINGS, layer.values, layer.path)
    child = layers[0].path
    root = child.parent
    # An entry's directory is recorded only where it is not the root (the usual case).
    roots = {
        attr: FrozenMap({entry: d for entry, d in dirs.items() if d != root})
        for attr, dirs in merged.roots.items()
    }
    return Settings(
        source=child,
        root=root,
        **_fields(SETTINGS, merged.values),
        **roots,
        extends=tuple(layer.path for layer in layers[1:]),
        provenance=FrozenMap(merged.provenance),
    )


def _read_toml(path: Path, display: str) -> dict[str, Any]:
    # Through the one regular-file reader: a FIFO or device given as --config would block.
    try:
        text = read_text(path, display, error=ConfigError)
    except ConfigError as error:
        raise ConfigError(f"cannot read config file: {error.message}", path=display) from None
    return parse_toml(text, display, ConfigError)


def _tool_table(data: Mapping[str, Any]) -> object | None:
    tool = data.get("tool")
    return tool.get("sourcelint") if isinstance(tool, dict) else None


def _settings_from_table(
    path: Path, display: str, table: object, cwd: Path | None = None
) -> Settings:
    """Settings from one config file's table, following its ``extend`` chain."""
    layers: list[_Layer] = []
    seen: dict[Path, str] = {}  # resolved path -> display, in chain order
    while True:
        seen[path.resolve()] = display
        if table is None:
            layers.append(_Layer(path, {}))
            break
        if not isinstance(table, dict):
            raise ConfigError(
                f"expected a table, got {type_name(table)}", path=display, key="tool.sourcelint"
            )
        prefix = ("tool", "sourcelint") if path.name == "pyproject.toml" else ()
        parser = ConfigParser(display, path.parent, prefix)
        values = parser.parse(table)
        extend: str | None = values.pop("extend", None)
        layers.append(_Layer(path, values))
        if extend is None:
            break
        base = normalize_path(Path(extend).expanduser(), path.parent)
        if base.resolve() in seen:
            cycle = " -> ".join([*seen.values(), display_path(base, cwd)])
            raise parser.error(f"extend makes a cycle: {cycle}", "extend")
        if not base.is_file():
            what = "is not a file" if base.exists() else "does not exist"
            raise parser.error(f"base config {extend!r} {what} ({base})", "extend")
        base_display = display_path(base, cwd)
        data = _read_toml(base, base_display)
        if base.name == "pyproject.toml":
            table = _tool_table(data)
            if table is None:
                raise parser.error(
                    f"base config {extend!r} has no [tool.sourcelint] table", "extend"
                )
        else:
            table = data
        path, display = base, base_display
    return _merge(layers)


def load_config(path: Path) -> Settings:
    """Read one config file named explicitly, with the bases it ``extend``s.

    ``pyproject.toml`` is read from ``[tool.sourcelint]`` (defaults when the table is
    missing); any other file name from the top level. Raises ``ConfigError``.
    """
    display = str(path)
    absolute = normalize_path(path)
    data = _read_toml(absolute, display)
    table = _tool_table(data) if absolute.name == "pyproject.toml" else data
    return _settings_from_table(absolute, display, table)


def _probe(directory: Path, cwd: Path | None = None) -> tuple[Path, object] | None:
    """The config file in ``directory`` itself (not its parents) and its table, if any."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate, _read_toml(candidate, display_path(candidate, cwd))
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        # Most pyproject.toml files belong to other tools: skip them without parsing,
        # so an unrelated broken one cannot stop a lint run.
        if b"sourcelint" not in raw:
            continue
        table = _tool_table(_read_toml(candidate, display_path(candidate, cwd)))
        if table is not None:
            return candidate, table
    return None


def find_config(directory: Path) -> Path | None:
    """The nearest config file, searching from ``directory`` upward to the filesystem root."""
    start = normalize_path(directory)
    for current in (start, *start.parents):
        found = _probe(current)
        if found is not None:
            return found[0]
    return None


class ConfigResolver:
    """Maps files to their ``Settings``: the nearest config, or ``explicit`` for all files.

    Lookups are cached per directory, since an archive has many files per directory.
    """

    def __init__(self, explicit: Path | None = None, cwd: Path | None = None) -> None:
        self.cwd = normalize_path(cwd) if cwd is not None else Path.cwd()
        self.explicit = explicit
        self.default = Settings(source=None, root=self.cwd)
        self._explicit_settings: Settings | None = None
        if explicit is not None:
            path = normalize_path(explicit, self.cwd)
            data = _read_toml(path, str(explicit))
            table = _tool_table(data) if path.name == "pyproject.toml" else data
            self._explicit_settings = _settings_from_table(path, str(explicit), table, self.cwd)
        self._by_directory: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}

    def settings_for(self, path: Path) -> Settings:
        """Settings for a file (from its directory) or for a directory itself."""
        if self._explicit_settings is not None:
            return self._explicit_settings
        absolute = normalize_path(path, self.cwd)
        return self.settings_for_directory(absolute if absolute.is_dir() else absolute.parent)

    def settings_for_directory(self, directory: Path) -> Settings:
        """Settings for files directly inside ``directory``."""
        if self._explicit_settings is not None:
            return self._explicit_settings
        start = normalize_path(directory, self.cwd)
        visited: list[Path] = []
        result = self.default
        for current in (start, *start.parents):
            cached = self._by_directory.get(current)
            if cached is not None:
                result = cached
                break
            visited.append(current)
            found = _probe(current, self.cwd)
            if found is not None:
                result = self._load(*found)
                break
        for seen in visited:
            self._by_directory[seen] = result
        return result

    def _load(self, path: Path, table: object) -> Settings:
        # One Settings object per config file, so callers can group files by identity.
        settings = self._by_file.get(path)
        if settings is None:
            settings = _settings_from_table(path, display_path(path, self.cwd), table, self.cwd)
            self._by_file[path] = settings
        return settings


def check_selectors(settings: Settings, is_known: Callable[[str], bool]) -> None:
    """Raise ``ConfigError`` for the first unknown rule selector in ``settings``.

    The rule registry lives elsewhere and passes ``is_known``. The error names the
    config file that set the key (a base config, through ``extend``).
    """

    def fail(selector: str, *parts: str) -> ConfigError:
        origin = settings.provenance.get(key_path(*parts), settings.source)
        prefix = ("tool", "sourcelint") if origin and origin.name == "pyproject.toml" else ()
        return ConfigError(
            f"unknown rule selector {selector!r}",
            path=display_path(origin) if origin is not None else None,
            key=key_path(*prefix, *parts),
        )

    for where, selector in _selectors(settings):
        if not is_known(selector):
            raise fail(selector, *where)


def _selectors(settings: Settings) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every rule selector of ``settings`` with its key path, in the definition's order."""
    for setting in SETTINGS:
        kind = setting.type
        value = getattr(settings, setting.attr) if setting.attr else None
        if not value:
            continue
        if kind == Strings(Item.SELECTOR):
            yield from (((setting.key,), selector) for selector in value)
        elif isinstance(kind, Table) and kind.keys is Item.SELECTOR:
            yield from (((setting.key, selector), selector) for selector in value)
        elif isinstance(kind, Table) and kind.values == Strings(Item.SELECTOR):
            for entry, selectors in value.items():
                yield from (((setting.key, entry), selector) for selector in selectors)
