"""Inline suppressions: comment directives, plain-text markers, unused and unknown ones."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.document import Comment
from sourcelint.filters.suppress import resolve_directives
from sourcelint.readers.directives import read_directives

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
    return resolve_directives(read_directives(text, comments, None), lambda s: frozenset({s}))


def test_comment_directives_ranges_next_line_and_file():
    text = "a\n<!--1-->\nb\nc\n<!--2-->\nd\n<!--3-->\n\ne\n<!--4-->\n"
    ranged, next_line, whole = _directives(
        text,
        [
            ("<!--1-->", " sourcelint-disable SL102 SL204 -- embargoed "),
            ("<!--2-->", " sourcelint-enable "),
            ("<!--3-->", " sourcelint-disable-next-line SL201 "),
            ("<!--4-->", " sourcelint-disable-file "),
        ],
    )
    assert ranged.kind == "range"
    assert (ranged.end, ranged.cover_end) == (text.index("\nb"), text.index("<!--2-->"))
    assert ranged.selectors == ("SL102", "SL204") and ranged.reason == "embargoed"
    assert (next_line.kind, next_line.line) == ("line", 9)
    assert whole.kind == "file" and whole.selectors == ()


def test_ranges_cover_positions_not_lines(linter, registry):
    html = (
        "<p>The rebels reportedly advanced.</p><!-- sourcelint-disable SL204 -->"
        "<p>The army reportedly fled.</p><!-- sourcelint-enable -->"
        "<p>The navy reportedly sailed.</p>"
    )
    found = linter.lint_text(html, registry.select("SL204"), reader="html")
    every = [m.start() for m in re.finditer("reportedly", html)]
    assert [f.start for f in found] == [every[0], every[2]]


def test_partial_enable_keeps_the_other_codes_and_names_work(linter, registry):
    md = (
        "<!-- sourcelint-disable SL102 reportedly -->\n\nTwo aides said so.\n\n"
        "<!-- sourcelint-enable SL102 -->\n\nThe rebels reportedly advanced.\n\n"
        "Two aides said so again.\n\n<!-- sourcelint-enable SL204 -->\n\n"
        "The army reportedly fled.\n"
    )
    rules = [r for s in ("SL102", "SL204", "SL9") for r in registry.select(s)]
    found = [(f.code, f.line) for f in linter.lint_text(md, rules, reader="markdown")]
    assert found == [("SL102", 9), ("SL204", 13)]


def test_stacked_and_multi_line_next_line_directives(linter, registry):
    md = (
        "<!-- sourcelint-disable-next-line SL102 -->\n"
        "<!-- sourcelint-disable-next-line SL204\n   -- confirmed by the desk -->\n"
        "A senior official said the rebels reportedly advanced.\n"
    )
    rules = [r for s in ("SL102", "SL204", "SL9") for r in registry.select(s)]
    assert linter.lint_text(md, rules, reader="markdown") == []


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


@pytest.mark.parametrize(
    "reader,text",
    [
        ("markdown", "A senior official said so. <!-- sourcelint-disable-line SL102 -->\n"),
        ("html", "<p>A senior official said so. <!-- sourcelint-disable-line SL102 --></p>\n"),
        ("markdown", "A senior official said so. <!-- sourcelint-disable-line SL102\n-- why -->\n"),
    ],
)
def test_disable_line_covers_the_line_the_comment_starts_on(linter, registry, reader, text):
    rules = [r for s in ("SL102", "SL9") for r in registry.select(s)]
    found = linter.lint_text(text + "Two aides said it.\n", rules, reader=reader)
    assert [(f.code, f.line) for f in found] == [("SL102", text.count("\n") + 1)]


def test_disable_line_on_a_line_of_its_own_suppresses_nothing(linter, registry):
    md = "A senior official said so.\n<!-- sourcelint-disable-line SL102 -->\n"
    rules = [r for s in ("SL102", "SL9") for r in registry.select(s)]
    found = [(f.code, f.line) for f in linter.lint_text(md, rules, reader="markdown")]
    assert found == [("SL102", 1), ("SL901", 2)]


def test_a_misspelled_directive_is_reported_not_ignored(linter, registry):
    md = "<!-- sourcelint-disable-linex SL102 -->\nA senior official said so.\n"
    rules = [r for s in ("SL102", "SL9") for r in registry.select(s)]
    found = linter.lint_text(md, rules, reader="markdown")
    assert [(f.code, f.line) for f in found] == [("SL902", 1), ("SL102", 2)]
    assert "sourcelint-disable-linex" in found[0].message


@pytest.mark.parametrize("ignored,expected", [(True, []), (False, ["SL901"])])
def test_a_directive_for_a_switched_off_rule_is_not_unused(tmp_path, ignored, expected):
    path = tmp_path / "a.md"
    path.write_text("<!-- sourcelint-disable SL204 -->\nThe mayor said the budget was late.\n")
    options = ["--ignore", "SL204"] if ignored else []
    result = CliRunner().invoke(app, ["check", "-f", "json", *options, str(path)])
    assert [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]] == expected
