"""The sourcing profile of one article: attributions by kind, weak share, reading grade."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sourcelint.analysis.article import Article
from sourcelint.analysis.readability import DEFAULT_FORMULA, FORMULAS, grade
from sourcelint.analysis.sourcing import SourceKind
from sourcelint.core.findings import Finding

# Kinds that rest on nobody the reader can check: anonymous, vague, second-hand, unsourced.
WEAK_KINDS = (SourceKind.ANONYMOUS, SourceKind.VAGUE, SourceKind.OUTLET, SourceKind.NONE)
KIND_ORDER = tuple(SourceKind)


@dataclass
class Profile:
    """Counts for one file; ``add`` sums profiles for a run's total."""

    attributions: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    grades: list[float] = field(default_factory=list)

    @property
    def weak(self) -> int:
        return sum(self.by_kind[kind.value] for kind in WEAK_KINDS)

    @property
    def weak_share(self) -> float | None:
        """Share of typed attributions that are anonymous, vague, second-hand or unsourced."""
        typed = self.attributions - self.by_kind[SourceKind.OTHER.value]
        return round(self.weak / typed, 3) if typed else None

    @property
    def grade(self) -> float | None:
        return round(sum(self.grades) / len(self.grades), 1) if self.grades else None

    def add(self, other: Profile) -> None:
        self.attributions += other.attributions
        self.by_kind.update(other.by_kind)
        self.by_rule.update(other.by_rule)
        self.grades.extend(other.grades)

    def to_dict(self) -> dict[str, object]:
        return {
            "attributions": self.attributions,
            "by_kind": {kind.value: self.by_kind[kind.value] for kind in KIND_ORDER},
            "weak_share": self.weak_share,
            "readability": {"formula": FORMULAS[DEFAULT_FORMULA][0], "grade": self.grade},
            "by_rule": dict(sorted(self.by_rule.items())),
        }


def build_profile(article: Article, findings: Iterable[Finding]) -> Profile:
    """Profile an analysed article: its own attributions (not those inside quotations)."""
    counted = [a for a in article.attributions if not a.quoted]
    value = grade(article)
    return Profile(
        attributions=len(counted),
        by_kind=Counter(a.kind.value for a in counted),
        by_rule=Counter(finding.code for finding in findings),
        grades=[value] if value is not None else [],
    )
