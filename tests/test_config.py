"""Configuration discovery, parsing, validation and glob matching."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sourcelint.config import (
    DEFAULT_EXCLUDE,
    ConfigResolver,
    FrozenMap,
    Settings,
    check_selectors,
    find_config,
    load_config,
)
from sourcelint.core.errors import ConfigError
from sourcelint.core.findings import Severity
from sourcelint.core.tiers import DEFAULT_TIER


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


# --------------------------------------------------------------------------- discovery


def test_precedence_within_one_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.sourcelint]\nselect = ["pyproject"]\n')
    write(tmp_path / "sourcelint.toml", 'select = ["plain"]\n')
    write(tmp_path / ".sourcelint.toml", 'select = ["dotted"]\n')

    assert find_config(tmp_path) == tmp_path / ".sourcelint.toml"
    assert ConfigResolver(cwd=tmp_path).settings_for_directory(tmp_path).select == ("dotted",)

    (tmp_path / ".sourcelint.toml").unlink()
    assert find_config(tmp_path) == tmp_path / "sourcelint.toml"
    assert ConfigResolver(cwd=tmp_path).settings_for_directory(tmp_path).select == ("plain",)

    (tmp_path / "sourcelint.toml").unlink()
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert ConfigResolver(cwd=tmp_path).settings_for_directory(tmp_path).select == ("pyproject",)


def test_nearest_config_wins_without_merging(tmp_path):
    write(tmp_path / ".sourcelint.toml", 'select = ["SL1"]\nignore = ["SL102"]\n')
    write(tmp_path / "desk" / "sourcelint.toml", 'select = ["SL3"]\n')
    article = write(tmp_path / "desk" / "deep" / "er" / "story.md", "text")
    top = write(tmp_path / "top.md", "text")

    resolver = ConfigResolver(cwd=tmp_path)
    nested = resolver.settings_for(article)
    assert nested.source == tmp_path / "desk" / "sourcelint.toml"
    assert nested.root == tmp_path / "desk"
    assert nested.select == ("SL3",)
    assert nested.ignore == ()  # no merging with the parent config

    outer = resolver.settings_for(top)
    assert outer.source == tmp_path / ".sourcelint.toml"
    assert outer.ignore == ("SL102",)
    assert find_config(article.parent) == tmp_path / "desk" / "sourcelint.toml"


def test_settings_for_a_directory_uses_the_directory_itself(tmp_path):
    write(tmp_path / "desk" / ".sourcelint.toml", 'select = ["SL2"]\n')
    resolver = ConfigResolver(cwd=tmp_path)
    assert resolver.settings_for(tmp_path / "desk").select == ("SL2",)
    assert resolver.settings_for(Path("desk")).select == ("SL2",)  # relative to cwd


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / ".sourcelint.toml", 'select = ["outer"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')
    # Mentions sourcelint, but only as a dependency: still no [tool.sourcelint].
    write(tmp_path / "a" / "b" / "pyproject.toml", '[project]\ndependencies = ["sourcelint"]\n')
    directory = tmp_path / "a" / "b"

    assert find_config(directory) == tmp_path / ".sourcelint.toml"
    settings = ConfigResolver(cwd=tmp_path).settings_for_directory(directory)
    assert settings.select == ("outer",)


def test_unrelated_broken_pyproject_is_skipped_but_ours_is_an_error(tmp_path):
    write(tmp_path / ".sourcelint.toml", 'select = ["outer"]\n')
    write(tmp_path / "other" / "pyproject.toml", "[project\nname = ")
    assert find_config(tmp_path / "other") == tmp_path / ".sourcelint.toml"

    write(tmp_path / "ours" / "pyproject.toml", "[tool.sourcelint\nselect = ")
    with pytest.raises(ConfigError) as info:
        ConfigResolver(cwd=tmp_path).settings_for_directory(tmp_path / "ours")
    assert "ours/pyproject.toml" in str(info.value)
    assert "invalid TOML" in str(info.value)


def test_defaults_without_any_config(tmp_path):
    resolver = ConfigResolver(cwd=tmp_path)
    settings = resolver.settings_for(tmp_path / "story.md")
    if settings.source is not None:
        pytest.skip(f"a config above the test directory interferes: {settings.source}")
    assert settings == Settings(source=None, root=tmp_path)
    assert settings.select is None
    assert settings.pipeline == DEFAULT_TIER == "fast"
    assert settings.model is None
    assert settings.exclude == DEFAULT_EXCLUDE
    assert settings.respect_gitignore is True
    assert settings.force_exclude is False
    assert settings.fail_on is None


def test_lookups_are_cached_per_directory(tmp_path):
    config = write(tmp_path / ".sourcelint.toml", 'select = ["SL1"]\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    resolver = ConfigResolver(cwd=tmp_path)
    first = resolver.settings_for_directory(tmp_path / "a" / "b")
    config.unlink()  # a cached lookup does not touch the file system again
    assert resolver.settings_for_directory(tmp_path / "a" / "b") is first
    # intermediate directories were cached on the way up
    assert resolver.settings_for_directory(tmp_path / "a") is first
    assert resolver.settings_for(tmp_path / "a" / "b" / "x.md") is first


def test_one_settings_object_per_config_file(tmp_path):
    write(tmp_path / ".sourcelint.toml", 'select = ["SL1"]\n')
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    resolver = ConfigResolver(cwd=tmp_path)
    assert resolver.settings_for_directory(tmp_path / "a") is resolver.settings_for_directory(
        tmp_path / "b"
    )


def test_explicit_config_is_used_for_every_file(tmp_path):
    explicit = write(tmp_path / "conf" / "strict.toml", 'select = ["strict"]\n')
    write(tmp_path / "desk" / ".sourcelint.toml", 'select = ["nearby"]\n')
    resolver = ConfigResolver(explicit=Path("conf/strict.toml"), cwd=tmp_path)
    settings = resolver.settings_for(tmp_path / "desk" / "story.md")
    assert settings.select == ("strict",)
    assert settings.source == explicit
    assert settings.root == tmp_path / "conf"
    assert resolver.settings_for_directory(tmp_path / "desk") is settings


def test_explicit_config_errors_at_construction(tmp_path):
    write(tmp_path / "bad.toml", "selct = []\n")
    with pytest.raises(ConfigError) as info:
        ConfigResolver(explicit=tmp_path / "bad.toml", cwd=tmp_path)
    assert "bad.toml" in str(info.value)
    assert "'selct'" in str(info.value)


def test_explicit_pyproject_without_table_gives_defaults(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    settings = load_config(path)
    assert settings == Settings(source=path, root=tmp_path)


def test_resolver_errors_name_the_file_relative_to_cwd(tmp_path):
    write(tmp_path / "desk" / "sourcelint.toml", "select = 3\n")
    with pytest.raises(ConfigError) as info:
        ConfigResolver(cwd=tmp_path).settings_for(tmp_path / "desk" / "a.md")
    assert str(info.value) == (
        "desk/sourcelint.toml: key 'select': expected a list of strings, got int"
    )


# --------------------------------------------------------------------------- parsing


FULL_CONFIG = """
select = ["SL1", "loaded-verb"]
extend-select = ["SL501"]
ignore = ["SL102"]
pipeline = "parse"
model = "en_core_web_md"
exclude = ["archive/"]
extend-exclude = ["*.draft.md"]
respect-gitignore = false
force-exclude = true
extend-rules = ["packs", "/abs/ignored"]
fail-on = "warning"

[severity]
SL301 = "error"
anonymous-source = "info"

[per-file-ignores]
"drafts/*.md" = ["SL1"]
"**/opinion/**" = ["SL3", "SL4"]
"""


def test_cache_dir_is_relative_to_the_config_that_writes_it(tmp_path):
    write(tmp_path / "shared" / "base.toml", 'cache-dir = "lint-cache"\n')
    write(tmp_path / "desk" / "child.toml", 'extend = "../shared/base.toml"\n')
    write(tmp_path / "desk" / "own.toml", 'cache-dir = "~/cache"\n')
    assert (
        load_config(tmp_path / "shared" / "base.toml").cache_dir
        == tmp_path / "shared" / "lint-cache"
    )
    assert (
        load_config(tmp_path / "desk" / "child.toml").cache_dir
        == tmp_path / "shared" / "lint-cache"
    )
    assert load_config(tmp_path / "desk" / "own.toml").cache_dir == Path.home() / "cache"


def test_every_key_is_parsed(tmp_path):
    (tmp_path / "packs").mkdir()
    absolute = tmp_path / "abs_packs"
    absolute.mkdir()
    path = write(
        tmp_path / "sourcelint.toml", FULL_CONFIG.replace("/abs/ignored", absolute.as_posix())
    )
    settings = load_config(path)
    assert settings.source == path
    assert settings.root == tmp_path
    assert settings.select == ("SL1", "loaded-verb")
    assert settings.extend_select == ("SL501",)
    assert settings.ignore == ("SL102",)
    assert dict(settings.severity) == {
        "SL301": Severity.ERROR,
        "anonymous-source": Severity.INFO,
    }
    assert settings.pipeline == "parse"
    assert settings.model == "en_core_web_md"
    assert settings.exclude == ("archive/",)
    assert settings.extend_exclude == ("*.draft.md",)
    assert settings.respect_gitignore is False
    assert settings.force_exclude is True
    assert dict(settings.per_file_ignores) == {
        "drafts/*.md": ("SL1",),
        "**/opinion/**": ("SL3", "SL4"),
    }
    assert settings.extend_rules == (tmp_path / "packs", absolute)
    assert settings.fail_on is Severity.WARNING


def test_pyproject_table_is_read(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.sourcelint]\nselect = ["SL2"]\n'
        '[tool.sourcelint.severity]\nSL201 = "error"\n',
    )
    settings = load_config(path)
    assert settings.select == ("SL2",)
    assert settings.severity == {"SL201": Severity.ERROR}


def test_empty_select_selects_nothing(tmp_path):
    settings = load_config(write(tmp_path / "sourcelint.toml", "select = []\n"))
    assert settings.select == ()


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "sourcelint.toml"
    path.write_bytes(b'\xef\xbb\xbfselect = ["SL1"]\n')
    assert load_config(path).select == ("SL1",)


def test_settings_are_immutable_and_hashable(tmp_path):
    settings = Settings(
        source=None,
        root=tmp_path,
        severity={"SL1": Severity.INFO},
        per_file_ignores={"*.txt": ["SL1"]},
    )
    assert isinstance(settings.severity, FrozenMap)
    assert settings.per_file_ignores["*.txt"] == ("SL1",)
    same = Settings(source=None, root=tmp_path, severity=FrozenMap({"SL1": Severity.INFO}))
    assert {settings: 1}  # hashable
    assert same.severity == settings.severity
    assert hash(same.severity) == hash(settings.severity)
    with pytest.raises(TypeError):
        settings.severity["SL2"] = Severity.ERROR  # type: ignore[index]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("per-file-ignore = {}\n", "per-file-ignore", "did you mean 'per-file-ignores'?"),
        ("per_file_ignores = {}\n", "per_file_ignores", "did you mean 'per-file-ignores'?"),
        ("selct = []\n", "selct", "did you mean 'select'?"),
        ("failOn = 'error'\n", "failOn", "did you mean 'fail-on'?"),
        ("[readers]\nfront-matter = ['title']\n", "readers.front-matter", "did you mean"),
    ],
)
def test_unknown_key_suggests_the_closest(tmp_path, text, key, fragment):
    error = config_error(write(tmp_path / ".sourcelint.toml", text))
    assert ".sourcelint.toml" in str(error)
    assert f"key '{key}'" in str(error)
    assert fragment in str(error)
    assert error.key == key


def test_tool_table_outside_pyproject_gets_a_hint(tmp_path):
    text = '[tool.sourcelint]\nselect = ["SL1"]\n'
    error = config_error(write(tmp_path / "sourcelint.toml", text))
    assert "key 'tool'" in str(error)
    assert "keys go at the top level" in str(error)


def test_unknown_key_without_close_match_has_no_suggestion(tmp_path):
    error = config_error(write(tmp_path / ".sourcelint.toml", "zzzzzz = 1\n"))
    assert "did you mean" not in str(error)
    assert "unknown key" in str(error)


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("select = 3\n", "select", "expected a list of strings, got int"),
        ("select = 'SL1'\n", "select", "expected a list of strings, got string"),
        ('ignore = ["SL1", 2]\n', "ignore", "item 1 is int"),
        ('extend-select = [["SL1"]]\n', "extend-select", "item 0 is list"),
        ("exclude = {}\n", "exclude", "got table"),
        ("extend-exclude = true\n", "extend-exclude", "got bool"),
        ("respect-gitignore = 'yes'\n", "respect-gitignore", "expected a boolean, got string"),
        ("force-exclude = 1\n", "force-exclude", "expected a boolean, got int"),
        ("model = 3\n", "model", "expected a string, got int"),
        ("model = ''\n", "model", "non-empty"),
        ("severity = ['SL1']\n", "severity", "expected a table, got list"),
        ("per-file-ignores = []\n", "per-file-ignores", "expected a table, got list"),
        (
            '[per-file-ignores]\n"drafts/*.md" = "SL1"\n',
            'per-file-ignores."drafts/*.md"',
            "expected a list of strings, got string",
        ),
        ("extend-rules = 'packs'\n", "extend-rules", "expected a list of strings"),
        ("pipeline = 1\n", "pipeline", "got int"),
    ],
)
def test_wrong_type(tmp_path, text, key, fragment):
    error = config_error(write(tmp_path / "sourcelint.toml", text))
    assert str(error).startswith(f"{tmp_path / 'sourcelint.toml'}: key '{key}': ")
    assert fragment in str(error)


@pytest.mark.parametrize(
    ("text", "key", "value", "allowed"),
    [
        ('pipeline = "slow"\n', "pipeline", "'slow'", "'parse', 'fast'"),
        ('fail-on = "fatal"\n', "fail-on", "'fatal'", "'error', 'warning', 'info'"),
        (
            '[severity]\nSL102 = "high"\n',
            "severity.SL102",
            "'high'",
            "'error', 'warning', 'info'",
        ),
    ],
)
def test_bad_enum_lists_allowed_values(tmp_path, text, key, value, allowed):
    error = config_error(write(tmp_path / "sourcelint.toml", text))
    assert "sourcelint.toml" in str(error)
    assert f"key '{key}'" in str(error)
    assert f"invalid value {value}; expected one of {allowed}" in str(error)


@pytest.mark.parametrize(
    ("value", "tier"), [("parse", "parse"), ("fast", "fast"), ("accurate", "parse")]
)
def test_pipeline_names_are_canonical(tmp_path, value, tier):
    # 'accurate' is the old name of 'parse': still accepted, never passed on.
    settings = load_config(write(tmp_path / "sourcelint.toml", f'pipeline = "{value}"\n'))
    assert settings.pipeline == tier


def test_config_does_not_import_the_analysis_stage():
    code = (
        "import sys\n"
        "import sourcelint.config\n"
        "assert not any(m.startswith('sourcelint.analysis') for m in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr


def test_pyproject_keys_are_prefixed(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.sourcelint]\nselect = 3\n")
    error = config_error(path)
    assert str(error).endswith(
        "pyproject.toml: key 'tool.sourcelint.select': expected a list of strings, got int"
    )
    path = write(tmp_path / "pyproject.toml", '[tool.sourcelint.severity]\n"a b" = "loud"\n')
    assert "key 'tool.sourcelint.severity.\"a b\"'" in str(config_error(path))
    path = write(tmp_path / "pyproject.toml", "[tool.sourcelint]\nselct = []\n")
    error = config_error(path)
    assert "key 'tool.sourcelint.selct'" in str(error)
    assert "did you mean 'select'?" in str(error)


def test_tool_sourcelint_must_be_a_table(tmp_path):
    error = config_error(write(tmp_path / "pyproject.toml", "[tool]\nsourcelint = 1\n"))
    assert "pyproject.toml: key 'tool.sourcelint': expected a table, got int" in str(error)


def test_invalid_toml_reports_line_and_column(tmp_path):
    error = config_error(write(tmp_path / "sourcelint.toml", 'select = ["SL1"]\npipeline = \n'))
    assert "sourcelint.toml" in str(error)
    assert "invalid TOML" in str(error)
    assert "line 2, column" in str(error)


def test_undecodable_file(tmp_path):
    path = tmp_path / ".sourcelint.toml"
    path.write_bytes(b'select = ["caf\xe9"]\n')
    error = config_error(path)
    assert ".sourcelint.toml" in str(error)
    assert "not valid UTF-8" in str(error)
    assert "0xe9" in str(error)


def test_unreadable_file(tmp_path):
    error = config_error(tmp_path / "missing.toml")
    assert "missing.toml" in str(error)
    assert "cannot read config file" in str(error)


def test_missing_extend_rules_directory(tmp_path):
    error = config_error(write(tmp_path / "sourcelint.toml", 'extend-rules = ["packs"]\n'))
    assert "sourcelint.toml" in str(error)
    assert "key 'extend-rules'" in str(error)
    assert "'packs' does not exist" in str(error)


def test_extend_rules_must_be_a_directory(tmp_path):
    write(tmp_path / "packs", "not a directory")
    error = config_error(write(tmp_path / "sourcelint.toml", 'extend-rules = ["packs"]\n'))
    assert "key 'extend-rules'" in str(error)
    assert "is not a directory" in str(error)


def test_invalid_pattern(tmp_path):
    error = config_error(write(tmp_path / "sourcelint.toml", 'exclude = ["a\\\\"]\n'))
    assert "key 'exclude'" in str(error)
    assert "invalid pattern" in str(error)
    text = '[per-file-ignores]\n"drafts/\\\\" = ["SL1"]\n'
    error = config_error(write(tmp_path / "sourcelint.toml", text))
    assert "key 'per-file-ignores.\"drafts/\\\\\"'" in str(error)
    assert "invalid pattern" in str(error)


@pytest.mark.parametrize("glob", ["!", "", "#drafts"])
def test_inert_per_file_glob_is_an_error(tmp_path, glob):
    text = f'[per-file-ignores]\n"{glob}" = ["SL1"]\n'
    error = config_error(write(tmp_path / "sourcelint.toml", text))
    assert f"key 'per-file-ignores.\"{glob}\"'" in str(error)
    assert "matches nothing" in str(error)


def test_errors_carry_a_stable_code(tmp_path):
    error = config_error(write(tmp_path / "sourcelint.toml", "select = 3\n"))
    assert error.code == "E101"
    assert error.render().startswith("error[E101]: ")


# --------------------------------------------------------------------------- selectors

KNOWN = {"SL102", "SL301", "anonymous-source", "SL1"}


def test_check_selectors_accepts_known(tmp_path):
    path = write(
        tmp_path / "sourcelint.toml",
        'select = ["SL1"]\nextend-select = ["SL301"]\nignore = ["anonymous-source"]\n'
        '[severity]\nSL102 = "info"\n[per-file-ignores]\n"*.txt" = ["SL102"]\n',
    )
    check_selectors(load_config(path), KNOWN.__contains__)
    check_selectors(Settings(source=None, root=tmp_path), KNOWN.__contains__)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('select = ["SL1", "SL999"]\n', "select"),
        ('extend-select = ["SL999"]\n', "extend-select"),
        ('ignore = ["SL999"]\n', "ignore"),
        ('[severity]\nSL102 = "info"\nSL999 = "error"\n', "severity.SL999"),
        (
            '[per-file-ignores]\n"drafts/*.md" = ["SL102", "SL999"]\n',
            'per-file-ignores."drafts/*.md"',
        ),
    ],
)
def test_check_selectors_names_file_and_key(tmp_path, text, key):
    settings = load_config(write(tmp_path / ".sourcelint.toml", text))
    with pytest.raises(ConfigError) as info:
        check_selectors(settings, KNOWN.__contains__)
    assert ".sourcelint.toml" in str(info.value)
    assert f"key '{key}'" in str(info.value)
    assert "'SL999'" in str(info.value)


def test_check_selectors_prefixes_pyproject_keys(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.sourcelint]\nignore = ["nope"]\n')
    with pytest.raises(ConfigError) as info:
        check_selectors(load_config(path), KNOWN.__contains__)
    assert "pyproject.toml: key 'tool.sourcelint.ignore': unknown rule selector 'nope'" in str(
        info.value
    )


def test_check_selectors_reports_the_first_unknown_in_order(tmp_path):
    text = 'select = ["bad-select"]\nignore = ["bad-ignore"]\n'
    settings = load_config(write(tmp_path / "sourcelint.toml", text))
    with pytest.raises(ConfigError) as info:
        check_selectors(settings, KNOWN.__contains__)
    assert info.value.key == "select"
    assert "bad-select" in str(info.value)


# --------------------------------------------------------------------------- globs


def per_file(tmp_path, mapping):
    return Settings(source=None, root=tmp_path, per_file_ignores=mapping)


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("drafts/a.md", ("SL1",)),
        ("drafts/sub/a.md", ()),  # '*' does not cross '/'
        ("other/drafts/a.md", ()),  # a pattern with a '/' is anchored at the root
        ("drafts/a.txt", ("SL5",)),
        ("deep/down/notes.txt", ("SL5",)),  # a bare '*.txt' matches at any depth
        ("opinion/col.md", ("SL3",)),
        ("news/opinion/2024/col.md", ("SL3",)),
        ("opinionated.md", ()),
    ],
)
def test_ignores_for_globs(tmp_path, relative, expected):
    settings = per_file(
        tmp_path, {"drafts/*.md": ["SL1"], "**/opinion/**": ["SL3"], "*.txt": ["SL5"]}
    )
    assert settings.ignores_for(tmp_path / relative) == expected


def test_ignores_for_combines_and_deduplicates(tmp_path):
    settings = per_file(tmp_path, {"*.md": ["SL1", "SL2"], "drafts/": ["SL2", "SL3"]})
    assert settings.ignores_for(tmp_path / "drafts" / "a.md") == ("SL1", "SL2", "SL3")


def test_ignores_for_negated_glob(tmp_path):
    settings = per_file(tmp_path, {"!news/**": ["SL5"]})
    assert settings.ignores_for(tmp_path / "blog" / "a.md") == ("SL5",)
    assert settings.ignores_for(tmp_path / "news" / "a.md") == ()


def test_ignores_for_is_relative_to_the_config_root(tmp_path):
    path = write(
        tmp_path / "site" / ".sourcelint.toml", '[per-file-ignores]\n"drafts/*.md" = ["SL1"]\n'
    )
    settings = load_config(path)
    assert settings.ignores_for(tmp_path / "site" / "drafts" / "a.md") == ("SL1",)
    assert settings.ignores_for(tmp_path / "drafts" / "a.md") == ()  # outside the root


def test_ignores_for_outside_root_matches_the_name(tmp_path):
    settings = per_file(tmp_path / "root", {"*.txt": ["SL5"], "drafts/*.md": ["SL1"]})
    assert settings.ignores_for(tmp_path / "elsewhere" / "notes.txt") == ("SL5",)
    assert settings.ignores_for(tmp_path / "elsewhere" / "drafts" / "a.md") == ()


def test_is_excluded_defaults(tmp_path):
    settings = Settings(source=None, root=tmp_path)
    assert settings.is_excluded(tmp_path / ".venv", is_dir=True)
    assert settings.is_excluded(tmp_path / "pkg" / "node_modules", is_dir=True)
    assert settings.is_excluded(tmp_path / "build" / "story.md", is_dir=False)
    assert settings.is_excluded(tmp_path / "a" / "dist" / "x" / "story.md", is_dir=False)
    # "build/" only matches directories
    assert not settings.is_excluded(tmp_path / "build", is_dir=False)
    assert not settings.is_excluded(tmp_path / "story.md", is_dir=False)
    assert not settings.is_excluded(tmp_path, is_dir=True)  # the root itself


def test_is_excluded_stats_when_not_told(tmp_path):
    (tmp_path / "build").mkdir()
    write(tmp_path / "dist", "a file named dist")
    settings = Settings(source=None, root=tmp_path)
    assert settings.is_excluded(tmp_path / "build")
    assert not settings.is_excluded(tmp_path / "dist")


def test_exclude_replaces_and_extend_exclude_adds(tmp_path):
    path = write(tmp_path / "sourcelint.toml", 'exclude = ["archive/"]\n')
    replaced = load_config(path)
    assert replaced.is_excluded(tmp_path / "archive" / "a.md", is_dir=False)
    assert not replaced.is_excluded(tmp_path / ".venv" / "a.md", is_dir=False)

    path = write(tmp_path / "sourcelint.toml", 'extend-exclude = ["archive/", "*.draft.md"]\n')
    extended = load_config(path)
    assert extended.is_excluded(tmp_path / "archive" / "a.md", is_dir=False)
    assert extended.is_excluded(tmp_path / "x" / "a.draft.md", is_dir=False)
    assert extended.is_excluded(tmp_path / ".venv" / "a.md", is_dir=False)
    assert not extended.is_excluded(tmp_path / "x" / "a.md", is_dir=False)


def test_readers_table(tmp_path):
    settings = load_config(
        write(
            tmp_path / "sourcelint.toml",
            '[readers]\nextensions = { ".MDX" = "markdown" }\nfront-matter-fields = ["title"]\n'
            'html-skip = [".promo"]\nhtml-content = "article"\n',
        )
    )
    assert dict(settings.readers.extensions) == {".mdx": "markdown"}
    assert settings.readers.front_matter_fields == ("title",)
    assert settings.readers.html_skip == (".promo",)
    assert settings.readers.html_content == "article"
    error = config_error(write(tmp_path / "bad.toml", '[readers]\nextensions = { ".x" = "pdf" }\n'))
    assert "readers.extensions" in str(error)
