"""A Markdown summary of a run, for a CI job's summary page (``$GITHUB_STEP_SUMMARY``).

The run's sourcing profile in total (attributions by kind of source, the weak share, the
reading grade), the findings per rule and the files that could not be linted. Every piece
of text that comes from the run (paths, messages, rule names) is escaped, so a file name
cannot add links, images or HTML to the page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TextIO

from sourcelint.core.escapes import unsurrogate, visible
from sourcelint.core.profile import DEFAULT_FORMULA, FORMULAS, KIND_ORDER, Profile
from sourcelint.core.results import Report

# What a kind of source means where the bare name does not say it (``sourcing.SourceKind``).
_KIND_LABELS = {
    "outlet": "outlet (second-hand)",
    "none": "none (unsourced)",
    "other": "other (not typed)",
}
# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it is simpler
# than knowing which characters start a link, an emphasis, an entity, HTML or a table cell.
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown on one line: punctuation backslash-escaped, line breaks
    and control characters shown as escapes (``visible``)."""
    return _PUNCTUATION.sub(r"\\\1", visible(unsurrogate(text)))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


class SummaryFormatter:
    """Markdown: a headline, the sourcing profile table and the findings-per-rule table."""

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        parts = ["## sourcelint", "", _headline(report), ""]
        parts += ["### Sourcing profile", "", *_profile_table(report.total_profile()), ""]
        parts += ["### Findings by rule", "", *_rule_table(report), ""]
        if report.errors:
            parts += ["### Not linted", ""]
            # As the terminal names it: "path: key 'x': what is wrong".
            parts += [f"- {escape_markdown(str(error))}" for error in report.errors]
            parts.append("")
        out.write("\n".join(parts))


def _headline(report: Report) -> str:
    files = _plural(len(report.files), "file")
    count = len(report.findings)
    if count:
        severities = ", ".join(_plural(n, s) for s, n in report.by_severity().items())
        line = f"{_plural(count, 'finding')} ({severities}) in {files}"
    else:
        line = f"No findings in {files}"
    if report.errors:
        line += f"; {_plural(len(report.errors), 'file')} could not be linted"
    # The version and tier are sourcelint's own words, not the run's input: shown as is.
    tool = f"sourcelint {report.version}" if report.version else "sourcelint"
    return f"{line}. Pipeline `{report.pipeline}`, {tool}."


def _profile_table(profile: Profile) -> list[str]:
    share = profile.weak_share
    grade = profile.grade
    rows = [("attributions", str(profile.attributions))]
    rows += [
        (f"— {_KIND_LABELS.get(kind, kind)}", str(profile.by_kind[kind]))
        for kind in (kind.value for kind in KIND_ORDER)
    ]
    rows += [
        (
            "weak share (anonymous, vague, second-hand or unsourced)",
            f"{share:.0%}" if share is not None else "n/a",
        ),
        (
            f"reading grade ({FORMULAS[DEFAULT_FORMULA][0]})",
            str(grade) if grade is not None else "too short to grade",
        ),
    ]
    return ["| sourcing | count |", "| --- | ---: |", *(f"| {a} | {b} |" for a, b in rows)]


def _rule_table(report: Report) -> list[str]:
    """Findings reported (after suppressions and the baseline) per rule, in code order."""
    counts = Counter((f.code, f.name, f.category.value) for f in report.findings)
    if not counts:
        return ["No findings."]
    rows = [
        f"| {escape_markdown(code)} | {escape_markdown(name)} | {category} | {n} |"
        for (code, name, category), n in sorted(counts.items())
    ]
    return ["| rule | name | category | findings |", "| --- | --- | --- | ---: |", *rows]
