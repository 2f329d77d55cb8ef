"""What a rule is: its metadata, its examples, and the check that finds it.

Built-in and pack rules are data (``rules/*.toml``); plugin packages build ``Rule``
objects in Python and expose them through the ``sourcelint.rules`` entry-point group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sourcelint.findings import Category, Hit, Severity

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.analysis.context import BuildContext

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_MARK = re.compile(r"\[\[(.+?)\]\]")

Check = Callable[["Article"], Iterable[Hit]]
CheckFactory = Callable[["BuildContext", Mapping[str, Any]], Check]


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

    @property
    def flagged_examples(self) -> tuple[Example, ...]:
        return tuple(example for example in self.examples if example.flagged)

    @property
    def ok_examples(self) -> tuple[Example, ...]:
        return tuple(example for example in self.examples if not example.flagged)

    def format_message(self, text: str, fields: Iterable[tuple[str, str]] = ()) -> str:
        """Fill the message template; unknown placeholders are left as written."""
        values = _Defaulting(text=text, **dict(fields))
        return self.message.format_map(values)


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: metadata plus a factory that compiles its check for an analyzer."""

    meta: RuleMeta
    factory: CheckFactory
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def name(self) -> str:
        return self.meta.name
