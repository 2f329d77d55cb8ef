"""Shared fixtures: one registry and linter for the session (spaCy loads once)."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from sourcelint.engine import Linter
from sourcelint.registry import Registry, load_registry

if TYPE_CHECKING:
    from sourcelint.serve.app import Server

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
def linter(registry: Registry) -> Linter:
    return Linter(registry)


@pytest.fixture(scope="session", autouse=True)
def shared_model() -> Iterator[None]:
    """Load (and verify) each parse-tier model once for the whole session.

    Every CLI run builds its own Linter, so without this each one would load the model
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


def make_site(root: Path) -> Path:
    """``root/site`` with ``SERVED_FILES``, and ``root/outside/secret.md`` beside it."""
    site = root / "site"
    for name, text in SERVED_FILES.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
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
