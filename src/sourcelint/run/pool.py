"""Processes to lint in: how many pay, and a pool that is stopped at once when it must be."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sourcelint.run.worker import Job, Outcome, Pipeline, Worker, pipeline_of

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext


class WorkerDied(Exception):
    """A pool process ended without handing back its files' outcomes."""


# Files per chunk a process lints at a time (their parse is batched): enough to batch,
# few enough that the processes finish together.
CHUNK_FILES = 8


# Bytes of article text one process lints in a second, roughly (measured here: about
# 35 KB/s with the model, 400 KB/s without).
BYTES_PER_SECOND = {"parse": 35_000, "fast": 400_000}


# Less work than this (in one process's seconds) is linted in the run's own process. A
# pool of two cost about 0.05 s here (forked after the model is loaded): it broke even on
# 0.05 s of work and saved 3% of the whole run on 0.2 s; the margin is for slower forks.
POOL_MIN_SECONDS = 0.25


WORKER_DIED = (
    "a worker process ended unexpectedly (out of memory?); lint with fewer processes "
    "(--jobs) or fewer files at a time"
)


# The worker of a pool process, set by the pool's initializer.
_pool_worker: Worker | None = None


def available_cores() -> int:
    """The processors this process may run on."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_size(jobs: Sequence[Job], requested: int | None) -> int:
    """How many processes lint ``jobs``: ``requested`` (--jobs, config ``jobs``), or
    every core when there is work enough to pay for a pool; 1 means this process."""
    if len(jobs) < 2:
        return 1
    if requested is not None:
        return min(requested, len(jobs))
    if _serial_seconds(jobs) < POOL_MIN_SECONDS:
        return 1
    return min(available_cores(), len(jobs))


def _serial_seconds(jobs: Sequence[Job]) -> float:
    """About how long one process would take to lint ``jobs``."""
    return sum(_size(job) / BYTES_PER_SECOND[job.settings.pipeline] for job in jobs)


def _size(job: Job) -> int:
    if job.text is not None:
        return len(job.text)
    try:
        return job.path.stat().st_size
    except OSError:
        return 0  # reading it will fail, and say why


def _chunks(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    return [jobs[start : start + size] for start in range(0, len(jobs), size)]


def lint_chunks(
    worker: Worker, jobs: Sequence[Job], processes: int
) -> Iterator[tuple[Sequence[Job], list[Outcome]]]:
    """Each chunk of ``jobs`` with its outcomes, in order, linted in ``processes`` processes."""
    try:
        if processes <= 1:
            for chunk in _chunks(jobs, CHUNK_FILES):
                yield chunk, worker.lint(chunk)
            return
        # Several chunks per process, so that one slow chunk does not hold up the end.
        chunks = _chunks(jobs, max(1, min(CHUNK_FILES, len(jobs) // (processes * 4))))
        pipelines = {pipeline_of(job.settings): None for job in jobs}
        with _pool(worker, min(processes, len(chunks)), list(pipelines)) as pool:
            yield from zip(chunks, pool.map(_lint_in_pool, chunks), strict=True)
    finally:
        worker.close()


@contextmanager
def _pool(
    worker: Worker, processes: int, pipelines: list[Pipeline]
) -> Iterator[ProcessPoolExecutor]:
    """Worker processes with ``worker``'s linters and models, ended with the block.

    Where processes fork, the models are loaded here first and shared copy-on-write;
    elsewhere each process loads its own.
    """
    if process_context().get_start_method() == "fork":
        worker.warm(pipelines)
        initargs: tuple[object, ...] = (worker, [])
    else:
        initargs = (Worker(worker.options, owns_process=True), pipelines)
    with process_pool(processes, _start_worker, initargs) as executor:
        yield executor


@contextmanager
def process_pool(
    processes: int, initializer: Callable[..., None], initargs: tuple[object, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``processes`` (forked where the platform allows), ended with the block.

    On an error, Ctrl-C or SIGTERM the processes are terminated at once rather than left
    behind; a process that dies raises ``WorkerDied``.
    """
    # Imported here: a run of one file, and the other commands, start without them.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(
        processes, mp_context=process_context(), initializer=initializer, initargs=initargs
    )
    finished = False
    try:
        with terminate_raises():
            yield executor
        finished = True
    except BrokenProcessPool:
        raise WorkerDied from None
    finally:
        if finished:
            executor.shutdown()
        else:
            terminate(executor)


def process_context() -> BaseContext:
    """Fork on Linux (the loaded models are shared); elsewhere spawn, the platform's default."""
    import multiprocessing

    method = "fork" if sys.platform == "linux" else "spawn"
    return multiprocessing.get_context(method)


def leave_signals_to_the_run() -> None:
    """In a pool process: the run's process alone handles Ctrl-C and SIGTERM (it stops
    the pool), and SIGTERM ends this one as it would any process, as does the end of
    the run's process, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_the_run()


# prctl's option: the signal this process gets when its parent ends (Linux).
_PR_SET_PDEATHSIG = 1


def _end_with_the_run() -> None:
    """SIGTERM this process when the run's process ends. A run stopped while its pool
    was starting may not have registered every process it forked, and one killed cannot
    stop any: a pool process left behind would wait for work forever (seen under Ctrl-C
    in a loaded test run: an orphan waiting on its queue for 27 minutes)."""
    import multiprocessing

    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(AttributeError, OSError):
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    parent = multiprocessing.parent_process()
    # It ended before prctl: this process was handed to another (its sentinel pipe cannot
    # tell, a sibling forked later holds it open).
    if parent is not None and os.getppid() != parent.pid:
        os._exit(128 + signal.SIGTERM)


def _start_worker(worker: Worker, pipelines: list[Pipeline]) -> None:
    """Initializer of a pool process: signals left to the run, its worker warmed."""
    leave_signals_to_the_run()
    global _pool_worker
    _pool_worker = worker
    worker.warm(pipelines)


def _lint_in_pool(jobs: Sequence[Job]) -> list[Outcome]:
    assert _pool_worker is not None, "pool processes start with _start_worker"
    return _pool_worker.lint(jobs)


@contextmanager
def terminate_raises() -> Iterator[None]:
    """SIGTERM raises SystemExit in the block (in the main thread), so cleanup runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# How long a terminated worker has to end before it is killed.
_TERMINATE_GRACE_SECONDS = 5


def terminate(executor: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel the chunks not started, terminate the processes, and kill
    any that SIGTERM does not end."""
    import multiprocessing

    # Python 3.14 has executor.terminate_workers(); this does what it does, and more: the
    # pool's own thread may already have dropped its processes from the executor, so
    # this process's living children are taken too, or exit would wait on them forever.
    processes = {*(executor._processes or {}).values(), *multiprocessing.active_children()}
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=_TERMINATE_GRACE_SECONDS)
        if process.is_alive():
            # Interrupted while it was still starting, a worker may not handle SIGTERM
            # yet (under load, 2 of 3 loops of up to 15 interrupted runs hung without this).
            process.kill()
            process.join()
