"""SARIF 2.1.0: one run with the rules' help in ``tool.driver.rules`` and fingerprinted results.

Columns count Unicode code points (docs/json.md), so ``run.columnKind`` is
``unicodeCodePoints``; ``charOffset``/``charLength`` are code-point offsets too. Files that
could not be read are tool execution notifications of the single invocation.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import TextIO
from urllib.parse import quote

from sourcelint.core.errors import SourcelintError
from sourcelint.core.escapes import file_name_bytes
from sourcelint.core.findings import Finding
from sourcelint.core.fingerprint import fingerprint
from sourcelint.core.results import FileResult, Report
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.formats import to_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "sourcelint/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

Json = dict[str, object]


def posix_path(path: str) -> str:
    """A report path with forward slashes and no leading ``./``."""
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def artifact_location(path: str) -> Json:
    """Relative paths are relative to ``%SRCROOT%``; absolute ones become file URIs.

    Every character outside the URI syntax is percent-encoded as UTF-8 (``%`` itself
    too), and a byte a file name could not decode (a ``surrogateescape`` surrogate) as
    itself: ``caf%E9.txt`` names the file ``caf\\xe9.txt`` really has."""
    posix = posix_path(path)
    encoded = file_name_bytes(posix)
    if PureWindowsPath(path).drive or PurePosixPath(posix).is_absolute():
        drive = PureWindowsPath(path).drive
        return {"uri": "file://" + ("/" if drive else "") + quote(encoded, safe="/:")}
    return {"uri": quote(encoded, safe="/"), "uriBaseId": SRCROOT}


class SarifFormatter:
    """One SARIF log, pretty-printed JSON."""

    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        out.write(to_json(sarif_log(report), indent=2))
        out.write("\n")


def sarif_log(report: Report) -> Json:
    """The SARIF log of a report, as plain JSON data."""
    rules = [_descriptor(meta) for meta in report.rules]
    index = {meta.code: position for position, meta in enumerate(report.rules)}
    results: list[Json] = []
    for result in report.files:
        for finding in result.findings:
            results.append(_result(result, finding, index, rules))
        if report.show_suppressed:
            for finding, reason in result.suppressed:
                entry = _result(result, finding, index, rules)
                suppression: Json = {"kind": "inSource"}
                if reason:
                    suppression["justification"] = reason
                entry["suppressions"] = [suppression]
                results.append(entry)
    driver: Json = {
        "name": "sourcelint",
        "rules": rules,
    }
    if report.version:
        driver["version"] = report.version
        driver["semanticVersion"] = report.version
    run: Json = {
        "tool": {"driver": driver},
        "invocations": [_invocation(report.errors)],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"pipeline": report.pipeline},
    }
    return {"$schema": SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _descriptor(meta: RuleMeta) -> Json:
    help_text = meta.fix
    if meta.standards:
        help_text += "\n\nStandards: " + "; ".join(meta.standards)
    descriptor: Json = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.rationale or meta.summary},
        "help": {"text": help_text or meta.summary},
        # An opt-in rule is off unless selected (SARIF's "enabled" defaults to true).
        "defaultConfiguration": {"level": LEVELS[meta.severity.value]}
        | ({"enabled": False} if meta.opt_in else {}),
        "properties": {"category": meta.category.value, "tags": [meta.category.value]},
    }
    if meta.aliases:
        descriptor["deprecatedNames"] = list(meta.aliases)
    if meta.link:
        descriptor["helpUri"] = meta.link
    return descriptor


def _result(result: FileResult, finding: Finding, index: dict[str, int], rules: list[Json]) -> Json:
    if finding.code not in index:
        # A rule the report's metadata does not list (a plugin's): describe it minimally.
        index[finding.code] = len(rules)
        rules.append({"id": finding.code, "name": finding.name})
    region: Json = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }
    entry: Json = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(result.path),
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, result.text)},
        "properties": {"category": finding.category.value},
    }
    if finding.suggestion:
        entry["properties"] = {**entry["properties"], "suggestion": finding.suggestion}
    return entry


def _invocation(errors: list[SourcelintError]) -> Json:
    notifications: list[Json] = []
    for error in errors:
        notification: Json = {
            "level": "error",
            "message": {"text": str(error)},
            "descriptor": {"id": error.code},
        }
        if error.path:
            notification["locations"] = [
                {"physicalLocation": {"artifactLocation": artifact_location(error.path)}}
            ]
        notifications.append(notification)
    invocation: Json = {"executionSuccessful": not errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
