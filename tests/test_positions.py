"""Positions count code points of the original file, whatever its line endings or spaces."""

from __future__ import annotations

import pytest

from sourcelint.core.files import decode
from sourcelint.core.positions import LineIndex
from sourcelint.engine import Engine

SENTENCE = "The alliance reportedly advanced."
# These tests are about positions: they lint on the fast tier, whose
# phrase matches are fixed; what the parse tier credits is tested with the analysis.
TIER = "fast"


def _reportedly(linter: Engine, registry, text: str):
    findings = linter.lint_text(text, registry.select("SL204"), tier=TIER)
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_with_each_line_ending(linter, registry, newline):
    text = newline.join(["Title", "", "First paragraph.", "", SENTENCE])
    finding = _reportedly(linter, registry, text)
    assert (finding.line, finding.column) == (5, 14)
    assert (finding.end_line, finding.end_column) == (5, 24)
    assert text[finding.start : finding.end] == "reportedly"


def test_bom_is_not_counted(linter, registry):
    text = decode(b"\xef\xbb\xbf" + SENTENCE.encode(), "bom.txt")
    finding = _reportedly(linter, registry, text)
    assert (finding.line, finding.column, finding.start) == (1, 14, 13)


def test_non_breaking_spaces_and_tabs_keep_offsets(linter, registry):
    text = "The\u00a0alliance\treportedly\u00a0advanced."
    finding = _reportedly(linter, registry, text)
    assert (finding.start, finding.end) == (13, 23)
    assert finding.column == 14


def test_pattern_across_a_hard_wrap_and_double_spaces(linter, registry):
    text = "Talks stalled.  It was  later\r\nreported that the invitation came first."
    finding = _reportedly(linter, registry, text)
    assert finding.text == "It was  later\r\nreported"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 17, 2, 9)
    assert "It was later reported" in finding.message


def test_astral_and_accented_characters_count_as_one(linter, registry):
    text = "🇮🇷 Café — 𝔗𝔥𝔢 alliance reportedly advanced."
    finding = _reportedly(linter, registry, text)
    assert text[finding.start : finding.end] == "reportedly"
    assert finding.column == text.index("reportedly") + 1


def test_curly_quotes_do_not_shift_positions(linter, registry):
    text = "“We won,” he said. The rebels ‘reportedly’ advanced."
    finding = _reportedly(linter, registry, text)
    assert finding.start == text.index("reportedly")


def test_line_index_edges():
    index = LineIndex("a\r\nb\rc\n")
    assert index.position(0) == (1, 1)
    assert index.position(3) == (2, 1)
    assert index.position(5) == (3, 1)
    assert index.position(7) == (4, 1)
    assert index.line_text(1) == "a"
    assert index.line_text(3) == "c"
