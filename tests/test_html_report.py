"""The HTML report (issue 14): one self-contained file, each article as its reader sees
it with every finding highlighted, the map of who says what, nothing able to run."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcelint.cli.app import app
from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.results import FileResult, Report
from sourcelint.formats.html import COLORS, KIND_COLORS, PAGE_COLOR, TEXT_COLOR, HtmlFormatter

ARTICLE = (
    "A senior official said the plan had failed.\n\n"
    "According to Reuters, the minister resigned. The army reportedly fled.\n"
)
HOSTILE = (
    "<script>alert(1)</script> A senior official said so.\n\n"
    '"><img src=x onerror=alert(2)> Officials reportedly left. [x](javascript:alert(3))\n'
)
MARKDOWN = (
    "# Port *delays* vote\n\n"
    "A senior official said the **plan** had failed.\n\n"
    "- According to Reuters, the minister resigned.\n\n"
    "> The mayor said the talks would go on.\n"
)
PAGE_HTML = (
    "<html><body><nav>Home said nothing</nav><article><h1>Port vote</h1>"
    "<p>Fish &amp; chips aside, a senior official said the plan failed.</p>"
    "<script>var said = 1;</script></article></body></html>\n"
)


class _Page(HTMLParser):
    """A report's elements: marks of either view, the blocks of the findings view with
    their text (tips left out), ids, links and rows of the table of who says what."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[dict[str, str | None]] = []  # the findings view's
        self.who_marks: list[dict[str, str | None]] = []  # the attribution view's
        self.ids: set[str] = set()
        self.repeated_ids: list[str] = []
        self.links: list[str] = []
        self.meta: list[dict[str, str | None]] = []
        self.blocks: list[tuple[str, str]] = []  # (class or tag, text) of each block
        self.who_rows = 0
        self._view: str | None = None
        self._depth = 0  # <div>s open inside the current view
        self._tip = 0  # inside a tooltip
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        css = str(found.get("class") or "")
        self.tags.append(tag)
        if found.get("id"):
            if str(found["id"]) in self.ids:
                self.repeated_ids.append(str(found["id"]))
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "meta":
            self.meta.append(found)
        if tag == "tr" and self._view == "who-view":
            self.who_rows += 1
        if self._view is None and tag == "div" and css.split()[:1] in (["article"], ["who-view"]):
            self._view, self._depth = css.split()[0], 1
            return
        if self._view is None:
            return
        self._depth += tag == "div"
        if (tag == "span" and css == "tip") or (self._tip and tag == "span"):
            self._tip += 1
        if tag == "mark":
            (self.marks if self._view == "article" else self.who_marks).append(found)
        if self._view == "article" and tag == "p":
            self.blocks.append((css or str(found.get("role")), ""))

    def handle_endtag(self, tag: str) -> None:
        if self._view is None:
            return
        if self._tip and tag == "span":
            self._tip -= 1
        if tag == "div":
            self._depth -= 1
            if not self._depth:
                self._view = None

    def handle_data(self, data: str) -> None:
        if self._view == "article" and not self._tip and self.blocks:
            kind, text = self.blocks[-1]
            self.blocks[-1] = (kind, text + data)

    @property
    def text(self) -> list[str]:
        return [text for _, text in self.blocks]


def _page(*articles: str, tmp_path: Path, suffix: str = ".md") -> tuple[_Page, int]:
    paths = []
    for number, text in enumerate(articles):
        path = tmp_path / f"article{number}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", "--format", "html", "-o", str(report), *paths], catch_exceptions=False
    )
    page = _Page()
    page.feed(report.read_text(encoding="utf-8"))
    return page, result.exit_code


def _json_findings(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["check", "-f", "json", str(path)])
    return json.loads(result.stdout)["files"][0]["findings"]


def test_every_finding_is_highlighted_once_and_listed(tmp_path):
    page, code = _page(ARTICLE, tmp_path=tmp_path)
    assert code == 1
    named = {int(n) for mark in page.marks for n in str(mark["data-findings"]).split()}
    anchors = sorted(i for i in page.ids if re.fullmatch(r"f0-\d+", i))
    assert len(named) == len(_json_findings(tmp_path / "article0.md")) >= 3
    assert anchors == sorted(f"f0-{n}" for n in named)  # highlighted, one anchor each
    finding_links = [link for link in page.links if re.fullmatch(r"#f0-\d+", link)]
    assert sorted(finding_links) == [f"#{anchor}" for anchor in anchors]
    assert all(mark["tabindex"] == "0" for mark in page.marks)  # reachable by keyboard


def test_plain_text_reads_as_written(tmp_path):
    page, _ = _page(ARTICLE, tmp_path=tmp_path, suffix=".txt")
    assert page.text == [paragraph.strip() for paragraph in ARTICLE.split("\n\n")]


def test_markdown_shows_as_the_reader_sees_it(tmp_path):
    page, _ = _page(MARKDOWN, tmp_path=tmp_path)
    assert page.blocks == [
        ("b-h1", "Port delays vote"),
        ("b-p", "A senior official said the plan had failed."),
        ("b-li", "According to Reuters, the minister resigned."),
        ("b-quote", "The mayor said the talks would go on."),
    ]
    assert "blockquote" in page.tags


def test_html_shows_the_article_without_its_page(tmp_path):
    page, _ = _page(PAGE_HTML, tmp_path=tmp_path, suffix=".html")
    assert page.text == ["Port vote", "Fish & chips aside, a senior official said the plan failed."]
    # The highlight after a character reference covers exactly the finding's words.
    (finding,) = [f for f in _json_findings(tmp_path / "article0.html") if f["code"] == "SL102"]
    assert finding["text"] == "a senior official"
    assert len(page.marks) == 1 and page.marks[0]["class"] == "c-anonymous"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_nothing_in_an_article_can_run(tmp_path, suffix):
    page, _ = _page(HOSTILE, tmp_path=tmp_path, suffix=suffix)
    assert "script" not in page.tags and "img" not in page.tags
    assert not any(link.startswith("javascript:") for link in page.links)
    if suffix == ".txt":  # plain text: every character is shown, as text
        assert page.text == [paragraph.strip() for paragraph in HOSTILE.split("\n\n")]
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
    page = _Page()
    page.feed(_render(Report(files=[FileResult("a.md", [first, second], text)])))
    assert [mark["data-findings"] for mark in page.marks] == ["0", "0 1", "1"]
    assert page.text == [text]


def test_a_finding_the_reader_never_sees_keeps_its_anchor_in_the_list(tmp_path):
    text = "<!-- sourcelint-disable SL305 -->\nThe mayor said the budget was late.\n"
    page, _ = _page(text, tmp_path=tmp_path)
    (finding,) = _json_findings(tmp_path / "article0.md")
    assert finding["code"] == "SL901"  # an unused suppression, in a comment
    assert page.marks == [] and "f0-0" in page.ids and "#f0-0" not in page.links


def test_the_attribution_view_shows_who_says_what(tmp_path):
    page, _ = _page(MARKDOWN, tmp_path=tmp_path)
    assert "who-0" in page.ids  # the toggle
    shown = {n for mark in page.who_marks for n in str(mark["data-attributions"]).split()}
    assert page.who_rows - 1 == len(shown) >= 3  # a row each, below the header row
    classes = {mark["class"] for mark in page.who_marks}
    assert {"cue", "k-anonymous", "k-outlet", "k-named"} <= classes


def test_the_attribution_view_lists_what_the_attributions_command_finds(tmp_path):
    page, _ = _page(ARTICLE, tmp_path=tmp_path, suffix=".txt")
    found = CliRunner().invoke(app, ["attributions", "-f", "json", str(tmp_path / "article0.txt")])
    expected = json.loads(found.stdout)["files"][0]["attributions"]
    assert page.who_rows - 1 == len(expected) >= 2


def test_every_id_stands_once_and_every_link_lands(tmp_path):
    page, _ = _page(MARKDOWN, ARTICLE, tmp_path=tmp_path)
    assert page.repeated_ids == []
    targets = {link[1:] for link in page.links if link.startswith("#")}
    assert targets and targets <= page.ids


def test_many_files_get_an_index_row_each(tmp_path):
    page, _ = _page(ARTICLE, "The mayor said the budget was late.\n", tmp_path=tmp_path)
    assert {"#file-0", "#file-1"} <= set(page.links)
    assert {"file-0", "file-1"} <= page.ids


def _contrast(first: str, second: str) -> float:
    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("background,line", [*COLORS.values(), *KIND_COLORS.values()])
def test_highlight_colours_keep_wcag_aa_contrast(background, line):
    assert _contrast(TEXT_COLOR, background) >= 4.5  # text on the highlight
    assert _contrast(line, PAGE_COLOR) >= 3  # the underline, a non-text mark (1.4.11)


def test_the_contrast_formula_is_wcag_s():
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(_contrast("#777777", "#ffffff"), 2) == 4.48  # the classic near miss


def _render(report: Report) -> str:
    out = io.StringIO()
    HtmlFormatter().write(report, out, color=False)
    return out.getvalue()
