"""Phrase templates: the small pattern language of the TOML rule packs.

A template is words plus slots:

- ``{a|b|c}`` one of the alternatives; ``{?a|b}`` optional;
- ``{@name}`` any entry of the lexicon list ``name``; ``{?@name}`` optional;
- ``[ ... ]`` marks the part to report (default: the whole phrase).

``"it {was|is} {?later|widely} [reported]"`` matches "it was reported" and "it is
widely reported", reporting the word "reported". Parsing is pure text; ``phrases``
matches the steps in a Doc without multiplying alternatives out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_PIECE = re.compile(r"\{[^{}]*\}|\[|\]|[^\s{}\[\]]+")


class TemplateError(ValueError):
    """A template is malformed or names an unknown lexicon list."""


@dataclass(frozen=True, slots=True)
class Step:
    """One position of a template: a set of alternative phrases, maybe optional."""

    options: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template: its steps and the steps ``[mark_from, mark_to)`` to report."""

    source: str
    steps: tuple[Step, ...]
    mark_from: int
    mark_to: int


def parse(template: str, lexicon: Callable[[str], tuple[str, ...]]) -> Template:
    """Parse a template; ``lexicon`` looks up ``{@name}`` lists (KeyError if unknown)."""
    steps: list[Step] = []
    words: list[str] = []
    marks: list[int] = []

    def flush() -> None:
        if words:
            steps.append(Step((" ".join(words),)))
            words.clear()

    for piece in _PIECE.findall(template):
        if piece in "[]":
            flush()
            marks.append(len(steps))
        elif piece.startswith("{"):
            flush()
            steps.append(_slot(piece[1:-1], lexicon, template))
        else:
            words.append(piece)
    flush()
    if not steps or all(step.optional for step in steps):
        raise TemplateError(f"template {template!r} has no required word")
    if len(marks) not in (0, 2):
        raise TemplateError(f"template {template!r}: use one pair of [ ] to mark the report span")
    mark_from, mark_to = marks if marks else (0, len(steps))
    if template.find("[") > template.find("]") or mark_from == mark_to:
        raise TemplateError(f"template {template!r}: the [ ] mark is empty or reversed")
    return Template(template, tuple(steps), mark_from, mark_to)


def _slot(body: str, lexicon: Callable[[str], tuple[str, ...]], template: str) -> Step:
    optional = body.startswith("?")
    body = body.removeprefix("?")
    if body.startswith("@"):
        try:
            options = lexicon(body[1:])
        except KeyError:
            raise TemplateError(f"template {template!r}: unknown lexicon list {body!r}") from None
    else:
        options = tuple(option.strip() for option in body.split("|"))
    if not options or any(not option for option in options):
        raise TemplateError(f"template {template!r}: empty alternative in {{{body}}}")
    return Step(tuple(dict.fromkeys(options)), optional)
