"""Every output format, parsed: SARIF and GitLab against schemas, JUnit as XML, lines by regex."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from sourcelint.checks.registry import Registry
from sourcelint.core.errors import SourcelintError
from sourcelint.core.files import read_text
from sourcelint.core.findings import Finding, Severity
from sourcelint.core.fingerprint import fingerprint
from sourcelint.core.results import FileResult, Report
from sourcelint.engine import Engine
from sourcelint.formats import BUILTIN, format_names, get_formatter
from sourcelint.formats.github import escape_data, escape_property

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NEW_FORMATS = ("concise", "jsonl", "sarif", "github", "gitlab", "junit")

# "Über" puts non-ASCII code points before the first finding on its line.
ARTICLE = (
    "Zoë Müller, the mayor, said the budget was balanced.\n"
    "\n"
    "Über: a senior official said the plan would fail. The minister slammed the report.\n"
    "It was reportedly true.\n"
)
CLEAN = "The mayor, Zoë Müller, said the budget was balanced.\n"
# Three severities: SL102 raised to error, SL304 stays a warning, SL204 lowered to info.
SEVERITIES = {"SL102": Severity.ERROR, "SL204": Severity.INFO}

# GitLab's documented Code Quality report format (docs.gitlab.com, "Code Quality"
# report format): an array of issues with these required keys.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {
                            "begin": {"type": "integer", "minimum": 1},
                            "end": {"type": "integer", "minimum": 1},
                        },
                    },
                    "positions": {"type": "object"},
                },
            },
            "categories": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def lint_file(linter: Engine, registry: Registry, path: str, text: str) -> FileResult:
    result = linter.lint(text, registry.rules, severities=SEVERITIES)
    return FileResult(path, result.findings, text, result.profile, result.suppressed)


def unreadable(tmp_path: Path) -> SourcelintError:
    """The real error for a file that is not text."""
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(SourcelintError) as caught:
        read_text(binary, "archive/photo.md")
    return caught.value


@pytest.fixture
def report(linter: Engine, registry: Registry, tmp_path: Path) -> Report:
    return Report(
        files=[
            lint_file(linter, registry, "news/draft.md", ARTICLE),
            lint_file(linter, registry, "news/clean.md", CLEAN),
        ],
        errors=[unreadable(tmp_path)],
        version="0.1.0",
        rules=[rule.meta for rule in registry.rules],
    )


def render(name: str, report: Report) -> str:
    out = io.StringIO()
    get_formatter(name).write(report, out, color=False)
    return out.getvalue()


def test_the_report_has_what_the_tests_need(report: Report) -> None:
    findings = report.files[0].findings
    assert {f.severity for f in findings} == set(Severity)
    assert report.files[1].findings == []
    [anonymous] = [f for f in findings if f.code == "SL102"]
    # "Über: " is six code points (seven UTF-8 bytes) before the finding.
    assert (anonymous.line, anonymous.column) == (3, 7)
    assert ARTICLE[anonymous.start : anonymous.end] == anonymous.text == "a senior official"
    assert report.errors and report.errors[0].path == "archive/photo.md"


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_formats_are_registered_and_need_no_spacy(name: str) -> None:
    assert name in BUILTIN and name in format_names()
    module = BUILTIN[name].partition(":")[0]
    source = Path(__import__(module, fromlist=["_"]).__file__).read_text(encoding="utf-8")
    assert "spacy" not in source.lower()


# SARIF


def sarif_schema() -> dict:
    """The SARIF schema; this copy keeps the top-level object under ``definitions.Root``."""
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    if "properties" not in schema:
        # Without this the root schema has no constraints and accepts anything.
        schema["$ref"] = "#/definitions/Root"
    return schema


def sarif(report: Report) -> dict:
    document = json.loads(render("sarif", report))
    jsonschema.validate(document, sarif_schema(), cls=jsonschema.Draft7Validator)
    return document


def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    document = sarif(report)
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "sourcelint" and driver["version"] == "0.1.0"
    assert len(run["results"]) == len(report.findings)


def test_sarif_rules_carry_help_and_links(report: Report) -> None:
    rules = sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    rule = by_id["SL102"]
    meta = next(m for m in report.rules if m.code == "SL102")
    assert rule["name"] == meta.name
    assert rule["shortDescription"]["text"] == meta.summary
    assert rule["fullDescription"]["text"] == meta.rationale
    assert meta.fix in rule["help"]["text"]
    assert all(standard in rule["help"]["text"] for standard in meta.standards)
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["category"] == "anonymous"
    for meta in report.rules:
        assert by_id[meta.code].get("helpUri") == meta.link
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert set(levels.values()) <= {"error", "warning", "note"}


def test_sarif_results_have_code_point_regions_and_fingerprints(report: Report) -> None:
    run = sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_code = {r["ruleId"]: r for r in run["results"]}
    result = by_code["SL102"]
    assert rules[result["ruleIndex"]]["id"] == "SL102"
    assert result["level"] == "error"
    assert by_code["SL204"]["level"] == "note"
    assert by_code["SL304"]["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/draft.md", "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    start = ARTICLE.index("a senior official")
    assert region["startLine"] == region["endLine"] == 3
    assert (region["startColumn"], region["endColumn"]) == (7, 24)
    assert (region["charOffset"], region["charLength"]) == (start, len("a senior official"))
    finding = next(f for f in report.findings if f.code == "SL102")
    assert result["partialFingerprints"] == {"sourcelint/v1": fingerprint(finding, ARTICLE)}


def test_sarif_reports_unreadable_files_as_notifications(report: Report) -> None:
    [invocation] = sarif(report)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["descriptor"]["id"] == report.errors[0].code
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "archive/photo.md"


def test_sarif_paths_use_forward_slashes_and_uris(report: Report) -> None:
    report.files[0].path = ".\\news dir\\draft.md"
    report.files[1].path = "/srv/archive/clean.md"
    report.files[1].findings = report.files[0].findings
    run = sarif(report)["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"news%20dir/draft.md", "file:///srv/archive/clean.md"}


def test_sarif_without_errors_is_successful(report: Report) -> None:
    report.errors = []
    [invocation] = sarif(report)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True}


# GitHub


GITHUB_LINE = re.compile(
    r"^::(?P<level>error|warning|notice) "
    r"file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),"
    r"title=(?P<title>[^,:]+)::(?P<message>[^\r\n]*)$"
)


def test_github_annotations(report: Report) -> None:
    lines = render("github", report).splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines[: len(report.findings)]]
    assert all(matches), lines
    by_title = {m["title"]: m for m in matches if m}
    anonymous = by_title["SL102 anonymous-source"]
    assert anonymous["level"] == "error"
    assert (anonymous["file"], anonymous["line"], anonymous["col"]) == ("news/draft.md", "3", "7")
    assert (anonymous["end_line"], anonymous["end_col"]) == ("3", "24")
    assert by_title["SL204 reportedly"]["level"] == "notice"
    assert by_title["SL304 manner-verb"]["level"] == "warning"
    assert lines[-1] == "::error file=archive/photo.md,title=E201 sourcelint::" + escape_data(
        report.errors[0].message
    )
    assert len(lines) == len(report.findings) + len(report.errors)


def test_github_escapes_messages_and_properties(report: Report) -> None:
    result = report.files[0]
    result.path = "news/a,b:c.md"
    result.findings = [replace(result.findings[0], message="100% sure: yes\r\nsecond line")]
    report.files = [result]
    report.errors = []
    [line] = render("github", report).splitlines()
    assert line.endswith("::100%25 sure: yes%0D%0Asecond line")
    assert "file=news/a%2Cb%3Ac.md," in line
    assert GITHUB_LINE.match(line)
    assert escape_property("a%b:c,d\n") == "a%25b%3Ac%2Cd%0A"


# GitLab


def test_gitlab_code_quality_report(report: Report) -> None:
    issues = json.loads(render("gitlab", report))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len(issues) == len(report.findings)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    by_check = {issue["check_name"]: issue for issue in issues}
    anonymous = by_check["SL102 anonymous-source"]
    assert anonymous["severity"] == "critical"
    assert by_check["SL304 manner-verb"]["severity"] == "major"
    assert by_check["SL204 reportedly"]["severity"] == "info"
    assert anonymous["location"]["path"] == "news/draft.md"
    assert anonymous["location"]["lines"]["begin"] == 3
    assert anonymous["location"]["positions"]["begin"] == {"line": 3, "column": 7}


def test_gitlab_fingerprints_are_unique_for_repeated_findings(
    linter: Engine, registry: Registry
) -> None:
    text = "Sources said it. Sources said it.\n\nSources said it.\n"
    same = [lint_file(linter, registry, "a.md", text), lint_file(linter, registry, "b.md", text)]
    issues = json.loads(render("gitlab", Report(files=same)))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(fingerprints) >= 6
    assert len(set(fingerprints)) == len(fingerprints)


# JUnit


def test_junit_is_well_formed_with_correct_counts(report: Report) -> None:
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    [suite] = suites
    assert suite.get("name") == "sourcelint"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [
        "news/draft.md",
        "news/clean.md",
        "archive/photo.md",
    ]
    assert all(case.get("classname") == case.get("name") for case in cases)
    assert suite.get("tests") == str(len(cases)) == "3"
    failures = suite.findall("testcase/failure")
    errors = suite.findall("testcase/error")
    assert suite.get("failures") == str(len(failures)) == "1"
    assert suite.get("errors") == str(len(errors)) == "1"
    [failure] = failures
    count = len(report.files[0].findings)
    assert failure.get("message") == f"{count} findings"
    body = failure.text.splitlines()
    assert len(body) == count
    assert all(CONCISE_LINE.match(line) for line in body)
    assert cases[1].find("failure") is None
    assert "archive/photo.md" in errors[0].get("message")


def test_junit_survives_control_characters(report: Report) -> None:
    result = report.files[0]
    result.findings = [replace(result.findings[0], message="bell \x07 <tag> & done")]
    root = ET.fromstring(render("junit", report))
    text = root.find(".//failure").text
    assert "<tag> & done" in text and "\x07" not in text


# concise and jsonl


CONCISE_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>SL\d{3}) "
    r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$"
)


def test_concise_lines(report: Report) -> None:
    lines = render("concise", report).splitlines()
    findings = report.findings
    matches = [CONCISE_LINE.match(line) for line in lines[: len(findings)]]
    assert all(matches), lines
    assert [(m["path"], m["code"], m["severity"], m["message"]) for m in matches if m] == [
        ("news/draft.md", f.code, f.severity.value, f.message) for f in findings
    ]
    assert lines[len(findings)].startswith(f"Found {len(findings)} findings")
    assert len(lines) == len(findings) + 1


def test_concise_quiet_has_no_summary(report: Report) -> None:
    report.quiet = True
    lines = render("concise", report).splitlines()
    assert len(lines) == len(report.findings)
    assert all(CONCISE_LINE.match(line) for line in lines)


def test_jsonl_one_finding_per_line(report: Report) -> None:
    lines = render("jsonl", report).splitlines()
    assert len(lines) == len(report.findings)
    records = [json.loads(line) for line in lines]
    for record, finding in zip(records, report.findings, strict=True):
        assert record == {"path": "news/draft.md", **finding.to_dict()}
    assert records[0]["text"] == "a senior official" and records[0]["column"] == 7


# fingerprints


def by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {finding.code: finding for finding in findings}


def test_fingerprints_survive_text_inserted_above(
    linter: Engine, registry: Registry, report: Report
) -> None:
    edited = "A new first paragraph, added by the editor.\n\n" + ARTICLE
    after = lint_file(linter, registry, "news/draft.md", edited)
    before = report.files[0]
    assert by_code(after.findings)["SL102"].line == by_code(before.findings)["SL102"].line + 2

    def sarif_prints(result: FileResult) -> dict[str, str]:
        run = sarif(Report(files=[result], rules=report.rules))["runs"][0]
        return {r["ruleId"]: r["partialFingerprints"]["sourcelint/v1"] for r in run["results"]}

    def gitlab_prints(result: FileResult) -> dict[str, str]:
        issues = json.loads(render("gitlab", Report(files=[result])))
        return {issue["check_name"]: issue["fingerprint"] for issue in issues}

    assert sarif_prints(after) == sarif_prints(before)
    assert gitlab_prints(after) == gitlab_prints(before)


def test_the_sarif_schema_rejects_a_broken_log(report: Report) -> None:
    document = sarif(report)
    document["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError, match="fatal"):
        jsonschema.validate(document, sarif_schema(), cls=jsonschema.Draft7Validator)
    with pytest.raises(jsonschema.ValidationError, match="runs"):
        jsonschema.validate({"version": "2.1.0"}, sarif_schema(), cls=jsonschema.Draft7Validator)


def test_sarif_marks_shown_suppressions(linter: Engine, registry: Registry) -> None:
    text = "The rebels reportedly advanced. sourcelint: disable=SL204 -- confirmed by our desk\n"
    result = lint_file(linter, registry, "news/war.md", text)
    assert result.suppressed
    report = Report(files=[result], rules=[rule.meta for rule in registry.rules])
    assert all("suppressions" not in r for r in sarif(report)["runs"][0]["results"])
    report.show_suppressed = True
    suppressed = [r for r in sarif(report)["runs"][0]["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["SL204"]
    assert suppressed[0]["suppressions"] == [
        {"kind": "inSource", "justification": "confirmed by our desk"}
    ]
