"""Human output: ``path:line:col: CODE [severity] message`` and the words underlined.

File names, messages and excerpts pass through ``visible``: a control character in them
is shown as an escape (``\\x1b``), so only sourcelint's own colour codes reach the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import TextIO

from sourcelint.core.escapes import visible
from sourcelint.core.findings import Finding, Severity
from sourcelint.core.profile import Profile
from sourcelint.core.results import FileResult, Report
from sourcelint.filters.baseline import stale_message

# Prose lines are whole paragraphs; the excerpt shows this much context either side.
CONTEXT_COLUMNS = 40
_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_BOLD = "1"
_DIM = "2"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

Paint = Callable[[str, str], str]


class TextFormatter:
    """ruff-style full output with a closing summary."""

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        paint = _painter(color)
        for result in report.files:
            lines = result.lines
            # Each line copied once, however many findings it holds (a 2 MB line may).
            texts: dict[int, str] = {}
            for finding in result.findings:
                text = texts.get(finding.line)
                if text is None:
                    text = texts[finding.line] = lines.line_text(finding.line).replace("\t", " ")
                out.write(_header(result, finding, paint))
                out.write(_excerpt(text, finding, paint))
        if report.statistics:
            out.write(_statistics(report, paint))
        if not report.quiet:
            out.write(_summary(report, paint))
            if report.stale_baseline:
                out.write(stale_message(report.stale_baseline) + "\n")


def _painter(color: bool) -> Paint:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color and text else text

    return paint


def _header(result: FileResult, finding: Finding, paint: Paint) -> str:
    location = paint(f"{visible(result.path)}:{finding.line}:{finding.column}:", _BOLD)
    code = paint(visible(finding.code), _COLORS[finding.severity] + ";1")
    severity = paint(f"[{finding.severity.value}]", _COLORS[finding.severity])
    return f"{location} {code} {severity} {visible(finding.message)}\n"


def _excerpt(line_text: str, finding: Finding, paint: Paint) -> str:
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line_text)
    end = max(start, end)
    left = _window_start(line_text, start)
    right = _window_end(line_text, end)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line_text) else ""
    # Escaped piece by piece, so the carets still line up under the flagged words.
    before, words = visible(line_text[left:start]), visible(line_text[start:end])
    shown = prefix + before + words + visible(line_text[end:right]) + suffix
    pad = " " * _width(prefix + before)
    marks = "^" * max(1, _width(words))
    gutter = str(finding.line)
    bar = paint("|", _DIM)
    blank = " " * len(gutter)
    text = (
        f"{blank} {bar}\n"
        f"{paint(gutter, _DIM)} {bar} {shown}\n"
        f"{blank} {bar} {pad}{paint(marks, _COLORS[finding.severity])}\n"
    )
    if finding.suggestion:
        text += f"{blank} = help: {visible(finding.suggestion)}\n"
    return text + "\n"


def _window_start(line: str, start: int) -> int:
    if start <= CONTEXT_COLUMNS:
        return 0
    left = start - CONTEXT_COLUMNS
    space = line.find(" ", left, start)
    return space + 1 if space != -1 else left


def _window_end(line: str, end: int) -> int:
    if len(line) - end <= CONTEXT_COLUMNS:
        return len(line)
    right = end + CONTEXT_COLUMNS
    space = line.rfind(" ", end, right)
    return space if space != -1 else right


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    width = len(text)
    for char in _NON_ASCII.findall(text):  # an ASCII character takes one column
        if unicodedata.combining(char):
            width -= 1
        elif unicodedata.east_asian_width(char) in "WF":
            width += 1
    return width


def _summary(report: Report, paint: Paint) -> str:
    files = len(report.files)
    file_word = "file" if files == 1 else "files"
    count = len(report.findings)
    if count:
        parts = ", ".join(
            f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}"
            for severity, n in report.by_severity().items()
        )
        line = f"Found {count} finding{'s' if count != 1 else ''} ({parts}) in {files} {file_word}."
        line += " Run `sourcelint explain CODE` for the standard behind a rule."
    else:
        line = f"No findings in {files} {file_word}."
    if report.errors:
        errors = len(report.errors)
        line += f" {errors} file{'s' if errors != 1 else ''} could not be linted (see above)."
    return paint(line, _BOLD) + "\n"


def _statistics(report: Report, paint: Paint) -> str:
    """As ``ruff --statistics``: one table for the whole run, the most frequent rule first,
    then the sourcing profile of every file together (JSON keeps each file's own)."""
    lines = [paint("Statistics", _BOLD), *_rule_table(report.findings, paint, "  ")]
    if any(result.profile is not None for result in report.files):
        lines += _profile_lines(report.total_profile(), "  ")
    return "\n".join(lines) + "\n\n"


def _rule_table(findings: list[Finding], paint: Paint, indent: str) -> list[str]:
    """Findings per rule: count, code, severity and name, by count then code."""
    counts = Counter(finding.code for finding in findings)
    names = {finding.code: finding.name for finding in findings}
    severities: dict[str, set[Severity]] = {}
    for finding in findings:
        severities.setdefault(finding.code, set()).add(finding.severity)
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        # A rule can carry several severities across files (per-config overrides).
        ranked = sorted(severities[code], key=lambda severity: -severity.rank)
        severity = "/".join(severity.value for severity in ranked)
        rows.append((str(count), visible(code), severity, visible(names[code]), ranked[0]))
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(3)]
    return [
        f"{indent}{count:>{widths[0]}}  {paint(code.ljust(widths[1]), _COLORS[worst] + ';1')}"
        f"  {paint(severity.ljust(widths[2]), _COLORS[worst])}  {name}"
        for count, code, severity, name, worst in rows
    ]


def _profile_lines(profile: Profile, indent: str) -> list[str]:
    kinds = ", ".join(
        f"{kind} {count}" for kind, count in profile.to_dict()["by_kind"].items() if count
    )
    share = profile.weak_share
    weak = f"{share:.0%} anonymous, vague, second-hand or unsourced" if share is not None else "n/a"
    grade = profile.grade
    return [
        f"{indent}attributions: {profile.attributions}" + (f" ({kinds})" if kinds else ""),
        f"{indent}weak sourcing: {weak}",
        f"{indent}reading grade: {grade if grade is not None else 'too short to grade'}",
    ]
