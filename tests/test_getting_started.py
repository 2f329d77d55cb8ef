"""docs/getting-started.md, followed end to end as a newcomer would (issue 15).

Every fenced block of the page, in order, in a temporary git repository holding the
articles of tests/test_recipes.py: ``sh`` blocks run in bash (stopping at the first
failing command), each after ``. .venv/bin/activate`` as the page asks once its first
block has made the environment; ``toml`` and ``yaml`` blocks whose first line is
``# PATH`` are written to PATH; the ``text`` block is sample output, which must be what
the block before it printed. Each block's outcome is checked against what the page
promises. The GitHub workflow the page adds is run as tests/test_recipes.py runs the CI
page's. As there, the one substitution is the install source (``Release.localize``).

Needs network access to PyPI (pip installs sourcelint, pre-commit and the hook's
environment), hence the ``precommit`` marker.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from test_recipes import (
    NEW_DRAFT,
    Block,
    Runner,
    make_content_repo,
    outcomes,
    page_blocks,
    reported,
    run_sh,
)

from conftest import GIT_ENV, ROOT, Release, git

pytestmark = pytest.mark.precommit

PAGE = ROOT / "docs" / "getting-started.md"
ACTIVATE = ". .venv/bin/activate\n"
DRAFT = f"content/{NEW_DRAFT[0]}"
REASON = "both were in the talks; named to the standards editor"


@dataclass
class Desk:
    """The repository the page is followed in, and what its last command printed."""

    repo: Path
    output: str = ""
    head_before: str = ""  # HEAD before the last command

    def head(self) -> str:
        return git(self.repo, {**os.environ, **GIT_ENV}, "rev-parse", "HEAD").strip()

    def committed(self) -> set[str]:
        """The files of the last commit."""
        env = {**os.environ, **GIT_ENV}
        return set(git(self.repo, env, "ls-tree", "-r", "--name-only", "HEAD").split())


def installed(desk: Desk) -> None:
    assert (desk.repo / ".venv" / "bin" / "sourcelint").exists()
    assert desk.output.strip().endswith("sourcelint 0.1.0")
    assert ".venv/" in (desk.repo / ".gitignore").read_text().split()


def archive_reported(desk: Desk) -> None:
    assert {code for _, code in reported(desk.output)} >= {"SL102", "SL204"}


def explained(desk: Desk) -> None:
    assert desk.output.startswith("SL102 anonymous-source")
    assert "Why it matters" in desk.output


def configured(desk: Desk) -> None:
    assert "# config file: .sourcelint.toml" in desk.output
    assert 'severity.SL102 = "error"' in desk.output


def baseline_adopted(desk: Desk) -> None:
    assert desk.output.strip().endswith("No findings in 3 files.")
    assert {".sourcelint.toml", ".sourcelint-baseline.json", ".gitignore"} <= desk.committed()


def only_the_new_draft(desk: Desk) -> None:
    assert reported(desk.output) == {(DRAFT, "SL102")}
    assert f"{DRAFT}:6:1: SL102 [error]" in desk.output


def commit_refused(desk: Desk) -> None:
    only_the_new_draft(desk)
    assert "Failed" in desk.output
    assert desk.head() == desk.head_before
    assert DRAFT not in desk.committed()


def draft_committed(desk: Desk) -> None:
    assert "Passed" in desk.output
    assert desk.head() != desk.head_before
    assert DRAFT in desk.committed()


def workflow_committed(desk: Desk) -> None:
    assert desk.head() != desk.head_before
    assert ".github/workflows/sourcelint.yml" in desk.committed()


def reason_kept(desk: Desk) -> None:
    (file,) = json.loads(desk.output)["files"]
    assert file["findings"] == []
    assert [(s["code"], s["reason"]) for s in file["suppressed"]] == [("SL102", REASON)]


# What each block of the page promises, in order: (language, exit status, check).
Check = Callable[[Desk], None] | None
EXPECTED: list[tuple[str, int | None, Check]] = [
    ("sh", 0, installed),  # 1. install
    ("sh", 1, archive_reported),  # 2. first run: findings, exit 1
    ("text", None, None),  # the sample finding: printed by the run before it
    ("sh", 0, explained),  # 3. explain
    ("toml", None, None),  # 4. .sourcelint.toml
    ("sh", 0, configured),
    ("sh", 0, baseline_adopted),  # 5. baseline written, committed, nothing new
    ("sh", 1, only_the_new_draft),  # a new draft: only its finding
    ("yaml", None, None),  # 6. .pre-commit-config.yaml
    ("sh", 1, commit_refused),
    ("sh", 0, draft_committed),  # 7. suppressed with a reason: the commit goes through
    ("sh", 0, reason_kept),
    ("yaml", None, None),  # 8. the GitHub workflow (run below)
    ("sh", 0, workflow_committed),
]


def test_the_page_runs_end_to_end(release: Release, precommit_home: Path, tmp_path: Path) -> None:
    blocks = page_blocks(PAGE)
    assert [b.info for b in blocks] == [info for info, _, _ in EXPECTED]
    desk = Desk(make_content_repo(tmp_path / "newsroom"))
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(precommit_home)}
    env.pop("VIRTUAL_ENV", None)  # the page's own environment is the one activated
    for index, (block, (_, status, check)) in enumerate(zip(blocks, EXPECTED, strict=True)):
        where = f"getting-started.md:{block.line}"
        if block.info == "text":
            for line in block.text.splitlines():
                assert line in desk.output, f"{where}: the page shows output the run did not print"
            continue
        if block.info in ("toml", "yaml"):
            write_file(desk.repo, release, block)
            continue
        desk.head_before = desk.head()
        script = release.localize(block.text)
        done = run_sh(script if index == 0 else ACTIVATE + script, desk.repo, env)
        desk.output = done.stdout
        assert done.returncode == status, f"{where}: exit {done.returncode}\n{done.stdout}"
        if check is not None:
            check(desk)
    run_the_workflow(desk, release, blocks, tmp_path)


def write_file(repo: Path, release: Release, block: Block) -> None:
    """A block whose first line is ``# PATH``: the file to create, as the page says."""
    name = block.first_line.removeprefix("# ")
    assert name != block.first_line, f"line {block.line}: the block names no file"
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(release.localize(block.text), encoding="utf-8")


def run_the_workflow(desk: Desk, release: Release, blocks: list[Block], tmp_path: Path) -> None:
    """The page's GitHub job passes on the repository as the page leaves it."""
    (workflow,) = [b for b in blocks if b.first_line.startswith("# .github/workflows/")]
    (job,) = yaml.safe_load(workflow.text)["jobs"].values()
    results = Runner(desk.repo, tmp_path / "runner-temp", release).run_job(job["steps"])
    assert outcomes(results) == [
        ("actions/checkout@v4", "not run here", None),
        ("<your-org>/sourcelint@v0.1.0", "success", 0),
    ], results[-1].output
