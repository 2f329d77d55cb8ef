"""The exit-code contract: 0 clean, 1 findings, 2 for any error — a bug in sourcelint
included, reported in one line for the file it hit while the other files are linted —
and reports written whole, never over a linted file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sourcelint import engine
from sourcelint.cli import app as cli
from sourcelint.core.errors import InputError
from sourcelint.core.writes import write_atomically

CLEAN = "The mayor said the budget was late.\n"
ANONYMOUS = "The deal is off, two aides said.\n"
TRIGGER = "Officials announced a recount.\n"


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run the console script in this process; its exit code, stdout and stderr."""
    monkeypatch.setattr(sys, "argv", ["sourcelint", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


@pytest.fixture
def buggy_rules(monkeypatch):
    """A bug in the engine that strikes only texts holding TRIGGER."""
    result = engine.Engine._result

    def failing(self, request, prose, article):
        if TRIGGER in request.text:
            raise ValueError("index out of range\nin a rule")
        return result(self, request, prose, article)

    monkeypatch.setattr(engine.Engine, "_result", failing)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_is_reported_for_its_file_and_the_others_are_linted(
    tmp_path, monkeypatch, capsys, buggy_rules, jobs
):
    monkeypatch.chdir(tmp_path)
    Path("bad.md").write_text(TRIGGER)
    Path("good.md").write_text(ANONYMOUS)
    code, out, err = _main(monkeypatch, capsys, "check", "-j", jobs, "bad.md", "good.md")
    assert code == 2  # never 1: a crash must not read as findings
    assert "good.md:1:" in out and "SL102" in out
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error[E900]: bad.md: internal error (ValueError: index out")
    assert "please report it" in lines[0]
    assert "Traceback" not in err


def test_verbose_shows_the_traceback(tmp_path, monkeypatch, capsys, buggy_rules):
    monkeypatch.chdir(tmp_path)
    Path("bad.md").write_text(TRIGGER)
    code, _, err = _main(monkeypatch, capsys, "check", "--verbose", "bad.md")
    assert code == 2
    assert "Traceback (most recent call last)" in err
    assert "ValueError: index out of range" in err


def test_a_bug_outside_linting_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    import sourcelint.run.check

    def broken(*args, **kwargs):
        raise KeyError("report")

    monkeypatch.setattr(sourcelint.run.check, "run_check", broken)
    Path(tmp_path / "a.md").write_text(CLEAN)
    code, _, err = _main(monkeypatch, capsys, "check", str(tmp_path / "a.md"))
    assert code == 2
    assert err.startswith("error[E900]: internal error (KeyError: 'report')")
    assert "Traceback" not in err


def test_attributions_reports_a_bug_per_file(tmp_path, monkeypatch, capsys):
    import sourcelint.cli.attributions

    describe = sourcelint.cli.attributions.describe_file

    def failing(linter, path):
        if path.name == "bad.md":
            raise RuntimeError("oops")
        return describe(linter, path)

    monkeypatch.setattr(sourcelint.cli.attributions, "describe_file", failing)
    monkeypatch.chdir(tmp_path)
    Path("bad.md").write_text(CLEAN)
    Path("good.md").write_text(ANONYMOUS)
    code, out, err = _main(monkeypatch, capsys, "attributions", "bad.md", "good.md")
    assert code == 2
    assert "two aides" in out
    assert err.startswith("error[E900]: bad.md: internal error (RuntimeError: oops)")


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_the_report_never_goes_over_a_link_to_a_linted_file(tmp_path, monkeypatch, capsys, link):
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(ANONYMOUS)
    (os.link if link == "hard" else os.symlink)("draft.md", "report.txt")
    code, _, err = _main(monkeypatch, capsys, "check", "draft.md", "-o", "report.txt")
    assert code == 2
    assert "report.txt: refusing to write the report over a linted file" in err
    assert Path("draft.md").read_text() == ANONYMOUS


def test_the_report_never_goes_over_the_stdin_filename(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLEAN)
    monkeypatch.setattr(sys, "stdin", _Stdin(ANONYMOUS.encode()))
    code, _, err = _main(
        monkeypatch, capsys, "check", "-", "--stdin-filename", "a.md", "-o", "a.md"
    )
    assert code == 2
    assert "refusing to write the report over a linted file" in err
    assert Path("a.md").read_text() == CLEAN


def test_force_exclude_applies_to_the_stdin_filename(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.sourcelint]\nexclude = ["drafts/"]\n')
    args = ("check", "-", "--stdin-filename", "drafts/a.md")
    monkeypatch.setattr(sys, "stdin", _Stdin(ANONYMOUS.encode()))
    assert _main(monkeypatch, capsys, *args)[0] == 1  # named on purpose: linted
    monkeypatch.setattr(sys, "stdin", _Stdin(ANONYMOUS.encode()))
    code, out, _ = _main(monkeypatch, capsys, *args, "--force-exclude")
    assert code == 0
    assert "SL102" not in out


def test_a_report_is_written_whole_through_a_symlink(tmp_path):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "report.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "report.txt"
    link.symlink_to(real)
    write_atomically(link, "new report\n")
    assert link.is_symlink()
    assert real.read_text() == "new report\n"
    assert real.stat().st_mode & 0o777 == 0o640  # the file keeps its mode
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.txt"
    target.write_text("old")

    def full_disk(self, other):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(InputError, match=r"report\.txt: cannot write the report: No space left"):
        write_atomically(target, "new", "report")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


class _Stdin:
    """Standard input holding ``data`` (the CLI reads ``sys.stdin.buffer``)."""

    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_report_to_a_pipe_or_device_is_written_in_place(tmp_path):
    """``-o /dev/stdout`` or a FIFO: a rename would replace the special file itself."""
    import stat
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    write_atomically(fifo, "the report\n", "report")
    reader.join(timeout=30)
    assert received == ["the report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]
