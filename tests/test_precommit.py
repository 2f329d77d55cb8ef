"""The pre-commit hook (``.pre-commit-hooks.yaml``) run by the real ``pre-commit`` tool.

pre-commit builds the hook's environment by pip-installing sourcelint from a git
repository, so these tests need network access to PyPI (marker ``precommit``; deselect
offline with ``-m "not precommit"``). The environment is built once per module.

The hook repository is a snapshot of this working tree (tracked and untracked files,
not ignored ones) committed in a temporary repository: ``pre-commit try-repo`` would
commit only tracked changes and build a fresh environment on every call.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.precommit

GIT_ENV = {
    "GIT_AUTHOR_NAME": "sourcelint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "sourcelint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

ANONYMOUS = "# Talks\n\nTwo aides said the deal was off.\n"
CLEAN = "# Talks\n\nThe minister, Ana Ruiz, said the deal was off.\n"


@dataclass
class Workspace:
    repo: Path  # a content repository with a .pre-commit-config.yaml
    env: dict[str, str]

    def git(self, *args: str) -> None:
        subprocess.run(["git", *args], cwd=self.repo, env=self.env, check=True, capture_output=True)

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


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def _snapshot(destination: Path, env: dict[str, str]) -> str:
    """Commit this working tree into a new repository at ``destination``; its HEAD."""
    listed = _git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(destination, env, "init", "-q")
    _git(destination, env, "add", "-A")
    _git(destination, env, "commit", "-q", "-m", "snapshot")
    return _git(destination, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    base = tmp_path_factory.mktemp("precommit")
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    hooks = base / "hooks"
    rev = _snapshot(hooks, env)

    repo = base / "newsroom"
    repo.mkdir()
    _git(repo, env, "init", "-q")
    _git(repo, env, "config", "user.email", "desk@example.invalid")
    _git(repo, env, "config", "user.name", "Desk")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n"
        "      - id: sourcelint\n",
        encoding="utf-8",
    )
    _git(repo, env, "add", ".pre-commit-config.yaml")
    # Build the hook's environment once (pip-installs the snapshot from PyPI's deps).
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
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
