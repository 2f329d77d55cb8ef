"""SL901 and SL902: inline suppressions that suppress nothing or name no rule."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sourcelint.core.findings import Finding, Severity
from sourcelint.core.positions import LineIndex
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.filters.suppress import Suppression

# The meta rules the suppression step reports (rules/sl9-meta.toml).
UNUSED_SUPPRESSION = "SL901"
UNKNOWN_SUPPRESSION = "SL902"


def meta_findings(
    outcome: Suppression,
    chosen: Mapping[str, RuleMeta],
    codes_of: Callable[[str], frozenset[str]],
    text: str,
    lines: LineIndex,
    severities: Mapping[str, Severity],
) -> list[Finding]:
    """SL901 and SL902 where ``chosen`` (the rules enabled, by code) holds them."""
    found = []
    # A directive for rules that are switched off here is not unused: it waits for them.
    unused = [
        d
        for d in outcome.unused
        if not d.selectors or any(codes_of(s) & chosen.keys() for s in d.selectors)
    ]
    problems = [(UNUSED_SUPPRESSION, d, ", ".join(d.selectors) or "any rule") for d in unused]
    problems += [(UNKNOWN_SUPPRESSION, d, selector) for d, selector in outcome.unknown]
    for code, directive, subject in problems:
        meta = chosen.get(code)
        if meta is not None:
            severity = severities.get(code) or meta.severity
            span = (directive.start, directive.end)
            found.append(meta.finding(text, lines, span, severity, meta.format_message(subject)))
    return found
