"""``sourcelint audit``'s run: read the archive in chunks, lint them on an engine, keep
each chunk as it is done, then merge the rows, sum them and draw the report."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path

from sourcelint.audit.aggregate import aggregate, summary, write_aggregates, write_summary
from sourcelint.audit.chunks import AuditSettings
from sourcelint.audit.engines import lint_chunks
from sourcelint.audit.inputs import BadRow, Fields, Record, read_archive
from sourcelint.audit.listing import Input, list_inputs
from sourcelint.audit.progress import AuditProgress
from sourcelint.audit.rows import columns
from sourcelint.audit.store import AuditStore
from sourcelint.checks.registry import Registry
from sourcelint.core.errors import AuditError
from sourcelint.core.files import MAX_ARTICLE_BYTES
from sourcelint.core.version import __version__
from sourcelint.engine import Engine
from sourcelint.run.options import CliOptions
from sourcelint.run.worker import Pipeline, pipeline_of

# Articles a chunk holds: enough to batch the parse, few enough that a resumed run redoes
# little and every process stays busy to the end.
CHUNK_ARTICLES = 200


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
    options = CliOptions(paths=[], pipeline=request.pipeline, config=request.config)
    inputs = list_inputs(request.inputs, options, request.out)
    pipelines = tuple(
        dict.fromkeys(pipeline_of(each) for source in inputs for each in source.all_settings())
    )
    registries = [Engine.for_rules(key).registry for key in _packs(pipelines)]
    rules = _rules(registries)
    settings = AuditSettings(request.pipeline, tuple(rules), pipelines)
    store = AuditStore(request.out, columns(rules))
    done = store.open(_manifest(request, inputs, rules, registries), resume=request.resume)
    with (
        AuditProgress(sum(source.records for source in inputs)) as progress,
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
        "inputs": [str(source.path) for source in inputs],
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


def _packs(pipelines: tuple[Pipeline, ...]) -> list[tuple[Path, ...]]:
    """The rule packs (extend-rules folders) the records' settings name, each once."""
    return list(dict.fromkeys(key for key, _, _ in pipelines)) or [()]


def _rules(registries: list[Registry]) -> dict[str, str]:
    """Every rule an article may be linted with, code -> name: the rows' columns."""
    rules = {rule.code: rule.meta.name for registry in registries for rule in registry.rules}
    return dict(sorted(rules.items()))


def _manifest(
    request: AuditRequest, inputs: list[Input], rules: dict[str, str], registries: list[Registry]
) -> dict:
    """What a resumed run must share with the run it resumes."""
    return {
        "inputs": [str(source.path) for source in inputs],
        "fingerprints": [source.fingerprint for source in inputs],
        # Every config's settings and the rules of every pack: an edit to either would
        # lint the chunks left otherwise than those done.
        "settings": _settings_digest(inputs),
        "packs": [registry.packs_digest for registry in registries],
        "fields": {"text": request.fields.text, **request.fields.names},
        "pipeline": request.pipeline,
        "config": str(request.config.resolve()) if request.config else None,
        "max_article_bytes": request.max_article_bytes,
        "chunk_articles": request.chunk_articles,
        "rules": list(rules),
        "sourcelint": __version__,
    }


def _settings_digest(inputs: list[Input]) -> str:
    """A digest of every distinct settings the records are linted with (their repr
    holds every value and the file each came from)."""
    distinct = {id(each): each for source in inputs for each in source.all_settings()}
    seen = sorted({repr(settings) for settings in distinct.values()})
    return hashlib.sha256("\n".join(seen).encode(errors="surrogateescape")).hexdigest()


def _chunks(
    request: AuditRequest, inputs: list[Input], done: set[int], progress: AuditProgress
) -> Iterator[tuple[int, list[Record | BadRow]]]:
    """The archive's chunks not done yet, numbered in archive order."""
    records = read_archive(inputs, request.fields, request.max_article_bytes)
    for number in count():
        items = list(islice(records, request.chunk_articles))  # itertools.batched: 3.12+
        if not items:
            return
        if number in done:
            progress.advance(len(items))
            continue
        yield number, items
