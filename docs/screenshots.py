"""Redraw the screenshots in docs/images/ from examples/ (needs Chromium, chromedriver and
the dev extras): ``python docs/screenshots.py``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from selenium import webdriver

ROOT = Path(__file__).resolve().parent.parent
DRAFT = (
    "# Council delays harbor vote\n\n"
    "A senior official said the panel needed more time. The contractor reportedly "
    "lowered its price.\n\nAccording to the Associated Press, the bids were sealed.\n"
)
IMAGES = ROOT / "docs" / "images"


def _browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = shutil.which("chromedriver") or "chromedriver"
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(driver))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        lint = ["check", "--format", "html", "-o", str(report), "examples/"]
        # Exit 1 means findings, which the examples have.
        subprocess.run([sys.executable, "-m", "sourcelint", *lint], cwd=ROOT, check=False)
        browser = _browser()
        try:
            browser.get(report.as_uri())
            browser.save_screenshot(str(IMAGES / "report-index.png"))
            harbor = "examples/drafts/harbor-contract.md"
            section = browser.execute_script(
                "return [...document.querySelectorAll('section.file')]"
                ".find(s => s.querySelector('h2').textContent === arguments[0]).id",
                harbor,
            )
            number = section.removeprefix("file-")
            browser.execute_script(
                f"document.getElementById('{section}').scrollIntoView();"
                f"document.querySelector('#{section} .article mark.c-anonymous').focus();"
            )
            browser.save_screenshot(str(IMAGES / "report.png"))
            browser.execute_script(
                f"document.getElementById('who-{number}').checked = true;"
                f"document.getElementById('{section}').scrollIntoView();"
            )
            browser.save_screenshot(str(IMAGES / "report-who-says-what.png"))
            _serve_screenshot(browser)
        finally:
            browser.quit()


def _serve_screenshot(browser: webdriver.Chrome) -> None:
    """``sourcelint serve examples`` with a draft typed in and its findings shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from sourcelint.serve.command import start

    os.chdir(ROOT)  # the page names the folder as given: "examples"
    server = start(Path("examples"), "127.0.0.1", 0, config=None, pipeline=None)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        browser.get(server.url)
        browser.find_element(By.ID, "draft").send_keys(DRAFT)
        WebDriverWait(browser, 30).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, "#report .article mark.c-unsourced")
        )
        browser.find_element(By.CSS_SELECTOR, "#report .article mark.c-anonymous").click()
        browser.save_screenshot(str(IMAGES / "serve.png"))
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
