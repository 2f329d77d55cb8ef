"""The sourcing profile of one analysed article (the record is ``core.profile.Profile``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sourcelint.analysis.article import Article
from sourcelint.analysis.readability import grade
from sourcelint.core.findings import Finding
from sourcelint.core.profile import Profile


def build_profile(article: Article, findings: Iterable[Finding]) -> Profile:
    """Profile an analysed article: its own attributions (not those inside quotations)."""
    counted = [a for a in article.attributions if not a.quoted]
    value = grade(article)
    return Profile(
        attributions=len(counted),
        words=len(article.text.split()),
        by_kind=Counter(a.kind.value for a in counted),
        by_rule=Counter(finding.code for finding in findings),
        grades=[value] if value is not None else [],
    )
