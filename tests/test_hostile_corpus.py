"""The hostile corpus (tests/hostile/generate.py), linted as a whole: nothing crashes or
hangs, every file that cannot be linted is named with the reason, no word after a
hostile passage is lost, every position points into the original text, output cannot
be hijacked, and no file is touched."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.generate import SENTINEL, Case, generate

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX special files")

# A guard against hangs, not a timing assertion: the whole corpus lints in seconds; the
# inputs that were quadratic took minutes each.
HANG_GUARD_SECONDS = 600


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Case]]:
    directory = tmp_path_factory.mktemp("hostile")
    return directory, generate(directory)


@pytest.fixture(scope="module")
def linted(corpus) -> tuple[subprocess.CompletedProcess[bytes], dict[str, dict]]:
    directory, _ = corpus
    before = _fingerprint(directory)
    result = _check(directory, "--format", "json")
    assert _fingerprint(directory) == before, "a linted file was changed"
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    return result, files


def _check(directory: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        # The FIFO named too: a walk passes special files by, a named one is refused.
        [sys.executable, "-m", "sourcelint", "check", "--pipeline", "fast", *args, ".", "fifo.md"],
        cwd=directory,
        capture_output=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )


def _fingerprint(directory: Path) -> dict[str, tuple[str, int]]:
    found = {}
    for path in directory.iterdir():
        if path.is_file() and not path.is_symlink():
            found[path.name] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return found


def _shown(name: str) -> str:
    """A file name as reports show it (bytes that are not UTF-8 escaped)."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def _source(path: Path) -> str:
    """The text sourcelint reads: no newline translated (``read_text`` would fold CR LF)."""
    return path.read_bytes().decode("utf-8-sig")


def _lintable(cases: list[Case]) -> list[Case]:
    return [case for case in cases if case.error is None]


def test_the_run_ends_with_exit_2_and_one_line_per_problem(linted):
    result, _ = linted
    assert result.returncode == 2  # files were refused: an input error, never "findings"
    errors = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in errors
    for line in errors.splitlines():
        assert line.startswith(("error[", "warning: ")), line


def test_every_refused_file_is_named_with_the_reason(corpus, linted):
    _, cases = corpus
    lines = linted[0].stderr.decode("utf-8", errors="replace").splitlines()
    for case in cases:
        if case.error is not None:
            named = [line for line in lines if line.startswith(f"error[E201]: {case.name}: ")]
            assert len(named) == 1 and case.error in named[0], (case.name, named)


def test_no_word_after_a_hostile_passage_is_lost(corpus, linted):
    directory, cases = corpus
    _, files = linted
    for case in _lintable(cases):
        findings = files[_shown(case.name)]["findings"]
        text = _source(directory / case.name)
        last_line = text.rstrip("\n").count("\n") + 1
        sentinel = [f for f in findings if f["code"] == "SL102" and f["line"] == last_line]
        assert sentinel, f"{case.name}: the closing {SENTINEL!r} was not linted"


def test_every_position_points_into_the_original_text(corpus, linted):
    directory, cases = corpus
    _, files = linted
    for case in _lintable(cases):
        text = _source(directory / case.name)
        lines = text.splitlines(keepends=True)
        for finding in files[_shown(case.name)]["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["text"], case.name
            line = lines[finding["line"] - 1] if finding["line"] <= len(lines) else ""
            column = finding["column"] - 1
            assert line[column : column + 1] == finding["text"][:1], (case.name, finding)


def test_a_span_ending_in_a_character_reference_ends_after_it(linted):
    findings = linted[1]["character-reference.md"]["findings"]
    assert any(f["text"] == "reportedl&#121;" for f in findings), findings


def test_invisible_characters_change_nothing_found(linted):
    findings = linted[1]["invisible.md"]["findings"]
    officials = [f for f in findings if f["code"] == "SL102" and f["text"].endswith("Officials")]
    assert len(officials) == 13  # one per invisible character in front of the word
    assert any(f["text"] == "A senior off\u200bicial" for f in findings)


def test_github_output_cannot_be_hijacked_by_a_file_name(corpus, linted):
    directory, cases = corpus
    findings = sum(len(entry["findings"]) for entry in linted[1].values())
    refused = sum(case.error is not None for case in cases)  # an annotation each
    result = _check(directory, "--format", "github")
    output = result.stdout.decode("utf-8")
    # One command a line, each ended by LF alone: no CR, nor any line a name could start.
    assert "\r" not in output
    lines = output.split("\n")
    assert lines.pop() == ""
    assert len(lines) == findings + refused
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any("::injected" in line for line in lines)


def test_text_output_shows_control_characters_instead_of_running_them(corpus):
    directory, _ = corpus
    result = _check(directory, "--format", "text")
    shown = result.stdout.decode("utf-8") + result.stderr.decode("utf-8", errors="replace")
    for control in ("\x1b", "\x07", "\x9b", "\r", "\u202e"):
        assert control not in shown, repr(control)
