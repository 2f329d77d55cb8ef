"""``sourcelint audit``'s run: read the archive in chunks, lint them on an engine, keep
each chunk as it is done, then merge the rows, sum them and draw the report."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path

from sourcelint.audit.aggregate import aggregate, summary, write_aggregates, write_summary
from sourcelint.audit.chunks import AuditSettings
from sourcelint.audit.engines import lint_chunks
from sourcelint.audit.inputs import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    BadRow,
    Fields,
    Record,
    archive_files,
    read_archive,
)
from sourcelint.audit.progress import AuditProgress
from sourcelint.audit.rows import columns
from sourcelint.audit.store import AuditStore
from sourcelint.config import ConfigResolver
from sourcelint.config.discovery import LINTABLE_SUFFIXES
from sourcelint.core.errors import AuditError
from sourcelint.core.version import __version__
from sourcelint.engine import Engine

# Articles a chunk holds: enough to batch the parse, few enough that a resumed run redoes
# little and every process stays busy to the end.
CHUNK_ARTICLES = 200
MAX_ARTICLE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class AuditRequest:
    """What ``sourcelint audit`` was asked."""

    inputs: tuple[Path, ...]
    out: Path
    fields: Fields = field(default_factory=Fields)
    pipeline: str | None = None
    config: Path | None = None
    engine: str = "local"
    scheduler: str | None = None
    processes: int = 1
    resume: bool = False
    max_article_bytes: int = MAX_ARTICLE_BYTES
    chunk_articles: int = CHUNK_ARTICLES


def run_audit(request: AuditRequest) -> dict[str, int]:
    """Audit the archive; the counts of articles audited and records refused."""
    _require("pyarrow")
    if request.engine == "dask":
        _require("distributed")
    inputs = tuple(_checked(path) for path in request.inputs)
    rules = _rules(request)
    config = request.config.resolve() if request.config else None  # workers elsewhere
    settings = AuditSettings(request.pipeline, config, tuple(rules))
    store = AuditStore(request.out, columns(rules))
    done = store.open(_manifest(request, inputs, rules), resume=request.resume)
    with (
        AuditProgress(_count(inputs, request.out)) as progress,
        closing(
            lint_chunks(
                _chunks(request, inputs, done, progress),
                settings,
                engine=request.engine,
                processes=request.processes,
                scheduler=request.scheduler,
            )
        ) as results,
    ):
        for result in results:
            store.save(result)
            progress.advance(len(result.rows) + len(result.bad))
    counts = store.write_outputs()
    sums = aggregate(store.rows(), rules)
    write_aggregates(request.out, sums)
    extra = {
        "errors": counts["errors"],
        "inputs": [str(path) for path in inputs],
        "pipeline": request.pipeline or "config",
        "sourcelint": __version__,
    }
    write_summary(request.out, summary(sums, rules, extra))
    from sourcelint.audit.report import write_report

    write_report(request.out)
    return counts


def _require(module: str) -> None:
    """An installed package the audit needs, or a message saying how to install it."""
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise AuditError(f"needs {module}, which is not installed: pip install 'sourcelint[audit]'")


def _checked(path: Path) -> Path:
    suffix = path.suffix.lower()
    readable = (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *LINTABLE_SUFFIXES)
    if path.is_dir() or (path.is_file() and suffix in readable):
        return path.resolve()
    if not path.exists():
        raise AuditError("no such file or directory", path=path)
    raise AuditError(
        "not an archive sourcelint reads: a folder, .jsonl, .ndjson, .parquet, or a text, "
        "Markdown or HTML file",
        path=path,
    )


def _rules(request: AuditRequest) -> dict[str, str]:
    """Every rule an article may be linted with, code -> name: the rows' columns."""
    settings = ConfigResolver(request.config).settings_for_directory(Path.cwd())
    rules = Engine.for_rules(settings.extend_rules).registry.rules
    return {rule.code: rule.meta.name for rule in sorted(rules, key=lambda rule: rule.code)}


def _manifest(request: AuditRequest, inputs: tuple[Path, ...], rules: dict[str, str]) -> dict:
    """What a resumed run must share with the run it resumes."""
    return {
        "inputs": [str(path) for path in inputs],
        # A resume over an archive that changed would chunk it otherwise.
        "fingerprints": [_fingerprint(path, request.out.resolve()) for path in inputs],
        "fields": {"text": request.fields.text, **request.fields.names},
        "pipeline": request.pipeline,
        "config": str(request.config) if request.config else None,
        "max_article_bytes": request.max_article_bytes,
        "chunk_articles": request.chunk_articles,
        "rules": list(rules),
        "sourcelint": __version__,
    }


def _chunks(
    request: AuditRequest, inputs: tuple[Path, ...], done: set[int], progress: AuditProgress
) -> Iterator[tuple[int, list[Record | BadRow]]]:
    """The archive's chunks not done yet, numbered in archive order."""
    records = read_archive(
        list(inputs), request.fields, request.max_article_bytes, skip=request.out.resolve()
    )
    for number in count():
        items = list(islice(records, request.chunk_articles))  # itertools.batched: 3.12+
        if not items:
            return
        if number in done:
            progress.advance(len(items))
            continue
        yield number, items


def _fingerprint(path: Path, out: Path) -> str:
    """The size and modification time of an input (of each file, for a folder)."""
    files = archive_files(path, out) if path.is_dir() else [path]
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


def _count(inputs: tuple[Path, ...], out: Path) -> int:
    """How many records the inputs hold, read cheaply (for the progress bar)."""
    total = 0
    for path in inputs:
        suffix = path.suffix.lower()
        if path.is_dir():
            total += len(archive_files(path, out.resolve()))
        elif suffix in JSONL_SUFFIXES:
            with suppress(OSError), path.open("rb") as lines:  # unreadable: its bad row says
                total += sum(1 for line in lines if line.strip())
        elif suffix in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            with suppress(OSError, ValueError):  # reported as the input's bad row
                total += pq.ParquetFile(path).metadata.num_rows
        else:
            total += 1
    return total
