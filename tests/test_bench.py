"""The benches time analysis: every ``sourcelint check`` they start runs without the
results cache, which an earlier run (or the bench itself, run twice) would leave warm."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The argv of every process a bench starts (none is run)."""
    monkeypatch.syspath_prepend(str(BENCH))  # the benches import each other as scripts
    calls: list[list[str]] = []

    def run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(list(argv))
        return subprocess.CompletedProcess(argv, 0, b"", b"")

    monkeypatch.setattr(subprocess, "run", run)
    return calls


def test_throughput_checks_without_the_cache(started, tmp_path):
    import throughput

    throughput.whole_process("check", "-q", "--pipeline", "fast", "a.txt", repeats=2)
    throughput.whole_process("rules", repeats=1)
    assert [argv[1:] for argv in started] == [
        ["check", "--no-cache", "-q", "--pipeline", "fast", "a.txt"],
        ["check", "--no-cache", "-q", "--pipeline", "fast", "a.txt"],
        ["rules"],  # only check has a cache
    ]


def test_parse_speed_checks_without_the_cache(started, monkeypatch, tmp_path):
    import parse_speed

    monkeypatch.setattr(parse_speed, "TRAIN", tmp_path / "no-corpus")
    monkeypatch.setattr(sys, "argv", ["parse_speed.py"])
    parse_speed.main()
    assert started
    assert all(argv[1:3] == ["check", "--no-cache"] for argv in started)


def test_scaling_checks_without_the_cache(started, tmp_path):
    import scaling

    scaling.cli_seconds(tmp_path / "case.txt", "fast")
    (argv,) = started
    assert argv[1:3] == ["check", "--no-cache"]
    assert argv[-1] == str(tmp_path / "case.txt")


def test_startup_checks_without_the_cache(started, tmp_path):
    import startup

    startup.main(["--repeats", "1", str(tmp_path / "a.txt")])
    checks = [argv for argv in started if "check" in argv]
    assert checks  # under -X importtime, then timed
    assert all(argv[argv.index("check") + 1] == "--no-cache" for argv in checks)


def test_the_audit_bench_times_both_engines_at_one_and_two_workers(started, capsys):
    import audit

    audit.main(["--articles", "5"])
    runs = [(argv[argv.index("--engine") + 1], argv[argv.index("-j") + 1]) for argv in started]
    assert runs == [("local", "1"), ("local", "2"), ("dask", "1"), ("dask", "2")]
    assert all(argv[1] == "audit" for argv in started)
    assert capsys.readouterr().out.count("\n") == 2 + 4  # the archive, the head, a row each
