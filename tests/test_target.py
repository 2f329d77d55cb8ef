"""Whom a word describes (checks/target.py), and SL106 asking for words said of a person."""

from __future__ import annotations

import pytest

from sourcelint.analysis.pipeline import Analyzer
from sourcelint.checks.registry import load_registry
from sourcelint.checks.target import describes_person
from sourcelint.core.tiers import TIERS

# The word lists of the built-in rule packs, which the sourcing model reads.
LEXICON = load_registry().lexicon

# Read alike with and without a parse.
BOTH = [
    ("Two officials said the mayor was lazy and unfit for the job.", "unfit", True),
    ("An aide called him a liar.", "liar", True),
    ("An aide said the weak candidate would lose.", "weak", True),
    # Said of a thing, or of "they", which may be things: no attack on anyone.
    ("Two traders said demand for the bonds was weak.", "weak", False),
    ("Sources said the divorce was nasty.", "nasty", False),
    ("Sales fell, and they were weak all year, an aide said.", "weak", False),
]
PARSE = [
    ("Two officials said the mayor was lazy and unfit for the job.", "lazy", True),
    ("An aide said he is incompetent.", "incompetent", True),
    ("An aide said the rollout was a disaster.", "disaster", False),
    ("An aide said he regretted saying something stupid.", "stupid", False),
    ("An aide told reporters he was lying.", "lying", True),
    ("An aide told reporters the figures were lying around.", "lying", False),
    ("An aide said the senator was called a liar.", "liar", True),
]
FAST = [
    ("An aide said he's a liar.", "liar", True),
    # A possessive is no copula; without a parse a capital may be a place.
    ("An aide said the mayor's weak record would hurt.", "weak", False),
    ("An aide said Washington is weak on trade.", "weak", False),
]
CASES = [
    *(pytest.param(tier, *case, id=f"{tier}-{case[1]}-{i}") for tier in TIERS
      for i, case in enumerate(BOTH)),
    *(pytest.param("parse", *case, id=f"parse-only-{case[1]}-{i}") for i, case in enumerate(PARSE)),
    *(pytest.param("fast", *case, id=f"fast-only-{case[1]}-{i}") for i, case in enumerate(FAST)),
]  # fmt: skip


@pytest.fixture(scope="module")
def analyzers():
    return {tier: Analyzer(LEXICON, tier) for tier in TIERS}


@pytest.mark.parametrize(("tier", "text", "target", "expected"), CASES)
def test_a_word_describes_a_person_only_when_said_of_one(analyzers, tier, text, target, expected):
    doc = analyzers[tier].parse(text, ((0, len(text)),))
    assert describes_person(next(t for t in doc if t.text == target)) is expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Two officials said the mayor was lazy and unfit for the job.", True),
        ("Two traders said demand for the bonds was weak.", False),
    ],
)
@pytest.mark.parametrize("tier", TIERS)
def test_an_anonymous_attack_is_said_of_a_person(linter, registry, tier, text, flagged):
    codes = {f.code for f in linter.lint_text(text, registry.rules, tier=tier)}
    assert ("SL106" in codes) is flagged
