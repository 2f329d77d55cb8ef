"""Where an audit's chunks are linted: a process pool on this machine (``local``) or a
Dask cluster (``dask``: an existing scheduler, or a ``LocalCluster``). Either loads the
model once per process and hands back each chunk's result as it is done; a bounded number
of chunks is in flight, so memory does not grow with the archive."""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sourcelint.audit.chunks import (
    AuditSettings,
    ChunkLinter,
    ChunkResult,
    lint_chunk,
    process_linter,
)
from sourcelint.core.errors import AuditError
from sourcelint.run.pool import (
    WORKER_DIED,
    WorkerDied,
    leave_signals_to_the_run,
    process_context,
    process_pool,
)

if TYPE_CHECKING:
    from distributed import Client

    from sourcelint.audit.inputs import BadRow, Record

Chunks = Iterable[tuple[int, list["Record | BadRow"]]]
ENGINES = ("local", "dask")
# Chunks in flight per process: one being linted, one waiting, so none idles.
_IN_FLIGHT = 2
# Seconds between asking a Dask scheduler how many workers it has.
_ASK_EVERY_SECONDS = 5.0


def lint_chunks(
    chunks: Chunks, settings: AuditSettings, *, engine: str, processes: int, scheduler: str | None
) -> Iterator[ChunkResult]:
    """Each chunk's result, in the order they finish."""
    if engine == "dask":
        yield from _dask(chunks, settings, processes, scheduler)
    elif processes <= 1:
        yield from _here(chunks, settings)
    else:
        yield from _pool(chunks, settings, processes)


def _here(chunks: Chunks, settings: AuditSettings) -> Iterator[ChunkResult]:
    linter = ChunkLinter(settings, owns_process=True)
    try:
        for number, items in chunks:
            yield linter.lint(number, items)
    finally:
        linter.worker.close()


def _pool(chunks: Chunks, settings: AuditSettings, processes: int) -> Iterator[ChunkResult]:
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    if process_context().get_start_method() == "fork":
        process_linter(settings, True).warm()  # built once here, shared by the forked processes
    pending: set[Future[ChunkResult]] = set()
    try:
        with process_pool(processes, leave_signals_to_the_run) as executor:
            for number, items in chunks:
                if len(pending) >= processes * _IN_FLIGHT:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
                pending.add(executor.submit(lint_chunk, settings, True, number, items))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
    except WorkerDied:
        raise AuditError(WORKER_DIED) from None
    finally:
        if process_linter.cache_info().currsize:
            process_linter(settings, True).worker.close()
            process_linter.cache_clear()


def _dask(
    chunks: Chunks, settings: AuditSettings, processes: int, scheduler: str | None
) -> Iterator[ChunkResult]:
    import logging

    from distributed import Client, LocalCluster, as_completed
    from distributed.scheduler import KilledWorker

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=processes,
            threads_per_worker=1,  # one chunk a process at a time (chunks._ONE_AT_A_TIME)
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        running = as_completed()
        workers = _WorkerCount(client)
        for number, items in chunks:
            while running.count() >= _IN_FLIGHT * workers.now():
                yield next(running).result()
            running.add(client.submit(lint_chunk, settings, False, number, items, pure=False))
        for future in running:
            yield future.result()
    except KilledWorker:
        raise AuditError(WORKER_DIED) from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _WorkerCount:
    """The cluster's worker processes, asked again every few seconds: a cluster may grow
    or shrink (at least one: an adaptive cluster starts empty). A worker with several
    threads still lints one chunk at a time, so threads do not count."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self._count = 1
        self._asked = -math.inf

    def now(self) -> int:
        if time.monotonic() - self._asked >= _ASK_EVERY_SECONDS:
            self._count = max(1, len(self.client.nthreads()))  # a round trip to the scheduler
            self._asked = time.monotonic()
        return self._count
