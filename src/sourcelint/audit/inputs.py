"""An archive's articles, read one at a time: files under a directory, JSON Lines, Parquet.

Nothing is read whole: a JSON Lines file is read line by line and a Parquet file row group
by row group, so an archive of millions of articles takes the memory of one batch. A record
that cannot be linted (no text, text that is not a string, bad encoding, over the size
limit, a line that is not JSON) is yielded as a ``BadRow`` with its reason, never raised.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any, BinaryIO

from sourcelint.audit.listing import Input
from sourcelint.config import Settings, normalize_path
from sourcelint.core.errors import InputError, SourcelintError
from sourcelint.core.escapes import unsurrogate
from sourcelint.core.files import read_stream, read_text

# Fields of a record besides its text that the audit keeps, by their name in the output.
META_FIELDS = ("id", "outlet", "author", "date", "url")
# Records read from a Parquet file at a time (one batch in memory).
PARQUET_BATCH = 1000
# A JSON Lines line may hold this many times --max-article-bytes (JSON escapes a
# character in up to six bytes; other fields ride along) before it is refused unread.
JSONL_LINE_FACTOR = 6
JSONL_LINE_SLACK = 1 << 20


@dataclass(frozen=True)
class Fields:
    """Which record field holds what: the text and each metadata field (``--field``)."""

    text: str = "text"
    names: Mapping[str, str] = field(default_factory=lambda: {m: m for m in META_FIELDS})

    def source(self, name: str) -> str:
        return self.names.get(name, name)

    @classmethod
    def parse(cls, values: Iterable[str]) -> Fields:
        """The fields ``--field NAME=FIELD`` values name; ValueError for one that is not."""
        names = {name: name for name in META_FIELDS}
        text = "text"
        for value in values:
            name, _, source = value.partition("=")
            if name not in (*META_FIELDS, "text") or not source:
                raise ValueError(
                    f"{value!r}: use NAME=FIELD, NAME one of: text, {', '.join(META_FIELDS)}"
                )
            if name == "text":
                text = source
            else:
                names[name] = source
        return cls(text=text, names=names)


@dataclass(frozen=True)
class Record:
    """One article to lint: where it comes from, its text and metadata."""

    input: str  # the input it was read from
    path: Path  # the file it is linted as (its reader, its per-file ignores)
    settings: Settings
    text: str
    meta: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    """A record that cannot be linted, and why."""

    input: str
    id: str | None
    reason: str


def read_archive(inputs: list[Input], fields: Fields, max_bytes: int) -> Iterator[Record | BadRow]:
    """Every record of ``inputs`` in order: a folder's files as listed, then those it
    cannot read; a JSON Lines file's lines; a Parquet file's rows."""
    for source in inputs:
        if source.kind == "files":
            assert source.root is not None, "files are listed with their root"
            yield from _files(source.files, source.root, max_bytes)
            for skipped in source.skipped:
                yield BadRow(unsurrogate(str(skipped.path)), None, skipped.message())
            for error in source.unreadable:
                where = normalize_path(error.path or source.path)
                yield BadRow(unsurrogate(str(where)), None, error.message)
            continue
        assert source.settings is not None, "a file of records is listed with its settings"
        if source.kind == "jsonl":
            yield from _jsonl(source.path, source.settings, fields, max_bytes)
        else:
            yield from _parquet(source.path, source.settings, fields, max_bytes)


def _files(
    files: Iterable[tuple[Path, Settings]], root: Path, max_bytes: int
) -> Iterator[Record | BadRow]:
    for path, settings in files:
        # A file name that is not UTF-8 is shown escaped, as ``check`` shows it.
        name, where = unsurrogate(path.relative_to(root).as_posix()), unsurrogate(str(path))
        try:
            text = read_text(path, name, max_bytes)
        except SourcelintError as error:
            yield BadRow(where, name, error.message)
            continue
        yield Record(where, path, settings, text, {"id": name})


def _jsonl(
    source: Path, settings: Settings, fields: Fields, max_bytes: int
) -> Iterator[Record | BadRow]:
    where = source.with_suffix(".txt")  # a record is linted as plain text beside its file
    try:
        lines = source.open("rb")
    except OSError as error:
        yield BadRow(str(source), None, f"cannot read: {error.strerror or error}")
        return
    limit = max_bytes * JSONL_LINE_FACTOR + JSONL_LINE_SLACK
    with lines:
        for number in count(1):
            line = lines.readline(limit + 2)  # and its line ending, \n or \r\n
            if not line:
                return
            if len(line.rstrip(b"\r\n")) > limit:
                if not line.endswith(b"\n"):
                    _skip_line(lines)
                reason = f"line over {limit:,} bytes: not read as a record (--max-article-bytes)"
                yield BadRow(f"{source}:{number}", None, reason)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                reason = (
                    f"not valid UTF-8: byte 0x{line[error.start]:02x} at column {error.start + 1}"
                )
                yield BadRow(f"{source}:{number}", None, reason)
                continue
            except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
                yield BadRow(f"{source}:{number}", None, f"not a JSON object: {error}")
                continue
            yield _record(record, f"{source}:{number}", where, settings, fields, max_bytes)


def _skip_line(lines: BinaryIO) -> None:
    """Read past the rest of a line, a block at a time (it is never held whole)."""
    while block := lines.readline(JSONL_LINE_SLACK):
        if block.endswith(b"\n"):
            return


def _parquet(
    source: Path, settings: Settings, fields: Fields, max_bytes: int
) -> Iterator[Record | BadRow]:
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
    batches = table.iter_batches(batch_size=PARQUET_BATCH, columns=columns)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except (OSError, ValueError) as error:  # a damaged page: the rest cannot be read
            yield BadRow(f"{source}:{row + 1}", None, f"cannot read the rows from here: {error}")
            return
        for record in _rows(batch):
            row += 1
            if isinstance(record, Exception):
                yield BadRow(f"{source}:{row}", None, f"cannot read the row: {record}")
            else:
                yield _record(record, f"{source}:{row}", where, settings, fields, max_bytes)


def _rows(batch: Any) -> list[dict[str, Any] | Exception]:
    """A Parquet batch's rows; a row that cannot be read (a string that is not UTF-8) is
    its error, and the others are still read."""
    try:
        return batch.to_pylist()
    except (UnicodeDecodeError, ValueError):
        rows: list[dict[str, Any] | Exception] = []
        for index in range(batch.num_rows):
            try:
                rows.extend(batch.slice(index, 1).to_pylist())
            except (UnicodeDecodeError, ValueError) as error:
                rows.append(error)
        return rows


def _record(
    record: object, where: str, path: Path, settings: Settings, fields: Fields, max_bytes: int
) -> Record | BadRow:
    if not isinstance(record, dict):
        return BadRow(where, None, "not a JSON object")
    meta = {
        name: unsurrogate(str(record[fields.source(name)]))
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
    return Record(where, path, settings, text, meta)
