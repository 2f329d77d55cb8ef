"""The JSON contract of docs/json.md, version 1."""

from __future__ import annotations

from typing import TextIO

from sourcelint.core.results import FileResult, Report
from sourcelint.formats import to_json

JSON_VERSION = 1


class JsonFormatter:
    """One JSON document: tool, files with findings, summary."""

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        document = {
            "version": JSON_VERSION,
            "tool": {"name": "sourcelint", "version": report.version, "pipeline": report.pipeline},
            "files": [_file(result, report.show_suppressed) for result in report.files],
            "summary": {
                "files": len(report.files),
                "findings": len(report.findings),
                "by_severity": report.by_severity(),
            },
        }
        if report.statistics:
            document["summary"]["profile"] = report.total_profile().to_dict()
        out.write(to_json(document, indent=2))
        out.write("\n")


def _file(result: FileResult, show_suppressed: bool) -> dict[str, object]:
    entry: dict[str, object] = {
        "path": result.path,
        "findings": [finding.to_dict() for finding in result.findings],
    }
    if result.profile is not None:
        entry["profile"] = result.profile.to_dict()
    if show_suppressed:
        entry["suppressed"] = [
            {**finding.to_dict(), "reason": reason} for finding, reason in result.suppressed
        ]
    return entry
