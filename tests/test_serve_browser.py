"""``sourcelint serve`` in a real browser (headless Chromium through Selenium): typing a
draft highlights it, a listed file shows as many highlights as JSON has findings, and a
draft's markup never runs. Screenshots are kept in each test's temporary folder."""

from __future__ import annotations

import json
import threading

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app

from conftest import assert_tab_reaches_a_tip, assert_tip_on_hover, make_site, serving

WAIT = 30
HOSTILE = (
    "<script>window.pwned=1</script> A senior official said so.\n\n"
    '"><img src=x onerror="window.pwned=2"> Officials reportedly left.\n\n'
    "[x](javascript:window.pwned=3) was the link.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return make_site(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as running:
        yield running


def _wait(browser, condition):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # A re-lint replaces the results: an element found a moment ago may be gone.
    waiting = WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException])
    return waiting.until(condition)


def _linted(browser, ending: str) -> None:
    """Wait until the results show the draft up to ``ending`` (typing may pause, and
    each pause lints what was typed so far) and no lint is under way."""
    from selenium.webdriver.common.by import By

    def done(b) -> bool:
        shown = b.find_elements(By.CSS_SELECTOR, "#report .article")
        return bool(shown) and ending in shown[0].text and _status(b) != "Linting…"

    _wait(browser, done)


def _status(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "status").text


def test_typing_a_draft_highlights_an_anonymous_source(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server.url)
    browser.find_element(By.ID, "draft").send_keys("A senior official said the plan had failed.")
    _linted(browser, "plan had failed.")
    marks = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".article mark.c-anonymous"))
    assert _status(browser) == "draft.md: 1 finding"
    assert_tip_on_hover(browser, marks[0], "Anonymous source", tmp_path / "typed.png")


def test_an_opened_file_shows_every_finding_and_loads_into_the_editor(
    browser, server, site, tmp_path
):
    from selenium.webdriver.common.by import By

    result = CliRunner().invoke(app, ["check", "-f", "json", str(site / "story.md")])
    findings = len(json.loads(result.stdout)["files"][0]["findings"])
    browser.get(server.url)
    button = _wait(
        browser, lambda b: b.find_elements(By.CSS_SELECTOR, '#files button[data-path="story.md"]')
    )[0]
    button.click()
    _wait(browser, lambda b: _status(b).startswith("story.md: "))
    marks = browser.find_elements(By.CSS_SELECTOR, "#report .article mark")
    named = {n for mark in marks for n in mark.get_attribute("data-findings").split()}
    assert len(named) == findings >= 3
    assert _status(browser) == f"story.md: {findings} findings"
    browser.save_screenshot(str(tmp_path / "opened.png"))
    # A copy to edit: the file's text in the editor, linted as that file.
    browser.find_element(By.ID, "edit").click()
    draft = browser.find_element(By.ID, "draft")
    assert draft.get_attribute("value") == (site / "story.md").read_text(encoding="utf-8")
    assert browser.find_element(By.ID, "name").get_attribute("value") == "story.md"
    _wait(browser, lambda b: _status(b) == f"story.md: {findings} findings")


def test_a_draft_s_markup_never_runs(browser, server, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get(server.url)
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("draft.txt")  # plain text: shown as written, every character
    browser.find_element(By.ID, "draft").send_keys(HOSTILE)
    _linted(browser, "was the link.")
    article = browser.find_element(By.CSS_SELECTOR, "#report .article")
    assert "[x](javascript:window.pwned=3)" in article.text
    assert "<script>window.pwned=1</script>" in article.text
    assert 'onerror="window.pwned=2"' in article.text
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert browser.execute_script("return window.pwned === undefined")
    report = browser.find_element(By.ID, "report")
    assert report.find_elements(By.CSS_SELECTOR, "script, img, a[href^='javascript']") == []
    browser.save_screenshot(str(tmp_path / "hostile.png"))


def test_a_stale_answer_never_overwrites_a_newer_one(browser, server, monkeypatch, tmp_path):
    from selenium.webdriver.common.by import By

    arrived, release = threading.Event(), threading.Event()
    lint_draft = server.workspace.lint_draft

    def held_back(text, name):
        if text.startswith("First"):  # the first draft's answer comes last
            arrived.set()
            release.wait(WAIT)
        return lint_draft(text, name)

    monkeypatch.setattr(server.workspace, "lint_draft", held_back)
    type_in = "const d = document.getElementById('draft'); d.value = arguments[0];"
    type_in += "d.dispatchEvent(new Event('input'));"
    browser.get(server.url)
    try:
        browser.execute_script(type_in, "First draft: a senior official said so.")
        assert arrived.wait(WAIT)
        browser.execute_script(type_in, "Second draft: the mayor said so.")
        _linted(browser, "Second draft")
        release.set()
        # Both answers in, and a moment for the page to handle the late one.
        _wait(browser, lambda b: b.execute_script(_LINTS_DONE) == 2)
        browser.execute_async_script("setTimeout(arguments[0], 200)")
    finally:
        release.set()
    shown = browser.find_element(By.CSS_SELECTOR, "#report .article").text
    assert shown.startswith("Second draft")
    assert _status(browser) == "draft.md: 0 findings"
    browser.save_screenshot(str(tmp_path / "stale.png"))


# How many lint requests have had their whole answer.
_LINTS_DONE = """return performance.getEntriesByType('resource')
    .filter(e => e.name.endsWith('/api/lint') && e.responseEnd > 0).length"""


def test_the_page_is_usable_by_keyboard(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server.url)
    for field in browser.find_elements(By.CSS_SELECTOR, "input, select, textarea"):
        labels = browser.find_elements(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        assert labels, field.get_attribute("id")
    # The editor has the focus at once.
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == "draft"
    focused.send_keys("A senior official said the plan had failed.")
    _linted(browser, "plan had failed.")
    # From the editor, Tab reaches the first highlight, which shows its tip on focus.
    assert_tab_reaches_a_tip(browser, tmp_path / "keyboard.png", presses=10)
