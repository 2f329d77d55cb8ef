"""The resolved settings: ``Settings`` and ``ReaderSettings``, and the path helpers they use."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import pathspec

from sourcelint.core.findings import Severity
from sourcelint.core.tiers import DEFAULT_TIER
from sourcelint.readers.line_markers import DEFAULT_LINE_MARKER

__all__ = [
    "DEFAULT_EXCLUDE",
    "FrozenMap",
    "ReaderSettings",
    "Settings",
    "display_path",
    "normalize_path",
]

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


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path for messages: relative to the current directory when under it."""
    cwd = cwd if cwd is not None else Path.cwd()
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


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
    #: Where ``check`` keeps its results cache (read from the working directory's config);
    #: None: $SOURCELINT_CACHE_DIR, else .sourcelint_cache in the working directory.
    cache_dir: Path | None = None
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
