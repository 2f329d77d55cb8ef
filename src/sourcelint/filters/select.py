"""Which rules a selector names (a code, a prefix such as ``SL2``, a name, a category)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sourcelint.core.findings import Finding


class Selection:
    """The codes each selector names, looked up once: inline suppressions ask per finding."""

    def __init__(self, select: Callable[[str], Iterable[str]]) -> None:
        self._select = select
        self._codes: dict[str, frozenset[str]] = {}

    def codes_of(self, selector: str) -> frozenset[str]:
        if selector not in self._codes:
            self._codes[selector] = frozenset(self._select(selector))
        return self._codes[selector]

    def matches(self, selector: str, finding: Finding) -> bool:
        return finding.code in self.codes_of(selector)
