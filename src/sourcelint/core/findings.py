"""The values that flow out of the rules: severities, categories, hits and findings."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ``rank`` orders them for ``--fail-on``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(StrEnum):
    """The fixed set of finding categories (docs/json.md, `category`)."""

    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    SECONDHAND = "secondhand"
    UNSOURCED = "unsourced"
    LOADED = "loaded"
    QUOTE = "quote"
    ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a span of the analysed prose text plus optional overrides.

    ``fields`` fill the placeholders of the rule's message template.
    """

    start: int
    end: int
    severity: Severity | None = None
    suggestion: str | None = None
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, positioned in the original file (the JSON contract)."""

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, object]:
        # Every field is a scalar: no deep copy (asdict's) is needed, and a cold cached run
        # turns each finding into a dict twice (its cache entry, its report).
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["category"] = self.category.value
        data["severity"] = self.severity.value
        return data
