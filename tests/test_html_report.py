"""The HTML report (issue 14, first part): one self-contained file, each finding
highlighted in the article's own text, nothing from an article able to run."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from sourcelint.cli import app
from sourcelint.findings import Category, Finding, Severity
from sourcelint.formats import FileResult, Report
from sourcelint.formats.html import HtmlFormatter

ARTICLE = (
    "A senior official said the plan had failed.\n\n"
    "According to Reuters, the minister reportedly resigned.\n"
)
HOSTILE = (
    "<script>alert(1)</script> A senior official said so.\n\n"
    '"><img src=x onerror=alert(2)> Officials reportedly left. [x](javascript:alert(3))\n'
)


class _Page(HTMLParser):
    """The elements of a page, the marks with the findings they name, the article text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.meta: list[dict[str, str | None]] = []
        self.article: list[str] = []
        self._depth = 0  # inside the article's <div>
        self._tip = 0  # inside a tooltip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "meta":
            self.meta.append(found)
        if tag == "mark":
            self.marks.append(found)
        if self._depth and tag in ("div", "span", "mark", "b", "br"):
            self._depth += tag == "div"
            self._tip += tag == "span"
        elif tag == "div" and found.get("class") == "article":
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1
        if self._tip and tag == "span":
            self._tip -= 1

    def handle_data(self, data: str) -> None:
        if self._depth and not self._tip:
            self.article.append(data)


def _page(*articles: str, tmp_path: Path) -> tuple[_Page, int]:
    paths = []
    for number, text in enumerate(articles):
        path = tmp_path / f"article{number}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", "--format", "html", "-o", str(report), *paths], catch_exceptions=False
    )
    page = _Page()
    page.feed(report.read_text(encoding="utf-8"))
    return page, result.exit_code


def test_every_finding_is_highlighted_once_and_listed(tmp_path):
    page, code = _page(ARTICLE, tmp_path=tmp_path)
    assert code == 1
    named = {int(n) for mark in page.marks for n in str(mark["data-findings"]).split()}
    anchors = sorted(i for i in page.ids if re.fullmatch(r"f0-\d+", i))
    assert len(named) >= 3  # the official, Reuters' relay, "reportedly"
    assert anchors == sorted(f"f0-{n}" for n in named)  # highlighted, one anchor each
    finding_links = [link for link in page.links if re.fullmatch(r"#f0-\d+", link)]
    assert sorted(finding_links) == [f"#{anchor}" for anchor in anchors]
    assert all(mark["tabindex"] == "0" for mark in page.marks)  # reachable by keyboard


def test_the_article_reads_as_written(tmp_path):
    page, _ = _page(ARTICLE, tmp_path=tmp_path)
    assert "".join(page.article) == ARTICLE


def test_nothing_in_an_article_can_run(tmp_path):
    page, _ = _page(HOSTILE, tmp_path=tmp_path)
    assert "script" not in page.tags and "img" not in page.tags
    assert not any(link.startswith("javascript:") for link in page.links)
    assert "".join(page.article) == HOSTILE  # shown as text, every character
    (policy,) = [m for m in page.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in str(policy["content"])
    assert "script-src" not in str(policy["content"])  # no script of any kind may run


def test_overlapping_findings_split_the_text_without_losing_either():
    text = "the official reportedly said"
    first = Finding(
        "SL102", "a", Category.ANONYMOUS, Severity.WARNING, "m1", 1, 1, 1, 13, 0, 12,
        "the official",
    )  # fmt: skip
    second = Finding(
        "SL204", "b", Category.UNSOURCED, Severity.WARNING, "m2", 1, 5, 1, 24, 4, 23,
        "official reportedly",
    )  # fmt: skip
    out = _render(Report(files=[FileResult("a.md", [first, second], text)]))
    page = _Page()
    page.feed(out)
    assert [mark["data-findings"] for mark in page.marks] == ["0", "0 1", "1"]
    assert "".join(page.article) == text


def test_many_files_get_an_index_row_each(tmp_path):
    page, _ = _page(ARTICLE, "The mayor said the budget was late.\n", tmp_path=tmp_path)
    assert {"#file-0", "#file-1"} <= set(page.links)
    assert {"file-0", "file-1"} <= page.ids


def _render(report: Report) -> str:
    import io

    out = io.StringIO()
    HtmlFormatter().write(report, out, color=False)
    return out.getvalue()
