"""The HTML report in a real browser (headless Chromium through Selenium): highlights
as many as the findings, a tip on hover and on keyboard focus, nothing from an article
running. Screenshots are kept in each test's temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli import app

from conftest import assert_tab_reaches_a_tip, assert_tip_on_hover

ARTICLE = (
    "A senior official said the plan had failed.\n\n"
    "According to Reuters, the minister reportedly resigned.\n"
)
HOSTILE = (
    "<script>window.pwned = 1; alert(1)</script> A senior official said so.\n\n"
    '"><img src=x onerror="window.pwned = 2"> Officials reportedly left.\n'
)


def _report(text: str, tmp_path: Path) -> tuple[Path, int]:
    """The HTML report of one article, and how many findings JSON gives for it."""
    article = tmp_path / "article.md"
    article.write_text(text, encoding="utf-8")
    report = tmp_path / "report.html"
    runner = CliRunner()
    runner.invoke(app, ["check", "-f", "html", "-o", str(report), str(article)])
    result = runner.invoke(app, ["check", "-f", "json", str(article)])
    return report, len(json.loads(result.stdout)["files"][0]["findings"])


def test_each_finding_is_highlighted_and_shows_its_message(browser, tmp_path):
    from selenium.webdriver.common.by import By

    report, findings = _report(ARTICLE, tmp_path)
    browser.get(report.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, ".article mark")
    named = {n for mark in marks for n in mark.get_attribute("data-findings").split()}
    assert len(named) == findings >= 3
    assert_tip_on_hover(browser, marks[0], "Anonymous source", tmp_path / "hover.png")


def test_a_highlight_is_reached_and_explained_by_keyboard(browser, tmp_path):

    report, _ = _report(ARTICLE, tmp_path)
    browser.get(report.as_uri())
    # Past the index links, to the first highlight.
    assert_tab_reaches_a_tip(browser, tmp_path / "focus.png")


def test_an_article_s_markup_never_runs(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    report, _ = _report(HOSTILE, tmp_path)
    browser.get(report.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "script, img") == []
    article = browser.find_element(By.CSS_SELECTOR, ".article")
    assert "<script>window.pwned = 1; alert(1)</script>" in article.text
    browser.save_screenshot(str(tmp_path / "hostile.png"))
