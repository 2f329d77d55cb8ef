"""Rule documentation from rule metadata: the ``rules`` list and ``explain`` pages; and
the ``explain`` page of an error code."""

from __future__ import annotations

import json
import textwrap

from sourcelint.checks.registry import Registry
from sourcelint.core.error_codes import ErrorCode
from sourcelint.core.rule_meta import RuleMeta

WIDTH = 88


def rule_record(meta: RuleMeta) -> dict[str, object]:
    """A rule's metadata as plain data (JSON output and generated docs)."""
    return {
        "code": meta.code,
        "name": meta.name,
        "category": meta.category.value,
        "severity": meta.severity.value,
        "summary": meta.summary,
        "rationale": meta.rationale,
        "standards": list(meta.standards),
        "fix": meta.fix,
        "link": meta.link,
        "aliases": list(meta.aliases),
        "examples": {
            "flagged": [example.marked() for example in meta.flagged_examples],
            "ok": [example.text for example in meta.ok_examples],
        },
        "origin": meta.origin,
        "opt_in": meta.opt_in,
    }


# How an opt-in rule is turned on, wherever its metadata is shown.
OPT_IN_NOTE = 'Opt-in: runs only when selected by code, name or ALL (extend-select = ["{code}"])'


def error_record(entry: ErrorCode) -> dict[str, object]:
    """An error code's explanation as plain data (``explain --format json``)."""
    return {
        "code": entry.code,
        "title": entry.title,
        "exception": entry.error.__name__,
        "cause": _flat(entry.cause),
        "examples": list(entry.examples),
        "fix": _flat(entry.fix),
    }


def render_rule_list(registry: Registry, output_format: str) -> str:
    """Every rule on a line (text), as a JSON array, or as the Markdown rule reference."""
    if output_format == "json":
        return json.dumps([rule_record(r.meta) for r in registry.rules], indent=2) + "\n"
    if output_format == "markdown":
        return render_rule_docs(registry)
    width = max((len(rule.name) for rule in registry.rules), default=4)
    lines = [f"{'CODE':<6} {'NAME':<{width}} {'CATEGORY':<10} {'SEVERITY':<8} SUMMARY"]
    for rule in registry.rules:
        meta = rule.meta
        lines.append(
            f"{meta.code:<6} {meta.name:<{width}} {meta.category.value:<10} "
            f"{meta.severity.value:<8} {meta.summary}{' (opt-in)' if meta.opt_in else ''}"
        )
    return "\n".join(lines) + "\n"


def render_explanation(explained: RuleMeta | ErrorCode, output_format: str) -> str:
    """A rule: what it flags, why (with its standards), examples both ways, how to fix.
    An error code: what causes it, messages it covers, how to fix it."""
    if isinstance(explained, ErrorCode):
        return _render_error_code(explained, output_format)
    meta = explained
    if output_format == "json":
        return json.dumps(rule_record(meta), indent=2) + "\n"
    parts = [
        f"{meta.code} {meta.name} ({meta.category.value}, {meta.severity.value} by default)",
        "",
        _wrap(meta.summary),
        "",
    ]
    if meta.opt_in:
        parts += [_wrap(OPT_IN_NOTE.format(code=meta.code) + ".", hyphens=False), ""]
    parts += [
        "Why it matters",
        _wrap(meta.rationale, "  "),
    ]
    if meta.standards:
        parts += ["", "Standards", *(_wrap(s, "  - ", "    ") for s in meta.standards)]
    parts += ["", "Flagged", *(_wrap(e.marked(), "  ✗ ", "    ") for e in meta.flagged_examples)]
    parts += ["", "Not flagged", *(_wrap(e.text, "  ✓ ", "    ") for e in meta.ok_examples)]
    parts += ["", "How to fix", _wrap(meta.fix, "  ")]
    if meta.link:
        parts += ["", f"More: {meta.link}"]
    return "\n".join(parts) + "\n"


def _render_error_code(entry: ErrorCode, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(error_record(entry), indent=2) + "\n"
    parts = [
        f"{entry.code} {entry.title}",
        "",
        "What causes it",
        _wrap(entry.cause, "  ", hyphens=False),
        "",
        "Examples",
        *(_wrap(example, "  ", "    ", hyphens=False) for example in entry.examples),
        "",
        "How to fix",
        _wrap(entry.fix, "  ", hyphens=False),
    ]
    return "\n".join(parts) + "\n"


def _wrap(text: str, first: str = "", rest: str | None = None, *, hyphens: bool = True) -> str:
    """``text`` filled to the width; ``hyphens=False`` keeps commands and options whole."""
    paragraph = " ".join(text.split())
    return textwrap.fill(
        paragraph,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest if rest is not None else first,
        break_on_hyphens=hyphens,
    )


def render_rule_docs(registry: Registry) -> str:
    """The rule reference (docs/rules.md): one section per rule, from its metadata."""
    parts = [
        "# Rules",
        "",
        "Generated from the rule packs by `sourcelint rules --format markdown`; do not edit.",
        "",
    ]
    for rule in registry.rules:
        meta = rule.meta
        parts += [
            f"## {meta.code} {meta.name}",
            "",
            f"Category `{meta.category.value}`, default severity `{meta.severity.value}`."
            + (f" {OPT_IN_NOTE.format(code=meta.code)}." if meta.opt_in else ""),
            "",
            f"**What it flags.** {_flat(meta.summary)}",
            "",
            f"**Why.** {_flat(meta.rationale)}",
            "",
        ]
        if meta.standards:
            parts += ["**Standards.**", "", *(f"- {standard}" for standard in meta.standards), ""]
        parts += ["**Flagged.**", "", *(f"- {e.marked()}" for e in meta.flagged_examples), ""]
        parts += ["**Not flagged.**", "", *(f"- {e.text}" for e in meta.ok_examples), ""]
        parts += [f"**How to fix.** {_flat(meta.fix)}", ""]
        if meta.link:
            parts += [f"More: <{meta.link}>", ""]
    return "\n".join(parts)


def _flat(text: str) -> str:
    return " ".join(text.split())
