"""The phrase-template language: alternatives, optional words, lexicon lists, marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcelint.analysis import phrases as phrases_module
from sourcelint.analysis.phrases import PhraseSet
from sourcelint.analysis.templates import Step, TemplateError, parse

LEXICON = {"outlet": ("Reuters", "the Associated Press", "the Hill"), "verb": ("said", "told")}


def lookup(name: str) -> tuple[str, ...]:
    return LEXICON[name]


def test_parse_groups_words_and_slots():
    template = parse("it {was|is} {?later} [reported] by {@outlet}", lookup)
    assert template.steps == (
        Step(("it",)),
        Step(("was", "is")),
        Step(("later",), optional=True),
        Step(("reported",)),
        Step(("by",)),
        Step(LEXICON["outlet"]),
    )
    assert (template.mark_from, template.mark_to) == (3, 4)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("[reported", "one pair of [ ]"),
        ("]reported[", "empty or reversed"),
        ("{@nothing} said", "unknown lexicon list"),
        ("{a||b} said", "empty alternative"),
        ("{?maybe}", "no required word"),
    ],
)
def test_malformed_templates(template, message):
    with pytest.raises(TemplateError, match=re.escape(message)):
        parse(template, lookup)


@pytest.fixture(scope="module")
def nlp(linter):
    return linter.analyzer("fast").nlp


def spans(nlp, templates, text):
    doc = nlp(text)
    return [text[m.mark_start : m.mark_end] for m in PhraseSet(nlp, templates, lookup).find(doc)]


def test_optional_words_and_marks(nlp):
    templates = ["it {was|is} {?later|widely} [reported]"]
    assert spans(nlp, templates, "It was later reported that. It is reported.") == [
        "reported",
        "reported",
    ]


def test_whole_phrase_is_reported_without_marks(nlp):
    assert spans(nlp, ["{@verb} {@outlet}"], "He told the Associated Press.") == [
        "told the Associated Press"
    ]


def test_capitalized_pattern_words_need_capitals(nlp):
    templates = ["[told {@outlet}]"]
    assert spans(nlp, templates, "He told the hill farmers.") == []
    assert spans(nlp, templates, "He told The Hill and told REUTERS.") == [
        "told The Hill",
        "told REUTERS",
    ]


def test_longest_overlapping_match_wins(nlp):
    templates = ["[according to {@outlet}]", "[according to]"]
    assert spans(nlp, templates, "According to Reuters, it fell.") == ["According to Reuters"]


# The words and templates of the anchoring property: short words that recur, optional
# steps, phrases of two tokens, and a capitalized name.
_WORDS = ["it", "was", "is", "later", "reported", "by", "Reuters", "the", "Hill", "hill", "said"]
_TEMPLATES = [
    "it {was|is} {?later|widely} [reported] by {@outlet}",
    "{?the} {@outlet} [{said|told}]",
    "[{?later}] {reported|said} {?by} {?the}",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=40))
def test_anchoring_loses_no_match(nlp, words, monkeypatch):
    """Candidate starts are skipped only where no match can begin: every match found with
    the rarest needed step as anchor is found without it, in the same order."""
    phrases = PhraseSet(nlp, _TEMPLATES, lookup)
    doc = nlp(" ".join(words))
    anchored = phrases.all_matches(doc)
    with monkeypatch.context() as patch:
        patch.setattr(phrases_module, "_anchored", lambda *_: True)
        assert phrases.all_matches(doc) == anchored
