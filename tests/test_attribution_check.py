"""The attribution check (checks/attribution.py): one finding per mention of a source,
which starts at its first word."""

from __future__ import annotations

import pytest

from sourcelint.core.tiers import TIERS


def spans(linter, registry, tier: str, text: str, code: str) -> list[str]:
    found = linter.lint_text(text, registry.rules, tier=tier)
    return [text[f.start : f.end] for f in found if f.code == code]


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        # A relative clause and the main verb: two cues, one source to name.
        ("Two officials, who asked not to be named, said the plant would close.", "SL102", "Two"),
        ("According to Reuters, which cited a memo, the plant would close.", "SL201", "Acc"),
        # Coordinated verbs share their subject.
        ("Two officials said the plant would close and warned that jobs would go.", "SL102", "Two"),
        # An opening mark is neither in the source nor makes its capital a name's.
        ("🚨 A senior official said the plant would close.", "SL102", "A senior official"),
        ("★ Sources said the plant would close.", "SL101", "Sources"),
        ("• Critics say the plan failed.", "SL105", "Critics"),
        ("⇒ Critics say the plan failed.", "SL105", "Critics"),
        ("> Officials said the plant would close.", "SL102", "Officials"),
        # A currency sign is part of an amount, which makes donors no crowd.
        ("$500 donors said the dinner was a success.", "SL102", "$500 donors"),
    ],
)
@pytest.mark.parametrize("tier", TIERS)
def test_a_source_is_flagged_once_from_its_first_word(linter, registry, tier, text, code, source):
    found = spans(linter, registry, tier, text, code)
    assert len(found) == 1, found
    assert found[0].startswith(source)


@pytest.mark.parametrize("tier", TIERS)
def test_each_mention_of_an_unnamed_source_is_flagged(linter, registry, tier):
    text = "Two officials said the plant would close. Two officials said jobs would go."
    assert len(spans(linter, registry, tier, text, "SL102")) == 2


@pytest.mark.parametrize("tier", TIERS)
def test_words_given_to_an_outlet_that_first_reported_them_are_one_relay(linter, registry, tier):
    text = "The minister told Reuters, which first reported the story, that he would resign."
    assert len(spans(linter, registry, tier, text, "SL201")) == 1


@pytest.mark.parametrize("tier", TIERS)
def test_a_later_cue_that_quotes_the_attack_raises_the_one_finding(linter, registry, tier):
    text = "Two officials, who said the mayor was lazy, added: “He is incompetent and corrupt.”"
    found = linter.lint_text(text, registry.rules, tier=tier)
    assert [f.severity.value for f in found if f.code == "SL106"] == ["error"]
