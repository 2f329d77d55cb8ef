"""Output formats. Built-ins and plugins share the ``sourcelint.formats`` entry-point group.

A formatter is a class with ``write(report, out, *, color)``; it sees only findings and
file text, never spaCy.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

# Not ``import json``: the submodule sourcelint.formats.json would shadow the name here.
from json import dumps
from typing import Any, Protocol, TextIO

from sourcelint.core.escapes import has_surrogate, unsurrogate

# FileResult and Report are what a format plugin reads (importable from here since 0.1).
from sourcelint.core.results import FileResult, Report

__all__ = [
    "BUILTIN",
    "FileResult",
    "Formatter",
    "Report",
    "format_names",
    "get_formatter",
    "to_json",
]

ENTRY_POINT_GROUP = "sourcelint.formats"
BUILTIN = {
    "text": "sourcelint.formats.text:TextFormatter",
    "json": "sourcelint.formats.json:JsonFormatter",
    "concise": "sourcelint.formats.concise:ConciseFormatter",
    "jsonl": "sourcelint.formats.jsonl:JsonlFormatter",
    "sarif": "sourcelint.formats.sarif:SarifFormatter",
    "github": "sourcelint.formats.github:GithubFormatter",
    "gitlab": "sourcelint.formats.gitlab:GitlabFormatter",
    "junit": "sourcelint.formats.junit:JunitFormatter",
    "html": "sourcelint.formats.html:HtmlFormatter",
    "markdown-summary": "sourcelint.formats.summary:SummaryFormatter",
}


class Formatter(Protocol):
    """Writes a report to a text stream.

    A formatter whose class sets ``shows_reading = True`` gets each file's
    ``FileResult.view``: its article as the reader sees it, and every attribution. One
    that sets ``shows_statistics = False`` has no place for ``--statistics``' table, and
    the flag is refused with it rather than ignored.
    """

    def write(self, report: Report, out: TextIO, *, color: bool) -> None: ...


def format_names() -> list[str]:
    """Built-in format names, then those of installed plugins."""
    names = list(BUILTIN)
    plugins = entry_points(group=ENTRY_POINT_GROUP)
    names += sorted(entry.name for entry in plugins if entry.name not in BUILTIN)
    return names


def get_formatter(name: str) -> Formatter:
    """Instantiate a format by name; KeyError when nothing provides it."""
    if name in BUILTIN:
        module, _, attribute = BUILTIN[name].partition(":")
        return getattr(importlib.import_module(module), attribute)()
    for entry in entry_points(group=ENTRY_POINT_GROUP, name=name):
        return entry.load()()
    raise KeyError(name)


# Line breaks JSON may carry raw but line-based tools (and JavaScript before ES2019) split
# on; escaped, a JSON document or JSON Lines record keeps to its own lines.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_json(value: Any, indent: int | None = None) -> str:
    """JSON text of ``value`` for any strings in it: UTF-8 as is, lone surrogates shown as
    escapes (``json_safe``), raw line separators escaped."""
    text = dumps(value, ensure_ascii=False, indent=indent)
    if has_surrogate(text):  # rare: walking every string first cost more than the dump
        text = dumps(json_safe(value), ensure_ascii=False, indent=indent)
    return text.translate(_LINE_BREAKS)


def json_safe(value: Any) -> Any:
    """JSON data with every string (keys too) free of lone surrogates, so it encodes."""
    if isinstance(value, str):
        return unsurrogate(value)
    if isinstance(value, dict):
        return {json_safe(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return value
