"""``sourcelint audit`` run as a terminal runs it, in processes of its own: a pool process
killed mid-run stops the audit with a message, Ctrl-C stops it at once, neither leaves a
process behind, and ``--resume`` then gives the sums of a run never interrupted; on a
Dask cluster started apart from the audit, in another folder, a worker applies the
configuration beside the archive as the local engine does."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from sourcelint.run.pool import WORKER_DIED

from conftest import (
    audit_sums,
    child_pids,
    ctrl_c_reaches_children,
    process_alive,
    process_stat,
)

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="forks the pool on Linux; reads the process tree from /proc"
)

# 15 chunks of 200: some 10 s at -j 2 on two cores, the first chunk done after some 3 s.
ARTICLES = 3_000
CHUNKS = ARTICLES // 200
# Rules the generated articles set off often: the config beside the archive in the Dask
# test ignores the first ("reportedly"), one in the Dask worker's working directory the
# second (anonymous sources), which must not apply to the archive's articles.
IGNORED = "SL204"
IGNORED_WHERE_THE_WORKER_RUNS = "SL102"
# Seconds a run may take before the test fails rather than waits on.
RUN_TIMEOUT = 180


@pytest.fixture(scope="module")
def archive(tmp_path_factory, archive_module) -> Path:
    path = tmp_path_factory.mktemp("archive") / "news.jsonl"
    archive_module.write_jsonl(path, ARTICLES, seed=5)
    return path


def audit_command(inputs: Path, out: Path, *options: str) -> list[str]:
    return [
        sys.executable, "-m", "sourcelint", "audit", str(inputs), "--out", str(out),
        "--pipeline", "fast", *options,
    ]  # fmt: skip


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A whole audit; a failure fails the test with its output."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def uninterrupted(archive, tmp_path_factory) -> Path:
    """The archive audited in one go, as the interrupted runs are started."""
    here = tmp_path_factory.mktemp("uninterrupted")
    run(audit_command(archive, here / "out", "-j", "2"), here)
    return here / "out"


# The process tree, read from /proc.


def group(pgid: int) -> list[int]:
    """The living processes of a process group."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = process_stat(int(entry.name))
            if fields is not None and fields[0] != "Z" and int(fields[2]) == pgid:
                members.append(int(entry.name))
    return members


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def pool_processes(pid: int) -> list[int]:
    """The pool's processes: children forked from the audit, so sharing its command line
    (a multiprocessing helper would not)."""
    own = _cmdline(pid)
    return [child for child in child_pids(pid) if own and _cmdline(child) == own]


def assert_no_process_left(pgid: int, seen: list[int], seconds: float = 10) -> None:
    """None of ``seen`` and nothing of the process group ``pgid`` is alive (a few seconds'
    grace for whatever reaps them)."""
    deadline = time.monotonic() + seconds
    while True:
        left = sorted({*(pid for pid in seen if process_alive(pid)), *group(pgid)})
        if not left:
            return
        if time.monotonic() > deadline:
            shown = {pid: _cmdline(pid).replace(b"\0", b" ")[:120] for pid in left}
            pytest.fail(f"processes outlived the audit: {shown}")
        time.sleep(0.05)


class Audit:
    """A ``sourcelint audit`` running in a session (and process group) of its own."""

    def __init__(self, command: list[str], cwd: Path, log: Path) -> None:
        self.log = log
        with log.open("wb") as stderr:
            self.process = subprocess.Popen(
                command,
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
            )
        self.pid = self.process.pid

    @property
    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def pool_mid_run(self, out: Path) -> list[int]:
        """The pool's two processes, once a chunk is done."""
        self.wait_until(lambda: (out / "parts").is_dir() and done_parts(out), "a chunk done")
        self.wait_until(lambda: len(pool_processes(self.pid)) == 2, "two pool processes")
        return pool_processes(self.pid)

    def wait_until(self, condition: Callable[[], object], what: str, seconds: float = 90) -> None:
        """Poll ``condition()`` until it holds; fail if the audit ends first or it takes
        longer than ``seconds``."""
        deadline = time.monotonic() + seconds
        while not condition():
            code = self.process.poll()
            if code is not None:
                pytest.fail(f"the audit ended (exit {code}) before {what}:\n{self.stderr}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} after {seconds} s:\n{self.stderr}")
            time.sleep(0.05)


@contextmanager
def started(command: list[str], cwd: Path, log: Path) -> Iterator[Audit]:
    """The audit started; however the block ends, nothing of it is left running."""
    with ctrl_c_reaches_children():  # else a runner in the background leaves SIGINT ignored
        audit = Audit(command, cwd, log)
    try:
        yield audit
    finally:
        if audit.process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(audit.pid, signal.SIGKILL)
            audit.process.wait()
        for pid in group(audit.pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def done_parts(out: Path) -> dict[str, tuple[int, int]]:
    """The chunks done: each rows file's name, inode and modification time."""
    return {
        path.name: (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (out / "parts").glob("rows-*.parquet")
    }


def assert_resume_finishes_it(command: list[str], cwd: Path, out: Path, baseline: Path) -> None:
    """The interrupted audit in ``out`` is unfinished; ``--resume`` lints only the chunks
    not done and gives the sums of ``baseline``, a run never interrupted."""
    assert not (out / "summary.json").exists(), "the audit finished before it was stopped"
    kept = done_parts(out)
    assert 0 < len(kept) < CHUNKS
    run([*command, "--resume"], cwd)
    after = done_parts(out)
    assert len(after) == CHUNKS
    assert {name: after[name] for name in kept} == kept  # not linted and written again
    assert audit_sums(out) == audit_sums(baseline)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == ARTICLES and summary["errors"] == 0


def test_a_pool_process_killed_mid_run_stops_the_audit_and_resume_finishes_it(
    archive, uninterrupted, tmp_path
):
    out = tmp_path / "out"
    command = audit_command(archive, out, "-j", "2")
    with started(command, tmp_path, tmp_path / "stderr.txt") as audit:
        workers = audit.pool_mid_run(out)
        os.kill(workers[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
        code = audit.process.wait(timeout=60)
        assert code == 2, audit.stderr
        assert WORKER_DIED in audit.stderr
        assert "Traceback" not in audit.stderr
        assert_no_process_left(audit.pid, workers)
    assert_resume_finishes_it(command, tmp_path, out, uninterrupted)


@pytest.mark.parametrize("whom", ["process", "group"])
def test_ctrl_c_stops_the_pool_at_once_and_resume_finishes_it(
    archive, uninterrupted, tmp_path, whom
):
    """SIGINT to the audit's process alone, and to its whole process group, as a
    terminal's Ctrl-C sends it to the foreground group (the pool processes ignore it)."""
    out = tmp_path / "out"
    command = audit_command(archive, out, "-j", "2")
    with started(command, tmp_path, tmp_path / "stderr.txt") as audit:
        workers = audit.pool_mid_run(out)
        if whom == "group":
            os.killpg(audit.pid, signal.SIGINT)
        else:
            os.kill(audit.pid, signal.SIGINT)
        try:
            code = audit.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 15 s after Ctrl-C:\n{audit.stderr}")
        assert code == 130, audit.stderr  # 128 + SIGINT, as a shell reports Ctrl-C
        assert "Traceback" not in audit.stderr
        assert_no_process_left(audit.pid, workers)
    assert_resume_finishes_it(command, tmp_path, out, uninterrupted)


# An external Dask cluster.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Terminate each process (and its process group), then kill what is left."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in reversed(processes):
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for pid in group(process.pid):  # a nanny's worker process
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def dask_cluster(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A Dask scheduler and one worker (a thread) started as an operator would, the worker
    in a folder of its own; its address and the worker's working directory."""
    pytest.importorskip("distributed")
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    home = tmp_path_factory.mktemp("dask")
    (home / "scheduler").mkdir()
    (home / "worker").mkdir()
    commands = {
        "scheduler": [
            sys.executable, "-m", "distributed.cli.dask_scheduler",
            "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard",
        ],
        "worker": [
            sys.executable, "-m", "distributed.cli.dask_worker", address,
            "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
            "--local-directory", str(home / "scratch"),
        ],
    }  # fmt: skip
    processes: list[subprocess.Popen[bytes]] = []

    def logs() -> str:
        return "\n".join(
            f"--- {name}:\n" + (home / f"{name}.log").read_text(errors="replace")
            for name in commands
            if (home / f"{name}.log").exists()
        )

    try:
        for name, command in commands.items():
            with (home / f"{name}.log").open("wb") as log:
                processes.append(
                    subprocess.Popen(
                        command,
                        cwd=home / name,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        try:
            with Client(address, timeout="60s", set_as_default=False) as client:
                client.wait_for_workers(1, timeout=60)
                working = list(client.run(os.getcwd).values())
        except Exception as error:
            pytest.fail(f"the Dask cluster did not start: {error!r}\n{logs()}")
        assert working == [str(home / "worker")]  # where it resolves relative paths
        yield address, home / "worker"
    finally:
        stop(processes)


NO_CONFIG_ON_THE_WORKER = """
import sourcelint.config.resolve as resolve

def refuse(*args, **kwargs):
    raise RuntimeError("a config was resolved on the Dask worker")

resolve.ConfigResolver.settings_for = refuse
resolve.ConfigResolver.settings_for_directory = refuse
"""


def fires(code: str, texts: list[str], path: Path) -> int:
    """How often rule ``code`` fires on ``texts`` linted as ``path`` (no config there)."""
    import sourcelint

    return sum(
        finding.code == code
        for text in texts
        for finding in sourcelint.lint(text, path, pipeline="fast")
    )


def test_a_config_beside_the_archive_applies_on_an_external_dask_worker(
    dask_cluster, tmp_path, archive_module
):
    address, worker_cwd = dask_cluster
    data = tmp_path / "data"
    data.mkdir()
    archive_module.write_jsonl(data / "news.jsonl", 1_000, seed=11)
    (data / "sourcelint.toml").write_text(f'ignore = ["{IGNORED}"]\n', encoding="utf-8")
    # Without the config the rule fires on these articles: a count of 0 means it applied.
    (tmp_path / "bare").mkdir()
    texts = [article["text"] for article in archive_module.articles(100, seed=11)]
    assert fires(IGNORED, texts, tmp_path / "bare" / "news.txt") > 0
    (worker_cwd / "sourcelint.toml").write_text(
        f'ignore = ["{IGNORED_WHERE_THE_WORKER_RUNS}"]\n', encoding="utf-8"
    )
    here = tmp_path / "run"  # the audit's working directory: not the archive's nor the worker's
    here.mkdir()
    assert len({here, data, worker_cwd}) == 3

    from distributed import Client

    with Client(address, set_as_default=False) as client:
        # The worker could read the archive's config on this machine; on a cluster it
        # could not: it must lint with the settings sent, never resolve one.
        client.run(exec, NO_CONFIG_ON_THE_WORKER, {})
    inputs = data / "news.jsonl"
    run(audit_command(inputs, here / "dask", "--engine", "dask", "--scheduler", address), here)
    run(audit_command(inputs, here / "local", "--engine", "local", "-j", "1"), here)

    on_dask = json.loads((here / "dask" / "summary.json").read_text(encoding="utf-8"))
    local = json.loads((here / "local" / "summary.json").read_text(encoding="utf-8"))
    assert local["articles"] == on_dask["articles"] == 1_000
    assert local["by_rule"].get(IGNORED, 0) == 0
    assert on_dask["by_rule"] == local["by_rule"]
    assert on_dask["by_rule"].get(IGNORED, 0) == 0
    assert on_dask["by_rule"].get(IGNORED_WHERE_THE_WORKER_RUNS, 0) > 0
    assert local["by_rule"], "no rule fired at all"
    assert (here / "dask" / "by_outlet.csv").read_text(encoding="utf-8") == (
        here / "local" / "by_outlet.csv"
    ).read_text(encoding="utf-8")  # each rule's column per outlet too
