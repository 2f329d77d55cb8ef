"""Strings made safe to show: control characters and lone surrogates as escapes.

A leaf module (it imports nothing of sourcelint), so errors, formats and the command
line share one way of showing a file name or an article's text.
"""

from __future__ import annotations

import re

# Lone surrogates: a file name's undecodable bytes (``surrogateescape``) or a broken
# string; no output can encode them as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")
# What a terminal would act on rather than show: C0 and C1 controls (ESC starts colour
# and OSC sequences, CR and backspace overwrite), DEL, line and paragraph separators,
# bidirectional controls (which reorder what is shown) and lone surrogates.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unsurrogate(text: str) -> str:
    """``text`` with each lone surrogate written as an escape, as the run shows an
    undecodable file name: ``\\xe9`` for a ``surrogateescape`` byte, else ``\\ud800``."""
    return _SURROGATE.sub(_escape, text)


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (``unsurrogate`` would change it)."""
    return _SURROGATE.search(text) is not None


def visible(text: str) -> str:
    """``text`` for a terminal line: control, bidi and separator characters (newlines
    too) are shown as escapes such as ``\\x1b`` or ``\\u202e``, never acted on."""
    return _UNPRINTABLE.sub(_escape, text)


_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        code -= 0xDC00  # the byte surrogateescape stood in for
    elif char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def file_name_bytes(text: str) -> bytes:
    """The bytes a file name stands for: UTF-8, with each byte that ``surrogateescape``
    kept as a surrogate restored (any other lone surrogate is written as its escape)."""
    return _OTHER_SURROGATE.sub(_escape, text).encode("utf-8", "surrogateescape")
