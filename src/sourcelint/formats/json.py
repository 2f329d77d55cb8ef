"""The JSON contract of DESIGN.md, version 1."""

from __future__ import annotations

import json
from typing import TextIO

from sourcelint.formats import Report

JSON_VERSION = 1


class JsonFormatter:
    """One JSON document: tool, files with findings, summary."""

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        document = {
            "version": JSON_VERSION,
            "tool": {"name": "sourcelint", "version": report.version, "pipeline": report.pipeline},
            "files": [
                {"path": result.path, "findings": [f.to_dict() for f in result.findings]}
                for result in report.files
            ],
            "summary": {
                "files": len(report.files),
                "findings": len(report.findings),
                "by_severity": report.by_severity(),
            },
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
