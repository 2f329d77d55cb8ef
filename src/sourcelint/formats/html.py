"""A self-contained HTML report: each article with its findings highlighted.

One file, no network: inline CSS, no script at all (a Content-Security-Policy forbids
any), so article text can never run in the reader's browser. Every string from an
article, a file name or a rule is escaped. Highlights are keyboard-focusable; the
message, rule, standard and suggestion show on hover or focus.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import TextIO

from sourcelint.escapes import unsurrogate
from sourcelint.findings import Category, Finding
from sourcelint.formats import FileResult, Report
from sourcelint.profile import Profile
from sourcelint.rule import RuleMeta

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# Background and underline per category; text stays near-black, which keeps WCAG AA
# contrast (above 4.5:1) on every one of these light backgrounds.
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

_STYLE = """
body{font:16px/1.6 Georgia,serif;color:#101828;margin:0;background:#fff}
header,main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.25}
.legend span,.kind{display:inline-block;margin:.1rem .6rem .1rem 0;padding:0 .3rem}
.file{display:grid;grid-template-columns:minmax(0,3fr) minmax(14rem,1fr);gap:2rem;
 border-top:1px solid #d0d5dd;padding-top:1rem}
.article{white-space:pre-wrap;overflow-wrap:anywhere}
mark{color:inherit;position:relative;padding:0 .05rem}
mark:focus{outline:2px solid #101828;outline-offset:1px}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:22rem;
 max-width:80vw;background:#101828;color:#fff;font:14px/1.4 system-ui,sans-serif;
 padding:.5rem .7rem;border-radius:4px;white-space:normal}
mark:hover>.tip,mark:focus>.tip{display:block}
.panel{font:14px/1.5 system-ui,sans-serif}
.panel ol{padding-left:1.2rem}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}
@media print{.tip{display:none}.file{display:block}mark{border-bottom-width:1px}}
"""

# One class a category, so a highlight names its colours instead of repeating them.
_CATEGORY_STYLE = "".join(
    f".c-{category.value}{{background:{background};border-bottom:2px solid {line}}}"
    for category, (background, line) in COLORS.items()
)
# Every rule of the report's look: ``serve`` shows its articles with the same.
STYLE = _STYLE + _CATEGORY_STYLE


class HtmlFormatter:
    """One HTML document for the whole run: an index, then each file's article."""

    shows_reading = True

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
        f"<td>{len(result.findings)}</td><td>{_share(result.profile)}</td></tr>"
        for number, result in enumerate(report.files)
    )
    errors = "".join(f"<li>{_text(error)}</li>" for error in report.errors)
    return (
        f"<header><h1>sourcelint report</h1><p>sourcelint {_text(report.version)}, "
        f"{_text(report.pipeline)} pipeline: {len(report.findings)} findings in "
        f"{len(report.files)} files.</p>"
        f'<p class="legend">{legend()}</p>'
        "<table><thead><tr><th>file</th><th>findings</th><th>weak sourcing</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        + (f"<h2>Not linted</h2><ul>{errors}</ul>" if errors else "")
        + "</header>\n"
    )


def _share(profile: Profile | None) -> str:
    share = profile.weak_share if profile is not None else None
    return "–" if share is None else f"{share:.0%}"


def file_section(number: int, result: FileResult, rules: dict[str, RuleMeta]) -> str:
    """One file's ``<section>``: its article highlighted and its panel; ``number`` keeps
    its ids apart from other files' on one page."""
    listed = "".join(
        f'<li><a href="#f{number}-{index}">{finding.line}:{finding.column} '
        f"{_text(finding.code)}</a> {_text(finding.message)}</li>"
        for index, finding in enumerate(result.findings)
    )
    return (
        f'<section class="file" id="file-{number}"><div><h2>{_text(result.path)}</h2>'
        f'<div class="article">{_highlighted(number, result, rules)}</div></div>'
        f'<aside class="panel"><h3>Sourcing</h3>{_profile(result.profile)}'
        f"<h3>Findings ({len(result.findings)})</h3><ol>{listed}</ol></aside></section>\n"
    )


def _highlighted(number: int, result: FileResult, rules: dict[str, RuleMeta]) -> str:
    """The article's text, each stretch covered by findings in a ``<mark>``.

    Overlapping findings split the text at every start and end; each stretch names
    the findings covering it (``data-findings``), and a finding's first stretch holds
    its anchor and its tip.
    """
    text = result.text
    placed = [
        (index, f) for index, f in enumerate(result.findings) if 0 <= f.start < f.end <= len(text)
    ]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, finding in placed:
        starts.setdefault(finding.start, []).append(index)
        ends.setdefault(finding.end, []).append(index)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    pieces = []
    for left, right in pairwise(cuts):
        active.difference_update(ends.get(left, ()))
        opened = starts.get(left, [])
        active.update(opened)
        chunk = _text(text[left:right])
        if not active:
            pieces.append(chunk)
            continue
        covering = sorted(active)
        category = result.findings[covering[0]].category.value
        # Each finding starting here: an anchor for the panel's link, and its tip.
        anchors = "".join(f'<span id="f{number}-{i}"></span>' for i in opened)
        tips = "".join(_tip(result.findings[i], rules) for i in opened)
        pieces.append(
            f'<mark tabindex="0" class="c-{category}" '
            f'data-findings="{" ".join(map(str, covering))}">{anchors}{chunk}{tips}</mark>'
        )
    return "".join(pieces)


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
        f"<p>{profile.attributions} attributions; weak sourcing {_share(profile)}{grade}</p>"
    )
