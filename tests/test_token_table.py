"""The fast reads of the analysis: the token table against spaCy's own Token attributes,
and the quotation and white-space scans against a scan of every character."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcelint.analysis import quotes
from sourcelint.analysis.normalize import analysis_text
from sourcelint.analysis.token_table import token_table
from sourcelint.analysis.vocabulary.marks import DOUBLE_QUOTE_PAIRS

TEXTS = [
    "",
    "   ",
    "Officials Say Talks With Rebels Have Stalled\n\nA senior official, who asked not to be"
    " named, said on Tuesday that the U.S. would “not back down.” It's over!",
    "“Why not?” he asked. ‘Two words’ — Ann Lee. NATO's head, 12\" pipe…Done",
    "Reuters reported. ÉCOLE Élan o'Neil McDonald 3.5 e-mail ''quoted''",
]


@pytest.fixture(scope="module", params=["fast", "parse"])
def analyzer(request, linter):
    return linter.analyzer(request.param)


@pytest.mark.parametrize("text", TEXTS)
def test_table_is_spacy_tokens_read_once(analyzer, text):
    folded, blocks, _ = analysis_text(text, ((0, len(text)),))
    doc = analyzer.parse(folded, blocks)
    table = token_table(doc)
    assert table.text == [token.text for token in doc]
    assert table.lower == [token.lower_ for token in doc]
    assert table.idx == [token.idx for token in doc]
    assert [(s.start, s.end) for s in table.sentences] == [(s.start, s.end) for s in doc.sents]
    assert token_table(doc) is table  # built once per Doc


@pytest.mark.parametrize("text", TEXTS)
def test_string_tests_are_spacys_flags(analyzer, text):
    """The passes test the table's strings where they asked Tokens for their flags."""
    doc = analyzer.parse(text, ((0, len(text)),))
    for token in doc:
        assert token.is_lower == token.text.islower()
        assert token.is_title == token.text.istitle()
        assert token.is_alpha == token.text.isalpha()


# --------------------------------------------------------------------------- scans

_CHARS = [*"ab .,\n\t\u00a0\u2009'\"’‘", *DOUBLE_QUOTE_PAIRS, *DOUBLE_QUOTE_PAIRS.values()]


def _blocks(text: str, cuts: list[int]) -> tuple[tuple[int, int], ...]:
    points = sorted({min(cut, len(text)) for cut in cuts})
    return tuple(zip(points[::2], points[1::2], strict=False))


def _folded_by_every_character(text: str, blocks: tuple[tuple[int, int], ...]) -> str:
    return "\n\n".join(re.sub(r"\s+", " ", text[start:end]) for start, end in blocks)


@settings(
    max_examples=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(st.sampled_from(_CHARS), max_size=40),
    cuts=st.lists(st.integers(0, 40), max_size=6),
)
def test_scans_that_jump_match_a_scan_of_every_character(text, cuts, monkeypatch):
    blocks = _blocks(text, cuts)
    folded, spans, offsets = analysis_text(text, blocks)
    assert folded == _folded_by_every_character(text, blocks)
    for (start, _), (fold_start, fold_end) in zip(blocks, spans, strict=True):
        # Every folded character maps back to the character it came from.
        for index in range(fold_start, fold_end):
            original = text[offsets.to_original(index)]
            assert original == folded[index] or (original.isspace() and folded[index] == " ")
        assert offsets.to_original(fold_start) == start
    jumped = [quotes._double(text, start, end) for start, end in blocks]
    with monkeypatch.context() as patch:  # stop at every character: the scan as it was
        patch.setattr(quotes, "_QUOTE_MARK", re.compile(r"''|[\s\S]"))
        assert [quotes._double(text, start, end) for start, end in blocks] == jumped
