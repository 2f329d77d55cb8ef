"""Compact human output: ``path:line:col: CODE [severity] message``, one line per finding."""

from __future__ import annotations

from typing import TextIO

from sourcelint.core.results import Report
from sourcelint.formats.text import _header, _painter, _statistics, _summary


class ConciseFormatter:
    """One line per finding (no excerpt), then the summary line unless quiet."""

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        paint = _painter(color)
        for result in report.files:
            for finding in result.findings:
                out.write(_header(result, finding, paint))
        if report.statistics:
            out.write(_statistics(report, paint))
        if not report.quiet:
            out.write(_summary(report, paint))
