"""The pre-commit hook (``.pre-commit-hooks.yaml``) run by the real ``pre-commit`` tool.

pre-commit builds the hook's environment by pip-installing sourcelint from a git
repository, so these tests need network access to PyPI (marker ``precommit``; deselect
offline with ``-m "not precommit"``). The environment is built once per session
(``precommit_home`` in conftest), from ``release``: a snapshot of this working tree
(tracked and untracked files, not ignored ones) committed and tagged in a temporary
repository.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import Release, git, precommit_config

pytestmark = pytest.mark.precommit

ANONYMOUS = "# Talks\n\nTwo aides said the deal was off.\n"
CLEAN = "# Talks\n\nThe minister, Ana Ruiz, said the deal was off.\n"


@dataclass
class Workspace:
    repo: Path  # a content repository with a .pre-commit-config.yaml
    env: dict[str, str]

    def git(self, *args: str) -> None:
        git(self.repo, self.env, *args)

    def run_hook(self, name: str, text: str) -> subprocess.CompletedProcess[str]:
        """Write and stage an article, then run the hook on it."""
        (self.repo / name).write_text(text, encoding="utf-8")
        self.git("add", name)
        command = ["run", "sourcelint", "--color", "never", "--files", name]
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *command],
            cwd=self.repo,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
        )


@pytest.fixture(scope="module")
def workspace(
    release: Release, precommit_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> Workspace:
    env = {**release.env, "PRE_COMMIT_HOME": str(precommit_home)}
    repo = tmp_path_factory.mktemp("newsroom")
    git(repo, env, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(precommit_config(release), encoding="utf-8")
    git(repo, env, "add", ".pre-commit-config.yaml")
    return Workspace(repo, env)


def test_anonymous_source_fails_the_hook(workspace: Workspace) -> None:
    done = workspace.run_hook("talks.md", ANONYMOUS)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "sourcelint" in output
    assert "Failed" in output
    assert "talks.md:3:1: SL102" in output


def test_clean_article_passes_the_hook(workspace: Workspace) -> None:
    done = workspace.run_hook("clean.md", CLEAN)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output
    assert "SL102" not in output
