"""What each input of an audit holds, listed once before any article is read: a folder's
files with their settings (as ``check`` collects them), the settings of a JSON Lines or
Parquet file's records, about how many records, and a fingerprint a resume compares."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sourcelint.config import ConfigResolver, Settings
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

    ``files``: a folder's article files, each with its settings; ``settings``: those of a
    single file's records (a JSON Lines or Parquet file's, linted as plain text beside it).
    Settings carry the command line's choices and are resolved here, on the machine that
    runs the audit, so a worker elsewhere lints with them whatever its own file system holds.
    """

    path: Path
    kind: str  # folder, jsonl, parquet or file
    files: tuple[tuple[Path, Settings], ...] = ()
    settings: Settings | None = None
    skipped: tuple[Skipped, ...] = ()  # a folder's files in markup no reader reads
    unreadable: tuple[InputError, ...] = ()  # a folder's files or subfolders
    records: int = 0  # about how many records it holds (the progress bar's total)
    fingerprint: str = ""

    def all_settings(self) -> Iterable[Settings]:
        if self.settings is not None:
            yield self.settings
        yield from (settings for _, settings in self.files)


def list_inputs(paths: Sequence[Path], options: CliOptions, out: Path) -> list[Input]:
    """Each of ``paths`` listed; none of the audit's own folder ``out`` is read as archive.

    A broken config is fatal (every article under it would be linted with settings the
    user did not write); an unreadable file or folder is refused and listed.
    """
    resolver = ConfigResolver(options.config)
    laid: dict[int, tuple[Settings, Settings]] = {}

    def apply(settings: Settings) -> Settings:
        # One laid-over object per config: a chunk's records then pickle it once.
        if id(settings) not in laid:
            laid[id(settings)] = (settings, options.apply(settings))
        return laid[id(settings)][1]

    listed = []
    for given in paths:
        path = _checked(given)
        kind = _kind(path)
        if kind == "folder":
            listed.append(_folder(path, resolver, apply, out.resolve()))
            continue
        settings = apply(resolver.settings_for(path.with_suffix(".txt")))
        listed.append(
            Input(path, kind, settings=settings, records=_records(path, kind),
                  fingerprint=_fingerprint([path]))
        )  # fmt: skip
    return listed


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir():
        return "folder"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    return "file"


def _checked(path: Path) -> Path:
    readable = (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *LINTABLE_SUFFIXES)
    if path.is_dir() or (path.is_file() and path.suffix.lower() in readable):
        return path.resolve()
    if not path.exists():
        raise AuditError("no such file or directory", path=path)
    raise AuditError(
        "not an archive sourcelint reads: a folder, .jsonl, .ndjson, .parquet, or a text, "
        "Markdown or HTML file",
        path=path,
    )


def _folder(
    path: Path, resolver: ConfigResolver, apply: Callable[[Settings], Settings], out: Path
) -> Input:
    """A folder's files as ``check`` collects them: exclude patterns, ``.gitignore`` and
    ``[readers] extensions`` of the configs that apply."""
    collected = collect_targets([path], resolver)
    unreadable = []
    for error in collected.errors:
        if not isinstance(error, InputError):
            raise error  # a broken config
        unreadable.append(error)
    files = []
    for target in collected.targets:
        absolute = target.path if target.path.is_absolute() else resolver.cwd / target.path
        if not absolute.is_relative_to(out):
            files.append((absolute, apply(target.settings)))
    return Input(
        path, "folder", files=tuple(files), skipped=tuple(collected.skipped),
        unreadable=tuple(unreadable), fingerprint=_fingerprint(f for f, _ in files),
        records=len(files) + len(collected.skipped) + len(unreadable),
    )  # fmt: skip


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
    if kind == "file":
        return 1
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as stream:
            while block := stream.read(_COUNT_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return lines + (last != b"\n")


def _fingerprint(files: Iterable[Path]) -> str:
    """The size and modification time of each file (a resume over a changed archive
    would chunk it otherwise)."""
    digest = hashlib.sha256()
    for file in files:
        try:
            found = file.stat()
        except OSError:
            continue
        digest.update(
            f"{file}\0{found.st_size}\0{found.st_mtime_ns}\n".encode(errors="surrogateescape")
        )
    return digest.hexdigest()
