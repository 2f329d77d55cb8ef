"""Where an audit's chunks are linted: a process pool on this machine (``local``) or a
Dask cluster (``dask``: an existing scheduler, or a ``LocalCluster``). Either loads the
model once per process and hands back each chunk's result as it is done; a bounded number
of chunks is in flight, so memory does not grow with the archive."""

from __future__ import annotations

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
    leave_signals_to_the_run,
    process_context,
    terminate,
    terminate_raises,
)

if TYPE_CHECKING:
    from sourcelint.audit.inputs import BadRow, Record

Chunks = Iterable[tuple[int, list["Record | BadRow"]]]
ENGINES = ("local", "dask")
# Chunks in flight per process: one being linted, one waiting, so none idles.
_IN_FLIGHT = 2


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
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = process_context()
    if context.get_start_method() == "fork":
        process_linter(settings, True).warm()  # built once here, shared by the forked processes
    executor = ProcessPoolExecutor(
        processes, mp_context=context, initializer=leave_signals_to_the_run
    )
    pending: set[Future[ChunkResult]] = set()
    finished = False
    try:
        with terminate_raises():  # SIGTERM stops the pool as Ctrl-C does
            for number, items in chunks:
                if len(pending) >= processes * _IN_FLIGHT:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
                pending.add(executor.submit(lint_chunk, settings, True, number, items))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        finished = True
    except BrokenProcessPool:
        raise AuditError(WORKER_DIED) from None
    finally:
        if finished:
            executor.shutdown()
        else:
            terminate(executor)
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
            threads_per_worker=1,  # spaCy is not thread-safe: one chunk a process
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        running = as_completed()
        for number, items in chunks:
            if running.count() >= workers * _IN_FLIGHT:
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
