"""Output formats. Built-ins and plugins share the ``sourcelint.formats`` entry-point group.

A formatter is a class with ``write(report, out, *, color)``; it sees only findings and
file text, never spaCy.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import entry_points

# Not ``import json``: the submodule sourcelint.formats.json would shadow the name here.
from json import dumps
from typing import Any, Protocol, TextIO

from sourcelint.errors import SourcelintError
from sourcelint.escapes import unsurrogate
from sourcelint.findings import Finding
from sourcelint.profile import Profile
from sourcelint.reading import ReadingView
from sourcelint.rule import RuleMeta
from sourcelint.tiers import DEFAULT_TIER

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


@dataclass
class FileResult:
    """The findings of one linted file, with its text for excerpts."""

    path: str
    findings: list[Finding]
    text: str = ""
    profile: Profile | None = None
    suppressed: list[tuple[Finding, str | None]] = field(default_factory=list)
    # The article as its reader sees it, when the format asked for it (``shows_reading``).
    view: ReadingView | None = None


@dataclass
class Report:
    """Everything a formatter needs to write one run's output."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[SourcelintError] = field(default_factory=list)
    version: str = ""
    pipeline: str = DEFAULT_TIER  # the tier that ran
    quiet: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    # Metadata of every rule the run could report (SARIF's tool.driver.rules, help texts).
    rules: list[RuleMeta] = field(default_factory=list)
    stale_baseline: int = 0  # baseline entries that matched no finding

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.files for finding in result.findings]

    def total_profile(self) -> Profile:
        """Every file's profile summed."""
        total = Profile()
        for result in self.files:
            if result.profile is not None:
                total.add(result.profile)
        return total

    def by_severity(self) -> dict[str, int]:
        counts = Counter(finding.severity.value for finding in self.findings)
        order = ("error", "warning", "info")
        return {severity: counts[severity] for severity in order if counts[severity]}


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
