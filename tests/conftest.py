"""Shared fixtures: one registry and linter for the session (spaCy loads once)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from sourcelint.checks.registry import Registry, load_registry
from sourcelint.engine import Engine

if TYPE_CHECKING:
    from sourcelint.serve.app import Server

# Every test lints afresh: a cached result would hide the code a test runs (or patches).
# tests/test_cache.py turns the cache on where it tests it; subprocesses inherit this.
os.environ["SOURCELINT_NO_CACHE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "iran-russia-assad.txt"


# CI installs Chromium and sets this: there, a missing browser fails instead of skipping.
BROWSER_REQUIRED = os.environ.get("SOURCELINT_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium through Selenium (skips without it, except in CI)."""
    try:
        from selenium import webdriver
    except ImportError:
        webdriver = None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if webdriver is None or not (chromium and driver_path):
        if BROWSER_REQUIRED:
            pytest.fail("selenium, chromium and chromedriver are required here")
        pytest.skip("needs selenium, chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=driver_path)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def linter(registry: Registry) -> Engine:
    return Engine(registry)


@pytest.fixture(scope="session", autouse=True)
def shared_model() -> Iterator[None]:
    """Load (and verify) each parse-tier model once for the whole session.

    Every CLI run builds its own Engine, so without this each one would load the model
    anew. Errors are not cached: a missing model still fails every time. A test of the
    loading itself patches ``sourcelint.analysis.pipeline.load_model`` back to the real one.
    """
    from sourcelint.analysis import model, pipeline

    assert pipeline.load_model is model.load_model, "pipeline no longer loads through load_model"
    loaded: dict[str | None, object] = {}

    def load_once(load_name: str | None = None) -> object:
        if load_name not in loaded:
            loaded[load_name] = model.load_model(load_name)
        return loaded[load_name]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load_model", load_once)
        yield


@contextmanager
def ctrl_c_reaches_children() -> Iterator[None]:
    """Children started in the block hear Ctrl-C. A runner that starts the tests in the
    background (``pytest &`` in a script) leaves SIGINT ignored, children inherit that,
    and a test of Ctrl-C would wait for nothing or pass without a signal doing anything."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def process_stat(pid: int) -> list[str] | None:
    """A process's /proc/PID/stat fields after its name: state, ppid, pgrp, … (Linux)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text[text.rindex(")") + 2 :].split()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs; a zombie, ended but not yet reaped, does not."""
    fields = process_stat(pid)
    return fields is not None and fields[0] != "Z"


def child_pids(pid: int) -> list[int]:
    """The children of process ``pid``, forked by any of its threads (Linux)."""
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            children.update(int(child) for child in (task / "children").read_text().split())
    return sorted(children)


@pytest.fixture(scope="module")
def archive_module() -> Iterator[Any]:
    """``bench/archive.py``, the generator of invented archives, imported."""
    sys.path.insert(0, str(ROOT / "bench"))  # the generator is a bench script
    try:
        import archive

        yield archive
    finally:
        sys.path.remove(str(ROOT / "bench"))


AUDIT_SUMS = ("by_outlet.csv", "by_author.csv", "by_month.csv", "by_outlet_month.csv")


def audit_sums(out: Path) -> dict[str, str]:
    """An audit's aggregates: its group files, and summary.json but for its inputs."""
    texts = {name: (out / name).read_text(encoding="utf-8") for name in AUDIT_SUMS}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    texts["summary"] = json.dumps({k: v for k, v in summary.items() if k != "inputs"})
    return texts


@contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail, rather than hang, if the block runs for minutes: a guard around inputs that
    once took minutes and now take well under a second, not a timing assertion.

    ``pytest.fail`` is no ``Exception``, so sourcelint's own error handling cannot turn
    the expiry into a reported error and let the test pass."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("needs SIGALRM")

    def expire(signum: int, frame: object) -> None:
        pytest.fail(f"still running after {seconds} s: the work is not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_tip_on_hover(browser: object, mark: object, expected: str, screenshot: Path) -> None:
    """A highlight's tip is hidden until the pointer is over it, then shows ``expected``;
    the page is saved to ``screenshot`` then."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    tip = mark.find_element(By.CSS_SELECTOR, ".tip")
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(mark).perform()
    assert tip.is_displayed()
    assert expected in tip.text
    browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 0


def assert_tab_reaches_a_tip(browser: object, screenshot: Path, presses: int = 20) -> None:
    """Tab, from where the focus is, reaches a highlight within ``presses``, and its tip
    shows on focus; the page is saved to ``screenshot`` then."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    for _ in range(presses):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if focused.tag_name == "mark":
            break
    assert focused.tag_name == "mark"
    assert focused.find_element(By.CSS_SELECTOR, ".tip").is_displayed()
    browser.save_screenshot(str(screenshot))


# A folder of drafts for ``sourcelint serve``: what check lints, what it leaves out
# (.gitignore, exclude), and a file beside the folder that must never be served.
SERVED_STORY = (
    "A senior official said the talks had stalled.\n\n"
    "According to Reuters, the minister resigned. The army reportedly fled.\n"
)
SERVED_FILES = {
    "story.md": SERVED_STORY,
    "notes.txt": "Officials said the budget was cut. Critics slammed the plan.\n",
    "page.html": "<html><body><article><p>A senior official said the plan had failed.</p>"
    "</article></body></html>\n",
    "sub/deep.md": "# Port deal\n\nThe mayor reportedly signed it, sources said.\n",
    "ignored.md": SERVED_STORY,
    "archive/old.md": SERVED_STORY,
    "private.json": '{"key": "TOPSECRET-inside"}\n',
    ".gitignore": "ignored.md\n",
    "sourcelint.toml": 'extend-exclude = ["archive/"]\n',
    # A draft linted as if it were here takes this config: SL102 off.
    "quiet/sourcelint.toml": 'ignore = ["SL102"]\n',
}
SECRET = "TOPSECRET"


def write_files(folder: Path, files: Mapping[str, str]) -> None:
    """Each text at its path under ``folder`` (a plugin and its dist-info, say)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def make_site(root: Path) -> Path:
    """``root/site`` with ``SERVED_FILES``, and ``root/outside/secret.md`` beside it."""
    site = root / "site"
    write_files(site, SERVED_FILES)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"{SECRET}-outside: a senior official said.\n")
    return site


@contextmanager
def serving(directory: Path) -> Iterator[Server]:
    """``sourcelint serve DIRECTORY`` in a thread of this process, on a port the system
    picks; stopped and closed however the block ends."""
    from sourcelint.serve.command import start

    server = start(directory, "127.0.0.1", 0, config=None, pipeline=None)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# Git without the user's configuration, with an identity for commits.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "sourcelint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "sourcelint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, env: Mapping[str, str], *args: str) -> str:
    """Run git in ``cwd``; its standard output (a failure fails the test)."""
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def snapshot(destination: Path, env: Mapping[str, str]) -> str:
    """Commit this working tree (tracked and untracked files, not ignored ones) into a new
    repository at ``destination``; its HEAD. ``pre-commit try-repo`` would commit only
    tracked changes and build a fresh hook environment on every call."""
    listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(destination, env, "init", "-q")
    git(destination, env, "add", "-A")
    git(destination, env, "commit", "-q", "-m", "snapshot")
    return git(destination, env, "rev-parse", "HEAD").strip()


# The docs install sourcelint from this placeholder repository at this tag.
PLACEHOLDER_REPO = "https://github.com/<your-org>/sourcelint"
RELEASE_TAG = "v0.1.0"


@dataclass(frozen=True)
class Release:
    """A local stand-in for the placeholder repository on GitHub: ``repo`` is a git
    repository whose tag ``v0.1.0`` is this working tree, and under it lies the path
    GitHub serves a tag's source archive at (``archive/refs/tags/v0.1.0.tar.gz``), made
    as GitHub makes it, by ``git archive``."""

    repo: Path
    env: dict[str, str]  # os.environ with GIT_ENV

    @property
    def url(self) -> str:
        """The stand-in's address, in place of ``PLACEHOLDER_REPO``."""
        return self.repo.as_uri()

    def localize(self, text: str) -> str:
        """The one substitution the docs' tests make: the placeholder repository's URL
        becomes the stand-in's. All else (``git+``, ``@v0.1.0``, ``/archive/…``,
        ``rev: v0.1.0``) is left as written, so it must work as written."""
        return text.replace(PLACEHOLDER_REPO, self.url)


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    env = {**os.environ, **GIT_ENV}
    repo = tmp_path_factory.mktemp("github") / "sourcelint"
    snapshot(repo, env)
    git(repo, env, "tag", RELEASE_TAG)
    archive = repo / "archive" / "refs" / "tags" / f"{RELEASE_TAG}.tar.gz"
    archive.parent.mkdir(parents=True)
    prefix = f"sourcelint-{RELEASE_TAG.removeprefix('v')}/"
    git(repo, env, "archive", "--format=tar.gz", f"--prefix={prefix}", "-o", str(archive), "HEAD")
    return Release(repo, env)


def precommit_config(release: Release) -> str:
    """A .pre-commit-config.yaml naming the hook as the docs do, localized."""
    return release.localize(
        f"repos:\n  - repo: {PLACEHOLDER_REPO}\n    rev: {RELEASE_TAG}\n    hooks:\n"
        "      - id: sourcelint\n"
    )


@pytest.fixture(scope="session")
def precommit_home(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PRE_COMMIT_HOME holding the hook's environment for ``release`` at v0.1.0.

    Built once a session (pip-installs sourcelint and its dependencies: about a minute,
    and network access to PyPI; tests using it are marked ``precommit``). pre-commit keys
    its cache by repository URL and rev, so any config naming the hook as the docs do,
    localized, finds the environment here.
    """
    base = tmp_path_factory.mktemp("precommit")
    home = base / "cache"
    env = {**release.env, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    scratch = base / "scratch"
    scratch.mkdir()
    git(scratch, env, "init", "-q")
    (scratch / ".pre-commit-config.yaml").write_text(precommit_config(release), encoding="utf-8")
    git(scratch, env, "add", ".pre-commit-config.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return home
