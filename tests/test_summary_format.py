"""``--format markdown-summary``: the job summary's Markdown, exact, on a report made by hand."""

from __future__ import annotations

import io
from collections import Counter

from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.errors import SourcelintError
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.profile import Profile
from sourcelint.core.results import FileResult, Report
from sourcelint.formats import get_formatter
from sourcelint.formats.summary import escape_markdown


def finding(code: str, name: str, category: Category, severity: Severity) -> Finding:
    return Finding(code, name, category, severity, "message", 1, 1, 1, 5, 0, 4, "text")


ANONYMOUS = finding("SL102", "anonymous-source", Category.ANONYMOUS, Severity.WARNING)
REPORTEDLY = finding("SL204", "reportedly", Category.UNSOURCED, Severity.INFO)
SECONDHAND = finding("SL201", "secondhand-report", Category.SECONDHAND, Severity.ERROR)


def report() -> Report:
    """Two files: 3 + 2 attributions, one of them untyped; an unreadable third file."""
    first = Profile(3, Counter(named=1, anonymous=1, none=1), Counter(SL102=1), [8.0])
    second = Profile(2, Counter(outlet=1, other=1), Counter(SL201=1), [11.0])
    return Report(
        files=[
            FileResult("news/a.md", [ANONYMOUS, REPORTEDLY, ANONYMOUS], profile=first),
            FileResult("news/b.md", [SECONDHAND], profile=second),
        ],
        errors=[SourcelintError("looks like a binary file", path="news/[x]|.md")],
        version="0.1.0",
    )


def render(value: Report) -> str:
    out = io.StringIO()
    get_formatter("markdown-summary").write(value, out, color=False)
    return out.getvalue()


def test_the_summary_of_a_report() -> None:
    assert render(report()).splitlines() == [
        "## sourcelint",
        "",
        "4 findings (1 error, 2 warnings, 1 info) in 2 files; 1 file could not be linted. "
        "Pipeline `fast`, sourcelint 0.1.0.",
        "",
        "### Sourcing profile",
        "",
        "| sourcing | count |",
        "| --- | ---: |",
        "| attributions | 5 |",
        "| — named | 1 |",
        "| — organization | 0 |",
        "| — outlet (second-hand) | 1 |",
        "| — document | 0 |",
        "| — anonymous | 1 |",
        "| — vague | 0 |",
        "| — none (unsourced) | 1 |",
        "| — other (not typed) | 1 |",
        # 3 weak of the 4 typed (the untyped "other" is left out).
        "| weak share (anonymous, vague, second-hand or unsourced) | 75% |",
        "| reading grade (Automated Readability Index) | 9.5 |",
        "",
        "### Findings by rule",
        "",
        "| rule | name | category | findings |",
        "| --- | --- | --- | ---: |",
        "| SL102 | anonymous\\-source | anonymous | 2 |",
        "| SL201 | secondhand\\-report | secondhand | 1 |",
        "| SL204 | reportedly | unsourced | 1 |",
        "",
        "### Not linted",
        "",
        "- news\\/\\[x\\]\\|\\.md\\: looks like a binary file",
    ]


def test_a_clean_run_says_so_and_an_empty_profile_has_no_share() -> None:
    clean = Report(files=[FileResult("a.md", [], profile=Profile())], version="0.1.0")
    text = render(clean)
    assert "No findings in 1 file. Pipeline `fast`, sourcelint 0.1.0." in text
    assert "| weak share (anonymous, vague, second-hand or unsourced) | n/a |" in text
    assert "| reading grade (Automated Readability Index) | too short to grade |" in text
    assert "### Findings by rule\n\nNo findings.\n" in text
    assert "Not linted" not in text


def test_run_text_cannot_add_markup_or_lines() -> None:
    hostile = "<img src=x> [a](http://e.com) **b** `c` | d\n## e www.x.com"
    escaped = escape_markdown(hostile)
    assert "\n" not in escaped
    assert not any(escaped[i] in "<[*`|" and escaped[i - 1] != "\\" for i in range(len(escaped)))
    assert "www\\.x\\.com" in escaped


def test_the_command_line_writes_the_summary(tmp_path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("A senior official said the plan would fail.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "markdown-summary", str(draft)])
    assert result.exit_code == 1  # findings still fail the run; the action adds --exit-zero
    assert "| SL102 | anonymous\\-source | anonymous | 1 |" in result.stdout
    assert "| — anonymous | 1 |" in result.stdout
