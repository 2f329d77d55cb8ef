"""The audit's page: ``report.html``, drawn from the aggregate files beside it.

One self-contained file, like the check's HTML report: inline CSS, no script (its
Content-Security-Policy forbids any), nothing fetched; the charts are inline SVG drawn
here. Every string from the data (outlet and author names, inputs, rule names) is
escaped: an archive's metadata is untrusted. Each chart has a title, a description and a
table of its numbers for a reader who cannot see it.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

from sourcelint.core.escapes import unsurrogate
from sourcelint.core.writes import write_atomically
from sourcelint.formats.html import CSP, KIND_COLORS, KIND_LABELS, PAGE_COLOR, TEXT_COLOR

REPORT_NAME = "report.html"
# What an empty group key (no such metadata) and an undefined share are shown as.
NO_KEY = "(none)"
DASH = "–"
MAX_BARS = 50  # outlets in the sourcing-mix chart; the outlet table lists them all
MAX_LINES = 8  # outlets in the time chart: more lines could not be told apart
MAX_RULES = 15
MAX_AUTHORS = 50
MAX_INPUTS = 20
MAX_MONTH_LABELS = 10  # about 60px a label on the time axis
MAX_LABEL = 28  # characters of a name beside a bar; the full name is in its <title>

# Kinds of source in a sourcing-mix bar, strong to weak. "other" (untyped) is left out:
# the shares are of typed attributions, as the derived columns count them.
MIX_KINDS = ("named", "organization", "document", "outlet", "anonymous", "vague", "none")
# Greens and blues for the strong kinds, the check report's own colours for the weak
# ones. Segments are parted by a line of page colour, so each keeps 3:1 against the page
# (WCAG 1.4.11) rather than against its neighbour.
MIX_COLORS = {
    "named": KIND_COLORS["named"][1],
    "organization": "#4d7c0f",
    "document": "#0b4a6f",
    **{kind: KIND_COLORS[kind][1] for kind in ("outlet", "anonymous", "vague", "none")},
}
# One colour an outlet's line, each 3:1 or more against the page; the overall line is
# drawn thick, dashed and in the text colour.
LINE_COLORS = (
    "#2563eb", "#c2410c", "#15803d", "#9333ea", "#be185d", "#0e7490", "#a16207", "#4b5563",
)  # fmt: skip
GRID_COLOR = "#d0d5dd"
# The per-group tables' columns and headings.
TABLE_COLUMNS = (
    ("articles", "articles"), ("attributions", "attributions"), ("weak_share", "weak share"),
    ("anonymous_share", "anonymous share"), ("secondhand_share", "second-hand share"),
    ("findings_per_1k_words", "findings per 1,000 words"),
)  # fmt: skip
# A chart's lines: (label, colour, share by month); the line for all outlets comes last.
Series = list[tuple[str, str, dict[str, float | None]]]
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")

STYLE = f"""
body{{margin:0;background:{PAGE_COLOR};color:{TEXT_COLOR};font:16px/1.6 Georgia,serif}}
header,main{{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}}
h1,h2,h3,summary,dl,.note,.legend,table{{font-family:system-ui,sans-serif}}
h1,h2,h3{{line-height:1.25}}section{{border-top:1px solid {GRID_COLOR};margin-top:1.5rem}}
dl{{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.5rem 0}}dt{{font-size:.8em}}
dd{{margin:0;font-size:1.3em;font-weight:700}}
.note,.legend,table{{font-size:14px}}.legend span{{display:inline-block;margin-right:1rem}}
svg.chart{{display:block;max-width:100%;height:auto;margin:.5rem 0}}
svg.chart text{{font:12px system-ui,sans-serif;fill:{TEXT_COLOR}}}
table{{border-collapse:collapse;margin:.5rem 0}}
th,td{{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eaecf0}}
td.n,th.n{{text-align:right;font-variant-numeric:tabular-nums}}
details{{margin:.5rem 0}}summary{{cursor:pointer;font-size:14px}}
@media print{{details>*{{display:block}}svg.chart{{print-color-adjust:exact}}
 section,tr{{break-inside:avoid}}header,main{{max-width:none;padding:0}}}}
"""


def write_report(directory: Path) -> Path:
    """Write ``directory / "report.html"`` from the audit's aggregate files there and
    return its path. ``summary.json`` must exist; a missing CSV file counts as empty."""
    summary = json.loads((directory / "summary.json").read_text(encoding="utf-8"))
    summary = summary if isinstance(summary, dict) else {}
    outlets = _ranked(_read_csv(directory / "by_outlet.csv"), "outlet")
    authors = _ranked(_read_csv(directory / "by_author.csv"), "author")
    months = _read_csv(directory / "by_month.csv")
    outlet_months = _read_csv(directory / "by_outlet_month.csv")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>sourcelint audit</title><style>{STYLE}</style></head><body>\n"
        f"{_header(summary)}<main>\n{_mix_section(outlets)}"
        f"{_trend_section(months, outlet_months)}{_rules_section(summary)}"
        f"{_table_section('outlets', 'Outlets', outlets, 'outlet', len(outlets))}"
        f"{_table_section('authors', 'Authors', authors, 'author', MAX_AUTHORS)}"
        "</main></body></html>\n"
    )
    target = directory / REPORT_NAME
    write_atomically(target, page, "audit report")
    return target


def _read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of one aggregate file, every value a string ("" when missing)."""
    if not path.is_file():
        return []
    # errors="replace": a name with a broken byte should cost a character, not the page.
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [
            {key: value or "" for key, value in row.items() if isinstance(key, str)}
            for row in csv.DictReader(handle)
        ]


def _ranked(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    """Groups by articles, most first, then by name, so the order never depends on the
    order the audit wrote them in."""
    return sorted(rows, key=lambda row: (-_count(row.get("articles")), row.get(key, "")))


def _count(value: object) -> int:
    """A count from a CSV cell or JSON value; 0 when it is not one."""
    number = _share(value)
    return max(int(number), 0) if number is not None else 0


def _share(value: object) -> float | None:
    """A derived share or rate; None when undefined: empty, null, "nan" or infinite."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _text(value: object) -> str:
    # unsurrogate: a file name's undecodable bytes survive JSON as lone surrogates,
    # which no UTF-8 page can hold.
    return escape(unsurrogate(str(value)))


def _clip(name: str, room: int = MAX_LABEL) -> str:
    """A name short enough for a chart's label column (cut before escaping)."""
    return name if len(name) <= room else name[: room - 1] + "…"


def _percent(share: float | None) -> str:
    return DASH if share is None else f"{share * 100:.1f}%"


def _cell(column: str, value: object) -> str:
    """A table's cell: a share as a percentage, a rate a 1,000 words, else a count."""
    if column.endswith("_share"):
        return _percent(_share(value))
    if column.endswith("_words"):
        rate = _share(value)
        return DASH if rate is None else f"{rate:.1f}"
    return f"{_count(value):,}"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def _svg(name: str, width: int, height: int, title: str, desc: str, body: str) -> str:
    """An accessible chart: named by its <title>, described by its <desc>."""
    return (
        f'<svg class="chart" id="{name}-chart" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        f'<title id="{name}-title">{_text(title)}</title>'
        f'<desc id="{name}-desc">{_text(desc)}</desc>{body}</svg>'
    )


def _swatch(color: str, height: int = 12) -> str:
    """A legend's key: a square in a bar's colour, or a thin one for a line's."""
    rect = f'<rect y="{(12 - height) // 2}" width="14" height="{height}" fill="{color}"/>'
    return f'<svg width="14" height="12" aria-hidden="true">{rect}</svg>'


def _data_table(caption: str, head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A chart's numbers, folded away under the chart; cells come escaped."""
    heads = "".join(f"<th>{cell}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<details><summary>{caption} as a table</summary><table><caption>{caption}"
        f"</caption><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table></details>"
    )


def _header(summary: Mapping[str, Any]) -> str:
    # A total the summary leaves out is shown as unknown, not as 0.
    named = {"errors": "not audited (errors)"}
    totals = [
        (named.get(key, key), f"{_count(summary[key]):,}" if key in summary else DASH)
        for key in ("articles", "errors", "words", "attributions")
    ]
    totals.append(("weak sourcing", _percent(_share(summary.get("weak_share")))))
    cells = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in totals)
    inputs = summary.get("inputs")
    inputs = [str(item) for item in inputs] if isinstance(inputs, list) else []
    listed = ", ".join(f"<code>{_text(item)}</code>" for item in inputs[:MAX_INPUTS])
    more = f" and {len(inputs) - MAX_INPUTS:,} more" if len(inputs) > MAX_INPUTS else ""
    return (
        "<header><h1>sourcelint audit</h1>"
        f'<p class="note">sourcelint {_text(summary.get("sourcelint", "?"))}, '
        f"{_text(summary.get('pipeline', '?'))} pipeline. Inputs: {listed or DASH}{more}.</p>"
        f"<dl>{cells}</dl>"
        '<p class="note">Shares are of typed attributions: those whose kind of source is '
        "known. Weak sourcing counts anonymous, vague, second-hand and unsourced ones.</p>"
        "</header>\n"
    )


BAR_X, BAR_W, ROW_H, MIX_W = 200, 400, 24, 720


def _mix_section(outlets: list[dict[str, str]]) -> str:
    head = '<section id="mix"><h2>Sourcing mix per outlet</h2>'
    if not outlets:
        return head + '<p class="note">No articles.</p></section>\n'
    shown = outlets[:MAX_BARS]
    bars = "".join(_mix_row(index, row) for index, row in enumerate(shown))
    desc = (
        f"For each of {len(shown)} outlets, the share of its typed attributions by kind of "
        "source: " + ", ".join(KIND_LABELS[kind] for kind in MIX_KINDS) + "."
    )
    chart = _svg("mix", MIX_W, len(shown) * ROW_H, "Sourcing mix per outlet", desc, bars)
    legend = "".join(
        f"<span>{_swatch(MIX_COLORS[kind])} {KIND_LABELS[kind]}</span>" for kind in MIX_KINDS
    )
    more = len(outlets) - len(shown)
    cut = f"The {MAX_BARS} outlets with most articles; {more:,} more are in the table below."
    note = f'<p class="note">{cut}</p>' if more else ""
    head_cells = ["outlet", "articles", "typed attributions", *(KIND_LABELS[k] for k in MIX_KINDS)]
    table = _data_table("Sourcing mix per outlet", head_cells, map(_mix_cells, shown))
    return f'{head}<p class="legend">{legend}</p>{chart}{note}{table}</section>\n'


def _kind_counts(row: Mapping[str, str]) -> dict[str, int]:
    return {kind: _count(row.get(f"kind_{kind}")) for kind in MIX_KINDS}


def _mix_cells(row: Mapping[str, str]) -> list[str]:
    """An outlet's row in the table under its bar: each kind's count and share."""
    counts = _kind_counts(row)
    typed = sum(counts.values())
    shares = [f"{n:,} ({_percent(n / typed if typed else None)})" for n in counts.values()]
    name, articles = _text(row.get("outlet") or NO_KEY), f"{_count(row.get('articles')):,}"
    return [name, articles, f"{typed:,}", *shares]


def _mix_row(index: int, row: Mapping[str, str]) -> str:
    """One outlet's bar: its name, a segment a kind of source, its article count."""
    y = index * ROW_H
    name = row.get("outlet") or NO_KEY
    articles = _count(row.get("articles"))
    counts = _kind_counts(row)
    # The bar's whole is the sum of the kinds it shows, which is the typed attributions
    # (attributions - kind_other) when the file adds up; so it always spans 100%.
    typed = sum(counts.values())
    if typed:
        bar = _segments(counts, typed, y)
        said = "; ".join(f"{KIND_LABELS[k]} {_percent(n / typed)}" for k, n in counts.items())
    else:
        bar = (
            f'<rect x="{BAR_X}" y="{y + 4}" width="{BAR_W}" height="{ROW_H - 8}" '
            f'fill="none" stroke="{GRID_COLOR}"/>'
            f'<text x="{BAR_X + 6}" y="{y + 16}">no typed attributions</text>'
        )
        said = "no typed attributions"
    return (
        f'<g class="mix-row" data-outlet="{_text(name)}" data-typed="{typed}">'
        f"<title>{_text(name)}: {_plural(articles, 'article')}; {said}</title>"
        f'<text x="{BAR_X - 8}" y="{y + 16}" text-anchor="end">{_text(_clip(name))}</text>'
        f'{bar}<text x="{BAR_X + BAR_W + 8}" y="{y + 16}">'
        f"{_plural(articles, 'article')}</text></g>"
    )


def _segments(counts: Mapping[str, int], typed: int, y: int) -> str:
    """The segments of one bar. Each edge is rounded from the running total, so the
    widths as written add up to exactly the bar's width."""
    edges, running = [float(BAR_X)], 0
    for count in counts.values():
        running += count
        edges.append(round(BAR_X + BAR_W * running / typed, 2))
    segments = []
    for (kind, count), left, right in zip(counts.items(), edges, edges[1:], strict=False):
        if count:
            segments.append(
                f'<rect class="seg" x="{left:.2f}" y="{y + 4}" width="{right - left:.2f}" '
                f'height="{ROW_H - 8}" fill="{MIX_COLORS[kind]}" stroke="{PAGE_COLOR}" '
                f'data-kind="{kind}" data-count="{count}" data-share="{count / typed:.6f}">'
                f"<title>{KIND_LABELS[kind]}: {count:,} ({_percent(count / typed)})</title>"
                "</rect>"
            )
    return "".join(segments)


TREND_W, TREND_H = 720, 300
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 56, 686, 12, 262  # room for a month label


def _trend_section(months: list[dict[str, str]], outlet_months: list[dict[str, str]]) -> str:
    head = '<section id="trend"><h2>Anonymous share over time</h2>'
    overall = {row.get("month", ""): _share(row.get("anonymous_share")) for row in months}
    undated = sum(_count(row.get("articles")) for row in months if not _month(row.get("month")))
    totals: dict[str, int] = {}
    lines: dict[str, dict[str, float | None]] = {}
    for row in outlet_months:
        outlet = row.get("outlet", "")
        totals[outlet] = totals.get(outlet, 0) + _count(row.get("articles"))
        lines.setdefault(outlet, {})[row.get("month", "")] = _share(row.get("anonymous_share"))
    # An outlet with no dated share would be a line in the legend and none on the chart.
    drawn = [o for o in totals if any(_month(m) and v is not None for m, v in lines[o].items())]
    chosen = sorted(drawn, key=lambda outlet: (-totals[outlet], outlet))[:MAX_LINES]
    series = [(o or NO_KEY, LINE_COLORS[i], lines[o]) for i, o in enumerate(chosen)]
    series.append(("all outlets", TEXT_COLOR, overall))
    axis = _month_axis(month for _, _, values in series for month in values)
    notes = (
        f"Lines for the {MAX_LINES} outlets with most articles; not drawn: "
        f"{_plural(len(drawn) - MAX_LINES, 'other outlet')} (counted in the line for all)."
        if len(drawn) > MAX_LINES
        else "",
        f"{_plural(undated, 'article')} with no date as YYYY-MM are not on the time axis."
        if undated
        else "",
    )
    note = "".join(f'<p class="note">{text}</p>' for text in notes if text)
    if not axis:
        return f'{head}<p class="note">No dated articles.</p>{note}</section>\n'
    legend = "".join(
        f"<span>{_swatch(color, height=4)} {_text(label)}</span>" for label, color, _ in series
    )
    return (
        f'{head}<p class="legend">{legend}</p>{_trend_chart(axis, series)}{note}'
        f"{_trend_table(axis, series)}</section>\n"
    )


def _month(value: str | None) -> tuple[int, int] | None:
    match = _MONTH.fullmatch(value or "")
    return (int(match[1]), int(match[2])) if match else None


def _month_axis(months: Iterable[str]) -> list[str]:
    """Every month from the first to the last with data, gaps included, so the axis
    keeps time even where an archive has none."""
    found = {parsed for month in months if (parsed := _month(month))}
    if not found:
        return []
    (year, month), last = min(found), max(found)
    axis = []
    while (year, month) <= last:
        axis.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return axis


def _scale(peak: float) -> tuple[float, float]:
    """The top of the percentage axis and its tick step: a round step, at most 5 ticks."""
    peak = min(max(peak, 0.01), 1.0)
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25):
        top = math.ceil(round(peak / step, 9)) * step
        if top / step <= 5:
            return top, step
    return 1.0, 0.25


def _trend_chart(axis: list[str], series: Series) -> str:
    peak = max((v for _, _, values in series for v in values.values() if v is not None), default=0)
    top, step = _scale(peak)
    span = len(axis) - 1

    def x(index: int) -> float:
        # One month alone stands in the middle of the plot.
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (index / span if span else 0.5)

    def y(share: float) -> float:
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * min(share, top) / top

    parts = []
    for tick in range(round(top / step) + 1):
        level = y(tick * step)
        parts.append(
            f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{level:.1f}" y2="{level:.1f}" '
            f'stroke="{GRID_COLOR}"/><text x="{PLOT_LEFT - 6}" y="{level + 4:.1f}" '
            f'text-anchor="end">{_percent(tick * step)}</text>'
        )
    every = math.ceil(len(axis) / MAX_MONTH_LABELS)
    parts.extend(
        f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{PLOT_BOTTOM}" y2="{PLOT_BOTTOM + 4}" '
        f'stroke="{TEXT_COLOR}"/><text class="month" x="{x(i):.1f}" y="{PLOT_BOTTOM + 18}" '
        f'text-anchor="middle">{month}</text>'
        for i, month in enumerate(axis)
        if i % every == 0
    )
    index = {month: i for i, month in enumerate(axis)}
    for number, (label, color, values) in enumerate(series, start=1):
        points = {index[m]: v for m, v in values.items() if m in index and v is not None}
        placed = {i: (x(i), y(share)) for i, share in points.items()}
        parts.append(_line(label, color, placed, bold=number == len(series)))
    title = "Anonymous share over time"
    desc = (
        f"Share of typed attributions that are anonymous, by month from {axis[0]} to "
        f"{axis[-1]}: one line for all outlets and one for each of {len(series) - 1} outlets."
    )
    return _svg("trend", TREND_W, TREND_H, title, desc, "".join(parts))


def _line(label: str, color: str, points: dict[int, tuple[float, float]], bold: bool) -> str:
    """One series, its points (x, y) by month index: a path broken where a month has no
    share, and a dot for a month with no neighbour to join (else a lone month would not
    show at all); the line for all outlets is ``bold``."""
    if not points:
        return ""
    steps, dots = [], []
    for i, (x, y) in sorted(points.items()):
        steps.append(f"{'L' if i - 1 in points else 'M'}{x:.1f},{y:.1f}")
        if i - 1 not in points and i + 1 not in points:
            dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>')
    dash = ' stroke-dasharray="6 3"' if bold else ""
    return (
        f'<g class="series" data-series="{_text(label)}" fill="{color}"><title>{_text(label)}'
        f'</title><path d="{" ".join(steps)}" fill="none" stroke="{color}" '
        f'stroke-width="{3 if bold else 1.75}"{dash}/>{"".join(dots)}</g>'
    )


def _trend_table(axis: list[str], series: Series) -> str:
    months = [m for m in axis if any(values.get(m) is not None for _, _, values in series)]
    rows = [[m, *(_percent(values.get(m)) for _, _, values in series)] for m in months]
    head = ["month", *(_text(label) for label, _, _ in series)]
    return _data_table("Anonymous share by month", head, rows)


RULE_X, RULE_W, RULE_H = 280, 340, 22


def _rules_section(summary: Mapping[str, Any]) -> str:
    head = '<section id="rules"><h2>Top rules</h2>'
    by_rule = summary.get("by_rule")
    names = summary.get("rules")
    names = names if isinstance(names, dict) else {}
    counted = by_rule.items() if isinstance(by_rule, dict) else ()
    ranked = sorted(
        ((str(code), _count(n)) for code, n in counted if _count(n)),
        key=lambda item: (-item[1], item[0]),
    )[:MAX_RULES]
    if not ranked:
        return head + '<p class="note">No findings.</p></section>\n'
    labels = [f"{code} {names.get(code, '')}".strip() for code, _ in ranked]
    widest = ranked[0][1]
    bars = "".join(
        f'<g class="rule" data-code="{_text(code)}" data-count="{count}">'
        f"<title>{_text(label)}: {count:,}</title>"
        f'<text x="{RULE_X - 8}" y="{i * RULE_H + 15}" text-anchor="end">'
        f"{_text(_clip(label, 40))}</text>"
        f'<rect x="{RULE_X}" y="{i * RULE_H + 4}" width="{RULE_W * count / widest:.2f}" '
        f'height="{RULE_H - 8}" fill="#475467"/>'
        f'<text x="{RULE_X + RULE_W * count / widest + 6:.2f}" y="{i * RULE_H + 15}">'
        f"{count:,}</text></g>"
        for i, ((code, count), label) in enumerate(zip(ranked, labels, strict=True))
    )
    desc = f"Findings of the {len(ranked)} most frequent rules, most first."
    chart = _svg("rules", RULE_X + RULE_W + 80, len(ranked) * RULE_H, "Top rules", desc, bars)
    rows = [[_text(label), f"{count:,}"] for (_, count), label in zip(ranked, labels, strict=True)]
    return f"{head}{chart}{_data_table('Top rules', ['rule', 'findings'], rows)}</section>\n"


def _table_section(name: str, title: str, rows: list[dict[str, str]], key: str, limit: int) -> str:
    """Groups (ranked by articles) with their counts and shares, the first ``limit``."""
    head = f'<section id="{name}"><h2>{title}</h2>'
    if not rows:
        return head + '<p class="note">No articles.</p></section>\n'
    cut = f"The {limit} {name} with most articles of {len(rows):,}."
    note = f'<p class="note">{cut}</p>' if len(rows) > limit else ""
    heads = "".join(f'<th class="n">{heading}</th>' for _, heading in TABLE_COLUMNS)
    body = "".join(
        f"<tr><td>{_text(row.get(key) or NO_KEY)}</td>"
        + "".join(f'<td class="n">{_cell(col, row.get(col))}</td>' for col, _ in TABLE_COLUMNS)
        + "</tr>"
        for row in rows[:limit]
    )
    return (
        f"{head}{note}<table><thead><tr><th>{key}</th>{heads}</tr></thead>"
        f"<tbody>{body}</tbody></table></section>\n"
    )
