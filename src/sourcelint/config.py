"""Configuration: find, read and validate ``sourcelint`` settings, the way ruff does.

A config file is ``.sourcelint.toml`` or ``sourcelint.toml`` (keys at top level) or a
``pyproject.toml`` with a ``[tool.sourcelint]`` table. For each linted file the nearest
config, searching upward from the file's directory, wins; levels are never merged.

A config may name a shared base with ``extend = "../base.toml"`` (relative to the file;
chains allowed): its keys override the base's, tables (``severity``, ``per-file-ignores``,
``readers.extensions``) merge entry by entry, and ``per-file-ignores`` globs and
``extend-rules`` directories stay relative to the file that wrote them. ``Settings``
records which file each value came from (``provenance``).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import pathspec

from sourcelint.errors import ConfigError, PipelineError
from sourcelint.findings import Severity
from sourcelint.readers.line_markers import DEFAULT_LINE_MARKER, check_line_marker
from sourcelint.source import parse_toml, read_text
from sourcelint.tiers import DEFAULT_TIER, TIERS, tier_name

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDE",
    "ConfigResolver",
    "FrozenMap",
    "Settings",
    "check_selectors",
    "find_config",
    "load_config",
    "normalize_path",
]

#: Config file names in order of precedence within one directory.
CONFIG_NAMES = (".sourcelint.toml", "sourcelint.toml", "pyproject.toml")

DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    ".tox/",
    ".nox/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    "build/",
    "dist/",
    "site-packages/",
)

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[_K, _V]):
    """An immutable, hashable mapping (keeps ``Settings`` hashable and usable as a dict key)."""

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> None:
        self._data: dict[_K, _V] = dict(items)

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def normalize_path(path: Path, base: Path | None = None) -> Path:
    """Absolute and lexically normalised (``..`` removed) without resolving symlinks.

    ``Path.absolute()`` keeps ``..``, which would make the upward config search visit
    the wrong parents; ``resolve()`` would follow symlinks the user chose to go through.
    """
    if not path.is_absolute():
        path = (base if base is not None else Path.cwd()) / path
    return Path(os.path.normpath(path))


def _display(path: Path, cwd: Path | None = None) -> str:
    """A path for messages: relative to the current directory when under it."""
    cwd = cwd if cwd is not None else Path.cwd()
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


READER_NAMES = ("plain", "markdown", "html")


@dataclass(frozen=True)
class ReaderSettings:
    """``[readers]``: which reader a suffix takes, and the readers' options."""

    extensions: Mapping[str, str] = FrozenMap()  # ".mdx" -> "markdown"
    front_matter_fields: tuple[str, ...] = ()
    html_skip: tuple[str, ...] | None = None  # None: the built-in furniture selectors
    html_content: str | None = None
    line_marker: str = DEFAULT_LINE_MARKER


@dataclass(frozen=True)
class Settings:
    """The resolved settings for a set of files (one config file, or the defaults)."""

    source: Path | None
    root: Path
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = FrozenMap()
    pipeline: str = DEFAULT_TIER  # a canonical tier name
    #: Load name of the verified model package the parse tier uses; None tries
    #: sourcelint.analysis.model.LOAD_NAMES.
    model: str | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    per_file_ignores: Mapping[str, tuple[str, ...]] = FrozenMap()
    extend_rules: tuple[Path, ...] = ()
    fail_on: Severity | None = None
    own_outlet: tuple[str, ...] = ()  # the publishing outlet's names: relays to it are first-hand
    #: Processes ``check`` lints in (read from the working directory's config); None:
    #: every core, when there is work enough.
    jobs: int | None = None
    readers: ReaderSettings = field(default_factory=lambda: ReaderSettings())
    #: The config files ``source`` extends, nearest first (``extend`` chains).
    extends: tuple[Path, ...] = ()
    #: Glob -> directory its pattern is relative to, for globs from a base config;
    #: a glob not listed is relative to ``root``.
    per_file_roots: Mapping[str, Path] = FrozenMap()
    #: TOML key path (``select``, ``severity.SL102``, ``readers.extensions.".mdx"``) ->
    #: the config file that set it; keys not listed have their default value.
    provenance: Mapping[str, Path] = FrozenMap()

    def __post_init__(self) -> None:
        # Callers building Settings by hand may pass plain dicts; freeze them so the
        # instance stays immutable and hashable.
        if not isinstance(self.severity, FrozenMap):
            object.__setattr__(self, "severity", FrozenMap(self.severity))
        if not isinstance(self.per_file_ignores, FrozenMap):
            frozen = {glob: tuple(sel) for glob, sel in self.per_file_ignores.items()}
            object.__setattr__(self, "per_file_ignores", FrozenMap(frozen))
        for name in ("per_file_roots", "provenance"):
            if not isinstance(getattr(self, name), FrozenMap):
                object.__setattr__(self, name, FrozenMap(getattr(self, name)))

    @cached_property
    def _exclude_spec(self) -> pathspec.GitIgnoreSpec:
        return pathspec.GitIgnoreSpec.from_lines([*self.exclude, *self.extend_exclude])

    @cached_property
    def _per_file_specs(
        self,
    ) -> tuple[tuple[Path, bool, pathspec.GitIgnoreSpec, tuple[str, ...]], ...]:
        specs = []
        for glob, selectors in self.per_file_ignores.items():
            negated = glob.startswith("!")
            pattern = glob[1:] if negated else glob
            root = self.per_file_roots.get(glob, self.root)
            spec = pathspec.GitIgnoreSpec.from_lines([pattern])
            specs.append((root, negated, spec, selectors))
        return tuple(specs)

    def relative(self, path: Path, root: Path | None = None) -> str | None:
        """``path`` as a POSIX string relative to ``root`` (default: ``self.root``).

        A path outside the root is matched by its name only (as ruff does), so an
        unanchored pattern like ``*.txt`` still applies; ``None`` for the root itself.
        Relative paths are taken against the current directory.
        """
        path = normalize_path(path)
        try:
            rel = path.relative_to(self.root if root is None else root)
        except ValueError:
            return path.name or None
        return rel.as_posix() if rel.parts else None

    def matches_exclude(self, relative: str, *, is_dir: bool = False) -> bool:
        """Whether a root-relative POSIX path matches ``exclude`` + ``extend_exclude``."""
        if not relative or relative == ".":
            return False
        return self._exclude_spec.match_file(relative + "/" if is_dir else relative)

    def is_excluded(self, path: Path, *, is_dir: bool | None = None) -> bool:
        """Whether ``path`` matches ``exclude`` + ``extend_exclude`` (relative to ``root``).

        ``is_dir`` saves a ``stat`` when the caller already knows; patterns ending in
        ``/`` only match directories (and everything below them).
        """
        rel = self.relative(path)
        if rel is None:
            return False
        if is_dir is None:
            is_dir = path.is_dir()
        return self.matches_exclude(rel, is_dir=is_dir)

    def ignores_for(self, path: Path) -> tuple[str, ...]:
        """Selectors from ``per_file_ignores`` whose glob matches ``path``.

        Globs use gitignore semantics relative to the directory of the config file that
        wrote them (``root``, or a base's directory); a glob starting with ``!`` applies to
        every file it does *not* match (as in ruff).
        """
        found: dict[str, None] = {}
        for root, negated, spec, selectors in self._per_file_specs:
            rel = self.relative(path, root)
            if rel is None:
                continue
            if spec.match_file(rel) != negated:
                found.update(dict.fromkeys(selectors))
        return tuple(found)


# --------------------------------------------------------------------------- parsing

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(*parts: str) -> str:
    """A dotted TOML key path, quoting parts that are not bare keys."""
    return ".".join(p if _BARE_KEY.match(p) else _quote(p) for p in parts)


def _quote(part: str) -> str:
    return '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


class _Parser:
    """Validates one config table and builds ``Settings`` from it."""

    def __init__(self, path: Path, display: str, root: Path, prefix: tuple[str, ...]) -> None:
        self.path = path
        self.display = display
        self.root = root
        self.prefix = prefix

    def error(self, message: str, *parts: str) -> ConfigError:
        key = _key(*self.prefix, *parts) if parts else None
        return ConfigError(message, path=self.display, key=key)

    def string_list(self, value: object, *parts: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.error(f"expected a list of strings, got {_type_name(value)}", *parts)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(
                    f"expected a list of strings, but item {index} is {_type_name(item)}", *parts
                )
        return tuple(value)

    def patterns(self, value: object, *parts: str) -> tuple[str, ...]:
        patterns = self.string_list(value, *parts)
        for pattern in patterns:
            self.check_pattern(pattern, *parts)
        return patterns

    def check_pattern(self, pattern: str, *parts: str) -> pathspec.GitIgnoreSpec:
        try:
            return pathspec.GitIgnoreSpec.from_lines([pattern])
        except (ValueError, re.error) as exc:  # re.error: a range such as [z-a]
            raise self.error(f"invalid pattern {pattern!r}: {exc}", *parts) from None

    def boolean(self, value: object, *parts: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(f"expected a boolean, got {_type_name(value)}", *parts)
        return value

    def string(self, value: object, *parts: str) -> str:
        if not isinstance(value, str):
            raise self.error(f"expected a string, got {_type_name(value)}", *parts)
        if not value.strip():
            raise self.error("expected a non-empty string", *parts)
        return value

    def choice(self, value: object, allowed: Iterable[str], *parts: str) -> str:
        allowed = tuple(allowed)
        listed = ", ".join(repr(a) for a in allowed)
        if not isinstance(value, str):
            raise self.error(f"expected one of {listed}, got {_type_name(value)}", *parts)
        if value not in allowed:
            raise self.error(f"invalid value {value!r}; expected one of {listed}", *parts)
        return value

    def pipeline(self, value: object, *parts: str) -> str:
        """A tier's canonical name: the old name 'accurate' is read as 'parse'."""
        listed = ", ".join(repr(tier) for tier in TIERS)
        if not isinstance(value, str):
            raise self.error(f"expected one of {listed}, got {_type_name(value)}", *parts)
        try:
            return tier_name(value)
        except PipelineError:
            raise self.error(f"invalid value {value!r}; expected one of {listed}", *parts) from None

    def positive_int(self, value: object, *parts: str) -> int:
        expected = "expected a whole number of at least 1"
        # TOML's true is a bool, which Python counts as an int.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"{expected}, got {_type_name(value)}", *parts)
        if value < 1:
            raise self.error(f"{expected}, got {value}", *parts)
        return value

    def severity(self, value: object, *parts: str) -> Severity:
        return Severity(self.choice(value, [s.value for s in Severity], *parts))

    def table(self, value: object, *parts: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(f"expected a table, got {_type_name(value)}", *parts)
        return value

    def severities(self, value: object, *parts: str) -> FrozenMap[str, Severity]:
        table = self.table(value, *parts)
        return FrozenMap((sel, self.severity(sev, *parts, sel)) for sel, sev in table.items())

    def reader_table(self, value: object, *parts: str) -> dict[str, Any]:
        """Validate ``[readers]`` and return it as given (merged across ``extend`` later)."""
        table = self.table(value, *parts)
        known = {"extensions", "front-matter-fields", "html-skip", "html-content", "line-marker"}
        for name in table:
            if name not in known:
                raise self.error(f"unknown key{_suggest(name, known)}", *parts, name)
        extensions = self.table(table.get("extensions", {}), *parts, "extensions")
        for suffix, reader in extensions.items():
            self.choice(reader, READER_NAMES, *parts, "extensions", suffix)
        if "front-matter-fields" in table:
            self.string_list(table["front-matter-fields"], *parts, "front-matter-fields")
        if "html-skip" in table:
            self.string_list(table["html-skip"], *parts, "html-skip")
        if "html-content" in table:
            self.string(table["html-content"], *parts, "html-content")
        if "line-marker" in table:
            marker = self.string(table["line-marker"], *parts, "line-marker")
            try:
                check_line_marker(marker)
            except ConfigError as error:
                raise self.error(error.message, *parts, "line-marker") from None
        return table

    def reader_settings(self, value: object, *parts: str) -> ReaderSettings:
        return _reader_settings(self.reader_table(value, *parts))

    def per_file_ignores(self, value: object, *parts: str) -> FrozenMap[str, tuple[str, ...]]:
        table = self.table(value, *parts)
        result: dict[str, tuple[str, ...]] = {}
        for glob, selectors in table.items():
            spec = self.check_pattern(glob.removeprefix("!"), *parts, glob)
            # A blank or '#' glob is inert in gitignore syntax; here it is surely a typo.
            if not any(p.include is not None for p in spec.patterns):
                raise self.error(f"pattern {glob!r} matches nothing", *parts, glob)
            result[glob] = self.string_list(selectors, *parts, glob)
        return FrozenMap(result)

    def rule_dirs(self, value: object, *parts: str) -> tuple[Path, ...]:
        dirs = []
        for entry in self.string_list(value, *parts):
            directory = normalize_path(Path(entry).expanduser(), self.root)
            if not directory.exists():
                raise self.error(f"rule directory {entry!r} does not exist", *parts)
            if not directory.is_dir():
                raise self.error(f"rule directory {entry!r} is not a directory", *parts)
            dirs.append(directory)
        return tuple(dirs)

    def values(self, table: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
        """The validated values by ``Settings`` attribute, and the ``extend`` path if any.

        ``readers`` stays a validated raw table so that ``extend`` can merge it.
        """
        handlers: dict[str, tuple[str, Callable[..., object]]] = {
            "select": ("select", self.string_list),
            "extend-select": ("extend_select", self.string_list),
            "ignore": ("ignore", self.string_list),
            "severity": ("severity", self.severities),
            "pipeline": ("pipeline", self.pipeline),
            "model": ("model", self.string),
            "exclude": ("exclude", self.patterns),
            "extend-exclude": ("extend_exclude", self.patterns),
            "respect-gitignore": ("respect_gitignore", self.boolean),
            "force-exclude": ("force_exclude", self.boolean),
            "per-file-ignores": ("per_file_ignores", self.per_file_ignores),
            "extend-rules": ("extend_rules", self.rule_dirs),
            "fail-on": ("fail_on", self.severity),
            "own-outlet": ("own_outlet", self.string_list),
            "jobs": ("jobs", self.positive_int),
            "readers": ("readers", self.reader_table),
        }
        values: dict[str, Any] = {}
        extend: str | None = None
        for name, value in table.items():
            if name == "tool" and not self.prefix:
                message = "unknown key; outside pyproject.toml, keys go at the top level"
                raise self.error(f"{message}, without [tool.sourcelint]", name)
            if name == "extend":
                extend = self.string(value, name)
                continue
            if name not in handlers:
                raise self.error(f"unknown key{_suggest(name, [*handlers, 'extend'])}", name)
            attr, handler = handlers[name]
            values[attr] = handler(value, name)
        return values, extend


def _reader_settings(table: Mapping[str, Any]) -> ReaderSettings:
    """``ReaderSettings`` from a validated ``[readers]`` table."""
    extensions = table.get("extensions", {})
    skip = table.get("html-skip")
    return ReaderSettings(
        extensions=FrozenMap({k.lower(): v for k, v in extensions.items()}),
        front_matter_fields=tuple(table.get("front-matter-fields", ())),
        html_skip=None if skip is None else tuple(skip),
        html_content=table.get("html-content"),
        line_marker=table.get("line-marker", DEFAULT_LINE_MARKER),
    )


@dataclass
class _Layer:
    """One config file's own validated values, before ``extend`` merges the chain."""

    path: Path
    values: dict[str, Any]


#: ``Settings`` attribute -> TOML key, for provenance.
_TOML_KEYS = {
    "select": "select",
    "extend_select": "extend-select",
    "ignore": "ignore",
    "severity": "severity",
    "pipeline": "pipeline",
    "model": "model",
    "exclude": "exclude",
    "extend_exclude": "extend-exclude",
    "respect_gitignore": "respect-gitignore",
    "force_exclude": "force-exclude",
    "per_file_ignores": "per-file-ignores",
    "extend_rules": "extend-rules",
    "fail_on": "fail-on",
    "own_outlet": "own-outlet",
    "jobs": "jobs",
    "readers": "readers",
}


def _merge(layers: list[_Layer]) -> Settings:
    """Settings from a chain of layers, the file linted against first, its bases after.

    Later (nearer) files override earlier ones; tables merge entry by entry.
    """
    values: dict[str, Any] = {}
    severity: dict[str, Severity] = {}
    per_file: dict[str, tuple[str, ...]] = {}
    per_file_roots: dict[str, Path] = {}
    readers: dict[str, Any] = {}
    extensions: dict[str, str] = {}
    provenance: dict[str, Path] = {}
    for layer in reversed(layers):
        for attr, value in layer.values.items():
            name = _TOML_KEYS[attr]
            if attr == "severity":
                for selector, level in value.items():
                    severity[selector] = level
                    provenance[_key(name, selector)] = layer.path
            elif attr == "per_file_ignores":
                for glob, selectors in value.items():
                    per_file[glob] = selectors
                    per_file_roots[glob] = layer.path.parent
                    provenance[_key(name, glob)] = layer.path
            elif attr == "readers":
                for sub, item in value.items():
                    if sub == "extensions":
                        for suffix, reader in item.items():
                            extensions[suffix.lower()] = reader
                            provenance[_key(name, sub, suffix.lower())] = layer.path
                    else:
                        readers[sub] = item
                        provenance[_key(name, sub)] = layer.path
            else:
                values[attr] = value
                provenance[name] = layer.path
    child = layers[0].path
    root = child.parent
    return Settings(
        source=child,
        root=root,
        **values,
        severity=FrozenMap(severity),
        per_file_ignores=FrozenMap(per_file),
        per_file_roots=FrozenMap({g: r for g, r in per_file_roots.items() if r != root}),
        readers=_reader_settings({**readers, "extensions": extensions}),
        extends=tuple(layer.path for layer in layers[1:]),
        provenance=FrozenMap(provenance),
    )


def _suggest(name: str, known: Iterable[str]) -> str:
    candidates = list(known)
    # snake_case and camelCase are the usual slips; compare in kebab-case first.
    kebab = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).replace("_", "-").lower()
    if kebab in candidates:
        return f"; did you mean {kebab!r}?"
    close = difflib.get_close_matches(kebab, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


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
                f"expected a table, got {_type_name(table)}", path=display, key="tool.sourcelint"
            )
        prefix = ("tool", "sourcelint") if path.name == "pyproject.toml" else ()
        parser = _Parser(path, display, path.parent, prefix)
        values, extend = parser.values(table)
        layers.append(_Layer(path, values))
        if extend is None:
            break
        base = normalize_path(Path(extend).expanduser(), path.parent)
        if base.resolve() in seen:
            cycle = " -> ".join([*seen.values(), _display(base, cwd)])
            raise parser.error(f"extend makes a cycle: {cycle}", "extend")
        if not base.is_file():
            what = "is not a file" if base.exists() else "does not exist"
            raise parser.error(f"base config {extend!r} {what} ({base})", "extend")
        base_display = _display(base, cwd)
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
            return candidate, _read_toml(candidate, _display(candidate, cwd))
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        # Most pyproject.toml files belong to other tools: skip them without parsing,
        # so an unrelated broken one cannot stop a lint run.
        if b"sourcelint" not in raw:
            continue
        table = _tool_table(_read_toml(candidate, _display(candidate, cwd)))
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
            settings = _settings_from_table(path, _display(path, self.cwd), table, self.cwd)
            self._by_file[path] = settings
        return settings


def check_selectors(settings: Settings, is_known: Callable[[str], bool]) -> None:
    """Raise ``ConfigError`` for the first unknown rule selector in ``settings``.

    The rule registry lives elsewhere and passes ``is_known``. The error names the
    config file that set the key (a base config, through ``extend``).
    """

    def fail(selector: str, *parts: str) -> ConfigError:
        origin = settings.provenance.get(_key(*parts), settings.source)
        prefix = ("tool", "sourcelint") if origin and origin.name == "pyproject.toml" else ()
        return ConfigError(
            f"unknown rule selector {selector!r}",
            path=_display(origin) if origin is not None else None,
            key=_key(*prefix, *parts),
        )

    for name, selectors in (
        ("select", settings.select or ()),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
    ):
        for selector in selectors:
            if not is_known(selector):
                raise fail(selector, name)
    for selector in settings.severity:
        if not is_known(selector):
            raise fail(selector, "severity", selector)
    for glob, selectors in settings.per_file_ignores.items():
        for selector in selectors:
            if not is_known(selector):
                raise fail(selector, "per-file-ignores", glob)
