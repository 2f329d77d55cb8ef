"""Hostile input (issue 11, first classes): special files and endless streams are refused
per file with exit 2, never read; every module imports on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sourcelint
from sourcelint.source import read_stream

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
    with pytest.raises(sourcelint.errors.InputError, match="over the 100-byte limit"):
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
    # cycle shows only then ("import sourcelint.suppress" before anything else).
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
