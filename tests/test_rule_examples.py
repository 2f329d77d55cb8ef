"""Every rule carries examples that must be flagged and near misses that must not be.

A flagged example must produce exactly its ``[[marked]]`` spans, no more and no fewer.
Examples are linted with every rule on, as a user runs them, and the rule's own findings
compared: a suppression in an example then names a rule that is switched on. Each tier
runs every example.
"""

from __future__ import annotations

import pytest

from sourcelint.checks.registry import load_registry
from sourcelint.core.tiers import TIERS
from sourcelint.engine import Engine

RULES = load_registry().rules
EXAMPLES = [
    pytest.param(
        tier, rule, example, id=f"{tier}-{rule.code}-{'flagged' if example.flagged else 'ok'}-{i}"
    )
    for tier in TIERS
    for rule in RULES
    for i, example in enumerate(rule.meta.examples)
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_has_both_kinds_of_example(rule):
    assert rule.meta.flagged_examples, f"{rule.code} has no example that must be flagged"
    assert rule.meta.ok_examples, f"{rule.code} has no near miss that must not be flagged"
    for example in rule.meta.flagged_examples:
        assert example.spans, f"{rule.code}: flagged example marks no [[span]]: {example.text}"


@pytest.mark.parametrize(("tier", "rule", "example"), EXAMPLES)
def test_example_produces_exactly_the_marked_spans(linter: Engine, tier, rule, example):
    rules = [rule, *(r for r in RULES if r is not rule)]
    everything = linter.lint_text(example.text, rules, tier=tier)
    findings = [f for f in everything if f.code == rule.code]
    found = [(f.start, f.end) for f in findings]
    texts = [example.text[s:e] for s, e in found]
    assert found == list(example.spans), f"{rule.code} ({tier}) on {example.marked()!r}: {texts}"
    for finding in findings:
        assert finding.text == example.text[finding.start : finding.end]
        assert "{" not in finding.message, f"unfilled placeholder in {finding.message!r}"
