"""Hostile input (issue 11, first classes): special files and endless streams are refused
per file with exit 2, never read; every module imports on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sourcelint
from sourcelint.core.files import read_stream

ARTICLE = "A senior official said the plan had failed.\n"


def _check(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # A subprocess with a timeout: a FIFO that were opened would block forever.
    return subprocess.run(
        [sys.executable, "-m", "sourcelint", "check", "--pipeline", "fast", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_and_the_others_linted(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    special = [str(fifo)] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    result = _check(*special, str(article))
    assert result.returncode == 2
    errors = result.stderr.decode()
    assert all(f"{name}: is not a regular file" in errors for name in special)
    assert b"SL102" in result.stdout  # the regular file was still linted


def test_standard_input_over_the_size_cap_is_refused():
    result = _check("-", stdin=b"a" * (10 * 1024 * 1024 + 1))
    assert result.returncode == 2
    assert b"over the 10,485,760-byte limit" in result.stderr


def test_a_stream_is_read_no_further_than_the_cap():
    class Endless:
        def __init__(self) -> None:
            self.asked: list[int] = []

        def read(self, size: int = -1) -> bytes:
            self.asked.append(size)
            return b"a" * size

    stream = Endless()
    with pytest.raises(sourcelint.core.errors.InputError, match="over the 100-byte limit"):
        read_stream(stream, "stream", max_bytes=100)  # type: ignore[arg-type]
    assert stream.asked == [101]


_IMPORT_EACH_FIRST = """
import importlib, pkgutil, sys, traceback
import sourcelint
names = sorted(
    m.name for m in pkgutil.walk_packages(sourcelint.__path__, "sourcelint.")
    if not m.name.endswith("__main__")  # runs the command line when imported
)
for name in names:
    # Forget every sourcelint module, so that this one is the first imported: an import
    # cycle shows only then ("import sourcelint.filters.suppress" before anything else).
    for loaded in [m for m in sys.modules if m == "sourcelint" or m.startswith("sourcelint.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        print(name, type(error).__name__, error)
"""


def test_every_module_imports_on_its_own():
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_FIRST], capture_output=True, timeout=120, check=True
    )
    assert result.stdout.decode() == ""


def test_a_symlink_loop_in_a_directory_is_reported_and_the_rest_linted(tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "self").symlink_to("../" + tmp_path.name)  # a directory loop: not followed
    (tmp_path / "loop.md").symlink_to("loop.md")  # a file loop: cannot be read
    result = _check(str(tmp_path))
    assert result.returncode == 2
    assert b"loop.md: cannot read: Too many levels of symbolic links" in result.stderr
    assert result.stdout.count(b"SL102") == 1  # article.md, once: the loop was not walked


@pytest.mark.parametrize(
    "name", ["x" * 300 + ".md", "loop.md"], ids=["component over 255 bytes", "symlink loop"]
)
def test_a_path_that_cannot_be_read_is_reported_and_the_rest_linted(tmp_path, name):
    if name == "loop.md":
        (tmp_path / name).symlink_to(name)
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    result = _check(str(tmp_path / name), str(tmp_path / "article.md"))
    assert result.returncode == 2
    assert f"{name}: cannot read:".encode() in result.stderr
    assert b"Traceback" not in result.stderr
    assert b"SL102" in result.stdout


def test_a_gitignore_line_that_cannot_compile_is_skipped_as_git_does(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("[z-a]\ndrafts/\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "ignored.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    result = _check(str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert b"article.md" in result.stdout
    assert b"ignored.md" not in result.stdout  # the valid line still applies
