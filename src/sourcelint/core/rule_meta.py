"""What is said about a rule: its metadata, its examples and its message template.

The record every stage may read (formats for SARIF and help texts, ``explain``); the
check that finds a rule is ``checks.rule.Rule``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from string import Formatter

from sourcelint.core.findings import Category, Finding, Severity
from sourcelint.core.positions import LineIndex

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_MARK = re.compile(r"\[\[(.+?)\]\]")

#: The placeholders a message template may use: ``text`` (the flagged words) and the
#: fields checks put in ``Hit.fields``.
MESSAGE_FIELDS = frozenset(
    [
        "text",
        "plain",
        "excerpt",
        "grade",
        "limit",
        "formula",
        "weak",
        "total",
        "share",
        "count",
        "name",
    ]
)
# A placeholder's format spec: at most fill and alignment, then a width and precision of
# three digits. A wider field would build a string that size (``{text:>9999999999}``
# asks for gigabytes) and a nested ``{...}`` would be formatted in turn.
_SAFE_SPEC = re.compile(r"(?:[^{}]?[<>^])?[0-9]{0,3}(?:\.[0-9]{1,3})?s?", re.DOTALL)
_CONVERSIONS = (None, "s", "r", "a")
_FORMATTER = Formatter()


@dataclass(frozen=True, slots=True)
class Example:
    """An example sentence; ``spans`` are the marked ``[[...]]`` parts a check must report."""

    text: str
    spans: tuple[tuple[int, int], ...]
    flagged: bool

    @classmethod
    def parse(cls, marked: str, *, flagged: bool) -> Example:
        """Read ``"… [[words]] …"``: the brackets are removed and their spans kept."""
        spans = []
        text = []
        position = 0
        removed = 0
        for match in _MARK.finditer(marked):
            text.append(marked[position : match.start()])
            start = match.start() - removed
            spans.append((start, start + len(match.group(1))))
            text.append(match.group(1))
            removed += 4
            position = match.end()
        text.append(marked[position:])
        return cls("".join(text), tuple(spans), flagged)

    def marked(self) -> str:
        """The example with its spans bracketed again (for messages and docs)."""
        out = self.text
        for start, end in reversed(self.spans):
            out = f"{out[:start]}[[{out[start:end]}]]{out[end:]}"
        return out


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything said about a rule, for messages, ``explain`` and docs."""

    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    message: str
    rationale: str
    fix: str
    standards: tuple[str, ...] = ()
    link: str | None = None
    suggestion: str | None = None
    aliases: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    origin: str = "built-in"
    # Left out of the default selection, and of prefix and category selectors: it runs
    # only when a selector names it (code, name or alias) or selects ALL.
    opt_in: bool = False

    @property
    def flagged_examples(self) -> tuple[Example, ...]:
        return tuple(example for example in self.examples if example.flagged)

    @property
    def ok_examples(self) -> tuple[Example, ...]:
        return tuple(example for example in self.examples if not example.flagged)

    def format_message(self, text: str, fields: Iterable[tuple[str, str]] = ()) -> str:
        """Fill the message template; a placeholder it cannot fill stays as written."""
        return fill_template(self.message, {"text": text, **dict(fields)})

    def finding(
        self,
        text: str,
        lines: LineIndex,
        span: tuple[int, int],
        severity: Severity,
        message: str,
        suggestion: str | None = None,
    ) -> Finding:
        """A finding of this rule at ``span`` of ``text`` (the original file)."""
        start, end = span
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity,
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            start=start,
            end=end,
            text=text[start:end],
            suggestion=suggestion,
        )


def template_problem(template: str, fields: Collection[str] | None = MESSAGE_FIELDS) -> str | None:
    """What makes a message template unsafe or unfillable, or None when it is fine.

    ``fields`` are the placeholder names allowed; None allows any plain name (a plugin's
    checks may fill fields of their own)."""
    try:
        parts = list(_FORMATTER.parse(template))
    except ValueError as error:
        return f"{error} (write a literal brace as '{{{{' or '}}}}')"
    for _, name, spec, conversion in parts:
        if name is not None:
            problem = _placeholder_problem(name, spec, conversion, fields)
            if problem:
                return problem
    return None


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Fill ``template``'s placeholders from ``values``; never raises.

    A placeholder that names no value or is unsafe (see ``template_problem``) is kept as
    written, and a template that does not parse is returned whole: packs are validated
    when loaded, but plugin rules build their templates in Python."""
    try:
        parts = list(_FORMATTER.parse(template))
    except ValueError:
        return template
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if _placeholder_problem(name, spec, conversion, values):
            out.append(_as_written(name, spec, conversion))
        else:
            value = _FORMATTER.convert_field(str(values[name]), conversion)
            out.append(format(value, spec or ""))
    return "".join(out)


def _placeholder_problem(
    name: str, spec: str | None, conversion: str | None, fields: Collection[str] | None
) -> str | None:
    if not name.isidentifier():
        return f"placeholder {{{name}}} must be a field name, without position, attribute or index"
    if fields is not None and name not in fields:
        return f"unknown placeholder {{{name}}} (known: {', '.join(sorted(fields))})"
    if conversion not in _CONVERSIONS:
        return f"placeholder {{{name}}} has an unknown conversion !{conversion}"
    if spec and not _SAFE_SPEC.fullmatch(spec):
        return (
            f"placeholder {{{name}}} has the format spec {spec!r}; at most an alignment and "
            "a width of three digits are allowed"
        )
    return None


def _as_written(name: str, spec: str | None, conversion: str | None) -> str:
    conversion = f"!{conversion}" if conversion else ""
    return "{" + name + conversion + (f":{spec}" if spec else "") + "}"
