"""Every CI recipe in docs/ci.md and the README runs as written (issue 15).

Each recipe is read from its page (fenced blocks found with markdown-it-py; YAML blocks
parsed with PyYAML) and its commands run in a temporary content repository holding a few
articles written for these tests. The one substitution is the install source: the
placeholder repository ``https://github.com/<your-org>/sourcelint`` becomes a local
stand-in serving the same paths (``Release.localize`` in conftest), and the action
``<your-org>/sourcelint@v0.1.0`` is that same stand-in. Everything else runs as written.

Steps that cannot run here are said to be skipped, and what can be checked of them is:
GitHub's own actions (``actions/checkout``: the content repository is the checkout;
``actions/setup-python``: this interpreter stands in as ``python``), and the SARIF upload
(its ``sarif_file`` must exist and validate against the SARIF schema).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import jsonschema
import pytest
import yaml
from markdown_it import MarkdownIt
from test_formats import sarif_schema

from conftest import GIT_ENV, PLACEHOLDER_REPO, RELEASE_TAG, ROOT, Release, git

CI_PAGE = ROOT / "docs" / "ci.md"
README = ROOT / "README.md"
TIMEOUT = 600  # seconds for any one command: a pip install from PyPI takes well under one

# Articles of an archive, written for these tests: four warnings, in two files.
ARCHIVE = {
    "2023/bridge-repairs.md": (
        "---\ntitle: Bridge repairs run over budget\n---\n"
        "# Bridge repairs run over budget\n\n"
        "The repairs to the Elm Street bridge will cost twice the estimate, according to\n"
        "the city's public works report published on Monday.\n\n"
        "A senior city official said the contractor had underestimated the corrosion.\n\n"
        "Council member Dana Okafor begrudgingly admitted that the council had approved\n"
        "the plan without an independent survey.\n"
    ),
    "2023/library-hours.md": (
        "# Library keeps longer hours\n\n"
        "The central library will stay open until 9 p.m. on weekdays, the library's\n"
        "director, Samuel Reyes, said on Tuesday.\n\n"
        "The extra hours will reportedly be paid for by a state grant.\n"
    ),
    "2024/ferry-schedule.md": (
        "# Ferry adds a morning crossing\n\n"
        "The island ferry will add a 6:30 a.m. crossing in June, said Priya Nair, a\n"
        "spokeswoman for the ferry operator.\n"
    ),
}
ARCHIVE_FINDINGS = {
    ("2023/bridge-repairs.md", "SL102"),
    ("2023/bridge-repairs.md", "SL302"),
    ("2023/bridge-repairs.md", "SL305"),
    ("2023/library-hours.md", "SL204"),
}
# A draft written after the baseline, with one anonymous source (SL102, line 6).
NEW_DRAFT = (
    "2024/harbor-lease.md",
    "# Harbor lease goes to a shipping firm\n\n"
    "The port authority will lease its north pier to a shipping firm for 20 years, the\n"
    "authority's board decided on Thursday.\n\n"
    "Two people who took part in the talks said the firm had offered the highest rent.\n",
)

# What a python:3.12-slim image has of the usual tools: no git. The GitLab job runs
# with a PATH of only these and its virtual environment.
BASIC_TOOLS = (
    "sh", "bash", "env", "cat", "cp", "mv", "rm", "mkdir", "rmdir", "ls", "ln", "touch",
    "chmod", "sed", "grep", "tar", "gzip", "head", "tail", "tr", "sort", "uname", "id",
    "dirname", "basename", "readlink", "mktemp", "find", "which",
)  # fmt: skip


# Pages


@dataclass(frozen=True)
class Block:
    """A fenced block of a page: its language, text and the line its fence opens on."""

    info: str
    text: str
    line: int

    @property
    def first_line(self) -> str:
        return self.text.split("\n", 1)[0].strip()


def page_blocks(page: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, in order."""
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    return [
        Block(token.info.strip(), token.content, token.map[0] + 1)
        for token in tokens
        if token.type == "fence" and token.map is not None
    ]


def the_block(page: Path, info: str, test: Callable[[Block], bool]) -> Block:
    """The one block of ``page`` in language ``info`` that ``test`` picks."""
    found = [b for b in page_blocks(page) if b.info == info and test(b)]
    assert len(found) == 1, f"{page.name}: expected one such {info} block, found {len(found)}"
    return found[0]


def starts(text: str) -> Callable[[Block], bool]:
    return lambda block: block.first_line == text


def contains(text: str) -> Callable[[Block], bool]:
    return lambda block: text in block.text


# Running things


def run(command: list[str], cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``command``; stdout and stderr together, as a CI log shows them."""
    return subprocess.run(
        command,
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT,
    )


def run_sh(block: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """A shell block as a terminal would run it, stopping at the first failing command."""
    return run([shutil.which("bash") or "/bin/bash", "-e", "-c", block], cwd, env)


def tool_dir(directory: Path, names: Mapping[str, str]) -> Path:
    """``directory`` holding a link to each program of ``names`` (link name → target)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, target in names.items():
        if not (directory / name).is_symlink():
            (directory / name).symlink_to(target)
    return directory


def make_content_repo(repo: Path, folder: str = "content") -> Path:
    """A git repository with the archive's articles under ``folder``, committed."""
    for name, text in ARCHIVE.items():
        path = repo / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    env = {**os.environ, **GIT_ENV}
    git(repo, env, "init", "-q")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "-m", "archive")
    return repo


def add_new_draft(repo: Path, folder: str = "content") -> str:
    """Write the draft written after the baseline; its path as sourcelint prints it."""
    name, text = NEW_DRAFT
    (repo / folder / name).write_text(text, encoding="utf-8")
    return f"{folder}/{name}"


def reported(output: str, pattern: str = r"^(\S+?):\d+:\d+: (SL\d+)") -> set[tuple[str, str]]:
    """(path, code) of every finding in sourcelint's text output."""
    return set(re.findall(pattern, output, re.M))


# GitHub Actions, as far as these recipes use a runner


@dataclass
class StepResult:
    name: str
    outcome: str  # success, failure, or "not run here: why"
    returncode: int | None = None
    output: str = ""


@dataclass
class Runner:
    """What a GitHub-hosted runner gives a job: the checkout as working directory, a
    temporary directory, ``GITHUB_PATH``, and ``python`` on the PATH (as
    ``actions/setup-python`` would put it). One runner serves several jobs here, so the
    action's virtual environment is created once; its install step runs every time."""

    workspace: Path
    temp: Path
    release: Release
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        python = tool_dir(self.temp / "python-bin", {"python": sys.executable})
        self.path_file = self.temp / "github_path"
        self.env = {
            **os.environ,
            "PATH": f"{python}{os.pathsep}{os.environ['PATH']}",
            "RUNNER_TEMP": str(self.temp),
            "RUNNER_OS": "Linux",
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_PATH": str(self.path_file),
        }

    def path_env(self, env: Mapping[str, str]) -> dict[str, str]:
        """``env`` with the directories steps wrote to ``GITHUB_PATH`` put first."""
        added = self.path_file.read_text().split() if self.path_file.exists() else []
        return {**env, "PATH": os.pathsep.join([*reversed(added), env["PATH"]])}

    def run_job(self, steps: list[dict]) -> list[StepResult]:
        """Run a job's steps in order; after a failure only ``if: always()`` steps run."""
        results: list[StepResult] = []
        failed = False
        for step in steps:
            condition = step.get("if")
            assert condition in (None, "always()"), f"no stand-in for the condition {condition}"
            if failed and condition is None:
                results.append(StepResult(step_name(step), "skipped: an earlier step failed"))
                continue
            result = self.run_step(step)
            failed = failed or result.outcome == "failure"
            results.append(result)
        return results

    def run_step(self, step: dict) -> StepResult:
        name = step_name(step)
        if "run" in step:
            # A run step without `shell:` runs in `bash -e {0}`.
            return self.run_script(name, step["run"], self.path_env(self.env), ["bash", "-e"])
        uses = step["uses"]
        if uses.startswith("actions/checkout@"):
            return StepResult(name, "not run here: the content repository is the checkout")
        if uses == f"{PLACEHOLDER_REPO.removeprefix('https://github.com/')}@{RELEASE_TAG}":
            # The action at v0.1.0: the stand-in's working tree is that tag.
            return self.run_action(name, self.release.repo, step.get("with", {}))
        if uses.startswith("github/codeql-action/upload-sarif@"):
            check_sarif(self.workspace / step["with"]["sarif_file"])
            return StepResult(name, "not run here: the upload needs GitHub; the file checked")
        raise AssertionError(f"no stand-in for the action {uses}")

    def run_action(self, name: str, path: Path, given: Mapping[str, object]) -> StepResult:
        """Run a composite action's steps with ``given`` inputs and its defaults, as GitHub
        does: each step's ``if:``, the ``GITHUB_OUTPUT`` of earlier steps, and after a
        failed step only those whose condition does not ask for success."""
        action = yaml.safe_load((path / "action.yml").read_text(encoding="utf-8"))
        declared = action["inputs"]
        unknown = set(given) - set(declared)
        assert not unknown, f"inputs action.yml does not declare: {unknown}"
        inputs = {
            key: input_text(given.get(key, spec.get("default", "")))
            for key, spec in declared.items()
        }
        context = {f"inputs.{key}": value for key, value in inputs.items()}
        context["github.action_path"] = str(path)
        context["runner.os"] = "Linux"
        output, failure = [], None
        for step in action["runs"]["steps"]:
            if not condition_holds(step.get("if"), context, failed=failure is not None):
                continue
            outputs = self.temp / "github_output"
            outputs.write_text("", encoding="utf-8")
            if "uses" in step:
                output.append(self.stand_in(step, context))
                continue
            assert step["shell"] == "bash", "composite run steps name their shell"
            env = {key: expand(str(value), context) for key, value in step.get("env", {}).items()}
            env["GITHUB_OUTPUT"] = str(outputs)
            env["GITHUB_STEP_SUMMARY"] = str(self.temp / "step_summary.md")
            result = self.run_script(
                step_name(step),
                expand(step["run"], context),
                self.path_env({**self.env, **env}),
                # What GitHub runs for `shell: bash`.
                ["bash", "--noprofile", "--norc", "-eo", "pipefail"],
            )
            output.append(result.output)
            if "id" in step:
                context[f"steps.{step['id']}.outcome"] = result.outcome
                for line in outputs.read_text(encoding="utf-8").splitlines():
                    key, _, value = line.partition("=")
                    context[f"steps.{step['id']}.outputs.{key}"] = value
            if result.outcome == "failure" and failure is None:
                failure = result
        if failure is not None:
            return StepResult(name, "failure", failure.returncode, "\n".join(output))
        return StepResult(name, "success", 0, "\n".join(output))

    def stand_in(self, step: dict, context: Mapping[str, str]) -> str:
        """A ``uses:`` step of the action, which cannot run here: what is checked of it."""
        uses = step["uses"]
        if uses.startswith("actions/setup-python@"):
            return f"{step_name(step)}: not run here: `python` is this interpreter"
        if uses.startswith("actions/cache@"):
            assert expand(step["with"]["path"], context), "the cache has a folder"
            return f"{step_name(step)}: not run here: the cache needs GitHub"
        if uses.startswith("github/codeql-action/upload-sarif@"):
            check_sarif(Path(expand(step["with"]["sarif_file"], context)))
            return f"{step_name(step)}: not run here: the upload needs GitHub; the file checked"
        raise AssertionError(f"no stand-in for the action {uses}")

    def run_script(
        self, name: str, script: str, env: Mapping[str, str], shell: list[str]
    ) -> StepResult:
        script_file = self.temp / "step.sh"
        script_file.write_text(script, encoding="utf-8")
        done = run([*shell, str(script_file)], self.workspace, env)
        outcome = "success" if done.returncode == 0 else "failure"
        return StepResult(name, outcome, done.returncode, done.stdout)


def step_name(step: dict) -> str:
    return step.get("name") or step.get("uses") or step["run"].split("\n")[0]


def expand(text: str, context: Mapping[str, str]) -> str:
    """``${{ inputs.NAME }}`` and ``${{ github.action_path }}``; any other expression is
    one this stand-in does not know, and fails the test."""

    def value(match: re.Match[str]) -> str:
        assert match[1] in context, f"no stand-in for the expression {match[0]}"
        return context[match[1]]

    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", value, text)


def input_text(value: object) -> str:
    """An input as the action sees it: GitHub passes YAML's true and false as strings."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def condition_holds(condition: str | None, context: Mapping[str, str], *, failed: bool) -> bool:
    """A step's ``if:``, in the small part of GitHub's expressions the action uses: terms
    joined by ``&&``: ``!cancelled()``, ``success()``, and comparisons of a context value
    with a string. With no condition a step runs only while nothing has failed."""
    if condition is None:
        return not failed
    text = condition.strip().removeprefix("${{").removesuffix("}}")
    asks_success = True
    for term in (part.strip() for part in text.split("&&")):
        if term in ("!cancelled()", "always()"):
            asks_success = False
            continue
        if term == "success()":
            continue
        match = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", term)
        assert match, f"no stand-in for the condition term {term!r}"
        key, operator, wanted = match.groups()
        assert key in context or key.startswith("steps."), f"no stand-in for {key}"
        if (context.get(key, "") == wanted) != (operator == "=="):
            return False
    return not (failed and asks_success)


def check_sarif(path: Path) -> None:
    assert path.is_file(), f"{path.name} was not written"
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(document, sarif_schema(), cls=jsonschema.Draft7Validator)
    assert document["runs"][0]["results"], "the SARIF file holds no results"


def outcomes(results: list[StepResult]) -> list[tuple[str, str, int | None]]:
    return [(r.name, r.outcome.split(":")[0], r.returncode) for r in results]


@pytest.fixture(scope="module")
def runner(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Runner:
    workspace = make_content_repo(tmp_path_factory.mktemp("checkout"))
    return Runner(workspace, tmp_path_factory.mktemp("runner-temp"), release)


@pytest.fixture(scope="module")
def workflow_run(runner: Runner) -> list[StepResult]:
    """The GitHub workflow of the page, run once on the archive."""
    block = the_block(CI_PAGE, "yaml", starts("# .github/workflows/sourcelint.yml"))
    (job,) = yaml.safe_load(block.text)["jobs"].values()
    return runner.run_job(job["steps"])


@pytest.fixture(scope="module")
def installed(runner: Runner, workflow_run: list[StepResult]) -> dict[str, str]:
    """The runner's environment after the workflow: ``sourcelint`` is on its PATH, as the
    action leaves it, for recipes that start from an installed sourcelint."""
    env = runner.path_env(runner.env)
    assert run(["sourcelint", "--version"], runner.workspace, env).returncode == 0
    return env


def annotated(output: str) -> set[tuple[str, str]]:
    """(path, code) of every annotation in ``--format github`` output."""
    return reported(output, r"^::\w+ file=([^,]+),.*?title=(SL\d+)")


# The recipes of docs/ci.md


def test_github_workflow_annotates_findings_and_fails(workflow_run: list[StepResult]) -> None:
    results = workflow_run
    assert outcomes(results) == [
        ("actions/checkout@v4", "not run here", None),
        ("<your-org>/sourcelint@v0.1.0", "failure", 1),  # findings at --fail-on warning
    ]
    expected = {(f"content/{name}", code) for name, code in ARCHIVE_FINDINGS}
    assert annotated(results[1].output) == expected


def test_sarif_recipe_writes_a_valid_report_for_upload(runner: Runner) -> None:
    block = the_block(CI_PAGE, "yaml", contains("sarif: true"))
    job = yaml.safe_load(block.text)
    # upload-sarif needs this permission; it cannot be tried here.
    assert job["permissions"]["security-events"] == "write"
    results = runner.run_job(job["steps"])
    # The action fails on findings (the gate); its SARIF steps still run after it, and the
    # upload step checks the file it would upload.
    assert outcomes(results) == [
        ("actions/checkout@v4", "not run here", None),
        ("<your-org>/sourcelint@v0.1.0", "failure", 1),
    ]
    assert "Upload SARIF: not run here: the upload needs GitHub; the file checked" in (
        results[1].output
    )


def test_the_action_writes_the_sourcing_profile_to_the_job_summary(
    runner: Runner, workflow_run: list[StepResult]
) -> None:
    summary = (runner.temp / "step_summary.md").read_text(encoding="utf-8")
    assert "anonymous" in summary and "SL102" in summary  # the archive's anonymous source


def test_the_documented_action_inputs_are_those_of_action_yml() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    text = CI_PAGE.read_text(encoding="utf-8")
    table = text.split("Inputs:", 1)[1].split("\n\n", 2)[1]
    documented = re.findall(r"^\| `([\w-]+)` \|", table, re.M)
    assert documented == list(action["inputs"])


def test_gitlab_job_runs_on_an_image_without_git(release: Release, tmp_path: Path) -> None:
    block = the_block(CI_PAGE, "yaml", starts("# .gitlab-ci.yml"))
    (job,) = yaml.safe_load(block.text).values()
    assert job["image"] == "python:3.12-slim"
    # The image: Python with pip on the PATH, the basic tools, no git.
    venv = tmp_path / "image-python"
    # The image's pip is a recent one: Python's bundled pip may be older (and reject
    # some requirement URLs recent ones take).
    make_venv = [sys.executable, "-m", "venv", "--upgrade-deps", str(venv)]
    subprocess.run(make_venv, check=True, capture_output=True, timeout=TIMEOUT)
    tools = {name: found for name in BASIC_TOOLS if (found := shutil.which(name))}
    path = os.pathsep.join([str(venv / "bin"), str(tool_dir(tmp_path / "tools", tools))])
    assert shutil.which("git", path=path) is None
    env = {**os.environ, "PATH": path}
    repo = make_content_repo(tmp_path / "project")
    # GitLab runs the script's lines in one shell and stops at the first failure.
    done = run_sh("\n".join(release.localize(line) for line in job["script"]), repo, env)
    # It installs (pip fails with exit 1 too: tell the two apart), then fails on the
    # archive's findings; the report is kept for GitLab.
    assert (venv / "bin" / "sourcelint").exists(), done.stdout
    assert done.returncode == 1, done.stdout
    report = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text())
    assert job["artifacts"]["when"] == "always"
    paths = {(entry["location"]["path"], entry["check_name"].split()[0]) for entry in report}
    assert paths == {(f"content/{name}", code) for name, code in ARCHIVE_FINDINGS}
    assert all(entry["fingerprint"] for entry in report)


@pytest.mark.parametrize("page", [CI_PAGE, README], ids=lambda page: page.name)
def test_baseline_recipe_reports_only_new_findings(
    page: Path, installed: dict[str, str], tmp_path: Path
) -> None:
    block = the_block(page, "sh", contains("--write-baseline"))
    folder = re.search(r"--baseline \S+ (\w+)/", block.text)[1]  # content/ or articles/
    repo = make_content_repo(tmp_path / "repo", folder)
    done = run_sh(block.text, repo, installed)
    assert done.returncode == 0, done.stdout
    recorded = json.loads((repo / ".sourcelint-baseline.json").read_text())["entries"]
    assert {(e["path"], e["code"]) for e in recorded} == {
        (f"{folder}/{name}", code) for name, code in ARCHIVE_FINDINGS
    }
    new = add_new_draft(repo, folder)
    check = block.text.strip().split("\n")[-1]  # the page's --baseline command
    assert "--baseline " in check
    done = run_sh(check, repo, installed)
    assert done.returncode == 1
    assert reported(done.stdout) == {(new, "SL102")}


def test_action_takes_the_baseline_in_args(
    runner: Runner, installed: dict[str, str], tmp_path: Path
) -> None:
    recipe = the_block(CI_PAGE, "sh", contains("--write-baseline"))
    step = the_block(CI_PAGE, "yaml", contains("args: --baseline"))
    repo = make_content_repo(tmp_path / "repo")
    assert run_sh(recipe.text, repo, installed).returncode == 0
    new = add_new_draft(repo)
    (result,) = replace(runner, workspace=repo).run_job(yaml.safe_load(step.text))
    assert (result.outcome, result.returncode) == ("failure", 1)
    assert annotated(result.output) == {(new, "SL102")}


# pre-commit


@pytest.fixture(scope="module")
def hook_env(installed: dict[str, str], precommit_home: Path) -> dict[str, str]:
    """The installed environment with ``pre-commit`` (this test run's) on the PATH, its
    hook environment already built, and git's identity for commits."""
    found = Path(sys.executable).with_name("pre-commit")
    bin_dir = tool_dir(precommit_home.parent / "bin", {"pre-commit": str(found)})
    path = f"{bin_dir}{os.pathsep}{installed['PATH']}"
    return {**installed, **GIT_ENV, "PATH": path, "PRE_COMMIT_HOME": str(precommit_home)}


@pytest.mark.precommit
@pytest.mark.parametrize("page", [CI_PAGE, README], ids=lambda page: page.name)
def test_precommit_recipe_installs_the_hook_and_lints(
    page: Path, release: Release, hook_env: dict[str, str], tmp_path: Path
) -> None:
    config = the_block(page, "yaml", lambda block: "rev:" in block.text)
    commands = the_block(CI_PAGE, "sh", starts("pre-commit install"))
    repo = make_content_repo(tmp_path / "repo")
    (repo / ".pre-commit-config.yaml").write_text(release.localize(config.text))
    done = run_sh(commands.text, repo, hook_env)
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()
    assert done.returncode == 1, done.stdout
    assert "sourcelint" in done.stdout and "Failed" in done.stdout
    assert reported(done.stdout) == {(f"content/{name}", code) for name, code in ARCHIVE_FINDINGS}


@pytest.mark.precommit
def test_precommit_hook_takes_the_baseline_in_args(
    release: Release, hook_env: dict[str, str], tmp_path: Path
) -> None:
    config = yaml.safe_load(the_block(CI_PAGE, "yaml", starts("# .pre-commit-config.yaml")).text)
    hook = yaml.safe_load(the_block(CI_PAGE, "yaml", contains("args: [--baseline")).text)
    config["repos"][0]["hooks"] = hook  # the page's config with the page's hook entry
    recipe = the_block(CI_PAGE, "sh", contains("--write-baseline"))
    run_all = the_block(CI_PAGE, "sh", starts("pre-commit install")).text.split("\n")[1]
    repo = make_content_repo(tmp_path / "repo")
    (repo / ".pre-commit-config.yaml").write_text(release.localize(yaml.safe_dump(config)))
    assert run_sh(recipe.text, repo, hook_env).returncode == 0
    new = add_new_draft(repo)
    git(repo, hook_env, "add", new)  # --all-files: the files git tracks
    done = run_sh(run_all, repo, hook_env)
    assert done.returncode == 1, done.stdout
    assert reported(done.stdout) == {(new, "SL102")}


# Nothing left out


def test_every_block_of_the_ci_page_is_run_or_said_why() -> None:
    run_here = {
        "# .github/workflows/sourcelint.yml",
        "permissions:",
        "# .gitlab-ci.yml",
        "# .pre-commit-config.yaml",
        "pre-commit install",
        "sourcelint check --write-baseline .sourcelint-baseline.json content/",
        "- uses: <your-org>/sourcelint@v0.1.0",
        "- id: sourcelint",
    }
    # Configuration, not a CI step: `extend` is tested in tests/test_config_extend.py.
    not_a_recipe = {"# desk/.sourcelint.toml"}
    firsts = [block.first_line for block in page_blocks(CI_PAGE)]
    assert sorted(firsts) == sorted(run_here | not_a_recipe)
