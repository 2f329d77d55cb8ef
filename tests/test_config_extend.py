"""``extend = "base.toml"``: inheriting a shared config, provenance, ``describe_settings``."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcelint.config import ConfigResolver, Settings, check_selectors, load_config
from sourcelint.config.show import describe_settings, settings_rows
from sourcelint.core.errors import ConfigError
from sourcelint.core.findings import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """base.toml <- desk/sourcelint.toml <- desk/politics/.sourcelint.toml."""
    write(
        tmp_path / "base.toml",
        """
select = ["SL1", "SL2"]
pipeline = "fast"
own-outlet = ["The Daily Ledger"]
severity = { SL102 = "error", SL204 = "info" }
extend-rules = ["packs"]

[per-file-ignores]
"desk/archive/**" = ["SL204"]
"*.txt" = ["SL503"]

[readers]
extensions = { ".mdx" = "markdown", ".xhtml" = "html" }
line-marker = "lint: off="
""",
    )
    (tmp_path / "packs").mkdir()
    write(
        tmp_path / "desk" / "sourcelint.toml",
        """
extend = "../base.toml"
ignore = ["SL301"]
severity = { SL204 = "warning" }

[per-file-ignores]
"archive/**" = ["SL205"]
""",
    )
    write(
        tmp_path / "desk" / "politics" / ".sourcelint.toml",
        """
extend = "../sourcelint.toml"
select = ["SL1"]
fail-on = "error"

[readers]
extensions = { ".xhtml" = "plain" }
""",
    )
    return tmp_path


def test_chain_overrides_and_merges(newsroom):
    settings = load_config(newsroom / "desk" / "politics" / ".sourcelint.toml")
    assert settings.source == newsroom / "desk" / "politics" / ".sourcelint.toml"
    assert settings.root == newsroom / "desk" / "politics"
    assert settings.extends == (newsroom / "desk" / "sourcelint.toml", newsroom / "base.toml")
    assert settings.select == ("SL1",)  # child replaces a list
    assert settings.ignore == ("SL301",)  # from the middle
    assert settings.fail_on is Severity.ERROR
    assert settings.own_outlet == ("The Daily Ledger",)  # from the base
    # Tables merge entry by entry, the nearer file winning.
    assert dict(settings.severity) == {"SL102": Severity.ERROR, "SL204": Severity.WARNING}
    assert set(settings.per_file_ignores) == {"desk/archive/**", "*.txt", "archive/**"}
    assert dict(settings.readers.extensions) == {".mdx": "markdown", ".xhtml": "plain"}
    assert settings.readers.line_marker == "lint: off="


def test_provenance_names_the_file_of_each_value(newsroom):
    settings = load_config(newsroom / "desk" / "politics" / ".sourcelint.toml")
    base, desk = newsroom / "base.toml", newsroom / "desk" / "sourcelint.toml"
    politics = newsroom / "desk" / "politics" / ".sourcelint.toml"
    assert settings.provenance["select"] == politics
    assert settings.provenance["ignore"] == desk
    assert settings.provenance["pipeline"] == base
    assert settings.provenance["severity.SL102"] == base
    assert settings.provenance["severity.SL204"] == desk
    assert settings.provenance['per-file-ignores."archive/**"'] == desk
    assert settings.provenance['readers.extensions.".xhtml"'] == politics
    assert settings.provenance['readers.extensions.".mdx"'] == base
    assert "model" not in settings.provenance


def test_paths_stay_relative_to_the_file_that_wrote_them(newsroom):
    settings = load_config(newsroom / "desk" / "politics" / ".sourcelint.toml")
    assert settings.extend_rules == (newsroom / "packs",)
    archived = newsroom / "desk" / "archive" / "2019.md"
    # "desk/archive/**" is the base's (relative to newsroom/), "archive/**" the desk's.
    assert settings.ignores_for(archived) == ("SL204", "SL205")
    assert settings.ignores_for(newsroom / "desk" / "politics" / "story.md") == ()
    # An unanchored glob from a base still matches by name.
    assert settings.ignores_for(newsroom / "desk" / "politics" / "notes.txt") == ("SL503",)


def test_resolver_follows_extend_for_discovered_configs(newsroom):
    resolver = ConfigResolver(cwd=newsroom)
    story = write(newsroom / "desk" / "politics" / "story.md", "text")
    settings = resolver.settings_for(story)
    assert settings.select == ("SL1",)
    assert settings.severity["SL102"] is Severity.ERROR


def test_pyproject_can_extend_and_be_extended(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.sourcelint]\nignore = ["SL301"]\n')
    child = write(
        tmp_path / "site" / "pyproject.toml",
        '[tool.sourcelint]\nextend = "../pyproject.toml"\npipeline = "fast"\n',
    )
    settings = load_config(child)
    assert settings.ignore == ("SL301",)
    assert settings.pipeline == "fast"


def test_the_old_pipeline_name_from_a_base_is_read_as_parse(tmp_path):
    write(tmp_path / "base.toml", 'pipeline = "accurate"\n')
    child = write(tmp_path / "child.toml", 'extend = "base.toml"\n')
    settings = load_config(child)
    assert settings.pipeline == "parse"
    assert settings.provenance["pipeline"] == tmp_path / "base.toml"


def test_base_pyproject_without_table_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    child = write(tmp_path / "site" / ".sourcelint.toml", 'extend = "../pyproject.toml"\n')
    error = load_error(child)
    assert error.key == "extend"
    assert "[tool.sourcelint]" in error.message


def test_missing_base_names_the_file_and_the_key(tmp_path):
    child = write(tmp_path / "desk" / ".sourcelint.toml", 'extend = "../nowhere.toml"\n')
    error = load_error(child)
    assert error.path == str(child)
    assert error.key == "extend"
    assert "'../nowhere.toml' does not exist" in error.message
    assert str(tmp_path / "nowhere.toml") in error.message


def test_missing_base_in_pyproject_has_the_prefixed_key(tmp_path):
    child = write(tmp_path / "pyproject.toml", '[tool.sourcelint]\nextend = "base.toml"\n')
    assert load_error(child).key == "tool.sourcelint.extend"


def test_base_that_is_a_directory(tmp_path):
    (tmp_path / "shared").mkdir()
    child = write(tmp_path / ".sourcelint.toml", 'extend = "shared"\n')
    assert "is not a file" in load_error(child).message


def test_extend_must_be_a_string(tmp_path):
    child = write(tmp_path / ".sourcelint.toml", "extend = 3\n")
    error = load_error(child)
    assert (error.key, error.message) == ("extend", "expected a string, got int")


def test_cycle_is_an_error_naming_the_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.toml", 'extend = "b.toml"\n')
    write(tmp_path / "b.toml", 'extend = "c.toml"\n')
    write(tmp_path / "c.toml", 'extend = "a.toml"\n')
    error = load_error(Path("a.toml"))
    assert error.path == "c.toml"  # the file whose extend closes the cycle
    assert error.key == "extend"
    assert "cycle: a.toml -> b.toml -> c.toml -> a.toml" in error.message


def test_a_file_extending_itself_is_a_cycle(tmp_path):
    child = write(tmp_path / "self.toml", 'extend = "./self.toml"\n')
    assert "cycle" in load_error(child).message


def test_errors_in_a_base_name_the_base(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "base.toml", 'pipeline = "slow"\n')
    write(tmp_path / "desk" / ".sourcelint.toml", 'extend = "../base.toml"\n')
    error = load_error(Path("desk/.sourcelint.toml"))
    assert (error.path, error.key) == ("base.toml", "pipeline")


def test_unknown_selector_from_a_base_names_the_base(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", '[tool.sourcelint]\nseverity = { SL999 = "error" }\n')
    write(tmp_path / "desk" / ".sourcelint.toml", 'extend = "../pyproject.toml"\n')
    settings = load_config(Path("desk/.sourcelint.toml"))
    with pytest.raises(ConfigError) as info:
        check_selectors(settings, lambda selector: selector != "SL999")
    assert (info.value.path, info.value.key) == ("pyproject.toml", "tool.sourcelint.severity.SL999")


def test_a_key_the_child_leaves_out_is_not_reset(tmp_path):
    write(tmp_path / "base.toml", "respect-gitignore = false\n")
    child = write(tmp_path / "child.toml", 'extend = "base.toml"\nforce-exclude = true\n')
    settings = load_config(child)
    assert settings.respect_gitignore is False
    assert settings.force_exclude is True


def test_settings_with_extend_stay_hashable(newsroom):
    settings = load_config(newsroom / "desk" / "politics" / ".sourcelint.toml")
    assert {settings: 1}


# --------------------------------------------------------------------------- describe_settings


def test_describe_settings_shows_values_and_their_files(newsroom):
    story = write(newsroom / "desk" / "archive" / "2019.md", "text")
    text = describe_settings(story, cwd=newsroom)
    lines = text.splitlines()
    assert lines[0] == "# sourcelint configuration for desk/archive/2019.md"
    assert "# config file: desk/sourcelint.toml" in lines
    assert "#   extends: base.toml" in lines
    assert "# per-file-ignores for this file: SL204, SL205" in lines

    def row(key: str) -> tuple[str, str]:
        found = [line for line in lines if line.startswith(key + " = ")]
        assert len(found) == 1, key
        value, _, source = found[0].partition("  # ")
        return value.split(" = ", 1)[1].strip(), source

    assert row("select") == ('["SL1", "SL2"]', "base.toml")
    assert row("ignore") == ('["SL301"]', "desk/sourcelint.toml")
    assert row("severity.SL102") == ('"error"', "base.toml")
    assert row("severity.SL204") == ('"warning"', "desk/sourcelint.toml")
    assert row('per-file-ignores."archive/**"') == ('["SL205"]', "desk/sourcelint.toml")
    assert row("extend-rules") == ('["packs"]', "base.toml")
    assert row("model") == ("unset", "default")
    assert row("respect-gitignore") == ("true", "default")
    assert row('readers.extensions.".mdx"') == ('"markdown"', "base.toml")
    assert row("readers.line-marker") == ('"lint: off="', "base.toml")


def test_describe_settings_without_a_config(tmp_path):
    story = write(tmp_path / "story.md", "text")
    text = describe_settings(story, cwd=tmp_path)
    assert "# config file: none (defaults)" in text
    assert 'pipeline = "fast"' in text
    assert all(line.endswith("# default") for line in text.splitlines() if " = " in line)


def test_describe_settings_with_an_explicit_config(newsroom):
    story = write(newsroom / "elsewhere" / "story.md", "text")
    config = newsroom / "desk" / "politics" / ".sourcelint.toml"
    text = describe_settings(story, config=config, cwd=newsroom)
    assert "# config file: desk/politics/.sourcelint.toml" in text
    assert "#   extends: desk/sourcelint.toml" in text


def test_describe_settings_raises_config_errors(tmp_path):
    write(tmp_path / ".sourcelint.toml", 'extend = "missing.toml"\n')
    with pytest.raises(ConfigError):
        describe_settings(write(tmp_path / "a.md", "text"), cwd=tmp_path)


def test_settings_rows_cover_every_key(tmp_path):
    keys = [key for key, _, _ in settings_rows(Settings(source=None, root=tmp_path))]
    assert keys[:3] == ["select", "extend-select", "ignore"]
    assert "severity" in keys and "per-file-ignores" in keys
    assert keys[-1] == "readers.line-marker"
