"""The records of a run, for the formats: each file's findings, and the whole report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from sourcelint.core.errors import SourcelintError
from sourcelint.core.findings import Finding
from sourcelint.core.positions import LineIndex
from sourcelint.core.profile import Profile
from sourcelint.core.reading import ReadingView
from sourcelint.core.rule_meta import RuleMeta
from sourcelint.core.tiers import DEFAULT_TIER


@dataclass
class FileResult:
    """The findings of one linted file, with its text for excerpts."""

    path: str
    findings: list[Finding]
    text: str = ""
    profile: Profile | None = None
    suppressed: list[tuple[Finding, str | None]] = field(default_factory=list)
    # The article as its reader sees it, when the format asked for it (``shows_reading``).
    view: ReadingView | None = None

    @cached_property
    def lines(self) -> LineIndex:
        """The text's line index, built once for every consumer of this result."""
        return LineIndex(self.text)


@dataclass
class Report:
    """Everything a formatter needs to write one run's output."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[SourcelintError] = field(default_factory=list)
    version: str = ""
    pipeline: str = DEFAULT_TIER  # the tier that ran
    quiet: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    # Metadata of every rule the run could report (SARIF's tool.driver.rules, help texts).
    rules: list[RuleMeta] = field(default_factory=list)
    stale_baseline: int = 0  # baseline entries that matched no finding

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.files for finding in result.findings]

    def total_profile(self) -> Profile:
        """Every file's profile summed."""
        total = Profile()
        for result in self.files:
            if result.profile is not None:
                total.add(result.profile)
        return total

    def by_severity(self) -> dict[str, int]:
        counts = Counter(finding.severity.value for finding in self.findings)
        order = ("error", "warning", "info")
        return {severity: counts[severity] for severity in order if counts[severity]}
