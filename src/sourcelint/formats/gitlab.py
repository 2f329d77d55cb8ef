"""GitLab Code Quality report: a JSON array of Code Climate-style issues.

Severities: info→info, error→critical, and warning→major. Warnings are what fail a run by
default (``--fail-on warning``), so a merge request blocked by one should not see it listed
as "minor", the level GitLab presents as safe to ignore.

Fingerprints are stable across edits elsewhere in the file: they hash the path and the
finding's ``fingerprint()`` (code, words, sentence), plus an occurrence number when the
same words in the same sentence are flagged twice, so each issue's fingerprint is unique.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TextIO

from sourcelint.core.escapes import unsurrogate
from sourcelint.core.findings import Finding
from sourcelint.core.fingerprint import fingerprint
from sourcelint.core.results import FileResult, Report
from sourcelint.formats import to_json
from sourcelint.formats.sarif import posix_path

SEVERITIES = {"info": "info", "warning": "major", "error": "critical"}

Json = dict[str, object]


class GitlabFormatter:
    """The ``codequality`` report artifact GitLab shows in merge requests."""

    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        issues = [issue for result in report.files for issue in file_issues(result)]
        out.write(to_json(issues, indent=2))
        out.write("\n")


def file_issues(result: FileResult) -> list[Json]:
    """The Code Quality issues of one file's findings."""
    seen: Counter[str] = Counter()
    path = unsurrogate(posix_path(result.path))
    issues = []
    for finding in result.findings:
        stable = fingerprint(finding, result.text)
        occurrence = seen[stable]
        seen[stable] += 1
        issues.append(_issue(path, finding, _digest(path, stable, occurrence)))
    return issues


def _digest(path: str, stable: str, occurrence: int) -> str:
    key = f"{path}\0{stable}" + (f"\0{occurrence}" if occurrence else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _issue(path: str, finding: Finding, digest: str) -> Json:
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.message}",
        "check_name": f"{finding.code} {finding.name}",
        "fingerprint": digest,
        "severity": SEVERITIES[finding.severity.value],
        "location": {
            "path": path,
            "lines": {"begin": finding.line, "end": finding.end_line},
            "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.end_line, "column": finding.end_column},
            },
        },
    }
