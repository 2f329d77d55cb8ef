"""Whom a word describes (checks/target.py), and SL106 asking for words said of a person."""

from __future__ import annotations

import pytest

from sourcelint.analysis.pipeline import Analyzer
from sourcelint.checks.target import describes_person
from sourcelint.registry import load_registry


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer("parse")


def word(analyzer, text, target):
    doc = analyzer.parse(text, ((0, len(text)),))
    return next(t for t in doc if t.text == target)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Two officials said the mayor was lazy and unfit for the job.", "lazy", True),
        ("Two officials said the mayor was lazy and unfit for the job.", "unfit", True),
        ("An aide said he is incompetent.", "incompetent", True),
        ("An aide called him a liar.", "liar", True),
        ("An aide said the weak candidate would lose.", "weak", True),
        # Said of a thing: no attack on anyone.
        ("Two traders said demand for the bonds was weak.", "weak", False),
        ("Sources said the divorce was nasty.", "nasty", False),
        ("An aide said the rollout was a disaster.", "disaster", False),
        ("An aide said he regretted saying something stupid.", "stupid", False),
        ("An aide told reporters he was lying.", "lying", True),
        ("An aide told reporters the figures were lying around.", "lying", False),
        ("Sales fell, and they were weak all year, an aide said.", "weak", False),
        ("An aide said the senator was called a liar.", "liar", True),
    ],
)
def test_a_word_describes_a_person_only_when_said_of_one(analyzer, text, target, expected):
    assert describes_person(word(analyzer, text, target)) is expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Two officials said the mayor was lazy and unfit for the job.", True),
        ("Two traders said demand for the bonds was weak.", False),
    ],
)
@pytest.mark.parametrize("tier", ["parse", "fast"])
def test_an_anonymous_attack_is_said_of_a_person(linter, tier, text, flagged):
    rules = load_registry().rules
    codes = {f.code for f in linter.lint_text(text, rules, tier=tier)}
    assert ("SL106" in codes) is flagged


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Two officials said the mayor was lazy and unfit for the job.", "unfit", True),
        ("An aide called him a liar.", "liar", True),
        ("An aide said he's a liar.", "liar", True),
        ("An aide said the weak candidate would lose.", "weak", True),
        ("Two traders said demand for the bonds was weak.", "weak", False),
        ("Sources said the divorce was nasty.", "nasty", False),
        # A possessive is no copula; "they" may be things; a capital may be a place.
        ("An aide said the mayor's weak record would hurt.", "weak", False),
        ("Sales fell, and they were weak all year, an aide said.", "weak", False),
        ("An aide said Washington is weak on trade.", "weak", False),
    ],
)
def test_without_a_parse_the_words_around_stand_in(text, target, expected):
    doc = Analyzer("fast").parse(text, ((0, len(text)),))
    assert describes_person(next(t for t in doc if t.text == target)) is expected
