"""The registry: selectors, extra rule packs, plugin rules, and malformed packs."""

from __future__ import annotations

import sys
import textwrap
import warnings

import pytest

from sourcelint.checks.registry import load_registry
from sourcelint.core.errors import RulePackError
from sourcelint.core.findings import Severity

CUSTOM_PACK = """
[lexicon.speech_verb]
entries = ["opine"]

[[rule]]
code = "XY101"
name = "sources-say"
category = "vague"
severity = "info"
summary = "The house style forbids 'sources say'."
message = "House style: avoid '{text}'."
rationale = "Our desk names its sources."
fix = "Name the source."

[rule.check]
phrases = ["[sources say]"]

[rule.examples]
flagged = ["[[Sources say]] the plant will close."]
ok = ["Sources of revenue say little."]
"""


def test_selectors(registry):
    assert {"SL201", "SL204"} <= {r.code for r in registry.select("SL2")}
    assert all(r.code.startswith("SL2") for r in registry.select("SL2"))
    assert [r.code for r in registry.select("reportedly")] == ["SL204"]
    assert "SL305" in {r.code for r in registry.select("loaded")}
    assert all(r.meta.category == "loaded" for r in registry.select("loaded"))
    assert registry.select("ALL") == registry.rules
    assert not registry.is_known("SL8")
    assert registry.select("") == registry.select("  ") == ()
    chosen = [r.code for r in registry.resolve(["SL2", "SL102"], ignore=["SL204"])]
    assert chosen == sorted(chosen)
    assert "SL102" in chosen and "SL201" in chosen and "SL204" not in chosen
    assert all(code.startswith("SL2") for code in chosen if code != "SL102")


def test_an_opt_in_rule_runs_only_when_a_selector_names_it(registry):
    """SL108 is opt-in: left out by default and by prefixes and categories, chosen by
    its code, its name or ALL."""
    assert registry.get("SL108").meta.opt_in

    def chosen(select=None, extend=()):
        return {rule.code for rule in registry.resolve(select, ignore=(), extend=extend)}

    assert "SL108" not in chosen()
    assert "SL105" in chosen()
    assert "SL108" not in chosen(["SL1"]) | chosen(["vague"]) | chosen(extend=["SL10"])
    assert "SL108" in chosen(extend=["SL108"])
    assert "SL108" in chosen(["unnamed-poll"])
    assert "SL108" in chosen(["ALL"])
    assert "SL108" not in {r.code for r in registry.resolve(["ALL"], ignore=["SL1"])}


def test_more_specific_severity_override_wins(registry):
    overrides = registry.severity_overrides([("SL204", Severity.ERROR), ("SL2", Severity.INFO)])
    assert overrides["SL204"] is Severity.ERROR
    assert overrides["SL201"] is Severity.INFO


def test_extra_pack_adds_rules_and_extends_lexicons(tmp_path, linter):
    (tmp_path / "house.toml").write_text(CUSTOM_PACK)
    registry = load_registry((tmp_path,), plugins=False)
    rule = registry.get("sources-say")
    assert rule is not None and rule.code == "XY101"
    assert "opine" in registry.lexicon["speech_verb"]
    assert "said" in registry.lexicon["speech_verb"]
    findings = linter.lint_text("Sources say the plant will close.", [rule])
    assert [(f.text, f.message) for f in findings] == [
        ("Sources say", "House style: avoid 'Sources say'.")
    ]


@pytest.mark.parametrize(
    ("pack", "key"),
    [
        ("[[rule]]\ncode = 'XY1'\n", "rule[0] (XY1).name"),
        (CUSTOM_PACK.replace('severity = "info"', 'severity = "loud"'), "rule[0] (XY101)"),
        (
            CUSTOM_PACK.replace("[rule.check]", "[rule.check]\nkind = 'magic'"),
            "rule[0] (XY101).check.kind",
        ),
        (CUSTOM_PACK.replace("fix = ", "colour = 'red'\nfix = "), "rule[0] (XY101).colour"),
        ("[lexicon.x]\nentries = 3\n", "lexicon.x.entries"),
        (CUSTOM_PACK.replace("avoid '{text}'", "avoid '{text'"), "rule[0] (XY101).message"),
        (
            CUSTOM_PACK.replace("[rule.check]", "[rule.check]\nkind = ['x']"),
            "rule[0] (XY101).check.kind",
        ),
        (CUSTOM_PACK.replace("fix = ", "opt-in = 'yes'\nfix = "), "rule[0] (XY101).opt-in"),
        ("rule = [", None),
    ],
)
def test_malformed_pack_names_file_and_key(tmp_path, pack, key):
    (tmp_path / "bad.toml").write_text(pack)
    with pytest.raises(RulePackError) as caught:
        load_registry((tmp_path,), plugins=False)
    assert "bad.toml" in str(caught.value)
    if key:
        assert f"key '{key}" in str(caught.value)


def test_duplicate_code_is_refused(tmp_path):
    (tmp_path / "dup.toml").write_text(CUSTOM_PACK.replace("XY101", "SL204"))
    with pytest.raises(RulePackError, match="'SL204' names two rules"):
        load_registry((tmp_path,), plugins=False)


def test_bad_template_is_reported_when_compiled(tmp_path, linter):
    (tmp_path / "t.toml").write_text(CUSTOM_PACK.replace("[sources say]", "[{@nope} say]"))
    rule = load_registry((tmp_path,), plugins=False).get("XY101")
    with pytest.raises(RulePackError, match="unknown lexicon list '@nope'"):
        linter.lint_text("Sources say so.", [rule])


PLUGIN = """
from sourcelint import Category, Example, Hit, Rule, RuleMeta, Severity


def _build(context, params):
    def check(article):
        for token in article.doc:
            if token.lower_ == "allegedly":
                yield Hit(token.idx, token.idx + len(token.text))
    return check


def rules():
    meta = RuleMeta(
        code="PL001", name="plugin-allegedly", category=Category.LOADED,
        severity=Severity.INFO, summary="Plugin test rule.", message="Plugin found '{text}'.",
        rationale="Testing.", fix="None.",
        examples=(Example.parse("He [[allegedly]] stole.", flagged=True),
                  Example.parse("He stole.", flagged=False)),
    )
    return [Rule(meta=meta, factory=_build)]
"""


# A plugin written for 0.1, before the types moved to sourcelint.core and .checks.
OLD_PLUGIN = PLUGIN.replace(
    "from sourcelint import Category, Example, Hit, Rule, RuleMeta, Severity\n",
    "from sourcelint.findings import Category, Hit, Severity\n"
    "from sourcelint.rule import Example, Rule, RuleMeta\n",
)


@pytest.mark.parametrize("source", [PLUGIN, OLD_PLUGIN], ids=["public-api", "0.1-imports"])
def test_plugin_rules_load_through_entry_points(tmp_path, monkeypatch, linter, source):
    (tmp_path / "slplugin.py").write_text(textwrap.dedent(source))
    dist = tmp_path / "slplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: slplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sourcelint.rules]\nplugin = slplugin:rules\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    # Imported afresh, so a deprecated module warns again.
    for module in ("slplugin", "sourcelint.rule", "sourcelint.findings"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    # Bypass the cache so the session's shared registry is not changed.
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        rule = load_registry.__wrapped__((), plugins=True).get("PL001")
    assert rule is not None
    findings = linter.lint_text("He allegedly stole.", [rule])
    assert [f.message for f in findings] == ["Plugin found 'allegedly'."]
    deprecated = [w for w in warned if issubclass(w.category, DeprecationWarning)]
    assert bool(deprecated) == (source is OLD_PLUGIN)


def test_broken_plugin_names_itself(tmp_path, monkeypatch):
    (tmp_path / "brokenplugin.py").write_text("raise ImportError('no such thing')\n")
    dist = tmp_path / "brokenplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: brokenplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sourcelint.rules]\nbroken = brokenplugin:rules\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RulePackError, match="entry point broken = brokenplugin:rules"):
        load_registry.__wrapped__((), plugins=True)


def test_every_check_kind_names_a_module_that_builds_checks():
    """A helper module in checks/ is no check kind: a pack naming it would fail at lint
    time, not when the pack is read."""
    import importlib

    from sourcelint.checks.packs import check_kinds

    for kind in check_kinds():
        module = importlib.import_module(f"sourcelint.checks.{kind.replace('-', '_')}")
        assert callable(getattr(module, "build", None)), kind
