"""What each input of an audit holds, listed once before any article is read: a folder's
files with their settings (as ``check`` collects them), the settings of a JSON Lines or
Parquet file's records, about how many records, and a fingerprint a resume compares."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sourcelint.config import ConfigResolver, Settings, normalize_path
from sourcelint.config.discovery import LINTABLE_SUFFIXES, Skipped, collect_targets
from sourcelint.core.errors import AuditError, InputError
from sourcelint.run.options import CliOptions

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
# Bytes read at a time when counting a JSON Lines file's lines.
_COUNT_BLOCK = 1 << 20


@dataclass(frozen=True)
class Input:
    """One input of an audit, listed.

    ``files``: the article files of a folder (or a file named alone), each with its
    settings, named by their path under ``root``; ``settings``: those of a JSON Lines or
    Parquet file's records (linted as plain text beside it). Settings carry the command
    line's choices and are resolved here, on the machine that runs the audit, so a
    worker elsewhere lints with them whatever its own file system holds.
    """

    path: Path
    kind: str  # files, jsonl or parquet
    root: Path | None = None  # what a file's id is relative to
    files: tuple[tuple[Path, Settings], ...] = ()
    settings: Settings | None = None
    skipped: tuple[Skipped, ...] = ()  # files in markup no reader reads
    unreadable: tuple[InputError, ...] = ()  # files or subfolders
    records: int = 0  # about how many records it holds (the progress bar's total)
    fingerprint: str = ""

    def all_settings(self) -> Iterable[Settings]:
        if self.settings is not None:
            yield self.settings
        yield from (settings for _, settings in self.files)


def list_inputs(paths: Sequence[Path], options: CliOptions, out: Path) -> list[Input]:
    """Each of ``paths`` listed, as ``check`` would collect them; a file already listed
    (an input given twice, a folder inside another given) is listed once, and nothing of
    an audit's output folder (this one's, ``out``, or an earlier one's) is read as archive.

    A broken config is fatal (every article under it would be linted with settings the
    user did not write); an unreadable file or folder is refused and listed.
    """
    listing = _Listing(ConfigResolver(options.config), options, out)
    listed, given_before = [], set()
    for given in paths:
        path = _checked(given, listing.resolver)
        if path in given_before:
            continue
        given_before.add(path)
        kind = _kind(path)
        if kind == "files":
            listed.append(listing.files(path))
            continue
        settings = listing.apply(listing.resolver.settings_for(path.with_suffix(".txt")))
        listed.append(
            Input(path, kind, settings=settings, records=_records(path, kind),
                  fingerprint=_fingerprint([path]))
        )  # fmt: skip
    return listed


class _Listing:
    """What listing one audit's inputs shares: the configs, the files seen."""

    def __init__(self, resolver: ConfigResolver, options: CliOptions, out: Path) -> None:
        self.resolver = resolver
        self.options = options
        self.out = normalize_path(out, resolver.cwd)
        self.seen: set[Path] = set()
        self._laid: dict[int, tuple[Settings, Settings]] = {}
        self._audits: dict[Path, bool] = {}

    def apply(self, settings: Settings) -> Settings:
        """The command line's choices laid over ``settings``, one object per config (a
        chunk's records then pickle it once)."""
        if id(settings) not in self._laid:
            self._laid[id(settings)] = (settings, self.options.apply(settings))
        return self._laid[id(settings)][1]

    def files(self, path: Path) -> Input:
        """A folder's files (or a file's) as ``check`` collects them: exclude patterns,
        ``.gitignore`` and ``[readers] extensions`` of the configs that apply."""
        collected = collect_targets([path], self.resolver)
        unreadable = []
        for error in collected.errors:
            if not isinstance(error, InputError):
                raise error  # a broken config
            unreadable.append(error)
        root = path if path.is_dir() else path.parent
        files = []
        for target in collected.targets:
            absolute = normalize_path(target.path, self.resolver.cwd)
            if absolute not in self.seen and not self._in_an_audit(absolute.parent, root):
                self.seen.add(absolute)
                files.append((absolute, self.apply(target.settings)))
        skipped = []
        for each in collected.skipped:
            absolute = normalize_path(each.path, self.resolver.cwd)
            if absolute not in self.seen:
                self.seen.add(absolute)
                skipped.append(replace(each, path=absolute))
        return Input(
            path, "files", root=root, files=tuple(files), skipped=tuple(skipped),
            unreadable=tuple(unreadable), records=len(files) + len(skipped) + len(unreadable),
            # Refused files are records too: a change among them shifts every chunk after.
            fingerprint=_fingerprint([*(file for file, _ in files), *(s.path for s in skipped)],
                                     [str(error.path) for error in unreadable]),
        )  # fmt: skip

    def _in_an_audit(self, directory: Path, root: Path) -> bool:
        """Whether ``directory`` (under ``root``) is, or is in, an audit's output folder."""
        if directory.is_relative_to(self.out):
            return True
        if directory not in self._audits:
            here = (directory / "audit.json").is_file() and (directory / "parts").is_dir()
            above = directory != root and directory.parent.is_relative_to(root)
            self._audits[directory] = here or (above and self._in_an_audit(directory.parent, root))
        return self._audits[directory]


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES and path.is_file():
        return "jsonl"
    if suffix in PARQUET_SUFFIXES and path.is_file():
        return "parquet"
    return "files"


def _checked(path: Path, resolver: ConfigResolver) -> Path:
    """``path`` made absolute, if it is a folder or a file the audit reads: JSON Lines,
    Parquet, or an article (a suffix ``check`` reads, or one a config maps to a reader)."""
    absolute = normalize_path(path, resolver.cwd)
    if absolute.is_dir():
        return absolute
    if not absolute.exists():
        raise AuditError("no such file or directory", path=path)
    suffix = absolute.suffix.lower()
    if absolute.is_file() and suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *LINTABLE_SUFFIXES):
        return absolute
    if absolute.is_file() and suffix in resolver.settings_for(absolute).readers.extensions:
        return absolute
    raise AuditError(
        "not an archive sourcelint reads: a folder, .jsonl, .ndjson, .parquet, or an article "
        "(a text, Markdown or HTML file, or a suffix [readers] extensions maps)",
        path=path,
    )


def _records(path: Path, kind: str) -> int:
    """About how many records a file holds, read cheaply: a Parquet file's row count, a
    JSON Lines file's lines (blank ones too; an unreadable file counts none: its refused
    record says why)."""
    if kind == "parquet":
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(path).metadata.num_rows
        except (OSError, ValueError):
            return 0
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as stream:
            while block := stream.read(_COUNT_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return lines + (last != b"\n")


def _fingerprint(files: Iterable[Path], others: Iterable[str] = ()) -> str:
    """The size and modification time of each file, and ``others`` (a resume over a
    changed archive would chunk it otherwise)."""
    digest = hashlib.sha256()
    for other in others:
        digest.update(f"{other}\n".encode(errors="surrogateescape"))
    for file in files:
        try:
            found = file.stat()
        except OSError:
            continue
        digest.update(
            f"{file}\0{found.st_size}\0{found.st_mtime_ns}\n".encode(errors="surrogateescape")
        )
    return digest.hexdigest()
