"""One judgment of "verb of saying" for both tiers, and SL301-SL304 as queries over it.

The sourcing model decides whether a verb with other senses is used as a verb of saying
(``SourcingWords.says``, fed by each tier's reading of the verb's use); the loaded-verb
rules only ask which of its attributions have a verb from their lists.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import sourcelint
from sourcelint.analysis import vocabulary
from sourcelint.analysis.vocabulary.lexicon import SourcingWords, Use
from sourcelint.checks import speech_verb
from sourcelint.checks.registry import Registry
from sourcelint.engine import Engine

TIERS = ("fast", "parse")
VERB_RULES = ("SL301", "SL302", "SL303", "SL304")


@pytest.fixture(scope="module")
def words(registry: Registry) -> SourcingWords:
    return SourcingWords.from_lexicon(registry.lexicon)


def cues(text: str, tier: str) -> list[str]:
    article = sourcelint.analyze(text, pipeline=tier)
    return [article.text[slice(*a.cue)] for a in article.attributions]


def found(linter: Engine, registry: Registry, code: str, text: str, tier: str) -> list[str]:
    rules = [rule for rule in registry.rules if rule.code == code]
    return [finding.text for finding in linter.lint_text(text, rules, tier=tier)]


# The judgment itself: which uses make a verb with other senses a verb of saying.
@pytest.mark.parametrize(
    ("form", "use", "quotation", "says"),
    [
        ("claimed", Use.CONTENT, False, True),  # "claimed that …", "…, he claimed"
        ("claimed", Use.OBJECT, False, False),  # "claimed the title"
        ("insisted", Use.NONE, False, False),  # "insisted on paying"
        ("admitted", Use.OBJECT, False, False),  # "admitted 400 students"
        ("noted", Use.OBJECT, False, True),  # "noted the decline"
        ("pointed out", Use.OBJECT, False, True),  # "pointed out the flaws"
        ("revealed", Use.OBJECT, False, False),  # "revealed $2 million missing"
        ("blasted", Use.OBJECT, False, True),  # "blasted the senator"
        ("boasted", Use.TOPIC, False, True),  # "boasted of his record"
        ("boasts", Use.OBJECT, False, False),  # "boasts a new stadium"
        ("smiled", Use.CONTENT, True, True),  # "“We won,” he smiled."
        ("smiled", Use.CONTENT, False, False),  # "When it ended, she smiled."
        ("said", Use.NONE, False, True),  # no other sense listed: the tier decides
    ],
)
def test_uses_that_make_a_verb_of_saying(words, form, use, quotation, says):
    assert words.says(form, use, quotation=quotation) is says


def test_a_thing_acting_makes_a_deed(words):
    assert not words.says("slammed", Use.OBJECT, thing=True)  # "slammed the door"


# Both tiers make the same judgment on the same sentences.
@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator claimed that the count was wrong.", "claimed"),
        ("“We will appeal,” the coach insisted.", "insisted"),
        ("“It was a mistake,” the aide confessed.", "confessed"),
        ("The governor blasted the ruling as reckless.", "blasted"),
        ("“We won,” he smiled.", "smiled"),
        ("“Not again,” she fumed.", "fumed"),
        ("The senator pointed out that crime has fallen.", "pointed out"),
        ("The candidate bragged about her record.", "bragged"),
    ],
)
def test_verbs_of_saying_are_credited(tier, text, cue):
    assert cue in cues(text, tier)


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("She claimed the title in 2019.", "claimed"),
        ("The party maintained its lead in the polls.", "maintained"),
        ("He slammed the door and left.", "slammed"),
        ("The storm slammed the coast on Sunday.", "slammed"),
        ("She smiled and waved to the crowd.", "smiled"),
        ("The city boasts a new stadium.", "boasts"),
        ("Engineers blasted through the rock.", "blasted"),
        ("He refused to admit that he was wrong.", "admit"),
        ("It is worth noting that the plan failed.", "noting"),
    ],
)
def test_other_senses_are_no_attributions(tier, text, verb):
    assert verb not in cues(text, tier)


# Every flagged example and near miss of SL301-SL304 holds in the parse tier too (the
# rule examples test runs the default tier).
@pytest.mark.parametrize("code", VERB_RULES)
def test_rule_examples_hold_in_the_parse_tier(linter, registry, code):
    (rule,) = [rule for rule in registry.rules if rule.code == code]
    for example in rule.meta.examples:
        findings = linter.lint_text(example.text, [rule], tier="parse")
        assert [(f.start, f.end) for f in findings] == list(example.spans), example.marked()


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize(
    ("code", "text", "words"),
    [
        ("SL301", "The nominee continues to insist, in every interview, that he won.", ["insist"]),
        (
            "SL303",
            "As many economists, including Dr. Lee, have pointed out, rents rose.",
            ["pointed out"],
        ),
        ("SL304", "The plan was slammed by critics.", ["slammed"]),
        ("SL302", "The patient was admitted by the clinic on Friday.", []),
        ("SL303", "Editor's note: this story has been updated.", []),
        ("SL303", "The memo, released on Friday, noted that costs had doubled.", []),
        ("SL301", "It is an opportunity to claim that the plan works.", []),
    ],
)
def test_loaded_verbs_in_both_tiers(linter, registry, tier, code, text, words):
    assert found(linter, registry, code, text, tier) == words


def test_the_check_keeps_no_word_lists_of_its_own():
    shared = {
        id(value)
        for info in pkgutil.iter_modules(vocabulary.__path__)
        for value in vars(importlib.import_module(f"{vocabulary.__name__}.{info.name}")).values()
    }
    own = [
        name
        for name, value in vars(speech_verb).items()
        if isinstance(value, frozenset | set) and id(value) not in shared
    ]
    assert own == []
