"""The sourcing profile of a file or a run: attributions by kind, weak share, reading grade."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sourcelint.core.kinds import SourceKind

# The formulas, by the textstat function that computes them; all report a U.S. school grade.
FORMULAS = {
    "flesch-kincaid": ("Flesch-Kincaid", "flesch_kincaid_grade"),
    "coleman-liau": ("Coleman-Liau", "coleman_liau_index"),
    "automated-readability": ("Automated Readability Index", "automated_readability_index"),
}
# Counts letters, so it needs no pronouncing dictionary: Flesch-Kincaid loads the CMU
# dictionary (about 1 s and 70 MB per process), too slow for a pre-commit hook.
DEFAULT_FORMULA = "automated-readability"
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
    # Words of the prose its reader saw (markup aside): the base of rates per 1,000 words.
    words: int = 0

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
        self.words += other.words
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
