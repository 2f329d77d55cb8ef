"""Which files to lint: explicit files, and lintable files found under directories."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from sourcelint.config import ConfigResolver, Settings, normalize_path
from sourcelint.core.errors import ConfigError, InputError, SourcelintError
from sourcelint.readers import unread_format

__all__ = ["LINTABLE_SUFFIXES", "Collected", "Skipped", "Target", "collect_targets", "forced_out"]

LINTABLE_SUFFIXES = (".md", ".markdown", ".mdx", ".txt", ".html", ".htm")


@dataclass(frozen=True)
class Target:
    """A file to lint, with the settings that apply to it."""

    path: Path
    settings: Settings


@dataclass(frozen=True)
class _Gitignore:
    """The patterns of one ``.gitignore`` file, anchored at its directory."""

    base: Path
    spec: pathspec.GitIgnoreSpec


def _prefix(directory: Path, base: Path) -> str | None:
    """``directory`` relative to ``base`` as POSIX text ending in ``/`` ("" when equal)."""
    try:
        rel = directory.relative_to(base)
    except ValueError:
        return None
    return rel.as_posix() + "/" if rel.parts else ""


def _read_gitignore(directory: Path) -> _Gitignore | None:
    try:
        text = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, re.error):  # a line pathspec cannot compile, e.g. a range [z-a]
        # git silently skips lines it cannot parse; keep the rest of the file.
        valid = []
        for line in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except (ValueError, re.error):
                continue
            valid.append(line)
        spec = pathspec.GitIgnoreSpec.from_lines(valid)
    return _Gitignore(directory, spec)


@dataclass(frozen=True)
class Skipped:
    """A file left out because no reader reads its markup; ``named``: on the command line."""

    path: Path
    markup: str
    named: bool

    def message(self) -> str:
        return (
            f"{self.markup} is not read by sourcelint: skipped (lint an HTML or Markdown "
            "export, or name a reader for it in [readers] extensions)"
        )


@dataclass
class Collected:
    """What the paths given expand to: files to lint, errors, files skipped."""

    targets: list[Target]
    errors: list[SourcelintError]
    skipped: list[Skipped]


class _Collector:
    """Accumulates targets and errors over the paths given on the command line."""

    def __init__(self, resolver: ConfigResolver, force_exclude: bool | None) -> None:
        self.resolver = resolver
        self.cwd = resolver.cwd
        self.force_exclude = force_exclude
        self.targets: list[Target] = []
        self.errors: list[SourcelintError] = []
        self.skipped: list[Skipped] = []
        self._seen: set[Path] = set()
        self._gitignores: dict[Path, _Gitignore | None] = {}

    def display(self, absolute: Path, given: Path) -> Path:
        try:
            return absolute.relative_to(self.cwd)
        except ValueError:
            return given

    def add_target(self, key: Path, display: Path, settings: Settings) -> None:
        if key not in self._seen:
            self._seen.add(key)
            self.targets.append(Target(display, settings))

    def forced_out(self, settings: Settings, path: Path, *, is_dir: bool) -> bool:
        return forced_out(settings, path, is_dir=is_dir, force_exclude=self.force_exclude)

    def settings(self, directory: Path) -> Settings | None:
        """The directory's settings; a broken config is reported once and its files skipped."""
        try:
            return self.resolver.settings_for_directory(directory)
        except ConfigError as error:
            if all(str(error) != str(known) for known in self.errors):
                self.errors.append(error)
            return None

    def add(self, given: Path) -> None:
        absolute = normalize_path(given, self.cwd)
        try:
            is_dir = stat.S_ISDIR(absolute.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            self.errors.append(InputError("no such file or directory", path=given))
            return
        except OSError as exc:  # a symlink loop, a name too long for the filesystem, …
            self.errors.append(InputError(f"cannot read: {exc.strerror or exc}", path=given))
            return
        if is_dir:
            settings = self.settings(absolute)
            if settings is not None and not self.forced_out(settings, absolute, is_dir=True):
                self.walk(absolute, self.display(absolute, given))
            return
        settings = self.settings(absolute.parent)
        if settings is None or self.forced_out(settings, absolute, is_dir=False):
            return
        display = self.display(absolute, given)
        markup = _unread(settings, absolute.name)
        if markup is not None:
            self.skipped.append(Skipped(display, markup, named=True))
            return
        self.add_target(absolute.resolve(), display, settings)

    def gitignore(self, directory: Path) -> _Gitignore | None:
        if directory not in self._gitignores:
            self._gitignores[directory] = _read_gitignore(directory)
        return self._gitignores[directory]

    def parent_gitignores(self, start: Path) -> list[_Gitignore]:
        """``.gitignore`` files above ``start``, from the git root down (none outside git)."""
        ancestors: list[Path] = []
        for parent in start.parents:
            ancestors.append(parent)
            if (parent / ".git").exists():
                break
        else:
            return []
        found = (self.gitignore(d) for d in reversed(ancestors))
        return [g for g in found if g is not None]

    def walk(self, start: Path, display: Path) -> None:
        """Depth-first over ``start``: each directory's files (sorted), then its subdirectories."""
        chain = self.parent_gitignores(start)
        if chain and _ignored_by(chain, start.parent, start.name, is_dir=True):
            # The user named an ignored directory: lint it, but keep its own .gitignore files.
            chain = []
        stack: list[tuple[Path, Path, Path, list[_Gitignore]]] = [
            (start, display, start.resolve(), chain)
        ]
        while stack:
            directory, shown, real, chain = stack.pop()
            subdirs = self.visit(start, directory, shown, real, chain)
            stack.extend(reversed(subdirs))

    def visit(
        self, start: Path, directory: Path, shown: Path, real: Path, chain: list[_Gitignore]
    ) -> list[tuple[Path, Path, Path, list[_Gitignore]]]:
        """Collect the files of one directory; return the subdirectories to walk."""
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            message = f"cannot read directory: {exc.strerror or exc}"
            self.errors.append(InputError(message, path=shown))
            return []
        settings = self.settings(directory)
        if settings is None:
            return []
        names = {entry.name for entry in entries}
        if ".git" in names:
            chain = []  # a repository does not inherit .gitignore files from outside it
        if ".gitignore" in names:
            own = self.gitignore(directory)
            if own is not None:
                chain = [*chain, own]
        ignored = (
            _gitignore_matcher(chain, directory) if settings.respect_gitignore and chain else None
        )
        excluded = _exclude_matcher(settings, start, directory)
        subdirs = []
        configured = tuple(settings.readers.extensions)
        for entry in entries:
            lintable = entry.name.lower().endswith((*LINTABLE_SUFFIXES, *configured))
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = not is_dir and lintable and entry.is_file()
            except OSError as exc:  # a symlink loop
                message = f"cannot read: {exc.strerror or exc}"
                self.errors.append(InputError(message, path=shown / entry.name))
                continue
            if excluded(entry.name, is_dir) or (ignored and ignored(entry.name, is_dir)):
                continue
            if not (is_dir or is_file):
                markup = _unread(settings, entry.name)
                if markup is not None:
                    self.skipped.append(Skipped(shown / entry.name, markup, named=False))
                continue  # symlinked directories (loops), sockets, other suffixes
            if is_dir:
                subdirs.append(
                    (directory / entry.name, shown / entry.name, real / entry.name, chain)
                )
            else:
                # Resolving every file would cost a stat per path component; only
                # symlinked files can alias another file within one walk.
                path = directory / entry.name
                key = path.resolve() if entry.is_symlink() else real / entry.name
                self.add_target(key, shown / entry.name, settings)
        return subdirs


def forced_out(
    settings: Settings, path: Path, *, is_dir: bool, force_exclude: bool | None = None
) -> bool:
    """Whether a path named on the command line (or given as --stdin-filename) is left
    out: ``exclude`` applies to it under ``force_exclude`` (default: the settings')."""
    force = force_exclude if force_exclude is not None else settings.force_exclude
    return force and settings.is_excluded(path, is_dir=is_dir)


def _ignored_by(chain: list[_Gitignore], directory: Path, name: str, *, is_dir: bool) -> bool:
    return _gitignore_matcher(chain, directory)(name, is_dir)


def _gitignore_matcher(chain: list[_Gitignore], directory: Path) -> Callable[[str, bool], bool]:
    """Whether an entry of ``directory`` is ignored; deeper .gitignore files win."""
    checks = []
    for gitignore in reversed(chain):
        prefix = _prefix(directory, gitignore.base)
        if prefix is not None:
            checks.append((prefix, gitignore.spec))

    def ignored(name: str, is_dir: bool) -> bool:
        for prefix, spec in checks:
            include = spec.check_file(prefix + name + ("/" if is_dir else "")).include
            if include is not None:
                return include
        return False

    return ignored


def _exclude_matcher(
    settings: Settings, start: Path, directory: Path
) -> Callable[[str, bool], bool]:
    """Whether an entry of ``directory`` matches ``settings``' exclude patterns."""
    base = settings.root
    start_prefix = _prefix(start, base)
    if start_prefix and settings.matches_exclude(start_prefix.rstrip("/"), is_dir=True):
        # The user named an excluded directory (like ruff, we lint it): every path in it
        # would match through that ancestor, so match patterns relative to it instead.
        base = start
    prefix = _prefix(directory, base)

    def excluded(name: str, is_dir: bool) -> bool:
        rel = prefix + name if prefix is not None else name
        return settings.matches_exclude(rel, is_dir=is_dir)

    return excluded


def _unread(settings: Settings, name: str) -> str | None:
    """The markup of a file no reader reads (``UNREAD_FORMATS``) and no config maps."""
    if Path(name).suffix.lower() in settings.readers.extensions:
        return None
    return unread_format(name)


def collect_targets(
    paths: Sequence[Path], resolver: ConfigResolver, *, force_exclude: bool | None = None
) -> Collected:
    """Expand ``paths`` into files to lint, in a deterministic order.

    Files named explicitly are linted whatever their suffix unless ``force_exclude``
    (default: each file's ``settings.force_exclude``) is on and they are excluded, or
    their suffix says they hold markup no reader reads (reStructuredText, AsciiDoc…: they
    are ``skipped``, unless ``[readers] extensions`` maps the suffix to a reader).
    Directories are walked for ``LINTABLE_SUFFIXES`` and configured suffixes, honouring
    exclude patterns and
    ``.gitignore``; symlinked directories inside them are not followed. A missing path
    becomes an ``InputError``, a broken config a ``ConfigError`` (its files are skipped),
    and the other paths are still collected.
    """
    collector = _Collector(resolver, force_exclude)
    for path in paths:
        collector.add(path)
    return Collected(collector.targets, collector.errors, collector.skipped)
