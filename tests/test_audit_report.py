"""The audit's page (``sourcelint.audit.report``): one self-contained file drawn from the
aggregate files, every name from the data escaped, charts that add up."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from sourcelint.audit.aggregate import DERIVED
from sourcelint.audit.report import MAX_RULES, MIX_COLORS, write_report

KINDS = ("named", "organization", "outlet", "document", "anonymous", "vague", "none", "other")
RULES = ("SL101", "SL102", "SL103")
EVIL = "<b>Evil & Co</b>"
EVIL_ESCAPED = "&lt;b&gt;Evil &amp; Co&lt;/b&gt;"


def _row(articles: int = 1, words: int = 500, rules: tuple[int, ...] = (), **kinds: int) -> dict:
    """One group's counts, with the derived columns as the audit derives them."""
    counts = {kind: kinds.get(kind, 0) for kind in KINDS}
    attributions = sum(counts.values())
    typed = attributions - counts["other"]
    weak = sum(counts[kind] for kind in ("anonymous", "vague", "outlet", "none"))
    findings = sum(rules)
    row = {"articles": articles, "words": words, "attributions": attributions, "weak": weak}
    row.update({f"kind_{kind}": count for kind, count in counts.items()})
    row["findings"] = findings
    row.update({f"rule_{code}": n for code, n in zip(RULES, rules or (0,) * 3, strict=True)})
    row["weak_share"] = weak / typed if typed else ""
    row["anonymous_share"] = counts["anonymous"] / typed if typed else ""
    row["secondhand_share"] = counts["outlet"] / typed if typed else ""
    row["anonymous_per_1k_words"] = 1000 * counts["anonymous"] / words if words else ""
    row["findings_per_1k_words"] = 1000 * findings / words if words else ""
    return row


def _write_csv(path: Path, keys: tuple[str, ...], rows: list[tuple[tuple[str, ...], dict]]):
    columns = [*keys, "articles", "words", "attributions", "weak"]
    columns += [f"kind_{kind}" for kind in KINDS] + ["findings"]
    columns += [f"rule_{code}" for code in RULES] + list(DERIVED)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for key, values in rows:
            writer.writerow([*key, *(values[column] for column in columns[len(keys) :])])


def _audit(
    directory: Path,
    *,
    outlets: dict[str, dict] | None = None,
    authors: dict[str, dict] | None = None,
    months: dict[str, dict] | None = None,
    outlet_months: dict[tuple[str, str], dict] | None = None,
    by_rule: dict[str, int] | None = None,
) -> Path:
    """An audit's aggregate files, written by hand in the audit's formats."""
    outlets, authors = outlets or {}, authors or {}
    months, outlet_months = months or {}, outlet_months or {}
    by_rule = by_rule or {}
    articles = sum(row["articles"] for row in outlets.values())
    attributions = sum(row["attributions"] for row in outlets.values())
    summary = {
        "articles": articles,
        "errors": 0,
        "words": sum(row["words"] for row in outlets.values()),
        "attributions": attributions,
        "weak_share": 0.25 if attributions else None,
        "by_kind": dict.fromkeys(KINDS, 0),
        "by_rule": by_rule,
        "rules": {code: f"rule-{code.lower()}" for code in by_rule} | {"SL102": "anonymous"},
        "inputs": ["archive/<script>.jsonl"],
        "pipeline": "fast",
        "sourcelint": "0.9.0",
    }
    (directory / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    _write_csv(directory / "by_outlet.csv", ("outlet",), [((k,), v) for k, v in outlets.items()])
    _write_csv(directory / "by_author.csv", ("author",), [((k,), v) for k, v in authors.items()])
    _write_csv(directory / "by_month.csv", ("month",), [((k,), v) for k, v in months.items()])
    _write_csv(directory / "by_outlet_month.csv", ("outlet", "month"), list(outlet_months.items()))
    return write_report(directory)


class _Svg(HTMLParser):
    """Each chart's elements with their attributes, by the id of the <svg> they are in."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, list[tuple[str, dict[str, str | None]]]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._chart: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "svg" and values.get("class") == "chart":
            self._chart = values["id"]
            self.charts[self._chart or ""] = []
        elif self._chart is not None:
            self.charts[self._chart].append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._chart = None


def _parse(page: str) -> _Svg:
    parser = _Svg()
    parser.feed(page)
    return parser


def _section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}">(.*?)</section>', page, re.S)
    assert found, name
    return found[1]


def _full(directory: Path) -> Path:
    """An audit of three outlets, one of them hostile, over three months."""
    return _audit(
        directory,
        outlets={
            "Daily Planet": _row(10, 5000, (3, 5, 1), named=6, organization=2, anonymous=2),
            EVIL: _row(4, 2000, (0, 2, 0), named=1, outlet=1, vague=1, none=1, other=3),
            "": _row(2, 800, (), other=4),  # articles with no outlet, no typed attribution
        },
        authors={
            'Ann "Quote" O\'Neil': _row(5, 2000, (1, 1, 0), named=3, anonymous=1),
            "<script>alert(1)</script>": _row(3, 900, (), anonymous=2, named=2),
        },
        months={
            "2024-01": _row(6, 2000, (), named=4, anonymous=2),
            "2024-02": _row(5, 2000, (), named=3, anonymous=1),
            "2024-04": _row(3, 1000, (), named=1),
            "": _row(2, 800, (), other=4),
        },
        outlet_months={
            ("Daily Planet", "2024-01"): _row(5, 1000, (), named=3, anonymous=2),
            ("Daily Planet", "2024-02"): _row(5, 1000, (), named=4),
            (EVIL, "2024-04"): _row(4, 1000, (), named=1, anonymous=1),
        },
        by_rule={"SL101": 3, "SL102": 7, "SL103": 1, "SL104": 0},
    )


def test_the_page_is_one_self_contained_file(tmp_path: Path):
    path = _full(tmp_path)
    assert path == tmp_path / "report.html"
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<html") == 1
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"<script\b", page, re.I)
    assert not re.search(r"<link\b|@import|url\(", page, re.I)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_names_from_the_data_are_escaped(tmp_path: Path):
    page = _full(tmp_path).read_text(encoding="utf-8")
    assert EVIL_ESCAPED in page
    assert EVIL not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # an author
    assert "archive/&lt;script&gt;.jsonl" in page  # an input
    assert "Ann &quot;Quote&quot; O&#x27;Neil" in page
    assert "(none)" in page  # the outlet key left empty


def test_each_chart_has_its_section_an_svg_and_a_text_alternative(tmp_path: Path):
    page = _full(tmp_path).read_text(encoding="utf-8")
    for section, heading in (
        ("mix", "Sourcing mix per outlet"),
        ("trend", "Anonymous share over time"),
        ("rules", "Top rules"),
    ):
        body = _section(page, section)
        assert f"<h2>{heading}</h2>" in body
        assert f'<svg class="chart" id="{section}-chart" role="img"' in body
        assert f'<title id="{section}-title">' in body and f'<desc id="{section}-desc">' in body
        assert "<table>" in body
    for section in ("outlets", "authors"):
        assert re.search(rf'<section id="{section}">.*?<table>', page, re.S)


def test_an_outlets_segments_span_its_typed_attributions(tmp_path: Path):
    page = _full(tmp_path).read_text(encoding="utf-8")
    rows = re.findall(
        r'<g class="mix-row" data-outlet="([^"]*)" data-typed="(\d+)">(.*?)</g>', page
    )
    assert [name for name, _, _ in rows] == ["Daily Planet", EVIL_ESCAPED, "(none)"]
    widths = {}
    for name, typed, body in rows:
        rects = re.findall(r'<rect class="seg"[^>]*>', body)
        segments = [dict(re.findall(r'([\w-]+)="([^"]*)"', rect)) for rect in rects]
        if not segments:
            continue
        assert sum(int(s["data-count"]) for s in segments) == int(typed)
        assert sum(float(s["data-share"]) for s in segments) == pytest.approx(1.0, abs=1e-5)
        widths[name] = sum(float(s["width"]) for s in segments)
        # Each segment starts where the one before it ends.
        for before, after in pairwise(segments):
            assert float(before["x"]) + float(before["width"]) == pytest.approx(float(after["x"]))
        assert {s["fill"] for s in segments} <= set(MIX_COLORS.values())
    # 10 attributions in Daily Planet: 6 named, 2 organizations, 2 anonymous; the hostile
    # outlet's 3 untyped ("other") are left out of its 4 typed.
    assert [row[1] for row in rows] == ["10", "4", "0"]
    assert widths["Daily Planet"] == pytest.approx(widths[EVIL_ESCAPED], abs=1e-9)
    assert widths["Daily Planet"] == pytest.approx(400.0, abs=1e-9)
    assert "no typed attributions" in rows[2][2]
    assert "kind_other" not in page and 'data-kind="other"' not in page


def test_the_segments_add_up_when_the_shares_do_not_round_evenly(tmp_path: Path):
    page = _audit(tmp_path, outlets={"Thirds": _row(3, 900, (), named=1, vague=1, none=1)})
    parser = _parse(page.read_text(encoding="utf-8"))
    segments = [attrs for tag, attrs in parser.charts["mix-chart"] if attrs.get("class") == "seg"]
    assert [s["data-kind"] for s in segments] == ["named", "vague", "none"]
    assert sum(float(s["width"] or 0) for s in segments) == pytest.approx(400.0, abs=1e-9)


def test_top_rules_are_ordered_by_count_and_capped(tmp_path: Path):
    by_rule = {f"SL{100 + n}": n * 3 % 23 + 1 for n in range(1, 25)}
    by_rule["SL999"] = 0
    page = _audit(tmp_path, outlets={"A": _row(1, 100, (), named=1)}, by_rule=by_rule)
    text = page.read_text(encoding="utf-8")
    shown = re.findall(r'<g class="rule" data-code="(\w+)" data-count="(\d+)">', text)
    assert len(shown) == MAX_RULES == 15
    counts = [int(count) for _, count in shown]
    assert counts == sorted(counts, reverse=True)
    expected = sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))[:MAX_RULES]
    assert [(code, int(count)) for code, count in shown] == expected
    assert shown[0] == ("SL115", "23")
    assert "SL115 rule-sl115" in text  # code and rule name, as the summary names it
    assert "SL999" not in text  # a rule with no findings has no bar


def test_the_time_chart_has_a_line_an_outlet_and_one_for_all(tmp_path: Path):
    page = _full(tmp_path).read_text(encoding="utf-8")
    series = re.findall(r'<g class="series" data-series="([^"]*)"', page)
    assert series == ["Daily Planet", EVIL_ESCAPED, "all outlets"]
    months = re.findall(r'<text class="month"[^>]*>([^<]*)</text>', page)
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04"]  # a month with no data
    assert re.findall(r'text-anchor="end">(\d+\.\d%)</text>', page)[0] == "0.0%"
    assert "2 articles with no date as YYYY-MM" in page
    # The hostile outlet has one month only: a dot, as a line of one point draws nothing.
    evil = re.search(rf'data-series="{re.escape(EVIL_ESCAPED)}".*?</g>', page, re.S)
    assert evil and "<circle" in evil[0]


def test_many_months_get_thinned_labels_and_many_outlets_eight_lines(tmp_path: Path):
    months = {
        f"{2000 + n // 12}-{n % 12 + 1:02d}": _row(1, 100, (), anonymous=1) for n in range(60)
    }
    outlet_months = {
        (f"Outlet {n}", month): _row(n + 1, 100, (), named=1, anonymous=n % 2)
        for n in range(12)
        for month in list(months)[:3]
    }
    page = _audit(tmp_path, months=months, outlet_months=outlet_months).read_text("utf-8")
    labels = re.findall(r'<text class="month"[^>]*>([^<]*)</text>', page)
    assert 1 < len(labels) <= 10 and labels[0] == "2000-01"
    series = re.findall(r'<g class="series" data-series="([^"]*)"', page)
    assert series == [f"Outlet {n}" for n in range(11, 3, -1)] + ["all outlets"]
    assert "not drawn: 4 other outlets" in page


def test_an_empty_audit_renders(tmp_path: Path):
    path = _audit(tmp_path)
    page = path.read_text(encoding="utf-8")
    assert "<h2>Sourcing mix per outlet</h2>" in page and "No articles." in page
    assert "No dated articles." in page and "No findings." in page
    assert not re.search(r"\bnan\b", page, re.I)
    _parse(page)


def test_missing_csv_files_count_as_empty(tmp_path: Path):
    _audit(tmp_path, outlets={"A": _row(1, 100, (), named=1)})
    (tmp_path / "by_outlet_month.csv").unlink()
    (tmp_path / "by_month.csv").unlink()
    page = write_report(tmp_path).read_text(encoding="utf-8")
    assert "No dated articles." in page and 'data-outlet="A"' in page


def test_a_single_month_renders(tmp_path: Path):
    page = _audit(
        tmp_path,
        outlets={"Solo": _row(2, 400, (), named=1, anonymous=1)},
        months={"2023-07": _row(2, 400, (), named=1, anonymous=1)},
        outlet_months={("Solo", "2023-07"): _row(2, 400, (), named=1, anonymous=1)},
    ).read_text(encoding="utf-8")
    assert re.findall(r'<text class="month"[^>]*>([^<]*)</text>', page) == ["2023-07"]
    assert page.count("<circle") == 2  # Solo's point and the overall's
    assert "50.0%" in page


def test_outlet_month_rows_may_be_missing(tmp_path: Path):
    page = _audit(
        tmp_path,
        outlets={"Listed": _row(3, 300, (), named=3), "Unlisted": _row(1, 100, (), named=1)},
        months={"2024-05": _row(4, 400, (), named=4)},
        outlet_months={("Listed", "2024-05"): _row(3, 300, (), named=3)},
    ).read_text(encoding="utf-8")
    assert re.findall(r'data-series="([^"]*)"', page) == ["Listed", "all outlets"]


def test_undefined_shares_render_as_a_dash(tmp_path: Path):
    page = _audit(
        tmp_path,
        outlets={"Untyped": _row(2, 0, (), other=2)},
        authors={"Nobody": _row(2, 0, (), other=2)},
        months={"2024-01": _row(2, 0, (), other=2)},
        outlet_months={("Untyped", "2024-01"): _row(2, 0, (), other=2)},
    ).read_text(encoding="utf-8")
    assert not re.search(r"\bnan\b", page, re.I)
    assert "None" not in page
    row = re.search(r"<tr><td>Untyped</td>(.*?)</tr>", _section(page, "outlets"))
    assert row and row[1].count('<td class="n">–</td>') == 4
    assert "no typed attributions" in page


def test_percentages_have_one_decimal(tmp_path: Path):
    page = _audit(
        tmp_path, outlets={"Eighths": _row(1, 1000, (1, 0, 0), named=7, anonymous=1)}
    ).read_text(encoding="utf-8")
    row = re.search(r"<tr><td>Eighths</td>(.*?)</tr>", _section(page, "outlets"))
    assert row
    assert re.findall(r'<td class="n">([^<]*)</td>', row[1]) == [
        "1", "8", "12.5%", "12.5%", "0.0%", "1.0",
    ]  # fmt: skip


def test_authors_are_capped_at_fifty(tmp_path: Path):
    authors = {f"Author {n:03d}": _row(n + 1, 100, (), named=1) for n in range(60)}
    page = _audit(tmp_path, authors=authors).read_text(encoding="utf-8")
    names = re.findall(r"<tr><td>(Author \d+)</td>", _section(page, "authors"))
    assert len(names) == 50 and names[0] == "Author 059" and names[-1] == "Author 010"


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_chart_colours_keep_three_to_one_against_the_page():
    from sourcelint.audit.report import LINE_COLORS
    from sourcelint.formats.html import PAGE_COLOR

    page = _luminance(PAGE_COLOR)
    for color in [*MIX_COLORS.values(), *LINE_COLORS]:
        assert (page + 0.05) / (_luminance(color) + 0.05) >= 3, color
    assert len(set(MIX_COLORS.values())) == len(MIX_COLORS)
