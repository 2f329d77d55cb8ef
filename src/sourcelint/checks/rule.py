"""What a rule is: its metadata and the check that finds it.

Built-in and pack rules are data (``rules/*.toml``); plugin packages build ``Rule``
objects in Python and expose them through the ``sourcelint.rules`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sourcelint.core.findings import Hit
from sourcelint.core.rule_meta import RuleMeta

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.analysis.context import BuildContext

Check = Callable[["Article"], Iterable[Hit]]
CheckFactory = Callable[["BuildContext", Mapping[str, Any]], Check]


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
