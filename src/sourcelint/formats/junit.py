"""JUnit XML: one test suite, a test case per linted file.

A file with findings fails with one ``<failure>`` listing them as concise lines; a file that
could not be read is a test case with an ``<error>``. CI servers (GitLab, Jenkins) show the
result as a test report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from sourcelint.core.escapes import unsurrogate
from sourcelint.core.results import FileResult, Report

# Characters XML 1.0 cannot carry, even escaped; they are replaced in messages.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SUITE = "sourcelint"


def _clean(text: str) -> str:
    # A file name's undecodable byte reads as its escape (\xe9), as in the other formats.
    return _INVALID_XML.sub("\ufffd", unsurrogate(text))


class JunitFormatter:
    """A ``<testsuites>`` document with one ``<testsuite name="sourcelint">``."""

    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        root = junit_tree(report)
        ET.indent(root)
        out.write(ET.tostring(root, encoding="unicode", xml_declaration=True))
        out.write("\n")


def junit_tree(report: Report) -> ET.Element:
    """The JUnit document of a report as an element tree."""
    failures = sum(1 for result in report.files if result.findings)
    counts = {
        "tests": str(len(report.files) + len(report.errors)),
        "failures": str(failures),
        "errors": str(len(report.errors)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    for result in report.files:
        _file_case(suite, result)
    for error in report.errors:
        name = _clean(error.path or SUITE)
        case = ET.SubElement(suite, "testcase", {"classname": name, "name": name})
        element = ET.SubElement(case, "error", {"message": _clean(str(error)), "type": error.code})
        element.text = _clean(error.render())
    return root


def _file_case(suite: ET.Element, result: FileResult) -> None:
    name = _clean(result.path)
    case = ET.SubElement(suite, "testcase", {"classname": name, "name": name})
    if not result.findings:
        return
    count = len(result.findings)
    failure = ET.SubElement(
        case,
        "failure",
        {"message": f"{count} finding{'s' if count != 1 else ''}", "type": "sourcelint"},
    )
    failure.text = _clean(
        "".join(
            f"{result.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n"
            for f in result.findings
        )
    )
