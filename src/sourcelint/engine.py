"""Lint one text: read prose, analyse it, run the enabled checks, position findings."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.profile import build_profile
from sourcelint.checks.registry import Registry, load_registry
from sourcelint.checks.rule import Check, Rule
from sourcelint.config import ConfigResolver, Settings, check_selectors
from sourcelint.core.document import Note
from sourcelint.core.errors import SourcelintError
from sourcelint.core.findings import Finding, Severity
from sourcelint.core.positions import LineIndex
from sourcelint.core.profile import Profile
from sourcelint.core.reading import ReadingView
from sourcelint.core.tiers import DEFAULT_TIER, tier_name
from sourcelint.filters.meta_findings import meta_findings
from sourcelint.filters.select import Selection
from sourcelint.filters.suppress import apply, resolve_directives
from sourcelint.readers import read_prose, reader_for
from sourcelint.readers.base import ReaderOptions

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article
    from sourcelint.analysis.context import BuildContext
    from sourcelint.analysis.pipeline import Analyzer
    from sourcelint.core.document import Prose

_SPACES = re.compile(r"\s+")
# Reaches every pass: a quotation, a named, an anonymous and a second-hand source.
_WARM_UP_TEXT = (
    'A senior official said the talks had stalled. "We are done," Jane Smith told '
    "Reuters on Monday, according to the ministry.\n"
)

# Tiers linted in memory zones (``Engine._zone``). Not the fast tier: in a zone spaCy's
# tokenizer caches no word, and over PolNeAR train folds 0-3 the tier took 1.17 times as
# long; its processes stay under 130 MiB without (the parse tier's, some 260 MiB).
_ZONED_TIERS = frozenset({"parse"})


class Engine:
    """Runs rules over texts; analyzers and compiled checks are built once and reused."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._analyzers: dict[tuple[str, str | None], Analyzer] = {}
        self._contexts: dict[tuple[str, str | None], BuildContext] = {}
        # Keyed by rule identity: two registries may hold different rules with one code.
        self._checks: dict[tuple[str, str | None, int], tuple[Rule, Check]] = {}
        self._validated: set[Settings] = set()
        # Tiers (tier, model) that linted a batch, and those warmed: True once every check
        # was built (see ``_zone``).
        self._linted: set[tuple[str, str | None]] = set()
        self._warmed: dict[tuple[str, str | None], bool] = {}
        self.selection = Selection(lambda selector: (r.code for r in registry.select(selector)))

    @classmethod
    def for_rules(cls, extend_rules: tuple[Path, ...] = ()) -> Engine:
        """An engine of the built-in rules, the packs in ``extend_rules`` and plugins."""
        return cls(load_registry(extend_rules))

    @classmethod
    def for_directory(cls, directory: Path) -> Engine:
        """An engine of the rules the configuration that applies in ``directory`` names."""
        return cls.for_rules(ConfigResolver().settings_for_directory(directory).extend_rules)

    def request(self, settings: Settings, path: Path, text: str, *, keep_view: bool) -> LintRequest:
        """What to ask for ``text`` linted as the file at ``path`` with ``settings``: its
        rules, tier, reader and per-file ignores. A selector naming no rule in the
        settings is a ConfigError (checked once per settings)."""
        if settings not in self._validated:
            check_selectors(settings, self.registry.is_known)
            self._validated.add(settings)
        ignore = (*settings.ignore, *settings.ignores_for(path))
        return LintRequest(
            text,
            self.registry.resolve(settings.select, ignore, settings.extend_select),
            tier=settings.pipeline,
            model=settings.model,
            reader=reader_name(settings, path),
            reader_options=reader_options(settings),
            severities=self.registry.severity_overrides(settings.severity.items()),
            own_outlet=settings.own_outlet,
            keep_view=keep_view,
        )

    def identity(self, request: LintRequest) -> str | None:
        """Everything besides the request's own fields that its result depends on: the
        rule packs and plugins, sourcelint's version and code, spaCy's version and, for
        the parse tier, the installed model (spaCy is not imported). None when the model
        is not installed: that result is the error a cold run reports, never a cached one."""
        from sourcelint.core import version
        from sourcelint.core.code_digest import sourcelint_digest

        installed = _installed(request.tier, request.model)
        if installed is None:
            return None
        code = f"{version.__version__} {sourcelint_digest()}"
        return f"sourcelint {code}; packs {self.registry.packs_digest}; {installed}"

    def analyze_text(
        self, text: str, tier: str = DEFAULT_TIER, model: str | None = None
    ) -> Article:
        """Plain ``text`` analysed by a tier: the Doc, quotations, the sourcing model."""
        return self.analyzer(tier, model).analyze(read_prose(text))

    def analyzer(self, tier: str = DEFAULT_TIER, model: str | None = None) -> Analyzer:
        """The analyzer of a tier, by any of its names (imports spaCy on first use)."""
        key = (tier_name(tier), model)
        if key not in self._analyzers:
            from sourcelint.analysis.pipeline import Analyzer

            self._analyzers[key] = Analyzer(self.registry.lexicon, tier, model)
        return self._analyzers[key]

    def warm(self, tier: str = DEFAULT_TIER, model: str | None = None) -> None:
        """Build now what ``lint`` builds on first use: the tier's model and passes and
        every rule's check (a pool forked afterwards shares them). Raises what ``lint``
        would."""
        key = (tier_name(tier), model)
        self._warmed[key] = False  # not yet: the warm-up itself runs outside a zone
        self.lint(_WARM_UP_TEXT, self.registry.rules, tier=tier, model=model)
        self._warmed[key] = True

    def _zone(self, analyzer: Analyzer) -> AbstractContextManager[object]:
        """Where a batch of ``analyzer`` is linted: for the parse tier, a spaCy memory zone,
        so the words and strings new to it are forgotten after it (a process would
        otherwise keep every word it ever saw). Every check is built first, outside a
        zone, so none keeps a string that the zone would drop.

        The tier's first batch is linted outside a zone, as a warm-up would be: a run of
        one file needs no warm-up (0.13 s of a 1k-word article's 2.1 s), and a longer run
        warms before its second batch."""
        key = (analyzer.tier, analyzer.model)
        if key[0] not in _ZONED_TIERS:
            return nullcontext()
        if key not in self._linted:
            self._linted.add(key)
            return nullcontext()
        if key not in self._warmed:
            try:
                self.warm(*key)
            except Exception:  # reported by the batch, which meets it again
                return nullcontext()
        return analyzer.nlp.memory_zone() if self._warmed[key] else nullcontext()

    def strings_known(self) -> int:
        """How many strings its tiers' vocabularies hold."""
        return sum(analyzer.strings_known() for analyzer in self._analyzers.values())

    def lint_text(self, text: str, rules: Sequence[Rule], **options: Any) -> list[Finding]:
        """Findings of ``rules`` in ``text`` (decoded file contents), sorted by position.

        ``options`` are those of ``lint``.
        """
        return self.lint(text, rules, **options).findings if rules else []

    def lint(
        self,
        text: str,
        rules: Sequence[Rule],
        *,
        tier: str = DEFAULT_TIER,
        model: str | None = None,
        reader: str = "plain",
        reader_options: ReaderOptions | None = None,
        severities: Mapping[str, Severity] | None = None,
        own_outlet: tuple[str, ...] = (),
        keep_view: bool = False,
    ) -> LintResult:
        """Findings of ``rules`` in ``text``, after inline suppressions, and the profile;
        with ``keep_view``, the article as its reader sees it too."""
        request = LintRequest(
            text, rules, tier, model, reader, reader_options, severities or {}, own_outlet,
            keep_view,
        )  # fmt: skip
        outcome = self.lint_many([request])[0]
        if isinstance(outcome, SourcelintError):
            raise outcome
        return outcome

    def lint_many(self, requests: Sequence[LintRequest]) -> list[LintResult | SourcelintError]:
        """``lint`` of several texts, their parse batched; each text's error in its place."""
        outcomes: dict[int, LintResult | SourcelintError] = {}
        proses: dict[int, Prose] = {}
        by_analyzer: dict[Analyzer, list[int]] = {}
        for index, request in enumerate(requests):
            try:
                analyzer = self.analyzer(request.tier, request.model)
                proses[index] = read_prose(request.text, request.reader, request.reader_options)
            except SourcelintError as error:
                outcomes[index] = error
                continue
            by_analyzer.setdefault(analyzer, []).append(index)
        for analyzer, indexes in by_analyzer.items():
            with self._zone(analyzer):
                try:
                    articles = analyzer.analyze_many(
                        [(proses[index], requests[index].own_outlet) for index in indexes]
                    )
                except SourcelintError as error:  # the model: every text of this tier alike
                    outcomes.update(dict.fromkeys(indexes, error))
                    continue
                for index, article in zip(indexes, articles, strict=True):
                    try:
                        outcomes[index] = self._result(requests[index], proses[index], article)
                    except SourcelintError as error:
                        outcomes[index] = error
        return [outcomes[index] for index in range(len(requests))]

    def _result(self, request: LintRequest, prose: Prose, article: Article) -> LintResult:
        """One analysed text's findings, after inline suppressions, and its profile."""
        text, rules, severities = request.text, request.rules, request.severities
        lines = LineIndex(text)
        findings = self._findings(
            text, prose, article, rules, tier_name(request.tier), request.model, severities, lines
        )
        directives = resolve_directives(prose.directives, self.selection.codes_of)
        outcome = apply(findings, directives, self.selection.matches, self.registry.is_known)
        chosen = {rule.code: rule.meta for rule in rules}
        unused = meta_findings(outcome, chosen, self.selection.codes_of, text, lines, severities)
        kept = outcome.kept + unused
        kept.sort(key=lambda f: (f.start, f.end, f.code))
        view = None
        if request.keep_view:
            attributions = tuple(placed_attributions(text, prose, article, lines))
            view = ReadingView(prose, request.reader == "plain", attributions)
        return LintResult(kept, build_profile(article, kept), outcome.suppressed, prose.notes, view)

    def _findings(
        self,
        text: str,
        prose: Prose,
        article: Article,
        rules: Sequence[Rule],
        tier: str,
        model: str | None,
        severities: Mapping[str, Severity],
        lines: LineIndex,
    ) -> list[Finding]:
        findings: dict[tuple[int, int, str], Finding] = {}
        for rule in rules:
            meta = rule.meta
            for hit in self._check(rule, tier, model)(article):
                start, end = original_span(prose, article, hit.start, hit.end)
                words = _SPACES.sub(" ", article.text[hit.start : hit.end])
                findings.setdefault(
                    (start, end, meta.code),
                    meta.finding(
                        text,
                        lines,
                        (start, end),
                        severities.get(meta.code) or hit.severity or meta.severity,
                        meta.format_message(words, hit.fields),
                        hit.suggestion or meta.suggestion,
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


def reader_name(settings: Settings, path: Path) -> str:
    """The reader ``check`` reads the file at ``path`` with: the config's, else by suffix."""
    return settings.readers.extensions.get(path.suffix.lower()) or reader_for(path.name)


def reader_options(settings: Settings) -> ReaderOptions:
    readers = settings.readers
    defaults = ReaderOptions()
    return ReaderOptions(
        front_matter_fields=readers.front_matter_fields,
        skip_selectors=defaults.skip_selectors if readers.html_skip is None else readers.html_skip,
        content_selector=readers.html_content,
        line_marker=readers.line_marker,
    )


def original_span(prose: Prose, article: Article, start: int, end: int) -> tuple[int, int]:
    """An analysis-text span as offsets into the original file (through the prose)."""
    return prose.offsets.span_to_original(*article.offsets.span_to_original(start, end))


def placed_attributions(
    text: str, prose: Prose, article: Article, lines: LineIndex
) -> list[dict[str, object]]:
    """Every attribution of ``article`` as plain data, each span placed in ``text`` (the
    original file): its words, line, column, start and end."""

    def place(span: tuple[int, int]) -> dict[str, object]:
        start, end = original_span(prose, article, *span)
        line, column = lines.position(start)
        return {"text": text[start:end], "line": line, "column": column, "start": start, "end": end}

    return [attribution.to_dict(text, place) for attribution in article.attributions]


@dataclass(frozen=True)
class LintRequest:
    """One text to lint, and how: the arguments of ``Engine.lint``."""

    text: str
    rules: Sequence[Rule]
    tier: str = DEFAULT_TIER
    model: str | None = None
    reader: str = "plain"
    reader_options: ReaderOptions | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    own_outlet: tuple[str, ...] = ()
    # Keep the article as its reader sees it (``LintResult.view``), for reports showing it.
    keep_view: bool = False


@dataclass
class LintResult:
    """One file's outcome."""

    findings: list[Finding]
    profile: Profile
    suppressed: list[tuple[Finding, str | None]] = field(default_factory=list)
    notes: tuple[Note, ...] = ()
    view: ReadingView | None = None


@cache
def _installed(tier: str, model: str | None) -> str | None:
    """What a tier's results depend on that is installed: spaCy's version, and for the
    parse tier the model package (read once a process); None without the model."""
    from importlib.metadata import version

    spacy = f"spacy {version('spacy')}"
    if tier != "parse":
        return spacy
    from sourcelint.analysis.model import installed_model

    found = installed_model(model)
    return f"{spacy}; model {found}" if found is not None else None
