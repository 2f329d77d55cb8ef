"""An archive's articles, read one at a time: files under a directory, JSON Lines, Parquet.

Nothing is read whole: a JSON Lines file is read line by line and a Parquet file row group
by row group, so an archive of millions of articles takes the memory of one batch. A record
that cannot be linted (no text, text that is not a string, bad encoding, over the size
limit, a line that is not JSON) is yielded as a ``BadRow`` with its reason, never raised.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sourcelint.config.discovery import LINTABLE_SUFFIXES
from sourcelint.core.errors import InputError, SourcelintError
from sourcelint.core.files import read_stream, read_text

# Fields of a record besides its text that the audit keeps, by their name in the output.
META_FIELDS = ("id", "outlet", "author", "date", "url")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
# Records read from a Parquet file at a time (one batch in memory).
PARQUET_BATCH = 1000


@dataclass(frozen=True)
class Fields:
    """Which record field holds what: the text and each metadata field (``--field``)."""

    text: str = "text"
    names: Mapping[str, str] = field(default_factory=lambda: {m: m for m in META_FIELDS})

    def source(self, name: str) -> str:
        return self.names.get(name, name)


@dataclass(frozen=True)
class Record:
    """One article to lint: where it comes from, its text and metadata."""

    input: str  # the input it was read from
    path: Path  # the file it is linted as (its settings, its reader)
    text: str
    meta: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    """A record that cannot be linted, and why."""

    input: str
    id: str | None
    reason: str


def read_archive(inputs: list[Path], fields: Fields, max_bytes: int) -> Iterator[Record | BadRow]:
    """Every record of ``inputs`` in order: a directory's files sorted by path, a JSON Lines
    file's lines, a Parquet file's rows."""
    for source in inputs:
        if source.is_dir():
            yield from _directory(source, max_bytes)
        elif source.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl(source, fields, max_bytes)
        elif source.suffix.lower() in PARQUET_SUFFIXES:
            yield from _parquet(source, fields, max_bytes)
        else:
            yield from _files([source], source.parent, max_bytes)


def _directory(root: Path, max_bytes: int) -> Iterator[Record | BadRow]:
    files = sorted(
        p for p in root.rglob("*") if p.suffix.lower() in LINTABLE_SUFFIXES and p.is_file()
    )
    yield from _files(files, root, max_bytes)


def _files(files: list[Path], root: Path, max_bytes: int) -> Iterator[Record | BadRow]:
    for path in files:
        name = path.relative_to(root).as_posix()
        try:
            text = read_text(path, name, max_bytes)
        except SourcelintError as error:
            yield BadRow(str(path), name, error.message)
            continue
        yield Record(str(path), path, text, {"id": name})


def _jsonl(source: Path, fields: Fields, max_bytes: int) -> Iterator[Record | BadRow]:
    where = source.with_suffix(".txt")  # a record is linted as plain text beside its file
    try:
        lines = source.open("rb")
    except OSError as error:
        yield BadRow(str(source), None, f"cannot read: {error.strerror or error}")
        return
    with lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as error:
                reason = (
                    f"not valid UTF-8: byte 0x{line[error.start]:02x} at column {error.start + 1}"
                )
                yield BadRow(f"{source}:{number}", None, reason)
                continue
            except ValueError as error:
                yield BadRow(f"{source}:{number}", None, f"not a JSON object: {error}")
                continue
            yield _record(record, f"{source}:{number}", where, fields, max_bytes)


def _parquet(source: Path, fields: Fields, max_bytes: int) -> Iterator[Record | BadRow]:
    import pyarrow.parquet as pq

    where = source.with_suffix(".txt")
    try:
        table = pq.ParquetFile(source)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        yield BadRow(str(source), None, f"cannot read as Parquet: {error}")
        return
    wanted = {fields.text, *(fields.source(name) for name in META_FIELDS)}
    columns = [name for name in table.schema_arrow.names if name in wanted]
    row = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield _record(record, f"{source}:{row}", where, fields, max_bytes)


def _record(
    record: object, where: str, path: Path, fields: Fields, max_bytes: int
) -> Record | BadRow:
    if not isinstance(record, dict):
        return BadRow(where, None, "not a JSON object")
    meta = {
        name: str(record[fields.source(name)])
        for name in META_FIELDS
        if record.get(fields.source(name)) is not None
    }
    identity = meta.get("id")
    text = record.get(fields.text)
    if text is None:
        return BadRow(where, identity, f"no text (field {fields.text!r})")
    if not isinstance(text, str):
        return BadRow(where, identity, f"text is not a string but {type(text).__name__}")
    try:
        # The checks a file's bytes get: size, NUL bytes, encodable.
        text = read_stream(io.BytesIO(text.encode("utf-8")), identity or where, max_bytes)
    except UnicodeEncodeError:
        return BadRow(where, identity, "text holds unpaired surrogates (bad encoding)")
    except InputError as error:
        return BadRow(where, identity, error.message)
    if not text.strip():
        return BadRow(where, identity, "empty text")
    meta.setdefault("id", where)
    return Record(where, path, text, meta)
