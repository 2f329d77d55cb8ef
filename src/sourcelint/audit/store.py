"""An audit's output directory: what the run was asked (``audit.json``), each chunk's rows
and errors as it is done, and the merged files at the end.

A chunk's errors are written first and its rows last, each to a temporary file renamed
into place: a chunk whose rows file exists is done, whole, and a resumed run skips it. So
an interrupted run loses at most the chunks in flight, and no article is counted twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sourcelint.audit.chunks import ChunkResult
from sourcelint.audit.rows import TEXT_COLUMNS
from sourcelint.core.errors import AuditError
from sourcelint.core.writes import atomic_path, write_atomically

MANIFEST = "audit.json"
PARTS = "parts"
# A chunk's files, by its number (7 digits); nothing else in parts/ is read.
_ROWS = "rows-" + "[0-9]" * 7 + ".parquet"
_ERRORS = "errors-" + "[0-9]" * 7 + ".jsonl"


class AuditStore:
    """The files of one audit under ``directory``."""

    def __init__(self, directory: Path, columns: list[str]) -> None:
        self.directory = directory
        self.parts = directory / PARTS
        self.columns = columns

    def open(self, manifest: dict[str, Any], *, resume: bool) -> set[int]:
        """Start the audit, or resume it: the chunks already done. A directory holding
        anything else, or another audit's files, is never written over."""
        try:
            return self._open(manifest, resume=resume)
        except OSError as error:  # --out is a file, or may not be written
            raise AuditError(
                f"cannot write the audit: {error.strerror or error}", path=self.directory
            ) from None

    def _open(self, manifest: dict[str, Any], *, resume: bool) -> set[int]:
        path = self.directory / MANIFEST
        if resume and path.is_file():
            try:
                recorded = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                raise AuditError("not an audit's record; choose another --out", path=path) from None
            if recorded != manifest:
                changed = sorted(
                    key for key in {*recorded, *manifest} if recorded.get(key) != manifest.get(key)
                )
                raise AuditError(
                    f"the audit there was run with other {', '.join(changed)}; resume it with "
                    "the same inputs and options, or choose another --out",
                    path=path,
                )
            self.parts.mkdir(exist_ok=True)
            return self.done()
        if self.directory.exists() and any(self.directory.iterdir()):
            hint = "--resume to continue the audit there, or " if path.is_file() else ""
            raise AuditError(f"not empty; {hint}choose another --out", path=self.directory)
        self.parts.mkdir(parents=True, exist_ok=True)
        write_atomically(
            path, json.dumps(manifest, indent=2, sort_keys=True) + "\n", "audit record"
        )
        return set()

    def done(self) -> set[int]:
        return {int(p.stem[len("rows-") :]) for p in self.parts.glob(_ROWS)}

    def save(self, result: ChunkResult) -> None:
        """Keep one chunk's errors, then its rows (the mark that it is done)."""
        number = f"{result.number:07d}"
        errors = "".join(json.dumps(asdict(bad), ensure_ascii=False) + "\n" for bad in result.bad)
        write_atomically(self.parts / f"errors-{number}.jsonl", errors, "audit part")
        import pyarrow.parquet as pq

        # Parquet: some 120 bytes a row here (200-row chunks), against 850 as JSON Lines.
        with atomic_path(self.parts / f"rows-{number}.parquet", "audit part") as temporary:
            pq.write_table(_table(result.rows, self.columns), temporary)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every row, chunk by chunk in archive order (whichever process finished first)."""
        import pyarrow.parquet as pq

        for path in sorted(self.parts.glob(_ROWS)):
            for batch in pq.ParquetFile(path).iter_batches():
                yield from batch.to_pylist()

    def errors(self) -> Iterator[dict[str, Any]]:
        for path in sorted(self.parts.glob(_ERRORS)):
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    yield json.loads(line)

    def write_outputs(self) -> dict[str, int]:
        """``articles.csv``, ``articles.parquet`` and ``errors.jsonl`` from the parts,
        streamed part by part as Arrow tables (memory holds one row group); the counts."""
        import pyarrow as pa
        import pyarrow.csv as pa_csv
        import pyarrow.parquet as pq

        schema = _schema(self.columns)
        articles = 0
        with (
            atomic_path(self.directory / "articles.csv", "audit's articles") as csv_path,
            atomic_path(self.directory / "articles.parquet", "audit's articles") as parquet_path,
            pa_csv.CSVWriter(
                csv_path, schema, write_options=pa_csv.WriteOptions(quoting_style="needed")
            ) as table,
            pq.ParquetWriter(parquet_path, schema) as parquet,
        ):
            group: list[Any] = []  # parts' tables, written as one row group
            for path in sorted(self.parts.glob(_ROWS)):
                part = pq.read_table(path, schema=schema)
                table.write_table(part)
                articles += part.num_rows
                group.append(part)
                if sum(len(t) for t in group) >= _GROUP_ROWS:
                    parquet.write_table(pa.concat_tables(group))
                    group = []
            parquet.write_table(pa.concat_tables(group) if group else schema.empty_table())
        errors = 0
        with (
            atomic_path(self.directory / "errors.jsonl", "audit's errors") as errors_path,
            errors_path.open("w", encoding="utf-8") as out,
        ):
            for error in self.errors():
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
                errors += 1
        return {"articles": articles, "errors": errors}


# Rows a row group of articles.parquet holds, at least: the merge holds one group. At
# 10,000 the coordinator's peak rose with the archive (178 / 210 MiB at 2,000 / 20,000
# generated articles); at 2,000, 177 / 185 MiB.
_GROUP_ROWS = 2_000


def _schema(columns: list[str]) -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.string() if c in TEXT_COLUMNS else pa.int64()) for c in columns])


def _table(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, _schema(columns))
