"""Read a file's bytes and decode them, refusing what is not UTF-8 text."""

from __future__ import annotations

import codecs
import stat
import tomllib
from pathlib import Path
from typing import Any, BinaryIO

from sourcelint.core.errors import InputError, SourcelintError

MAX_FILE_BYTES = 10 * 1024 * 1024
# An audit's default limit on one article (an archive's records, not drafts being written).
MAX_ARTICLE_BYTES = 1024 * 1024
_SNIFF_BYTES = 8192


def read_text(
    path: Path,
    display: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    error: type[SourcelintError] = InputError,
) -> str:
    """Read and decode one file; raise ``error`` (InputError) naming it when that is not
    possible. Config files and baselines pass their own error class.

    Only regular files are read: a device ("/dev/zero"), FIFO or socket could block or
    never end; their text can be piped to standard input ("-") instead."""
    name = display or str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise error("is a directory", path=name)
        if not stat.S_ISREG(mode):
            hint = "; pipe its text to standard input as '-' instead" if error is InputError else ""
            raise error(f"is not a regular file (a device, FIFO or socket){hint}", path=name)
        with path.open("rb") as file:
            return read_stream(file, name, max_bytes)
    except InputError as refused:
        if error is InputError:
            raise
        raise error(refused.message, path=name) from None
    except FileNotFoundError:
        raise error("no such file or directory", path=name) from None
    except PermissionError:
        raise error("permission denied", path=name) from None
    except OSError as failure:
        raise error(f"cannot read: {failure.strerror or failure}", path=name) from None


def read_stream(stream: BinaryIO, name: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read at most ``max_bytes`` from a file or standard input and decode them; more is
    refused, so a stream without end cannot exhaust memory."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"is over the {max_bytes:,}-byte limit; split it or lint its parts", path=name
        )
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is dropped, so offsets start after it)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("is UTF-16 text; convert it to UTF-8", path=name)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError("looks like a binary file (it contains NUL bytes)", path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"is not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start} "
            f"(line {line}); convert the file to UTF-8",
            path=name,
        ) from None


def parse_toml(text: str, name: str, error: type[SourcelintError]) -> dict[str, Any]:
    """Parse a TOML file's text; TOML that is malformed, nested too deeply or holds an
    integer too long to convert raises ``error`` naming the file."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise error("invalid TOML: arrays or tables nested too deeply", path=name) from None
    except ValueError as failure:  # TOMLDecodeError, or an integer over Python's digit limit
        raise error(f"invalid TOML: {failure}", path=name) from None
