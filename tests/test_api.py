"""The public API: ``sourcelint.lint`` reports what ``check`` reports, ``analyze`` models."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import sourcelint
from sourcelint.cli.app import app
from sourcelint.core.errors import ConfigError, InputError

DRAFT = (
    "# Talks stall\n"
    "\n"
    "A senior official said the talks had failed.\n"
    "\n"
    "The minister reportedly left early.\n"
)


def check_json(path, runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["check", "--format", "json", "--exit-zero", *args, str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def test_lint_gives_the_findings_check_gives_for_the_same_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    expected = check_json(path, CliRunner())
    found = sourcelint.lint(DRAFT, path)
    assert [finding.to_dict() for finding in found] == expected
    assert {finding.code for finding in found} == {"SL102", "SL204"}


def test_the_path_chooses_the_reader_and_is_never_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "# A senior official said so\n"
    # Plain text by default and for .txt; Markdown reads front matter apart; HTML skips
    # site navigation.
    assert [f.code for f in sourcelint.lint(text, tmp_path / "missing.txt")] == ["SL102"]
    assert [f.code for f in sourcelint.lint(text)] == ["SL102"]
    front_matter = f"---\ntitle: x\n---\n{text[2:]}"
    found = sourcelint.lint(front_matter, tmp_path / "missing.md")
    assert [(f.code, f.line, f.column) for f in found] == [("SL102", 4, 1)]
    html = "<nav>A senior official said so.</nav><p>The mayor said so.</p>\n"
    assert sourcelint.lint(html, tmp_path / "missing.html") == []
    assert "SL102" in {f.code for f in sourcelint.lint(html, tmp_path / "missing.txt")}
    assert not any(tmp_path.iterdir())


def test_the_configuration_is_found_from_the_path_or_named(tmp_path, monkeypatch):
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "sourcelint.toml").write_text('ignore = ["SL102"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = "A senior official said the talks had failed.\n"
    assert [f.code for f in sourcelint.lint(text, tmp_path / "a.txt")] == ["SL102"]
    assert sourcelint.lint(text, quiet / "a.txt") == []
    assert sourcelint.lint(text, config=quiet / "sourcelint.toml") == []


def test_inline_suppressions_apply():
    text = "A senior official said so."
    assert [f.code for f in sourcelint.lint(text, "draft.md")] == ["SL102"]
    assert sourcelint.lint(f"{text} <!-- sourcelint-disable-line SL102 -->\n", "draft.md") == []


def test_a_broken_configuration_raises_with_its_file_and_key(tmp_path):
    config = tmp_path / "sourcelint.toml"
    config.write_text('ignore = "SL102"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        sourcelint.lint("Officials said so.\n", config=config)
    assert raised.value.path == str(config)
    assert raised.value.key == "ignore"


def test_analyze_models_who_is_credited():
    article = sourcelint.analyze("A senior official said the talks had failed.")
    (attribution,) = article.attributions
    assert attribution.kind.value == "anonymous"


def test_a_configuration_edited_or_met_after_a_first_call_is_read(tmp_path, monkeypatch):
    text = "A senior official said the talks had failed.\n"
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
    (first / "sourcelint.toml").write_text("ignore = []\n", encoding="utf-8")
    (second / "sourcelint.toml").write_text('ignore = ["SL102"]\n', encoding="utf-8")
    monkeypatch.chdir(first)
    assert [f.code for f in sourcelint.lint(text, "draft.txt")] == ["SL102"]
    (first / "sourcelint.toml").write_text('ignore = ["SL102"]\n', encoding="utf-8")
    assert sourcelint.lint(text, "draft.txt") == []
    (first / "sourcelint.toml").write_text("ignore = []\n", encoding="utf-8")
    monkeypatch.chdir(second)  # a relative path is the working directory's of each call
    assert sourcelint.lint(text, "draft.txt") == []


def test_text_check_would_refuse_as_a_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="binary"):
        sourcelint.lint("A senior official\x00 said so.\n", "draft.txt")
    with pytest.raises(InputError, match="byte limit"):
        sourcelint.lint("Officials said so. " * 600_000, "draft.txt")


def test_a_linter_lints_many_texts_with_one_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quiet.toml").write_text('ignore = ["SL204"]\n', encoding="utf-8")
    linter = sourcelint.Linter("quiet.toml", pipeline="fast")
    first = linter.lint(DRAFT, "a.md")
    assert [finding.code for finding in first] == ["SL102"]
    assert linter.lint(DRAFT, "b.md") == first
    result = linter.lint_file(tmp_path / "a.md", DRAFT)
    assert [finding.to_dict() for finding in result.findings] == [f.to_dict() for f in first]
    assert result.view is not None and result.view.attributions


def test_the_single_text_commands_lint_with_the_public_linter(tmp_path, monkeypatch):
    """attributions, serve and lsp lint through ``sourcelint.Linter``: what the API gives
    is what they show."""
    from sourcelint.lsp.server import SourcelintServer
    from sourcelint.run.options import CliOptions
    from sourcelint.serve.workspace import Workspace

    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    linted: list[str] = []
    original = sourcelint.Linter.lint_file

    def counted(self, path, text, display=None):
        linted.append(path.name)
        return original(self, path, text, display)

    monkeypatch.setattr(sourcelint.Linter, "lint_file", counted)
    result = CliRunner().invoke(app, ["attributions", "--pipeline", "fast", "draft.md"])
    assert result.exit_code == 0, result.output
    assert linted == ["draft.md"]
    assert isinstance(Workspace(tmp_path).linter, sourcelint.Linter)
    assert isinstance(SourcelintServer(CliOptions(paths=[])).linter, sourcelint.Linter)


def test_lint_file_takes_str_paths_and_refuses_what_check_refuses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    linter = sourcelint.Linter(pipeline="fast")
    result = linter.lint_file("draft.md", DRAFT)
    assert {finding.code for finding in result.findings} == {"SL102", "SL204"}
    assert "SL102" in linter.rules("draft.md")
    with pytest.raises(InputError, match="binary"):
        linter.lint_file("draft.md", "A senior official\x00 said so.\n")
