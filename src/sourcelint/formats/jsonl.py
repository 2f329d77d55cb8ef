"""JSON Lines: one finding per line, for streaming large runs.

Each line is a finding's JSON contract fields (docs/json.md) plus ``"path"``. There is no
summary line, so every line has the same shape (``wc -l`` counts findings, ``jq`` needs no
filter); files that could not be read are reported on standard error and by exit code 2.
"""

from __future__ import annotations

from typing import TextIO

from sourcelint.core.results import Report
from sourcelint.formats import to_json


class JsonlFormatter:
    """One compact JSON object per finding and line, in file then position order."""

    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        for result in report.files:
            for finding in result.findings:
                record = {"path": result.path, **finding.to_dict()}
                out.write(to_json(record) + "\n")
