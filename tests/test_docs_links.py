"""Every relative link and image in the README and docs/ leads to a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) and ![alt](target); the target ends at a space, a ")" or a "#".
LINK = re.compile(r"\]\(([^)\s#]+)")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_lead_to_files(page: Path) -> None:
    targets = [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert missing == []


def test_the_report_page_shows_its_screenshots() -> None:
    images = LINK.findall((ROOT / "docs" / "report.md").read_text(encoding="utf-8"))
    assert {"images/report.png", "images/report-who-says-what.png"} <= set(images)
