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
    missing = [t for t in targets if not _inside(page.parent / t)]
    assert missing == []


def test_the_report_page_shows_its_screenshots() -> None:
    images = LINK.findall((ROOT / "docs" / "report.md").read_text(encoding="utf-8"))
    assert {"images/report.png", "images/report-who-says-what.png"} <= set(images)


# Files named in code spans, such as `docs/rules.md`; not globs (`*.md`) or bare suffixes.
NAMED_PAGE = re.compile(r"`([\w./-]*\w\.md)`")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_named_pages_exist_in_the_repository(page: Path) -> None:
    named = NAMED_PAGE.findall(page.read_text(encoding="utf-8"))
    assert [n for n in named if not (_inside(ROOT / n) or _inside(page.parent / n))] == []


def _inside(path: Path) -> bool:
    """Whether ``path`` is a file of this checkout (not a neighbour of it, such as ``../x``)."""
    return path.exists() and path.resolve().is_relative_to(ROOT)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_no_page_points_outside_the_repository(page: Path) -> None:
    # The design notes and evaluation data the maintainers keep beside the repository
    # are not files a reader of the README or docs has.
    text = page.read_text(encoding="utf-8")
    assert "DESIGN.md" not in text
    assert "../shared" not in text
