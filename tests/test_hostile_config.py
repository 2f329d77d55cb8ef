"""Hostile configs, rule packs and baselines (issue 11): each is refused with an error
naming the file (and the key at fault), exit 2; none crashes, hangs or fills memory."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_registry import CUSTOM_PACK, PLUGIN

from sourcelint.checks.packs import Pack, load_pack_file
from sourcelint.checks.registry import Registry, load_registry
from sourcelint.config import check_selectors, load_config
from sourcelint.config.show import describe_settings
from sourcelint.core.errors import ConfigError, RulePackError, SourcelintError
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.results import FileResult
from sourcelint.core.rule_meta import RuleMeta, fill_template
from sourcelint.filters.baseline import filter_with_baseline, load_baseline, write_baseline

from conftest import write_files

RULES = Path(__file__).resolve().parent.parent / "rules"
ARTICLE = "A senior official said the plan had failed.\n"
DEEP = 100_000


def _check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: a FIFO that were opened would block forever.
    return subprocess.run(
        [sys.executable, "-m", "sourcelint", "check", "--pipeline", "fast", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _pack_error(tmp_path: Path, text: str) -> RulePackError:
    (tmp_path / "house.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_registry((tmp_path,), plugins=False)
    return caught.value


# ------------------------------------------------------------------ message templates


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("{text:>9999999999}", "format spec"),  # a 10 GB string
        ("{text:{text}}", "format spec"),
        ("{text.__class__}", "field name"),
        ("{text[0]}", "field name"),
        ("{0}", "field name"),
        ("{}", "field name"),
        ("avoid '{text'", "expected '}'"),
        ("avoid text}", "Single '}'"),
        ("avoid {spoken}", "unknown placeholder {spoken}"),
        ("avoid {text!z}", "conversion"),
    ],
)
def test_unsafe_message_templates_are_refused_at_load(tmp_path, message, problem):
    error = _pack_error(tmp_path, CUSTOM_PACK.replace("House style: avoid '{text}'.", message))
    assert "house.toml" in str(error)
    assert error.key == "rule[0] (XY101).message"
    assert problem in str(error)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("link = 3", "link"),
        ("link = 'not a url'", "link"),
        ("suggestion = 3", "suggestion"),
        ("suggestion = ['said']", "suggestion"),
        ("aliases = ['Two Words']", "aliases"),
        ("standards = 'SPJ'", "standards"),
    ],
)
def test_every_rule_field_is_type_checked_at_load(tmp_path, line, key):
    error = _pack_error(tmp_path, CUSTOM_PACK.replace("fix = ", f"{line}\nfix = "))
    assert "house.toml" in str(error)
    assert error.key == f"rule[0] (XY101).{key}"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('summary = "', 'summary = "\\u001b]0;owned\\u0007', "summary"),
        ("[sources say]", "[sources \\u009b2J say]", "check.phrases[0]"),
        ("Sources of revenue", "\\u0008Sources", "examples.ok[0]"),
    ],
)
def test_control_characters_in_a_rule_s_texts_are_refused(tmp_path, old, new, key):
    error = _pack_error(tmp_path, CUSTOM_PACK.replace(old, new))
    assert error.key == f"rule[0] (XY101).{key}"
    assert "control character" in str(error)


def test_a_code_or_name_with_a_trailing_newline_is_refused(tmp_path):
    error = _pack_error(tmp_path, CUSTOM_PACK.replace('code = "XY101"', 'code = "XY101\\n"'))
    assert error.key == "rule[0]"
    error = _pack_error(tmp_path, CUSTOM_PACK.replace('"sources-say"', '"sources-say\\n"'))
    assert error.key == "rule[0] (XY101).name"


@pytest.mark.parametrize(
    "message", ["{text:>9999999999}", "{text.__class__}", "{text[0]}", "{text", "}", "{x}"]
)
def test_rendering_never_raises_nor_allocates(message):
    """Plugin rules build templates in Python, past the pack checks: they stay as written."""
    meta = RuleMeta("XY101", "x", Category.VAGUE, Severity.INFO, "s", message, "r", "f")
    assert meta.format_message("words", (("x", "y"),)) in {message, "y"}


def test_a_plugin_rule_with_an_unsafe_template_names_its_entry_point(tmp_path, monkeypatch):
    files = {
        "bombplugin.py": PLUGIN.replace("Plugin found '{text}'.", "{text:>9999999999}"),
        "bombplugin-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: bombplugin\n",
        "bombplugin-1.0.dist-info/entry_points.txt": "[sourcelint.rules]\nb = bombplugin:rules\n",
    }
    write_files(tmp_path, files)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RulePackError, match="format spec") as caught:
        load_registry.__wrapped__((), plugins=True)  # past the cache: the session's stays
    assert caught.value.path == "entry point b = bombplugin:rules"
    assert caught.value.key == "PL001.message"


def test_safe_templates_fill_as_before():
    values = {"text": "slammed", "plain": "said"}
    assert fill_template("'{text}': use '{plain}' {{ok}}", values) == "'slammed': use 'said' {ok}"
    assert fill_template("{text!r:>10}|{grade}", values) == " 'slammed'|{grade}"


def test_a_memory_bomb_template_exits_2_at_once(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "x.toml").write_text(CUSTOM_PACK.replace("'{text}'", "{text:>9999999999}"), "utf-8")
    (tmp_path / "sourcelint.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Sources say it will close.\n", encoding="utf-8")
    result = _check("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "x.toml: key 'rule[0] (XY101).message'" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ globs, nesting, FIFOs


@pytest.mark.parametrize("key", ["exclude", "extend-exclude"])
def test_a_reversed_range_in_an_exclude_glob_names_the_key(tmp_path, key):
    config = tmp_path / "sourcelint.toml"
    config.write_text(f'{key} = ["drafts/[z-a]*.md"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.key == key
    assert "sourcelint.toml" in str(caught.value) and "[z-a]" in str(caught.value)


@pytest.mark.parametrize(
    ("marker", "problem"),
    [("=", "needs text before its '='"), ("no\\nte: disable=", "must stand on one line")],
)
def test_a_line_marker_that_cannot_work_is_refused_naming_the_key(tmp_path, marker, problem):
    config = tmp_path / "sourcelint.toml"
    config.write_text(f'[readers]\nline-marker = "{marker}"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.key == "readers.line-marker"
    assert problem in caught.value.message


def test_a_reversed_range_in_a_per_file_glob_names_the_key(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.sourcelint.per-file-ignores]\n"[9-0]*.md" = ["SL1"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.key == 'tool.sourcelint.per-file-ignores."[9-0]*.md"'


def test_a_reversed_range_exits_2_without_a_traceback(tmp_path):
    (tmp_path / "sourcelint.toml").write_text('exclude = ["[z-a]"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _check("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "sourcelint.toml: key 'exclude'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_deeply_nested_baseline_is_refused(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply") as caught:
        load_baseline(baseline)
    assert "baseline.json" in str(caught.value)


def test_a_baseline_with_an_overlong_integer_is_refused(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": ' + "1" * 5000 + "}", encoding="utf-8")
    with pytest.raises(ConfigError, match="malformed baseline"):
        load_baseline(baseline)


def test_baseline_entries_with_impossible_paths_are_stale_not_fatal(tmp_path):
    baseline = tmp_path / "baseline.json"
    entry = '{"path": "' + "a" * 5000 + '", "code": "SL102", "fingerprint": "f", "count": 1}'
    baseline.write_text('{"version": 1, "entries": [' + entry + "]}", encoding="utf-8")
    assert filter_with_baseline([], load_baseline(baseline), tmp_path) == ([], 1)


def test_a_baseline_records_a_file_name_that_is_not_utf8(tmp_path):
    text = "A source said so."
    finding = Finding(
        "SL101", "bare-source", Category.ANONYMOUS, Severity.WARNING, "m", 1, 1, 1, 9, 0, 8,
        "A source",
    )  # fmt: skip
    results = [FileResult("caf\udce9.txt", [finding], text)]  # --stdin-filename's bytes
    write_baseline(tmp_path / "baseline.json", results)
    filtered, stale = filter_with_baseline(
        results, load_baseline(tmp_path / "baseline.json"), tmp_path
    )
    assert stale == 0 and filtered[0].findings == []


@pytest.mark.parametrize(
    "text",
    [
        "select = " + "[" * DEEP + "]" * DEEP,
        "select = " + "{a = " * 2000 + "1" + "}" * 2000,
        "jobs = " + "1" * 5000,
    ],
    ids=["arrays", "tables", "long-integer"],
)
def test_deep_or_huge_toml_is_a_config_error(tmp_path, text):
    config = tmp_path / "sourcelint.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML") as caught:
        load_config(config)
    assert "sourcelint.toml" in str(caught.value)


def test_a_deeply_nested_rule_pack_is_a_rule_pack_error(tmp_path):
    error = _pack_error(tmp_path, "rule = " + "[" * DEEP + "]" * DEEP)
    assert "house.toml" in str(error) and "nested too deeply" in str(error)


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@needs_fifo
@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_fifo_as_config_or_baseline_is_refused_not_waited_on(tmp_path, option):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _check(option, "pipe", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "pipe: " in result.stderr and "is not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@needs_fifo
def test_a_fifo_in_a_rule_directory_is_refused_not_waited_on(tmp_path):
    (tmp_path / "house").mkdir()
    os.mkfifo(tmp_path / "house" / "x.toml")
    (tmp_path / "sourcelint.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _check("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "x.toml: is not a regular file" in result.stderr


# ------------------------------------------------------------------ random configs

_KEYS = (
    "select", "extend-select", "ignore", "severity", "pipeline", "model", "exclude",
    "extend-exclude", "respect-gitignore", "force-exclude", "per-file-ignores",
    "extend-rules", "fail-on", "own-outlet", "jobs", "readers", "extend", "tool",
)  # fmt: skip
_WORDS = (
    "SL1", "SL102", "ALL", "loaded", "error", "warning", "fast", "parse", "*.md", "!*.md",
    "[z-a]", "drafts/", "**", "#", "", " ", "..", "rules", "sourcelint.toml", "plain",
    "markdown", ".mdx", "\\", "[", "a\x00b", "\u202e", "::", "%0A",
)  # fmt: skip
# No DEL: TOML refuses it raw, and the fuzzer should get past the TOML parser.
_TEXT = st.one_of(
    st.sampled_from(_WORDS), st.text(st.characters(exclude_characters="\x7f"), max_size=12)
)
_SCALARS = st.one_of(
    _TEXT,
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 1, -1, 2**63, 10**4000]),
    st.floats(allow_nan=True),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(_KEYS + _WORDS), _TEXT), inner, max_size=4),
    ),
    max_leaves=12,
)
_SELECTORS = st.lists(st.sampled_from(["SL1", "SL102", "ALL", "loaded", "sources-say", "SL8"]))
_SEVERITY = st.sampled_from(["error", "warning", "info", "fatal"])
_GLOBS = st.lists(
    st.one_of(
        st.sampled_from(["*.md", "!*.md", "drafts/", "[z-a]", "a/**/b", "**", "\\", "["]), _TEXT
    )
)
# Plausible values per key, so that most configs get past the first check to the later ones.
_GOOD = {
    "select": _SELECTORS,
    "extend-select": _SELECTORS,
    "ignore": _SELECTORS,
    "severity": st.dictionaries(st.sampled_from(["SL102", "SL2", "loaded", "x"]), _SEVERITY),
    "pipeline": st.sampled_from(["fast", "parse", "accurate", "slow"]),
    "exclude": _GLOBS,
    "extend-exclude": _GLOBS,
    "per-file-ignores": st.dictionaries(
        st.one_of(st.sampled_from(["*.md", "!x/*", "[9-0]", "#", " "]), _TEXT), _SELECTORS
    ),
    "respect-gitignore": st.booleans(),
    "force-exclude": st.booleans(),
    "fail-on": _SEVERITY,
    "own-outlet": st.lists(_TEXT),
    "jobs": st.integers(min_value=-2, max_value=2**70),
    "extend-rules": st.lists(st.sampled_from(["rules", "missing", "sourcelint.toml"])),
    "extend": st.sampled_from(["base.toml", "sourcelint.toml", "pyproject.toml", "missing"]),
    "readers": st.fixed_dictionaries(
        {},
        optional={
            "extensions": st.dictionaries(
                st.sampled_from([".mdx", ".TXT", ""]), st.sampled_from(["plain", "html", "x"])
            ),
            "front-matter-fields": st.lists(_TEXT),
            "html-skip": st.lists(_TEXT),
            "html-content": _TEXT,
            "line-marker": _TEXT,
        },
    ),
}


def mostly(good: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Nine times in ten a draw from ``good``, else from ``other``."""
    return st.integers(0, 9).flatmap(lambda n: good if n else other)


# Each key: mostly a plausible value, sometimes anything; sometimes an unknown key.
_TABLES = st.fixed_dictionaries(
    {}, optional={key: mostly(good, _VALUES) for key, good in _GOOD.items()}
) | st.dictionaries(st.one_of(st.sampled_from(_KEYS), _TEXT), _VALUES, max_size=4)


def toml_document(table: dict[str, Any], header: str = "") -> str:
    """``table`` as TOML, its values inline (what a fuzzer needs: any nesting, one line)."""
    lines = [header] if header else []
    lines += [f"{toml_key(key)} = {toml_value(value)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def toml_key(key: str) -> str:
    # A JSON string is a TOML basic string: the same escapes, control characters included.
    return json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_key(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{toml_key(key)} = {toml_value(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    return str(value)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "rules").mkdir()
        (Path(directory) / "base.toml").write_text('select = ["SL1"]\n', encoding="utf-8")
        yield Path(directory)


def _write(path: Path, text: str) -> None:
    # surrogatepass: a lone surrogate is written as the bytes TOML must refuse.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


# The messages of faults of a whole file (unreadable, not UTF-8, not TOML), which no key causes.
_FILE_WIDE = ("invalid TOML", "cannot read", "is ", "looks like", "no such", "permission")


def assert_names_file(error: SourcelintError, name: str) -> None:
    assert error.path is not None and name in error.path, error
    message = error.message
    if error.key is None:  # only a file-wide fault may leave the key out
        assert message.startswith(_FILE_WIDE), error


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(table=_TABLES, pyproject=st.booleans())
def test_random_configs_load_or_fail_naming_file_and_key(scratch, registry, table, pyproject):
    name = "pyproject.toml" if pyproject else "sourcelint.toml"
    path = scratch / name
    header = "[tool.sourcelint]" if pyproject else ""
    _write(path, toml_document(table, header))
    try:
        settings_ = load_config(path)
        check_selectors(settings_, registry.is_known)
        for probe in ("a.md", "drafts/x.md", "../up.txt", "rules"):
            settings_.is_excluded(scratch / probe, is_dir=False)
            settings_.ignores_for(scratch / probe)
        describe_settings(scratch / "a.md", config=path, cwd=scratch)
        load_registry(settings_.extend_rules, plugins=False)
        event("loaded")
    except ConfigError as error:
        event(f"error {error.message[:25]}")
        assert_names_file(error, name)
    except RulePackError as error:
        assert error.path is not None
    finally:
        path.unlink()


def test_random_config_documents_are_what_was_generated():
    """The fuzzer's TOML writer round-trips, so the examples are the configs intended."""
    table = {"select": ["SL1"], "severity": {"SL102": "error"}, "x y": {"a": [1, 2.5, True]}}
    assert tomllib.loads(toml_document(table)) == table


# ------------------------------------------------------------------ random rule packs


def _real_packs() -> list[tuple[str, dict[str, Any]]]:
    return [
        (path.name, tomllib.loads(path.read_text("utf-8"))) for path in sorted(RULES.glob("*.toml"))
    ]


REAL_PACKS = _real_packs()
_RULE_KEYS = (
    "code", "name", "category", "severity", "summary", "message", "rationale", "fix",
    "standards", "link", "suggestion", "aliases", "examples", "check", "kind", "phrases",
    "entries", "inflect", "flagged", "ok", "lexicon", "rule",
)  # fmt: skip
_PACK_VALUES = st.one_of(
    _VALUES,
    st.sampled_from(
        [
            "{text:>9999999999}", "{text.__class__}", "{text[0]}", "{text", "}", "{nope}",
            "{text:{text}}", "{text!r:^20}", "SL999", "XY12", "sources-say", "Bad Name",
            "verb", "phrases", "loaded", "warning", "https://example.org", "[[marked]] it",
        ]
    ),
)  # fmt: skip
# Where to mutate a pack, and the keys that belong there (other keys now and then).
_RULE_TABLES = [("rule", 0), ("rule", 0), ("rule", 0, "check"), ("rule", 0, "examples")]
_KEYS_AT = {
    (): ["rule", "lexicon"],
    ("rule", 0): list(_RULE_KEYS[:14]),
    ("rule", 0, "check"): ["kind", "phrases", "words", "verbs"],
    ("rule", 0, "examples"): ["flagged", "ok", 0],
    "lexicon": ["entries", "inflect", "description"],
}


def _prefixes(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Where a pack can be mutated: its top level, its rule and tables, its lexicon lists."""
    found: list[tuple[Any, ...]] = [()]
    if document.get("rule"):
        found += _RULE_TABLES
    lexicon = document.get("lexicon")
    if isinstance(lexicon, dict):
        found += [("lexicon", name) for name in lexicon][:3]
    return found


def _keys_at(prefix: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    known = _KEYS_AT["lexicon" if prefix[:1] == ("lexicon",) else prefix]
    return mostly(st.sampled_from(known), st.one_of(st.sampled_from(_RULE_KEYS), _TEXT))


def mutate(document: Any, steps: list[Any], value: Any) -> None:
    """Set (or delete, when ``value`` is None) what ``steps`` lead to, as far as they go."""
    node = document
    for step in steps[:-1]:
        if (
            isinstance(node, dict)
            and isinstance(step, str)
            and isinstance(node.get(step), dict | list)
        ) or (isinstance(node, list) and isinstance(step, int) and step < len(node)):
            node = node[step]
    last = steps[-1]
    if isinstance(node, dict) and isinstance(last, str):
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        if value is None:
            del node[last]
        else:
            node[last] = value


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pack=st.sampled_from(range(len(REAL_PACKS))), data=st.data())
def test_mutated_rule_packs_load_or_fail_naming_file_and_key(scratch, pack, data):
    name, document = REAL_PACKS[pack]
    # One rule (and the lexicon) of the pack: enough to mutate, small enough to be fast.
    document = _copy(document)
    if document.get("rule"):
        document["rule"] = [data.draw(st.sampled_from(document["rule"]))]
    for _ in range(data.draw(st.integers(1, 3))):
        prefix = data.draw(st.sampled_from(_prefixes(document)))
        key = data.draw(_keys_at(prefix))
        mutate(document, [*prefix, key], data.draw(st.none() | _PACK_VALUES))  # None: delete
    path = scratch / "rules" / name
    _write(path, toml_document(document))
    pack_ = Pack()
    try:
        load_pack_file(path, pack_)
        Registry(rules=tuple(pack_.rules), lexicon=pack_.lexicon)
        for rule in pack_.rules:
            rule.meta.format_message("words", (("plain", "said"),))
        event("loaded")
    except RulePackError as error:
        event(f"error {error.message[:25]}")
        assert_names_file(error, name)
    finally:
        path.unlink()


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value
