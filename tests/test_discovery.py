"""Which files get linted: walking, exclusion, .gitignore, explicit files, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.config import ConfigResolver, discovery
from sourcelint.config.discovery import LINTABLE_SUFFIXES, Target, collect_targets
from sourcelint.core.errors import InputError


def touch(path: Path, text: str = "text") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def collect(cwd: Path, *paths: str, explicit: Path | None = None, **kwargs):
    collected = collected_in(cwd, *paths, explicit=explicit, **kwargs)
    return collected.targets, collected.errors


def collected_in(cwd: Path, *paths: str, explicit: Path | None = None, **kwargs):
    resolver = ConfigResolver(explicit=explicit, cwd=cwd)
    return collect_targets([Path(p) for p in paths], resolver, **kwargs)


def names(targets: list[Target]) -> list[str]:
    return [t.path.as_posix() for t in targets]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A directory with its own config, so no config above tmp_path can interfere."""
    touch(tmp_path / ".sourcelint.toml", "")
    return tmp_path


def test_walk_picks_lintable_suffixes_in_deterministic_order(repo):
    for name in ["b.md", "a.txt", "C.MD", "page.HTM", "x.html", "notes.markdown"]:
        touch(repo / name)
    for name in ["script.py", "data.json", "README", "image.png"]:
        touch(repo / name)
    touch(repo / "sub" / "z.md")
    touch(repo / "sub" / "a.md")
    touch(repo / "sub" / "inner" / "deep.md")
    touch(repo / "another" / "k.txt")

    targets, errors = collect(repo, ".")
    assert errors == []
    assert names(targets) == [
        "C.MD",
        "a.txt",
        "b.md",
        "notes.markdown",
        "page.HTM",
        "x.html",
        "another/k.txt",
        "sub/a.md",
        "sub/z.md",
        "sub/inner/deep.md",
    ]
    again, _ = collect(repo, ".")
    assert names(again) == names(targets)
    assert all(t.path.suffix.lower() in LINTABLE_SUFFIXES for t in targets)


def test_explicit_file_is_linted_whatever_its_suffix(repo):
    touch(repo / "story.text")
    touch(repo / "NOTES")
    targets, errors = collect(repo, "story.text", "NOTES")
    assert errors == []
    assert names(targets) == ["story.text", "NOTES"]


def test_markup_no_reader_reads_is_skipped_and_said(repo):
    for name in ["story.rst", "guide.adoc", "draft.mdx", "a.md"]:
        touch(repo / name)
    named = collected_in(repo, "story.rst", "guide.adoc")
    assert named.targets == [] and named.errors == []
    assert [(s.path.as_posix(), s.markup, s.named) for s in named.skipped] == [
        ("story.rst", "reStructuredText", True),
        ("guide.adoc", "AsciiDoc", True),
    ]
    walked = collected_in(repo, ".")
    assert names(walked.targets) == ["a.md", "draft.mdx"]  # MDX is read as Markdown
    assert [(s.path.as_posix(), s.named) for s in walked.skipped] == [
        ("guide.adoc", False),
        ("story.rst", False),
    ]


def test_a_configured_reader_takes_a_suffix_in(repo):
    touch(repo / ".sourcelint.toml", '[readers.extensions]\n".rst" = "plain"\n')
    touch(repo / "docs" / "story.rst")
    walked = collected_in(repo, ".")
    assert names(walked.targets) == ["docs/story.rst"] and walked.skipped == []


def test_targets_carry_the_nearest_settings(repo):
    touch(repo / ".sourcelint.toml", 'select = ["SL1"]\n')
    touch(repo / "desk" / "sourcelint.toml", 'select = ["SL3"]\n')
    touch(repo / "top.md")
    touch(repo / "desk" / "story.md")
    targets, _ = collect(repo, ".")
    by_name = {t.path.as_posix(): t.settings for t in targets}
    assert by_name["top.md"].select == ("SL1",)
    assert by_name["desk/story.md"].select == ("SL3",)
    assert by_name["desk/story.md"].source == repo / "desk" / "sourcelint.toml"


def test_explicit_config_applies_to_every_target(repo):
    conf = touch(repo / "conf.toml", 'select = ["SL2"]\n')
    touch(repo / "desk" / "sourcelint.toml", 'select = ["SL3"]\n')
    touch(repo / "desk" / "story.md")
    targets, _ = collect(repo, ".", explicit=conf)
    assert [t.settings.select for t in targets] == [("SL2",)]


def test_default_excludes_are_not_walked(repo, monkeypatch):
    touch(repo / "keep.md")
    for directory in [".venv", "node_modules", "build", "dist", "deep/__pycache__", ".git"]:
        touch(repo / directory / "skip.md")
    touch(repo / "deep" / "keep.md")

    scanned: list[str] = []
    real_scandir = os.scandir

    def recording_scandir(path):
        scanned.append(Path(path).relative_to(repo).as_posix())
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", recording_scandir)
    targets, _ = collect(repo, ".")
    assert names(targets) == ["keep.md", "deep/keep.md"]
    # excluded directories are pruned, not walked and filtered
    assert sorted(scanned) == [".", "deep"]


def test_exclude_patterns_from_config(repo):
    touch(
        repo / ".sourcelint.toml",
        'extend-exclude = ["archive/", "*.draft.md", "/top-only.md"]\n',
    )
    touch(repo / "archive" / "old.md")
    touch(repo / "news" / "a.draft.md")
    touch(repo / "news" / "a.md")
    touch(repo / "top-only.md")
    touch(repo / "news" / "top-only.md")
    touch(repo / "build" / "x.md")
    targets, _ = collect(repo, ".")
    assert names(targets) == ["news/a.md", "news/top-only.md"]


def test_nested_config_excludes_relative_to_its_own_root(repo):
    touch(repo / "site" / ".sourcelint.toml", 'exclude = ["old/"]\n')
    touch(repo / "site" / "old" / "a.md")
    touch(repo / "site" / "build" / "b.md")  # defaults replaced by the nested exclude
    touch(repo / "old" / "c.md")  # the outer config does not exclude old/
    targets, _ = collect(repo, ".")
    assert names(targets) == ["old/c.md", "site/build/b.md"]


def test_gitignore_in_walked_directories(repo):
    touch(repo / ".gitignore", "*.txt\nprivate/\n")
    touch(repo / "sub" / ".gitignore", "secret.md\n!keep.txt\n")
    touch(repo / "a.md")
    touch(repo / "a.txt")
    touch(repo / "private" / "p.md")
    touch(repo / "sub" / "secret.md")
    touch(repo / "sub" / "keep.txt")
    touch(repo / "sub" / "other.txt")
    touch(repo / "secret.md")  # the sub/.gitignore does not reach upward
    targets, _ = collect(repo, ".")
    assert names(targets) == ["a.md", "secret.md", "sub/keep.txt"]


def test_gitignore_in_parents_up_to_the_git_root(repo):
    (repo / ".git").mkdir()
    touch(repo / ".gitignore", "*.txt\nlocal.md\n")
    touch(repo / "desk" / "a.md")
    touch(repo / "desk" / "b.txt")
    touch(repo / "desk" / "local.md")
    targets, _ = collect(repo, "desk")
    assert names(targets) == ["desk/a.md"]


def test_gitignore_above_the_git_root_is_not_used(tmp_path):
    touch(tmp_path / ".gitignore", "*.txt\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    touch(project / ".sourcelint.toml", "")
    touch(project / "a.txt")
    targets, _ = collect(project, ".")
    assert names(targets) == ["a.txt"]


def test_nested_repository_does_not_inherit_outer_gitignore(repo):
    (repo / ".git").mkdir()
    touch(repo / ".gitignore", "*.txt\n")
    (repo / "vendored" / ".git").mkdir(parents=True)
    touch(repo / "vendored" / "notes.txt")
    touch(repo / "notes.txt")
    targets, _ = collect(repo, ".")
    assert names(targets) == ["vendored/notes.txt"]


def test_respect_gitignore_false(repo):
    touch(repo / ".sourcelint.toml", "respect-gitignore = false\n")
    touch(repo / ".gitignore", "*.txt\n")
    touch(repo / "a.txt")
    targets, _ = collect(repo, ".")
    assert names(targets) == ["a.txt"]


def test_explicit_file_ignores_gitignore(repo):
    touch(repo / ".gitignore", "*.txt\n")
    touch(repo / "a.txt")
    targets, _ = collect(repo, "a.txt", force_exclude=True)
    assert names(targets) == ["a.txt"]


def test_explicit_excluded_file_and_force_exclude(repo):
    touch(repo / "build" / "story.md")
    touch(repo / "archive.md")
    touch(repo / ".sourcelint.toml", 'extend-exclude = ["archive.md"]\n')

    targets, _ = collect(repo, "build/story.md", "archive.md")
    assert names(targets) == ["build/story.md", "archive.md"]

    targets, _ = collect(repo, "build/story.md", "archive.md", force_exclude=True)
    assert targets == []


def test_force_exclude_from_settings_and_argument_override(repo):
    touch(repo / ".sourcelint.toml", "force-exclude = true\n")
    touch(repo / "build" / "story.md")
    targets, _ = collect(repo, "build/story.md")
    assert targets == []
    targets, _ = collect(repo, "build/story.md", force_exclude=False)
    assert names(targets) == ["build/story.md"]


def test_explicit_excluded_directory_is_walked_unless_forced(repo):
    touch(repo / ".sourcelint.toml", 'extend-exclude = ["*.tmp.md"]\n')
    touch(repo / "build" / "a.md")
    touch(repo / "build" / "sub" / "b.md")
    touch(repo / "build" / "c.tmp.md")  # patterns still apply inside it
    touch(repo / "build" / "node_modules" / "d.md")

    targets, _ = collect(repo, "build")
    assert names(targets) == ["build/a.md", "build/sub/b.md"]
    targets, _ = collect(repo, "build/sub")
    assert names(targets) == ["build/sub/b.md"]

    targets, _ = collect(repo, "build", force_exclude=True)
    assert targets == []


def test_explicit_gitignored_directory_is_walked(repo):
    (repo / ".git").mkdir()
    touch(repo / ".gitignore", "generated/\n")
    touch(repo / "generated" / ".gitignore", "*.txt\n")
    touch(repo / "generated" / "a.md")
    touch(repo / "generated" / "b.txt")
    targets, _ = collect(repo, "generated")
    assert names(targets) == ["generated/a.md"]
    targets, _ = collect(repo, ".")
    assert targets == []


def test_missing_path_is_an_error_and_others_are_collected(repo):
    touch(repo / "a.md")
    targets, errors = collect(repo, "missing.md", "a.md", "gone/")
    assert names(targets) == ["a.md"]
    assert [type(e) for e in errors] == [InputError, InputError]
    assert str(errors[0]) == "missing.md: no such file or directory"
    assert "gone" in str(errors[1])
    assert errors[0].code == "E201"


def test_broken_symlink_is_missing(repo):
    (repo / "dangling.md").symlink_to(repo / "nowhere.md")
    targets, errors = collect(repo, "dangling.md", ".")
    assert targets == []
    assert [str(e) for e in errors] == ["dangling.md: no such file or directory"]


def test_duplicates_are_linted_once(repo):
    touch(repo / "a.md")
    touch(repo / "sub" / "b.md")
    (repo / "alias.md").symlink_to(repo / "a.md")
    targets, errors = collect(repo, "a.md", "./a.md", ".", "sub/b.md", str(repo / "a.md"))
    assert errors == []
    assert names(targets) == ["a.md", "sub/b.md"]


def test_symlinked_directories_are_not_followed(repo):
    touch(repo / "sub" / "a.md")
    (repo / "sub" / "loop").symlink_to(repo, target_is_directory=True)
    touch(repo / "outside" / "o.md")
    (repo / "sub" / "link").symlink_to(repo / "outside", target_is_directory=True)
    targets, errors = collect(repo, "sub")
    assert errors == []
    assert names(targets) == ["sub/a.md"]


def test_explicit_symlinked_directory_is_walked(repo):
    touch(repo / "real" / "a.md")
    (repo / "alias").symlink_to(repo / "real", target_is_directory=True)
    targets, _ = collect(repo, "alias")
    assert names(targets) == ["alias/a.md"]


def test_display_paths(tmp_path):
    cwd = tmp_path / "cwd"
    touch(cwd / ".sourcelint.toml", "")
    touch(cwd / "in" / "a.md")
    touch(tmp_path / "other" / "b.md")
    touch(tmp_path / "third" / "c.md")
    targets, _ = collect(cwd, str(cwd / "in"), "../other", str(tmp_path / "third" / "c.md"))
    assert [str(t.path) for t in targets] == [
        "in/a.md",  # absolute but under cwd: shown relative
        "../other/b.md",  # outside cwd: as given
        str(tmp_path / "third" / "c.md"),
    ]


def test_unreadable_directory_is_an_error(repo, monkeypatch):
    touch(repo / "a.md")
    touch(repo / "locked" / "b.md")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    targets, errors = collect(repo, ".")
    assert names(targets) == ["a.md"]
    assert [str(e) for e in errors] == ["locked: cannot read directory: Permission denied"]


def test_skipped_markup_is_said_when_named_and_in_a_walk_with_verbose(repo, monkeypatch):
    touch(repo / "story.rst", "A senior official said so.\n")
    monkeypatch.chdir(repo)
    runner = CliRunner()
    named = runner.invoke(app, ["check", "story.rst"])
    assert named.exit_code == 0 and "SL102" not in named.stdout
    assert "story.rst: reStructuredText is not read by sourcelint: skipped" in named.stderr
    quiet = runner.invoke(app, ["check", "."])
    assert "story.rst" not in quiet.stderr
    verbose = runner.invoke(app, ["check", "--verbose", "."])
    assert "story.rst: reStructuredText is not read" in verbose.stderr
