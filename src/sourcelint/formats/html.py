"""A self-contained HTML report: each article as its reader sees it, findings highlighted.

One file, no network: inline CSS, no script at all (a Content-Security-Policy forbids
any), so article text can never run in the reader's browser. Every string from an
article, a file name or a rule is escaped. Highlights are keyboard-focusable; the
message, rule, standard and suggestion show on hover or focus. A checkbox (CSS only)
turns each article to the map of who says what: every attribution, with its source,
cue and kind of source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import TextIO

from sourcelint.core.document import Prose
from sourcelint.core.escapes import unsurrogate
from sourcelint.core.findings import Category, Finding
from sourcelint.core.profile import Profile
from sourcelint.core.reading import ReadingView
from sourcelint.core.results import FileResult, Report
from sourcelint.core.rule_meta import RuleMeta

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
TEXT_COLOR = "#101828"
PAGE_COLOR = "#ffffff"
# Background and underline per category. The text on them is TEXT_COLOR, above WCAG AA's
# 4.5:1 on every background; each underline keeps 3:1 against the page (tests check both).
COLORS = {
    Category.ANONYMOUS: ("#fde2e1", "#b42318"),
    Category.VAGUE: ("#fef0c7", "#b54708"),
    Category.SECONDHAND: ("#e0eaff", "#3538cd"),
    Category.UNSOURCED: ("#fce7f6", "#c11574"),
    Category.LOADED: ("#d1fadf", "#027a48"),
    Category.QUOTE: ("#eaecf0", "#344054"),
    Category.ARTICLE: ("#f2f4f7", "#475467"),
}
LABELS = {
    Category.ANONYMOUS: "anonymous source",
    Category.VAGUE: "vague source",
    Category.SECONDHAND: "second-hand",
    Category.UNSOURCED: "unsourced",
    Category.LOADED: "loaded language",
    Category.QUOTE: "quotation",
    Category.ARTICLE: "whole article",
}
# Kinds of source in the attribution view: weak kinds share their category's colours.
KIND_COLORS = {
    "named": ("#ccfbef", "#0e7a64"),
    "organization": ("#ccfbef", "#0e7a64"),
    "document": ("#ccfbef", "#0e7a64"),
    "outlet": COLORS[Category.SECONDHAND],
    "anonymous": COLORS[Category.ANONYMOUS],
    "vague": COLORS[Category.VAGUE],
    "none": COLORS[Category.UNSOURCED],
    "other": COLORS[Category.QUOTE],
}
KIND_LABELS = {
    "named": "named person",
    "organization": "organization",
    "document": "document",
    "outlet": "another outlet (second-hand)",
    "anonymous": "anonymous",
    "vague": "vague",
    "none": "no source",
    "other": "untyped",
}

# The weak kinds of source the panel gives shares of, as a reader names them.
WEAK_NAMES = {
    "anonymous": "anonymous",
    "vague": "vague",
    "outlet": "second-hand",
    "none": "unsourced",
}

_STYLE = f"""
body{{font:16px/1.6 Georgia,serif;color:{TEXT_COLOR};margin:0;background:{PAGE_COLOR}}}
header,main{{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}}
h1,h2,h3,.b-h1,.b-h2,.b-h3,.b-h4,.b-h5,.b-h6{{font-family:system-ui,sans-serif;line-height:1.25}}
.b-h1{{font-size:1.6em;font-weight:700}}.b-h2{{font-size:1.35em;font-weight:700}}
.b-h3,.b-h4,.b-h5,.b-h6{{font-size:1.1em;font-weight:700}}
.b-li{{padding-left:1.2rem;text-indent:-.8rem}}.b-li::before{{content:"\\2022\\00a0\\00a0"}}
.b-field{{font-family:system-ui,sans-serif;font-size:.9em}}
.article blockquote,.who-view blockquote{{margin:0 0 1em 1rem;padding-left:1rem;
 border-left:3px solid #98a2b3}}
.pre p{{white-space:pre-wrap}}
.article p,.who-view p{{overflow-wrap:anywhere}}
.legend span,.kinds span{{display:inline-block;margin:.1rem .6rem .1rem 0;padding:0 .3rem}}
.file{{display:grid;grid-template-columns:minmax(0,3fr) minmax(14rem,1fr);gap:2rem;
 border-top:1px solid #d0d5dd;padding-top:1rem}}
mark{{color:inherit;position:relative;padding:0 .05rem}}
mark:focus{{outline:2px solid {TEXT_COLOR};outline-offset:1px}}
.tip{{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:22rem;
 max-width:80vw;background:{TEXT_COLOR};color:{PAGE_COLOR};font:14px/1.4 system-ui,sans-serif;
 padding:.5rem .7rem;border-radius:4px;white-space:normal;text-indent:0}}
mark:hover>.tip,mark:focus>.tip{{display:block}}
mark.cue{{background:none;font-weight:700;text-decoration:underline dotted}}
.toggle{{font:14px/1.5 system-ui,sans-serif;margin:.5rem 0 1rem}}
.who-view{{display:none}}
.who:checked~.who-view{{display:block}}.who:checked~.article{{display:none}}
.who:focus-visible+label{{outline:2px solid {TEXT_COLOR}}}
.panel,.who-table{{font:14px/1.5 system-ui,sans-serif}}
.panel ol{{padding-left:1.2rem}}
table{{border-collapse:collapse}}td,th{{padding:.2rem .6rem;text-align:left;vertical-align:top}}
a{{color:#1d4ed8}}
@media print{{
 .tip,mark:hover>.tip,mark:focus>.tip,.toggle,.who{{display:none}}
 .file{{display:block;break-before:page}}.file:first-of-type{{break-before:auto}}
 mark{{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
 p,blockquote,tr{{break-inside:avoid}}
 a{{color:inherit;text-decoration:none}}
 header,main{{max-width:none;padding:0}}
}}
"""

# One class a category (c-) and a kind of source (k-), so a highlight names its colours.
_CATEGORY_STYLE = "".join(
    f".c-{category.value}{{background:{background};border-bottom:2px solid {line}}}"
    for category, (background, line) in COLORS.items()
) + "".join(
    f".k-{kind}{{background:{background};border-bottom:2px solid {line}}}"
    for kind, (background, line) in KIND_COLORS.items()
)
# Every rule of the report's look: ``serve`` shows its articles with the same.
STYLE = _STYLE + _CATEGORY_STYLE


class HtmlFormatter:
    """One HTML document for the whole run: an index, then each file's article."""

    shows_reading = True
    shows_statistics = False  # no place for the run's table: --statistics is refused

    def write(self, report: Report, out: TextIO, *, color: bool) -> None:
        rules = {rule.code: rule for rule in report.rules}
        out.write(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>sourcelint report</title><style>{STYLE}</style>"
            "</head><body>\n"
        )
        out.write(_header(report))
        out.write("<main>\n")
        for number, result in enumerate(report.files):
            out.write(file_section(number, result, rules))
        out.write("</main></body></html>\n")


def _text(value: object) -> str:
    return escape(unsurrogate(str(value)))


def legend() -> str:
    """One sample of each category's highlight, named."""
    return "".join(f'<span class="c-{c.value}">{LABELS[c]}</span>' for c in Category)


def _header(report: Report) -> str:
    rows = "".join(
        f'<tr><td><a href="#file-{number}">{_text(result.path)}</a></td>'
        f"<td>{len(result.findings)}</td>"
        f"<td>{result.profile.attributions if result.profile else '–'}</td>"
        f"<td>{_share(result.profile)}</td></tr>"
        for number, result in enumerate(report.files)
    )
    errors = "".join(f"<li>{_text(error)}</li>" for error in report.errors)
    return (
        f"<header><h1>sourcelint report</h1><p>sourcelint {_text(report.version)}, "
        f"{_text(report.pipeline)} pipeline: {len(report.findings)} findings in "
        f"{len(report.files)} files.</p>"
        f'<p class="legend">{legend()}</p>'
        "<table><thead><tr><th>file</th><th>findings</th><th>attributions</th>"
        f"<th>weak sourcing</th></tr></thead><tbody>{rows}</tbody></table>"
        + (f"<h2>Not linted</h2><ul>{errors}</ul>" if errors else "")
        + "</header>\n"
    )


def _share(profile: Profile | None) -> str:
    share = profile.weak_share if profile is not None else None
    return "–" if share is None else f"{share:.0%}"


def file_section(number: int, result: FileResult, rules: dict[str, RuleMeta]) -> str:
    """One file's ``<section>``: its article highlighted, the attribution view and its
    panel; ``number`` keeps its ids apart from other files' on one page."""
    view = result.view or _as_written(result.text)
    shape = " pre" if view.preformatted else ""
    findings = [
        _Mark(
            *view.to_prose(finding.start, finding.end),
            f"c-{finding.category.value}",
            str(index),
            f"f{number}-{index}",
            _tip(finding, rules),
        )
        for index, finding in enumerate(result.findings)
    ]
    listed = "".join(
        _listed(mark, finding) for mark, finding in zip(findings, result.findings, strict=True)
    )
    return (
        f'<section class="file" id="file-{number}"><div><h2>{_text(result.path)}</h2>'
        + _who_toggle(number, result.view)
        + f'<div class="article{shape}">{_render(view.prose, findings, "findings")}</div>'
        + (_who_view(number, result.view, shape) if result.view is not None else "")
        + f'</div><aside class="panel"><h3>Sourcing</h3>{_profile(result.profile)}'
        f"<h3>Findings ({len(result.findings)})</h3><ol>{listed}</ol></aside></section>\n"
    )


def _as_written(text: str) -> ReadingView:
    """A file's own text as one preformatted block, for a result without a view."""
    return ReadingView(Prose(text, ((0, len(text)),) if text.strip() else ()), True)


def _listed(mark: _Mark, finding: Finding) -> str:
    """A finding in the panel's list, linked to its highlight; one the reader never sees
    (in a comment: an unused suppression) holds its own anchor instead."""
    where = f"{finding.line}:{finding.column} {_text(finding.code)}"
    if mark.start < mark.end:
        return f'<li><a href="#{mark.anchor}">{where}</a> {_text(finding.message)}</li>'
    return f'<li id="{mark.anchor}">{where} {_text(finding.message)}</li>'


@dataclass(frozen=True, slots=True)
class _Mark:
    """A highlight in prose offsets; ``key`` names it in its mark's data attribute."""

    start: int
    end: int
    css: str
    key: str
    anchor: str | None  # the id a link leads to; one mark of an attribution holds it
    tip: str


def _render(prose: Prose, marks: Sequence[_Mark], attribute: str) -> str:
    """The prose block by block, each stretch covered by marks in a ``<mark>``.

    Overlapping marks split the text at every start and end; each stretch names the
    marks covering it (``data-<attribute>``), and a mark's first stretch holds its
    anchor and its tip. Text between blocks (markup, separators) is not shown.
    """
    text = prose.text
    placed = [mark for mark in marks if mark.start < mark.end]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, mark in enumerate(placed):
        starts.setdefault(mark.start, []).append(index)
        ends.setdefault(mark.end, []).append(index)
    block_edges = {edge for block in prose.blocks for edge in block}
    cuts = sorted({0, len(text), *starts, *ends, *block_edges})
    active: set[int] = set()
    announced: set[int] = set()
    pieces: list[str] = []
    blocks = iter(enumerate(prose.blocks))
    current = next(blocks, None)
    for left, right in pairwise(cuts):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        while current is not None and current[1][1] <= left:
            if current[1][0] < current[1][1]:
                pieces.append(_close(prose.kind_of(current[0])))
            current = next(blocks, None)
        if current is None or left < current[1][0]:
            continue  # between blocks
        if left == current[1][0]:
            pieces.append(_open(prose.kind_of(current[0])))
        chunk = _text(text[left:right])
        if not active:
            pieces.append(chunk)
            continue
        covering = sorted(active)
        fresh = [index for index in covering if index not in announced]
        announced.update(fresh)
        anchors = "".join(
            f'<span id="{placed[i].anchor}"></span>' for i in fresh if placed[i].anchor
        )
        tips = "".join(placed[i].tip for i in fresh)
        keys = " ".join(dict.fromkeys(placed[i].key for i in covering))
        pieces.append(
            f'<mark tabindex="0" class="{placed[covering[0]].css}" '
            f'data-{attribute}="{keys}">{anchors}{chunk}{tips}</mark>'
        )
    if current is not None and current[1][0] < current[1][1]:
        pieces.append(_close(prose.kind_of(current[0])))
    return "".join(pieces)


def _open(kind: str) -> str:
    if kind == "quote":
        return '<blockquote><p class="b-quote">'
    if kind.startswith("h"):
        return f'<p class="b-{kind}" role="heading" aria-level="{min(int(kind[1]) + 2, 6)}">'
    return f'<p class="b-{kind}">'


def _close(kind: str) -> str:
    return "</p></blockquote>" if kind == "quote" else "</p>"


def _tip(finding: Finding, rules: dict[str, RuleMeta]) -> str:
    rule = rules.get(finding.code)
    standard = (
        f"<br>Standard: {_text('; '.join(rule.standards))}" if rule and rule.standards else ""
    )
    suggestion = f"<br>Suggestion: {_text(finding.suggestion)}" if finding.suggestion else ""
    return (
        f'<span class="tip" role="tooltip"><b>{_text(finding.code)} {_text(finding.name)}</b>'
        f"<br>{_text(finding.message)}{standard}{suggestion}</span>"
    )


def _who_toggle(number: int, view: ReadingView | None) -> str:
    if view is None:
        return ""
    quoted = sum(1 for attribution in view.attributions if attribution["quoted"])
    inside = f", {quoted} inside quotations" if quoted else ""
    return (
        f'<input type="checkbox" class="who" id="who-{number}">'
        f'<label class="toggle" for="who-{number}"> Show who says what: every attribution '
        f"({len(view.attributions)}{inside}), not only findings</label>"
    )


def _who_view(number: int, view: ReadingView, shape: str) -> str:
    """The article with every attribution's source and cue marked by kind of source,
    and the table of who says what."""
    marks: list[_Mark] = []
    rows = []
    for index, attribution in enumerate(view.attributions):
        kind = str(attribution["kind"])
        who, cue = _words(attribution["source"]), _words(attribution["cue"])
        anchor = f"a{number}-{index}"
        quoted = " (inside a quotation)" if attribution["quoted"] else ""
        tip = (
            f'<span class="tip" role="tooltip"><b>{_text(KIND_LABELS.get(kind, kind))}</b>'
            f"<br>Who: {_text(who or '—')}<br>Cue: {_text(cue)}{quoted}</span>"
        )
        # The source and the cue share the tip; the cue, which every attribution has,
        # holds the anchor the table links to (an id stands once on a page).
        parts = ((attribution["source"], f"k-{kind}", None), (attribution["cue"], "cue", anchor))
        for part, css, part_anchor in parts:
            if isinstance(part, dict):
                start, end = view.to_prose(int(part["start"]), int(part["end"]))
                marks.append(_Mark(start, end, css, str(index), part_anchor, tip))
        cue_line = attribution["cue"]["line"] if isinstance(attribution["cue"], dict) else ""
        rows.append(
            f'<tr><td><a href="#{anchor}">{cue_line}</a></td><td>{_text(who or "—")}</td>'
            f'<td>{_text(cue)}</td><td><span class="k-{_text(kind)}">'
            f"{_text(KIND_LABELS.get(kind, kind))}</span>{quoted}</td></tr>"
        )
    kinds = "".join(f'<span class="k-{k}">{label}</span>' for k, label in KIND_LABELS.items())
    return (
        f'<div class="who-view{shape}"><p class="kinds">{kinds}</p>'
        f"{_render(view.prose, marks, 'attributions')}"
        '<table class="who-table"><caption>Who says what</caption><thead><tr><th>line</th>'
        "<th>who</th><th>cue</th><th>kind of source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _words(part: object) -> str:
    return str(part["text"]) if isinstance(part, dict) else ""


def _profile(profile: Profile | None) -> str:
    """Attributions by kind of source as an inline SVG bar chart, and the weak share."""
    if profile is None or not profile.attributions:
        return "<p>No attributions.</p>"
    kinds = [(kind, count) for kind, count in profile.to_dict()["by_kind"].items() if count]
    widest = max(count for _, count in kinds)
    bars = "".join(
        f'<text x="0" y="{row * 20 + 14}" font-size="12">{_text(kind)}</text>'
        f'<rect x="90" y="{row * 20 + 3}" height="14" width="{120 * count / widest:.1f}" '
        f'fill="#475467"/><text x="{95 + 120 * count / widest:.1f}" y="{row * 20 + 14}" '
        f'font-size="12">{count}</text>'
        for row, (kind, count) in enumerate(kinds)
    )
    grade = f"<br>Reading grade: {profile.grade}" if profile.grade is not None else ""
    return (
        f'<svg role="img" aria-label="attributions by kind of source" width="240" '
        f'height="{len(kinds) * 20 + 4}">{bars}</svg>'
        f"<p>{profile.attributions} attributions; weak sourcing {_share(profile)}"
        f"<br>{_weak_shares(profile)}{grade}</p>"
    )


def _weak_shares(profile: Profile) -> str:
    """The share of each weak kind among the typed attributions, as the profile counts."""
    typed = profile.attributions - profile.by_kind["other"]
    if not typed:
        return "No typed attributions."
    return "; ".join(
        f"{name} {profile.by_kind[kind] / typed:.0%}" for kind, name in WEAK_NAMES.items()
    )
