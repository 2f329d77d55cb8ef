"""Linting in parallel (--jobs, config ``jobs``): the same report as linting in order."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.config import Settings, load_config
from sourcelint.core.errors import ConfigError
from sourcelint.run import check as run_check_module
from sourcelint.run import pool as pool_module
from sourcelint.run.worker import Job

from conftest import SEED, child_pids, ctrl_c_reaches_children, hang_guard, process_alive

ANONYMOUS = "The deal is off, two aides said. The rebels reportedly advanced.\n"
CLEAN = "The mayor said the budget was late.\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files with findings, a clean one, an unreadable one, and two broken configs."""
    tmp_path = tmp_path / "articles"
    tmp_path.mkdir()
    (tmp_path / "a-findings.md").write_text(ANONYMOUS + "\n" + SEED.read_text(encoding="utf-8"))
    (tmp_path / "b-clean.txt").write_text(CLEAN)
    (tmp_path / "c-not-utf8.txt").write_bytes(b"The mayor said \xff\xfe.\n")
    (tmp_path / "d-findings.html").write_text(f"<html><body><p>{ANONYMOUS}</p></body></html>\n")
    # A config that cannot be read: its files are reported when they are collected.
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "sourcelint.toml").write_text('selec = ["SL1"]\n')
    (tmp_path / "broken" / "e.md").write_text(ANONYMOUS)
    # A config naming an unknown rule: reported when its file is linted.
    (tmp_path / "unknown").mkdir()
    (tmp_path / "unknown" / "sourcelint.toml").write_text('ignore = ["SL777"]\n')
    (tmp_path / "unknown" / "f.md").write_text(ANONYMOUS)
    (tmp_path / "z-clean.md").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def same_in_order_and_in_parallel(*args: str, stdin: str | None = None) -> tuple[int, str]:
    """Run ``check ARGS`` with -j 1 and with -j 2; both give the same output and exit code."""
    serial = run("check", "-j", "1", *args, stdin=stdin)
    parallel = run("check", "-j", "2", *args, stdin=stdin)
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert parallel.exit_code == serial.exit_code
    return serial.exit_code, serial.stdout


@pytest.mark.parametrize("tier", ["fast", "parse"])
def test_parallel_report_is_the_serial_report(articles, tier):
    code, out = same_in_order_and_in_parallel("--pipeline", tier, "-f", "json", "--statistics", ".")
    assert code == 2  # the unreadable file and the broken configs
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == ["a-findings.md", "b-clean.txt", "d-findings.html", "z-clean.md"]


@pytest.mark.parametrize(
    "options",
    [
        ["-f", "text", "--statistics"],
        ["-f", "sarif"],
        ["-f", "junit", "--fail-on", "error"],
        ["-f", "concise", "-", "--stdin-filename", "wire.txt"],
    ],
)
def test_every_format_and_option_is_unchanged(articles, options):
    same_in_order_and_in_parallel("--pipeline", "fast", *options, ".", stdin=ANONYMOUS)


def test_baseline_and_output_file_are_unchanged(articles):
    out = articles.parent
    for jobs in ("1", "2"):
        written = run("check", "-j", jobs, "--write-baseline", str(out / f"base-{jobs}"), ".")
        assert written.exit_code == 2
    assert (out / "base-2").read_text() == (out / "base-1").read_text()
    (articles / "a-findings.md").write_text(ANONYMOUS + "Aides said more.\n" + ANONYMOUS)
    for jobs in ("1", "2"):
        baseline, report = str(out / "base-1"), str(out / f"report-{jobs}")
        assert run("check", "-j", jobs, "--baseline", baseline, "-o", report, ".").exit_code == 2
    assert (out / "report-2").read_text() == (out / "report-1").read_text()
    assert "baseline entries no longer match" in (out / "report-1").read_text()


@pytest.mark.parametrize(
    ("files", "code"),
    [({"a.md": CLEAN, "b.md": CLEAN}, 0), ({"a.md": CLEAN, "b.md": ANONYMOUS}, 1)],
)
def test_exit_codes(tmp_path, monkeypatch, files, code):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert same_in_order_and_in_parallel(".")[0] == code


def test_a_command_line_error_stops_the_run_alike(articles):
    code, out = same_in_order_and_in_parallel("--select", "SL777", ".")
    assert code == 2 and out == ""


def die(jobs: object) -> None:
    os._exit(1)


@pytest.mark.skipif(sys.platform != "linux", reason="the pool forks only on Linux")
def test_a_worker_that_dies_is_an_error(articles, monkeypatch):
    # Pool processes fork, so they run this module's function in place of the real one.
    monkeypatch.setattr(pool_module, "_lint_in_pool", die)
    result = run("check", "-j", "2", ".")
    assert result.exit_code == 2
    assert "a worker process ended unexpectedly" in result.stderr


def test_jobs_must_be_at_least_one():
    result = run("check", "-j", "0", str(SEED))
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("0", "got 0"),
        ("-2", "got -2"),
        ('"4"', "got string"),
        ("true", "got bool"),
        ("2.5", "got float"),
    ],
)
def test_jobs_config_is_validated(tmp_path, monkeypatch, value, fragment):
    config = tmp_path / "sourcelint.toml"
    config.write_text(f"jobs = {value}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    assert f"key 'jobs': expected a whole number of at least 1, {fragment}" in str(raised.value)
    (tmp_path / "a.md").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "sourcelint.toml: key 'jobs'" in result.stderr


def spy_on_processes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of processes each run lints in, as it is decided."""
    chosen: list[int] = []
    real = run_check_module.lint_chunks

    def spy(worker, jobs, processes):
        chosen.append(processes)
        return real(worker, jobs, processes)

    monkeypatch.setattr(run_check_module, "lint_chunks", spy)
    return chosen


def test_jobs_from_the_config_and_the_command_line(tmp_path, monkeypatch):
    (tmp_path / "sourcelint.toml").write_text("jobs = 3\n")
    for name in ("a.md", "b.md", "c.md", "d.md"):
        (tmp_path / name).write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    chosen = spy_on_processes(monkeypatch)
    run("check", ".")
    run("check", "-j", "1", ".")
    run("check", "-j", "9", ".")  # never more processes than files
    run("check", "-j", "9", "a.md")
    assert chosen == [3, 1, 4, 1]
    assert load_config(tmp_path / "sourcelint.toml").jobs == 3


def job(text: str, tier: str = "parse") -> Job:
    settings = Settings(source=None, root=Path.cwd(), pipeline=tier)
    return Job("-", Path("a.txt"), settings, text)


def test_by_default_a_pool_starts_only_for_work_enough(monkeypatch):
    monkeypatch.setattr(pool_module, "available_cores", lambda: 2)
    # The bytes of parse-tier text that one process lints in POOL_MIN_SECONDS.
    enough = int(pool_module.POOL_MIN_SECONDS * pool_module.BYTES_PER_SECOND["parse"])
    little, much = job("x" * (enough // 4)), job("x" * enough)
    assert pool_module.pool_size([much, much], None) == 2
    assert pool_module.pool_size([much], None) == 1
    assert pool_module.pool_size([little, little], None) == 1
    assert pool_module.pool_size([job(much.text, "fast")] * 2, None) == 1  # ten times faster
    assert pool_module.pool_size([much] * 20, 1) == 1
    monkeypatch.setattr(pool_module, "available_cores", lambda: 1)
    assert pool_module.pool_size([much] * 20, None) == 1


def parallel_check(folder: Path, copies: int, times: int) -> subprocess.Popen[bytes]:
    """``check -j 2`` of ``copies`` files of the seed article ``times`` over, started in a
    session of its own (Ctrl-C reaches it)."""
    text = SEED.read_text(encoding="utf-8") * times
    files = [folder / f"{index}.txt" for index in range(copies)]
    for file in files:
        file.write_text(text)
    command = Path(sys.executable).with_name("sourcelint")
    with ctrl_c_reaches_children():
        return subprocess.Popen(
            [str(command), "check", "-j", "2", "--pipeline", "fast", *map(str, files)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupting_a_parallel_run_leaves_no_workers(tmp_path, stop):
    process = parallel_check(tmp_path, copies=12, times=40)
    try:
        workers: list[int] = []
        for _ in range(300):
            workers = child_pids(process.pid)
            if len(workers) == 2 or process.poll() is not None:
                break
            time.sleep(0.05)
        assert len(workers) == 2, "the run ended before its workers could be seen"
        # Ctrl-C reaches the whole process group; SIGTERM only the run's process.
        if stop == signal.SIGINT:
            os.killpg(process.pid, stop)
        else:
            process.send_signal(stop)
        assert process.wait(timeout=60) != 0
    finally:
        if process.poll() is None:
            process.kill()
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists(), f"worker {pid} outlived the run"


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")
def test_pool_processes_end_with_a_run_that_is_killed(tmp_path):
    """SIGKILL leaves the run no chance to stop its pool: its processes end themselves."""
    process = parallel_check(tmp_path, copies=4, times=200)  # linting one takes seconds
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 30
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            workers = child_pids(process.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the run ended before its workers could be seen"
        time.sleep(0.5)  # the workers are linting
        process.kill()
        process.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(process_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(process_alive(pid) for pid in workers), "a pool process outlived the run"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _deaf_to_sigterm() -> None:
    """A pool initializer standing for a worker interrupted while still starting, before
    it handles SIGTERM."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


@pytest.mark.skipif(sys.platform != "linux", reason="forks the pool, as check does on Linux")
def test_stopping_a_pool_ends_a_worker_that_ignores_sigterm():
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(
        1, mp_context=pool_module.process_context(), initializer=_deaf_to_sigterm
    )
    executor.submit(_sleep, 120)
    (worker,) = _wait_for_workers(executor)
    with hang_guard(60):  # without the kill after the grace time, this join never returns
        pool_module.terminate(executor)
    assert not worker.is_alive()


def _wait_for_workers(executor: object) -> list[object]:
    for _ in range(200):
        processes = list((executor._processes or {}).values())  # type: ignore[attr-defined]
        if processes and all(p.pid for p in processes):
            time.sleep(0.2)  # its initializer has run
            return processes
        time.sleep(0.05)
    raise AssertionError("the pool started no worker")


def test_each_chunk_gives_its_freed_memory_back(tmp_path, monkeypatch):
    from sourcelint.run import worker as worker_module
    from sourcelint.run.options import CliOptions

    if platform.libc_ver()[0] == "glibc":
        assert worker_module._malloc_trim() is not None
    trimmed: list[int] = []
    monkeypatch.setattr(worker_module, "_malloc_trim", lambda: trimmed.append)
    article = tmp_path / "a.txt"
    article.write_text("Two aides said the deal was off.\n", encoding="utf-8")
    options = CliOptions(paths=[str(article)], pipeline="fast")
    job = Job("a.txt", article, options.apply(Settings(source=None, root=tmp_path)))
    worker = worker_module.Worker(options, owns_process=True)
    outcomes = worker.lint([job, job])
    assert [o.result is not None for o in outcomes] == [True, True]
    assert trimmed == []  # a run of one chunk ends: nothing to give back
    worker.lint([job])
    assert trimmed == [0]  # before the next chunk


def test_a_chunks_reference_cycles_are_freed_before_the_next(tmp_path):
    import gc
    import weakref

    from spacy.tokens import Doc

    from sourcelint.run.options import CliOptions
    from sourcelint.run.worker import Worker

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Two aides said the deal was off.\n", encoding="utf-8")
    second.write_text("A spokesman denied it.\n", encoding="utf-8")
    options = CliOptions(paths=[], pipeline="fast")
    settings = options.apply(Settings(source=None, root=tmp_path))
    worker = Worker(options, owns_process=True)
    gc.collect()
    gc.disable()  # only the worker collects: spaCy's Docs hold their span groups in a cycle
    try:
        worker.lint([Job("a.txt", first, settings)])
        (doc,) = (o for o in gc.get_objects() if isinstance(o, Doc) and o.text.startswith("Two"))
        left = weakref.ref(doc)
        del doc
        assert left() is not None  # garbage, in a cycle
        worker.lint([Job("b.txt", second, settings)])
        assert left() is None
        assert gc.get_freeze_count() > 0  # what the first chunk built is no more scanned
    finally:
        gc.enable()
        worker.close()
    assert gc.get_freeze_count() == 0


def test_a_linter_leaves_its_hosts_collector_alone():
    import gc

    from sourcelint import Linter

    linter = Linter(pipeline="fast")
    for text in ("Two aides said the deal was off.\n", "A spokesman denied it.\n"):
        linter.lint(text)
    assert gc.get_freeze_count() == 0  # an application's objects are its own to collect
