"""What a newsroom adopting sourcelint gets: the sdist and its metadata, release tags that
match the version, and the GitHub Action (``action.yml``), parsed and its shell steps run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from email.parser import Parser
from pathlib import Path

import pytest
import trove_classifiers
import yaml

import sourcelint
from sourcelint.formats import BUILTIN

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
TAG = f"v{sourcelint.__version__}"


# The sdist


def git_files(*paths: str) -> list[str]:
    """The files git would commit (tracked, or new and not ignored), under ``paths``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", *paths],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> tarfile.TarFile:
    """The sdist ``python -m build`` makes of a clean copy of this checkout.

    A copy: setuptools adds every file its last build listed (``*.egg-info/SOURCES.txt``),
    so a build in place would carry files MANIFEST.in no longer names.
    """
    checkout = tmp_path_factory.mktemp("checkout")
    for name in git_files():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, checkout / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(checkout)],
        check=True,
        capture_output=True,
    )
    [archive] = out.glob("sourcelint-*.tar.gz")
    with tarfile.open(archive) as tar:
        yield tar


def members(sdist: tarfile.TarFile) -> set[str]:
    """The sdist's file names, without the ``sourcelint-X.Y.Z/`` folder."""
    return {name.partition("/")[2] for name in sdist.getnames()}


def test_the_sdist_carries_tests_fixtures_docs_examples_and_rule_packs(sdist) -> None:
    names = members(sdist)
    wanted = git_files("tests", "docs", "examples", "rules", "schemas")
    assert len(wanted) > 50
    assert set(wanted) - names == set()
    assert {"LICENSE", "README.md", "action.yml", ".pre-commit-hooks.yaml"} <= names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_the_sdist_metadata_names_licence_authors_urls_and_classifiers(sdist) -> None:
    info = sdist.extractfile(f"sourcelint-{sourcelint.__version__}/PKG-INFO")
    metadata = Parser().parsestr(info.read().decode("utf-8"))
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert metadata["Author"] == "sourcelint authors"
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL"))
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues"}
    assert all(url.startswith("https://github.com/sourcelint/sourcelint") for url in urls.values())
    assert "Typing :: Typed" in metadata.get_all("Classifier")
    assert "journalism" in metadata["Keywords"].split(",")


def test_the_licence_is_mit_and_names_its_holders() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the sourcelint authors\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text


def test_classifiers_are_pypis_and_match_the_python_versions() -> None:
    classifiers = PYPROJECT["project"]["classifiers"]
    assert [c for c in classifiers if c not in trove_classifiers.classifiers] == []
    # PEP 639: the licence is the `license` expression; a licence classifier is refused.
    assert not any(c.startswith("License ::") for c in classifiers)
    minimum = PYPROJECT["project"]["requires-python"].removeprefix(">=")
    versions = [c.rpartition(" :: ")[2] for c in classifiers if re.search(r":: 3\.\d+$", c)]
    assert versions[0] == minimum


def test_the_formats_entry_points_are_the_builtin_formats() -> None:
    assert PYPROJECT["project"]["entry-points"]["sourcelint.formats"] == BUILTIN


# Release tags: what the docs tell users to pin is the version being released.


def pinned_tags() -> list[tuple[str, str]]:
    """(page, tag) for each release the README and docs pin: a pre-commit ``rev:`` under a
    sourcelint ``repo:``, and every ``sourcelint@ref`` (the action's ``uses:``, pip URLs)."""
    found = []
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        for repo, rev in re.findall(r"repo:\s*(\S+)\s*\n\s*rev:\s*(\S+)", text):
            if repo.rstrip("/").endswith("/sourcelint"):
                found.append((page.name, rev))
        found += [(page.name, ref) for ref in re.findall(r"/sourcelint@([^\s\"']+)", text)]
    return found


def test_every_pinned_release_is_the_package_version() -> None:
    pinned = pinned_tags()
    pages = {page for page, _ in pinned}
    # The README's pre-commit example at least; a regex that found nothing proves nothing.
    assert "README.md" in pages
    assert [(page, tag) for page, tag in pinned if tag != TAG] == []


def test_the_tag_check_sees_a_wrong_rev_and_a_wrong_uses(tmp_path, monkeypatch) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "  - repo: https://github.com/<your-org>/sourcelint\n    rev: v0.0.9\n"
        "  - repo: https://github.com/psf/black\n    rev: 24.1.0\n"
        "      - uses: <your-org>/sourcelint@v9.9.9\n      - uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "DOCS", [page])
    assert pinned_tags() == [("page.md", "v0.0.9"), ("page.md", "v9.9.9")]


# The GitHub Action


def step(name: str) -> dict:
    [found] = [s for s in STEPS if s.get("name") == name]
    return found


def test_every_input_is_described_has_a_default_and_is_used() -> None:
    inputs = ACTION["inputs"]
    assert {"paths", "args", "python-version", "install", "cache", "summary", "sarif"} <= set(
        inputs
    )
    for name, spec in inputs.items():
        assert spec["description"].strip(), name
        assert isinstance(spec.get("default"), str), name
    used = set(re.findall(r"inputs\.([\w-]+)", (ROOT / "action.yml").read_text("utf-8")))
    assert used == set(inputs)


def test_no_expression_is_spliced_into_a_shell_script() -> None:
    # Inputs reach scripts as environment variables: `${{ }}` in `run` would be pasted
    # into the script before bash reads it (script injection).
    assert [s["name"] for s in STEPS if "${{" in s.get("run", "")] == []


def test_pip_downloads_are_cached_outside_the_workspace() -> None:
    cache = next(s for s in STEPS if s.get("uses", "").startswith("actions/cache@"))
    assert cache["uses"] == "actions/cache@v4"
    assert cache["with"]["path"] == "${{ steps.pip-cache.outputs.dir }}"
    assert "steps.pip-cache.outputs.hash" in cache["with"]["key"]
    assert STEPS.index(cache) < STEPS.index(step("Install sourcelint"))


def test_the_gate_runs_first_and_the_steps_after_it_run_even_when_it_fails() -> None:
    gate = step("Run sourcelint")
    assert "--format github" in gate["run"] and "--exit-zero" not in gate["run"]
    after = STEPS[STEPS.index(gate) + 1 :]
    assert [s["name"] for s in after] == ["Write the job summary", "Write SARIF", "Upload SARIF"]
    for later in after:
        assert "!cancelled()" in later["if"], later["name"]
        assert "--format github" not in later.get("run", "")
        if "run" in later:
            # Findings must not fail the job a second time: the gate decides.
            assert "--exit-zero" in later["run"]


def test_the_summary_goes_to_the_job_summary_and_sarif_to_upload_sarif_v4() -> None:
    summary = step("Write the job summary")
    assert "--format markdown-summary" in summary["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert "markdown-summary" in BUILTIN
    upload = step("Upload SARIF")
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert "inputs.sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.sarif.outputs.file }}"


# The action's shell steps, run here as a runner would run them (bash, the step's env).


def expand(value: str, inputs: dict[str, str]) -> str:
    """A step's ``env`` value with ``${{ inputs.X }}`` and ``github.action_path`` filled."""
    value = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)
    return value.replace("${{ github.action_path }}", str(ROOT))


@pytest.fixture
def runner(tmp_path):
    """Runs an action step: RUNNER_TEMP holds a "venv" whose sourcelint is this one."""
    temp = tmp_path / "runner"
    bin_dir = temp / "sourcelint-venv" / "bin"
    bin_dir.mkdir(parents=True)
    wrapper = bin_dir / "sourcelint"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m sourcelint "$@"\n')
    wrapper.chmod(0o755)
    files = {name: tmp_path / name for name in ("summary.md", "output", "path")}
    for file in files.values():
        file.touch()
    defaults = {name: spec["default"] for name, spec in ACTION["inputs"].items()}

    def run(name: str, cwd: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
        found = step(name)
        env = {
            **os.environ,
            # setup-python's python first on the PATH: the one running these tests.
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
            "RUNNER_TEMP": str(temp),
            "RUNNER_OS": "Linux",
            "GITHUB_STEP_SUMMARY": str(files["summary.md"]),
            "GITHUB_OUTPUT": str(files["output"]),
            "GITHUB_PATH": str(files["path"]),
        }
        merged = {**defaults, **inputs}
        env.update({key: expand(str(v), merged) for key, v in found.get("env", {}).items()})
        return subprocess.run(
            ["bash", "-e", "-c", found["run"]], cwd=cwd, env=env, capture_output=True, text=True
        )

    run.files = files
    return run


@pytest.fixture
def site(tmp_path) -> Path:
    """A content repository with one draft that has a finding."""
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "news" / "draft.md").write_text(
        "A senior official said the plan would fail.\n", encoding="utf-8"
    )
    return site


def test_the_gate_word_splits_its_inputs_without_expanding_globs(runner, site) -> None:
    gate = runner("Run sourcelint", site, paths="news/draft.md news/*.md")
    assert gate.returncode == 2  # "news/*.md" reached sourcelint as is: no such file
    assert "news/*.md" in gate.stderr
    assert "file=news/draft.md" in gate.stdout


def test_the_gate_fails_on_findings_and_the_summary_step_still_writes(runner, site) -> None:
    gate = runner("Run sourcelint", site, paths="news", args="--fail-on warning")
    assert gate.returncode == 1
    assert gate.stdout.startswith("::warning file=news/draft.md,line=1,col=1,")
    summary = runner("Write the job summary", site, paths="news", args="--fail-on warning")
    assert summary.returncode == 0, summary.stderr
    written = runner.files["summary.md"].read_text(encoding="utf-8")
    assert written.startswith("## sourcelint\n\n1 finding (1 warning) in 1 file.")
    assert "| — anonymous | 1 |" in written


def test_the_summary_step_does_not_fail_where_the_gate_does(runner, site) -> None:
    gate = runner("Run sourcelint", site, paths="missing.md")
    assert gate.returncode == 2
    summary = runner("Write the job summary", site, paths="missing.md")
    assert summary.returncode == 0
    written = runner.files["summary.md"].read_text(encoding="utf-8")
    assert "1 file could not be linted" in written
    assert "### Not linted\n\n- missing\\.md\\: " in written


def test_the_sarif_step_writes_its_file_and_names_it(runner, site) -> None:
    done = runner("Write SARIF", site, paths="news", sarif="true")
    assert done.returncode == 0, done.stderr
    output = runner.files["output"].read_text(encoding="utf-8")
    [path] = re.findall(r"^file=(.+)$", output, re.MULTILINE)
    assert '"version": "2.1.0"' in Path(path).read_text(encoding="utf-8")


def test_the_pip_cache_key_step_prints_its_outputs(runner, site) -> None:
    done = runner("Locate pip's cache", site, install="")
    assert done.returncode == 0, done.stderr
    output = dict(
        line.split("=", 1) for line in runner.files["output"].read_text("utf-8").splitlines()
    )
    assert set(output) == {"dir", "python", "hash"}
    assert output["python"] == f"py{sys.version_info[0]}.{sys.version_info[1]}"
    assert re.fullmatch(r"[0-9a-f]{16}", output["hash"])
    other = runner("Locate pip's cache", site, install="sourcelint==0.2.0")
    assert other.returncode == 0
    hashes = re.findall(r"^hash=(.+)$", runner.files["output"].read_text("utf-8"), re.M)
    assert len(set(hashes)) == 2  # another `install` is another cache key


def test_every_package_of_the_source_is_shipped():
    """The package list is explicit (the rule packs map to sourcelint.rulepacks): a new
    folder of modules left out of it is missing from every non-editable install."""
    source = ROOT / "src"
    packages = {
        ".".join(init.parent.relative_to(source).parts)
        for init in (source / "sourcelint").rglob("__init__.py")
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert packages <= listed, sorted(packages - listed)
