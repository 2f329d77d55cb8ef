"""The results cache of ``check``: a warm run reports what a cold one does, analyses
nothing unchanged, and a change of text, config, packs, version or model is a miss."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.analysis import model, pipeline
from sourcelint.checks.registry import load_registry
from sourcelint.cli.app import app
from sourcelint.core import code_digest, version
from sourcelint.engine import Engine, _installed
from sourcelint.run.cache import ResultCache
from sourcelint.run.cache_location import DEFAULT_CACHE_DIR, TAG_NAME

from conftest import write_files

DRAFT = (
    "# Talks stall\n\n"
    "A senior official said the talks had failed. The minister reportedly left early.\n\n"
    "<!-- sourcelint-disable-next-line SL105 -- quoted from the council minutes -->\n"
    "Critics say the plan is flawed.\n\n"
    "```\nAn unterminated code fence\n"
)
PLAIN = "Sources said the deal was off. sourcelint: disable=SL101 -- checked\nTwo aides said so.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCELINT_NO_CACHE", raising=False)
    monkeypatch.delenv("SOURCELINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "c.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    return tmp_path


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", "--pipeline", "fast", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def entries(project: Path) -> list[Path]:
    return sorted((project / DEFAULT_CACHE_DIR).rglob("*.json"))


def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything is analysed from now on."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was analysed")

    monkeypatch.setattr(Engine, "lint_many", refuse)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("output", ["json", "text", "sarif"])
def test_a_warm_run_reports_what_a_cold_one_does(project, monkeypatch, jobs, output):
    args = ("-f", output, "--show-suppressed", "-j", jobs, ".")
    uncached = check("--no-cache", *args)
    assert entries(project) == []  # --no-cache keeps nothing
    cold = check(*args)
    assert len(entries(project)) == 3
    no_analysis(monkeypatch)
    warm = check("-j", "1", *args[:-3], ".")
    assert cold == uncached
    assert warm == cold
    if output == "json":  # suppressed findings are kept too
        assert {"SL105", "SL101"} <= {f["code"] for f in _suppressed(cold[1])}
    assert "warning: a.md:8: unterminated code fence" in cold[2]  # and the reader's notes


def _suppressed(report: str) -> list[dict[str, object]]:
    return [entry for file in json.loads(report)["files"] for entry in file["suppressed"]]


def test_the_cache_is_tagged_and_ignored_by_git(project):
    check(".")
    cache = project / DEFAULT_CACHE_DIR
    assert (cache / TAG_NAME).read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"


def test_changed_text_config_packs_version_or_model_is_a_miss(project, monkeypatch):
    check(".")
    assert len(entries(project)) == 3
    (project / "c.txt").write_text("Critics say the council met on Monday.\n", encoding="utf-8")
    check(".")
    assert len(entries(project)) == 4  # the changed file only
    (project / ".sourcelint.toml").write_text('ignore = ["SL204"]\n', encoding="utf-8")
    _, out, _ = check("-f", "json", ".")
    assert len(entries(project)) == 7
    assert "SL204" not in out
    packs = project / "packs"
    packs.mkdir()
    (packs / "house.toml").write_text('[lexicon.vague_noun]\nentries = ["pundits"]\n')
    (project / ".sourcelint.toml").write_text(
        'ignore = ["SL204"]\nextend-rules = ["packs"]\n', encoding="utf-8"
    )
    check(".")
    assert len(entries(project)) == 10
    (packs / "house.toml").write_text('[lexicon.vague_noun]\nentries = ["bloggers"]\n')
    load_registry.cache_clear()  # as a new process would read the packs again
    check(".")
    assert len(entries(project)) == 13
    monkeypatch.setattr(version, "__version__", "99.0")
    check(".")
    assert len(entries(project)) == 16
    before = len(entries(project))
    check("--pipeline", "parse", "c.txt")  # another tier, with its model
    assert len(entries(project)) == before + 1


def test_the_packs_digest_is_not_called_a_fingerprint(tmp_path):
    """A baseline's fingerprint is a finding's; the registry's is the packs' digest."""
    (tmp_path / "house.toml").write_text('[lexicon.vague_noun]\nentries = ["pundits"]\n')
    builtin, extended = load_registry(), load_registry((tmp_path,))
    assert not hasattr(builtin, "fingerprint")
    assert len(builtin.packs_digest) == 64
    assert builtin.packs_digest != extended.packs_digest


@pytest.fixture
def installed_copy(tmp_path_factory, monkeypatch, request) -> Path:
    """sourcelint's package copied, and taken for the installed one."""
    copy = tmp_path_factory.mktemp("site-packages") / "sourcelint"
    ignored = shutil.ignore_patterns("__pycache__", "rulepacks")
    shutil.copytree(code_digest.PACKAGE_ROOT, copy, ignore=ignored)
    monkeypatch.setattr(code_digest, "PACKAGE_ROOT", copy)
    code_digest.sourcelint_digest.cache_clear()
    request.addfinalizer(code_digest.sourcelint_digest.cache_clear)
    return copy


def test_code_edited_without_a_version_bump_is_a_miss(project, installed_copy):
    check(".")
    assert len(entries(project)) == 3
    for edited in ("analysis/quotes.py", "analysis/vocabulary/cue_lexicon.tsv"):
        path = installed_copy / edited
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        code_digest.sourcelint_digest.cache_clear()  # as the next process hashes it again
        before = len(entries(project))
        check(".")
        assert len(entries(project)) == before + 3, edited


def test_a_plugin_edited_without_a_version_bump_changes_the_packs_digest(tmp_path, monkeypatch):
    files = {
        "houseplugin/__init__.py": "from houseplugin.house import rules\n",
        "houseplugin/house.py": "def rules():\n    return []\n",
        "houseplugin-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: houseplugin\n",
        "houseplugin-1.0.dist-info/entry_points.txt": "[sourcelint.rules]\nh = houseplugin:rules\n",
    }
    write_files(tmp_path, files)
    monkeypatch.syspath_prepend(str(tmp_path))
    package = tmp_path / "houseplugin"

    def digest() -> str:  # a fresh registry, as the next process reads
        return load_registry.__wrapped__((), plugins=True).packs_digest

    try:
        before = digest()
        assert digest() == before
        (package / "house.py").write_text("def rules():\n    return []  # edited\n")
        assert digest() != before
    finally:
        for name in ("houseplugin", "houseplugin.house"):
            sys.modules.pop(name, None)


@pytest.fixture
def model_copy(tmp_path_factory, monkeypatch, request) -> dict[str, Path | None]:
    """The installed model copied, and found there; set "folder" to None to remove it."""
    installed = next(filter(None, map(model.model_path, model.LOAD_NAMES)))
    found: dict[str, Path | None] = {"folder": tmp_path_factory.mktemp("model") / "copy"}
    shutil.copytree(installed, found["folder"])
    monkeypatch.setattr(model, "model_path", lambda name: found["folder"])
    monkeypatch.setattr(pipeline, "load_model", model.load_model)  # not the session's model
    _installed.cache_clear()
    request.addfinalizer(_installed.cache_clear)
    return found


def test_a_replaced_or_removed_model_is_never_served_from_the_cache(project, model_copy):
    parse = ("--pipeline", "parse", "-f", "json", "c.txt")
    cold = check(*parse)
    assert len(entries(project)) == 1
    weights = model_copy["folder"] / "ner" / "model"
    later = weights.stat().st_mtime_ns + 10**9
    os.utime(weights, ns=(later, later))  # as another file put in its place
    _installed.cache_clear()  # as the next process looks at the model again
    assert check(*parse) == cold
    assert len(entries(project)) == 2
    model_copy["folder"] = None
    _installed.cache_clear()
    removed = check(*parse)
    assert removed[0] == 2 and "error[E401]" in removed[2]
    assert removed == check("--no-cache", *parse)
    assert len(entries(project)) == 2


def test_the_model_s_identity_follows_its_meta_and_its_weights(tmp_path, monkeypatch):
    folder = tmp_path / "house_model" / "house_model-3.8.0"
    (folder / "ner").mkdir(parents=True)
    (tmp_path / "house_model" / "__init__.py").write_text("")
    (folder / "meta.json").write_text('{"version": "3.8.0"}')
    (folder / "ner" / "model").write_bytes(b"weights")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = model.installed_model("house_model")
    (folder / "meta.json").write_text('{"version": "3.8.1"}')
    second = model.installed_model("house_model")
    (folder / "ner" / "model").write_bytes(b"other weights")
    assert len({first, second, model.installed_model("house_model")}) == 3
    assert model.installed_model("no_such_model_here") is None


@pytest.mark.parametrize("tier", ["fast", "parse"])
def test_a_warm_run_imports_no_spacy(project, tier):
    env = {key: value for key, value in os.environ.items() if key != "SOURCELINT_NO_CACHE"}
    command = [sys.executable, "-m", "sourcelint", "check", "--pipeline", tier, "."]
    subprocess.run(command, cwd=project, env=env, capture_output=True, check=False)
    code = (
        "import sys\n"
        "from sourcelint.cli.app import main\n"
        f"sys.argv = ['sourcelint', 'check', '--pipeline', {tier!r}, '.']\n"
        "try:\n    main()\n"
        "except SystemExit as stop:\n    assert stop.code == 1, stop.code\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_an_unreadable_or_half_written_entry_is_a_miss(project):
    cold = check("-f", "json", ".")
    damaged = entries(project)
    for path in damaged[1:]:
        path.write_text(path.read_text()[:40], encoding="utf-8")  # as if killed mid-write
    damaged[0].write_text("[]", encoding="utf-8")  # JSON, but not an entry
    (entries(project)[0].parent / "left-by-a-killed-run.json.123.tmp").write_text("{")
    assert check("-f", "json", ".") == cold
    assert all(json.loads(path.read_text())["key"] == path.stem for path in entries(project))


def test_a_cold_run_opens_no_entry(project, monkeypatch):
    """A cache that sourcelint had not made when the run began has nothing to read: the
    files are linted without first trying to open an entry for each."""
    opened: list[str] = []
    read_text = Path.read_text

    def recording(path: Path, *args: object, **kwargs: object) -> str:
        if DEFAULT_CACHE_DIR in path.parts and path.suffix == ".json":
            opened.append(path.name)
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", recording)
    (project / DEFAULT_CACHE_DIR).mkdir()  # there, but empty
    check(".")
    assert opened == [] and len(entries(project)) == 3
    check(".")
    assert sorted(opened) == [path.name for path in entries(project)]


def test_an_entry_folder_removed_during_a_run_is_made_again(tmp_path, linter, registry):
    cache = ResultCache(tmp_path / "cache")
    result = linter.lint("Sources said so.\n", registry.rules, tier="fast")
    cache.put("ab" + "0" * 62, result)
    shutil.rmtree(tmp_path / "cache")  # sourcelint clean, from another shell
    cache.put("ab" + "1" * 62, result)
    assert cache.get("ab" + "1" * 62) == result


def test_a_cache_that_cannot_be_written_is_no_error(project):
    (project / "elsewhere").write_text("a file where the cache would go\n")
    assert check("--cache-dir", "elsewhere/cache", "-f", "json", ".")[0] == 1
    assert check("--cache-dir", "elsewhere/cache", "-f", "json", ".") == check(
        "--no-cache", "-f", "json", "."
    )


def test_the_environment_chooses_or_turns_off_the_cache(project, monkeypatch):
    monkeypatch.setenv("SOURCELINT_CACHE_DIR", "shared-cache")
    check(".")
    assert len(list((project / "shared-cache").rglob("*.json"))) == 3
    monkeypatch.setenv("SOURCELINT_NO_CACHE", "1")
    (project / "c.txt").write_text("Critics say the council met.\n", encoding="utf-8")
    check(".")
    assert len(list((project / "shared-cache").rglob("*.json"))) == 3


@pytest.mark.parametrize("value", ["0", "false", "No", "off", "", " 0 "])
def test_a_false_no_cache_variable_keeps_the_cache(project, monkeypatch, value):
    monkeypatch.setenv("SOURCELINT_NO_CACHE", value)
    check(".")
    assert len(entries(project)) == 3


@pytest.mark.parametrize("value", ["1", "true", "YES", "on"])
def test_a_true_no_cache_variable_turns_the_cache_off(project, monkeypatch, value):
    monkeypatch.setenv("SOURCELINT_NO_CACHE", value)
    check(".")
    assert entries(project) == []


@pytest.mark.parametrize("value", ["maybe", "2", "\x1b[2J"])
def test_another_no_cache_value_is_an_error_naming_the_variable(project, monkeypatch, value):
    monkeypatch.setenv("SOURCELINT_NO_CACHE", value)
    for args in ((".",), ("--no-cache", ".")):
        code, out, err = check(*args)
        assert (code, out) == (2, "")
        assert err.startswith("error[E101]: key 'SOURCELINT_NO_CACHE': invalid value ")
        assert "\x1b" not in err and "expected 1, true, yes or on" in err
    assert entries(project) == []


def test_the_config_names_the_cache_below_the_cli_and_the_environment(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.sourcelint]\ncache-dir = "build/lint"\n')
    (project / "desk").mkdir()
    monkeypatch.chdir(project / "desk")  # relative to the config's folder, not here
    check("..")
    configured = project / "build" / "lint"
    assert len(list(configured.rglob("*.json"))) == 3
    assert CliRunner().invoke(app, ["clean"]).stderr == f"Removed {configured}\n"
    monkeypatch.setenv("SOURCELINT_CACHE_DIR", "from-env")
    check("..")
    assert len(list((project / "desk" / "from-env").rglob("*.json"))) == 3
    check("--cache-dir", "from-cli", "..")
    assert len(list((project / "desk" / "from-cli").rglob("*.json"))) == 3
    assert not configured.exists()


def test_check_and_clean_read_cache_dir_from_config(project):
    (project / "ci.toml").write_text('cache-dir = "ci-cache"\n')
    check("--config", "ci.toml", ".")
    assert len(list((project / "ci-cache").rglob("*.json"))) == 3
    assert entries(project) == []
    removed = CliRunner().invoke(app, ["clean", "--config", "ci.toml"])
    assert removed.exit_code == 0 and not (project / "ci-cache").exists()
    (project / ".sourcelint.toml").write_text("cache-dir = 3\n")
    broken = CliRunner().invoke(app, ["clean"])
    assert broken.exit_code == 2 and broken.stderr.startswith("error[E101]: .sourcelint.toml")


def test_clean_removes_the_cache_and_only_a_cache(project):
    check(".")
    result = CliRunner().invoke(app, ["clean"])
    assert result.exit_code == 0 and result.stderr == f"Removed {DEFAULT_CACHE_DIR}\n"
    assert not (project / DEFAULT_CACHE_DIR).exists()
    (project / "notes").mkdir()
    refused = CliRunner().invoke(app, ["clean", "--cache-dir", "notes"])
    assert refused.exit_code == 2
    assert (
        refused.stderr
        == "error[E501]: notes: not a sourcelint cache (no CACHEDIR.TAG); left as it is\n"
    )
    assert (project / "notes").is_dir()


def test_the_html_report_is_never_served_from_the_cache(project):
    check(".")
    before = entries(project)
    _, out, _ = check("-f", "html", ".")
    assert "<html" in out and entries(project) == before


def test_a_run_killed_while_writing_leaves_no_entry_to_misread(project):
    for number in range(300):
        (project / f"f{number}.txt").write_text(
            f"Sources said plan {number} was off. Critics say it cost {number} jobs.\n"
        )
    env = {key: value for key, value in os.environ.items() if key != "SOURCELINT_NO_CACHE"}
    command = [sys.executable, "-m", "sourcelint", "check", "--pipeline", "fast", "-j", "1"]
    run = subprocess.Popen([*command, "."], cwd=project, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not entries(project) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.wait()
    for path in entries(project):
        assert json.loads(path.read_text(encoding="utf-8"))["key"] == path.stem
    assert check("-f", "json", ".") == check("--no-cache", "-f", "json", ".")


def test_a_folder_that_is_not_a_cache_is_never_written_or_cleaned(project):
    (project / "other").mkdir()
    (project / "other" / "keep.txt").write_text("someone else's\n")
    assert check("--cache-dir", "other", ".") == check("--no-cache", ".")
    assert sorted(p.name for p in (project / "other").iterdir()) == ["keep.txt"]
    assert CliRunner().invoke(app, ["clean", "--cache-dir", "other"]).exit_code == 2
    assert (project / "other" / "keep.txt").exists()
    assert check("--cache-dir", ".", ".") == check("--no-cache", ".")  # the project itself
    assert not (project / ".gitignore").exists() and not (project / TAG_NAME).exists()
