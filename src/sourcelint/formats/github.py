"""GitHub Actions workflow commands: an annotation per finding.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=SL102 anonymous-source::message``;
severities map error→error, warning→warning, info→notice. Files that could not be read
become ``::error`` annotations on the file.
"""

from __future__ import annotations

from typing import TextIO

from sourcelint.core.escapes import unsurrogate
from sourcelint.core.findings import Finding
from sourcelint.core.results import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message as the runner expects (``%``, CR, LF; actions/toolkit's
    ``escapeData``), so no text can end the command line and start another."""
    value = unsurrogate(value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: the message escapes plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, properties: dict[str, object]) -> str:
    """One workflow command line, ``::level key=value,…::message``."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}\n"


def _properties(path: str, finding: Finding) -> dict[str, object]:
    return {
        "file": path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.name}",
    }


class GithubFormatter:
    """Workflow commands that GitHub shows as annotations on the changed files."""

    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        for result in report.files:
            for finding in result.findings:
                level = LEVELS[finding.severity.value]
                out.write(command(level, finding.message, _properties(result.path, finding)))
        for error in report.errors:
            properties: dict[str, object] = {"title": f"{error.code} sourcelint"}
            if error.path:
                properties = {"file": error.path, **properties}
            out.write(command("error", error.message, properties))
