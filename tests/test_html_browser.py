"""The HTML report in a real browser (headless Chromium through Selenium): highlights
as many as the findings, a tip on hover and on keyboard focus, nothing from an article
running. Screenshots are kept in each test's temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app

from conftest import assert_tab_reaches_a_tip, assert_tip_on_hover

ARTICLE = (
    "A senior official said the plan had failed.\n\n"
    "According to Reuters, the minister resigned. The army reportedly fled.\n"
)
HOSTILE = (
    "<script>window.pwned = 1; alert(1)</script> A senior official said so.\n\n"
    '"><img src=x onerror="window.pwned = 2"> Officials reportedly left.\n'
)


def _report(text: str, tmp_path: Path, suffix: str = ".md") -> tuple[Path, int]:
    """The HTML report of one article, and how many findings JSON gives for it."""
    article = tmp_path / f"article{suffix}"
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

    report, _ = _report(HOSTILE, tmp_path, ".txt")  # plain text: shown character for character
    browser.get(report.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "script, img") == []
    article = browser.find_element(By.CSS_SELECTOR, ".article")
    assert "<script>window.pwned = 1; alert(1)</script>" in article.text
    browser.save_screenshot(str(tmp_path / "hostile.png"))


def test_the_attribution_view_is_one_click_or_key_away(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    report, _ = _report(ARTICLE, tmp_path)
    browser.get(report.as_uri())
    article = browser.find_element(By.CSS_SELECTOR, ".article")
    view = browser.find_element(By.CSS_SELECTOR, ".who-view")
    assert article.is_displayed() and not view.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "label[for=who-0]").click()
    assert view.is_displayed() and not article.is_displayed()
    source = view.find_element(By.CSS_SELECTOR, "mark.k-anonymous")
    ActionChains(browser).move_to_element(source).perform()
    tip = source.find_element(By.CSS_SELECTOR, ".tip")
    assert "Who: A senior official" in tip.text and "Cue: said" in tip.text
    browser.save_screenshot(str(tmp_path / "who.png"))
    browser.find_element(By.ID, "who-0").send_keys(Keys.SPACE)  # the keyboard turns it back
    assert article.is_displayed() and not view.is_displayed()


def _rgb(value: str) -> tuple[float, ...]:
    return tuple(float(part) for part in value[value.index("(") + 1 : -1].split(",")[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    linear = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in rgb]  # fmt: skip
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


# The text colour and the nearest opaque background of each element, as the browser paints.
_PAINTED = """
return Array.from(document.querySelectorAll(arguments[0])).map(e => {
  let b = e, bg = 'rgba(0, 0, 0, 0)';
  while (b && (bg = getComputedStyle(b).backgroundColor).startsWith('rgba') && bg.endsWith(', 0)'))
    b = b.parentElement;
  return [getComputedStyle(e).color, b ? bg : 'rgb(255, 255, 255)', e.textContent.slice(0, 30)];
});
"""


def test_every_text_keeps_wcag_aa_contrast_as_painted(browser, tmp_path):
    from selenium.webdriver.common.by import By

    report, _ = _report(ARTICLE, tmp_path)
    browser.get(report.as_uri())
    browser.find_element(By.CSS_SELECTOR, "label[for=who-0]").click()  # both views' marks
    selectors = "mark, .legend span, .kinds span, .tip, .tip b, a, p, td, th, li, label, h1, h2"
    painted = browser.execute_script(_PAINTED, selectors)
    assert len(painted) > 30
    for color, background, words in painted:
        light, dark = sorted((_luminance(_rgb(color)), _luminance(_rgb(background))))[::-1]
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (words, color, background)


def test_it_prints_the_article_with_its_highlights_and_without_tips(browser, tmp_path):
    import base64

    from selenium.webdriver.common.by import By

    report, _ = _report(ARTICLE, tmp_path)
    browser.get(report.as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        mark = browser.find_element(By.CSS_SELECTOR, ".article mark")
        mark.click()  # focused: on screen its tip would show
        assert not mark.find_element(By.CSS_SELECTOR, ".tip").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "label[for=who-0]").is_displayed()
        assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
        pdf = base64.b64decode(browser.print_page())
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert pdf.startswith(b"%PDF")
    (tmp_path / "report.pdf").write_bytes(pdf)
