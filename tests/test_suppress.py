"""Inline suppressions: comment directives, plain-text markers, unused and unknown ones."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sourcelint.cli import app
from sourcelint.positions import LineIndex
from sourcelint.readers.base import Comment
from sourcelint.suppress import parse_directives

ARTICLE = "The rebels reportedly advanced.\nTwo aides said the deal was off.\n"


def codes(linter, registry, text, selection="SL102,SL204,SL9"):
    rules = [r for s in selection.split(",") for r in registry.select(s)]
    return [(f.code, f.line) for f in linter.lint_text(text, rules)]


def test_plain_text_marker_suppresses_its_line(linter, registry):
    text = "The rebels reportedly advanced. sourcelint: disable=SL204 -- confirmed by our desk\n"
    result = linter.lint(text, registry.select("SL204"))
    assert result.findings == []
    [(finding, reason)] = result.suppressed
    assert (finding.code, reason) == ("SL204", "confirmed by our desk")


def test_marker_by_name_and_several_codes(linter, registry):
    text = "Two aides reportedly said the deal was off. sourcelint: disable=reportedly,SL102\n"
    assert codes(linter, registry, text) == []


def test_marker_only_covers_its_own_line(linter, registry):
    text = "The rebels reportedly advanced. sourcelint: disable=SL204\nThe army reportedly fled.\n"
    assert codes(linter, registry, text, "SL204") == [("SL204", 2)]


def test_unused_and_unknown_markers_are_reported(linter, registry):
    unused = "The council met. sourcelint: disable=SL102\n"
    assert codes(linter, registry, unused) == [("SL901", 1)]
    unknown = "The rebels reportedly advanced. sourcelint: disable=SL999\n"
    assert codes(linter, registry, unknown) == [("SL204", 1), ("SL902", 1)]


def _directives(text, bodies_at):
    comments = [
        Comment(text.index(marker), text.index(marker) + len(marker), body)
        for marker, body in bodies_at
    ]
    return parse_directives(text, comments, False, LineIndex(text))


def test_comment_directives_ranges_next_line_and_file():
    text = "a\n<!--1-->\nb\nc\n<!--2-->\nd\n<!--3-->\n\ne\n<!--4-->\n"
    directives = _directives(
        text,
        [
            ("<!--1-->", " sourcelint-disable SL102 SL204 -- embargoed "),
            ("<!--2-->", " sourcelint-enable "),
            ("<!--3-->", " sourcelint-disable-next-line SL201 "),
            ("<!--4-->", " sourcelint-disable-file "),
        ],
    )
    ranged, next_line, whole = directives
    assert (ranged.kind, ranged.first_line, ranged.last_line) == ("range", 2, 5)
    assert ranged.selectors == ("SL102", "SL204") and ranged.reason == "embargoed"
    assert (next_line.kind, next_line.first_line, next_line.last_line) == ("line", 9, 9)
    assert whole.kind == "file" and whole.selectors == ()


def test_show_suppressed_in_json(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(
        "The rebels reportedly advanced. sourcelint: disable=SL204 -- two sources confirmed\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "-f", "json", "--show-suppressed", "a.txt"])
    entry = json.loads(result.stdout)["files"][0]
    assert entry["findings"] == []
    assert [(s["code"], s["reason"]) for s in entry["suppressed"]] == [
        ("SL204", "two sources confirmed")
    ]
    assert result.exit_code == 0
