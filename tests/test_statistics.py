"""``--statistics``: one table for the run, as ruff prints it, then the sourcing profile.

The report is built by hand, so every expected line below follows from the inputs here.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter

import pytest

from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.profile import Profile
from sourcelint.core.results import FileResult, Report
from sourcelint.formats import get_formatter

ANSI = re.compile(r"\x1b\[[0-9;]*m")
NAMES = {
    "SL102": "anonymous-source",
    "SL201": "secondhand-report",
    "SL204": "reportedly",
    "SL305": "attribution-adverb",
    "XY9001": "house-style",  # a rule pack's code, longer than sourcelint's own
}
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def findings(*groups: tuple[str, Severity, int]) -> list[Finding]:
    """``count`` findings of ``code`` at ``severity``, one per line."""
    return [
        Finding(code, NAMES[code], Category.ANONYMOUS, severity, "m", line, 1, line, 2, 0, 1, "x")
        for code, severity, count in groups
        for line in range(1, count + 1)
    ]


def result(path: str, found: list[Finding], by_kind: dict[str, int], grade: float) -> FileResult:
    profile = Profile(
        attributions=sum(by_kind.values()),
        by_kind=Counter(by_kind),
        by_rule=Counter(finding.code for finding in found),
        grades=[grade],
    )
    return FileResult(path, found, "x\n" * 20, profile)


# a.md: SL102 is an error there (a per-config override), a warning in b.md.
A = result(
    "a.md",
    findings(("SL201", WARNING, 3), ("SL102", ERROR, 1), ("SL204", INFO, 2)),
    {"named": 2, "outlet": 1, "anonymous": 3},
    8.0,
)
B = result(
    "b.md",
    findings(
        ("SL305", WARNING, 12),
        ("SL201", WARNING, 2),
        ("SL204", INFO, 3),
        ("SL102", WARNING, 1),
        ("XY9001", INFO, 1),
    ),
    {"named": 1, "outlet": 1, "anonymous": 1, "none": 1},
    11.0,
)

# Totals of A and B: SL305 12; SL201 3+2 and SL204 2+3 tie at 5 (code breaks the tie);
# SL102 1+1 at error and warning; XY9001 1. Attributions 6+4 by kind, in the kinds'
# order; weak = outlet 2 + anonymous 4 + none 1 = 7 of 10; grade (8.0 + 11.0) / 2.
TABLE = """\
Statistics
  12  SL305   warning        attribution-adverb
   5  SL201   warning        secondhand-report
   5  SL204   info           reportedly
   2  SL102   error/warning  anonymous-source
   1  XY9001  info           house-style
  attributions: 10 (named 3, outlet 2, anonymous 4, none 1)
  weak sourcing: 70% anonymous, vague, second-hand or unsourced
  reading grade: 9.5

"""


def write(report: Report, name: str, *, color: bool = False) -> str:
    out = io.StringIO()
    get_formatter(name).write(report, out, color=color)
    return out.getvalue()


@pytest.mark.parametrize("name", ["text", "concise"])
def test_one_table_for_the_run_by_count_then_code(name):
    out = write(Report(files=[A, B], statistics=True, quiet=True), name)
    assert out.endswith(TABLE)
    assert out.count("Statistics") == 1
    assert "a.md\n" not in out and "b.md\n" not in out  # no block per file


@pytest.mark.parametrize("name", ["text", "concise"])
def test_the_summary_follows_the_table(name):
    out = write(Report(files=[A, B], statistics=True), name)
    assert TABLE + "Found 25 findings (1 error, 18 warnings, 6 info) in 2 files." in out


def test_colour_leaves_the_columns_aligned():
    report = Report(files=[A, B], statistics=True, quiet=True)
    coloured = write(report, "text", color=True)
    assert "\x1b[33;1mSL305 " in coloured  # the code in its severity's colour
    assert ANSI.sub("", coloured) == write(report, "text")


def test_no_findings_leaves_the_profile():
    clean = result("c.md", [], {"named": 2}, 7.0)
    out = write(Report(files=[clean], statistics=True, quiet=True), "text")
    assert out == (
        "Statistics\n"
        "  attributions: 2 (named 2)\n"
        "  weak sourcing: 0% anonymous, vague, second-hand or unsourced\n"
        "  reading grade: 7.0\n\n"
    )


def test_without_the_flag_there_is_no_table():
    assert "Statistics" not in write(Report(files=[A, B], quiet=True), "text")


def test_json_totals_agree_with_the_table():
    # JSON keeps its own shape: each file's profile, and the run's under summary.profile.
    document = json.loads(write(Report(files=[A, B], statistics=True), "json"))
    total = document["summary"]["profile"]
    rows = [line.split() for line in TABLE.splitlines()[1:6]]
    assert total["by_rule"] == {code: int(count) for count, code, *_ in rows}
    assert total["attributions"] == 10 and total["weak_share"] == 0.7
    assert [entry["profile"]["attributions"] for entry in document["files"]] == [6, 4]
