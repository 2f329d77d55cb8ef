"""Read a file's bytes and decode them, refusing what is not UTF-8 text."""

from __future__ import annotations

import codecs
from pathlib import Path

from sourcelint.errors import InputError

MAX_FILE_BYTES = 10 * 1024 * 1024
_SNIFF_BYTES = 8192


def read_text(path: Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read and decode one file; raise InputError naming it when that is not possible."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; split it or lint "
                "its parts",
                path=name,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory", path=name) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=name) from None
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=name) from None
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
