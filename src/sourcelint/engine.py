"""Lint one text: read prose, analyse it, run the enabled checks, position findings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sourcelint.findings import Finding, Severity
from sourcelint.positions import LineIndex
from sourcelint.profile import Profile, build_profile
from sourcelint.readers import read_prose
from sourcelint.registry import Registry
from sourcelint.rule import Check, Rule

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.analysis.context import BuildContext
    from sourcelint.analysis.pipeline import Analyzer
    from sourcelint.readers.base import Prose

_SPACES = re.compile(r"\s+")


class Linter:
    """Runs rules over texts; analyzers and compiled checks are built once and reused."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._analyzers: dict[tuple[str, str | None], Analyzer] = {}
        self._contexts: dict[tuple[str, str | None], BuildContext] = {}
        # Keyed by rule identity: two registries may hold different rules with one code.
        self._checks: dict[tuple[str, str | None, int], tuple[Rule, Check]] = {}

    def analyzer(self, tier: str, model: str | None = None) -> Analyzer:
        """The analyzer of a tier (imports spaCy on first use)."""
        key = (tier, model)
        if key not in self._analyzers:
            from sourcelint.analysis.pipeline import Analyzer

            self._analyzers[key] = Analyzer(tier, model, self.registry.lexicon)
        return self._analyzers[key]

    def lint_text(self, text: str, rules: Sequence[Rule], **options: Any) -> list[Finding]:
        """Findings of ``rules`` in ``text`` (decoded file contents), sorted by position.

        ``options`` are those of ``lint``.
        """
        return self.lint(text, rules, **options)[0] if rules else []

    def lint(
        self,
        text: str,
        rules: Sequence[Rule],
        *,
        tier: str = "fast",
        model: str | None = None,
        reader: str = "plain",
        severities: dict[str, Severity] | None = None,
        own_outlet: tuple[str, ...] = (),
    ) -> tuple[list[Finding], Profile]:
        """Findings of ``rules`` in ``text`` and the article's sourcing profile."""
        analyzer = self.analyzer(tier, model)
        prose = read_prose(text, reader)
        article = analyzer.analyze(prose, own_outlet)
        findings = self._findings(text, prose, article, rules, tier, model, severities or {})
        return findings, build_profile(article, findings)

    def _findings(
        self,
        text: str,
        prose: Prose,
        article: Article,
        rules: Sequence[Rule],
        tier: str,
        model: str | None,
        severities: dict[str, Severity],
    ) -> list[Finding]:
        lines = LineIndex(text)
        findings: dict[tuple[int, int, str], Finding] = {}
        for rule in rules:
            meta = rule.meta
            for hit in self._check(rule, tier, model)(article):
                start, end = prose.offsets.span_to_original(
                    *article.offsets.span_to_original(hit.start, hit.end)
                )
                line, column = lines.position(start)
                end_line, end_column = lines.position(end)
                words = _SPACES.sub(" ", article.text[hit.start : hit.end])
                findings.setdefault(
                    (start, end, meta.code),
                    Finding(
                        code=meta.code,
                        name=meta.name,
                        category=meta.category,
                        severity=severities.get(meta.code) or hit.severity or meta.severity,
                        message=meta.format_message(words, hit.fields),
                        line=line,
                        column=column,
                        end_line=end_line,
                        end_column=end_column,
                        start=start,
                        end=end,
                        text=text[start:end],
                        suggestion=hit.suggestion or meta.suggestion,
                    ),
                )
        return sorted(findings.values(), key=lambda f: (f.start, f.end, f.code))

    def _check(self, rule: Rule, tier: str, model: str | None) -> Check:
        key = (tier, model, id(rule))
        if key not in self._checks:
            self._checks[key] = (rule, rule.factory(self._context(tier, model), rule.params))
        return self._checks[key][1]

    def _context(self, tier: str, model: str | None) -> BuildContext:
        key = (tier, model)
        if key not in self._contexts:
            from sourcelint.analysis.context import BuildContext

            nlp = self.analyzer(tier, model).nlp
            self._contexts[key] = BuildContext(nlp=nlp, lexicon=self.registry.lexicon)
        return self._contexts[key]
