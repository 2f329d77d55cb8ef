"""The one registry of rules: built-in packs, extra pack directories and plugins.

Selectors name rules the way ruff does: a code (``SL204``), a code prefix (``SL2``),
``ALL``, a rule name or former name (``reportedly``), or a category (``loaded``).
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from sourcelint.checks.packs import Pack, builtin_pack_dir, load_pack_dir
from sourcelint.checks.rule import Rule
from sourcelint.core.code_digest import tree_digest
from sourcelint.core.errors import RulePackError
from sourcelint.core.findings import Category, Severity
from sourcelint.core.rule_meta import template_problem

ENTRY_POINT_GROUP = "sourcelint.rules"


@dataclass(frozen=True)
class Registry:
    """All known rules, in code order, and the shared lexicon lists."""

    rules: tuple[Rule, ...]
    lexicon: dict[str, tuple[str, ...]]
    # What the rules were read from, as a digest: the pack files' text and the plugins'
    # entry points and versions.
    read_digest: str = ""
    # The plugins' code (their top-level packages or modules), read only for a digest.
    plugin_code: tuple[Path, ...] = ()

    @cached_property
    def packs_digest(self) -> str:
        """The digest of what the rules come from, the plugins' code included (a results
        cache keys on it). The code is read here, when a cache asks, not at every start."""
        if not self.plugin_code:
            return self.read_digest
        code = tree_digest(*self.plugin_code)
        return hashlib.sha256(f"{self.read_digest} {code}".encode()).hexdigest()

    def __post_init__(self) -> None:
        by_key: dict[str, Rule] = {}
        for rule in self.rules:
            for key in (rule.code, rule.name, *rule.meta.aliases):
                other = by_key.get(key.lower())
                if other is not None and other is not rule:
                    raise RulePackError(
                        f"{key!r} names two rules: {other.code} ({other.meta.origin}) and "
                        f"{rule.code} ({rule.meta.origin})",
                        path=rule.meta.origin,
                    )
                by_key[key.lower()] = rule
        object.__setattr__(self, "_by_key", by_key)

    def get(self, key: str) -> Rule | None:
        """A rule by exact code, name or former name (case-insensitive)."""
        return self._by_key.get(key.lower())  # type: ignore[attr-defined]

    def select(self, selector: str) -> tuple[Rule, ...]:
        """The rules a selector stands for (empty when it names nothing)."""
        key = selector.strip()
        if not key:
            return ()  # a blank prefix would name every rule: `ignore = [""]` silenced all
        if key.upper() == "ALL":
            return self.rules
        rule = self.get(key)
        if rule is not None:
            return (rule,)
        if key.lower() in {category.value for category in Category}:
            return tuple(rule for rule in self.rules if rule.meta.category == key.lower())
        prefix = key.upper()
        return tuple(rule for rule in self.rules if rule.code.startswith(prefix))

    def is_known(self, selector: str) -> bool:
        return bool(self.select(selector))

    def resolve(
        self, select: Sequence[str] | None, ignore: Iterable[str], extend: Iterable[str] = ()
    ) -> tuple[Rule, ...]:
        """Rules chosen by ``select`` (all but opt-in rules when None) plus ``extend``,
        minus ``ignore``. An opt-in rule is chosen only by a selector that names it (code,
        name or alias) or by ALL, never by a prefix or category."""
        if select:
            chosen = self._chosen(select)
        else:
            chosen = {rule.code for rule in self.rules if not rule.meta.opt_in}
        chosen |= self._chosen(extend)
        chosen -= {rule.code for selector in ignore for rule in self.select(selector)}
        return tuple(rule for rule in self.rules if rule.code in chosen)

    def _chosen(self, selectors: Iterable[str]) -> set[str]:
        codes: set[str] = set()
        for selector in selectors:
            named = selector.strip().upper() == "ALL" or self.get(selector.strip()) is not None
            codes |= {r.code for r in self.select(selector) if named or not r.meta.opt_in}
        return codes

    def severity_overrides(self, overrides: Iterable[tuple[str, Severity]]) -> dict[str, Severity]:
        """Per-code severities from selector overrides; more specific selectors win."""
        resolved: dict[str, tuple[int, Severity]] = {}
        for selector, severity in overrides:
            rules = self.select(selector)
            for rule in rules:
                specificity = -len(rules)
                if rule.code not in resolved or resolved[rule.code][0] <= specificity:
                    resolved[rule.code] = (specificity, severity)
        return {code: severity for code, (_, severity) in resolved.items()}


@cache
def load_registry(extra_dirs: tuple[Path, ...] = (), plugins: bool = True) -> Registry:
    """Built-in packs, then ``extra_dirs`` (``extend-rules``), then plugin rules."""
    pack = load_pack_dir(builtin_pack_dir())
    for directory in extra_dirs:
        load_pack_dir(directory, pack)
    code = _load_plugins(pack) if plugins else ()
    rules = tuple(sorted(pack.rules, key=lambda r: r.code))
    return Registry(
        rules=rules, lexicon=pack.lexicon, read_digest=pack.digest.hexdigest(), plugin_code=code
    )


def _load_plugins(pack: Pack) -> tuple[Path, ...]:
    """Add the plugins' rules to ``pack``; where each plugin's code is."""
    code: dict[Path, None] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        # Read as a field: importlib_metadata (which Dask imports, and which then finds
        # the distributions) raises KeyError for a plugin whose metadata has no Version.
        version = (entry.dist.metadata.get("Version") or "") if entry.dist is not None else ""
        pack.digest.update(f"{entry.name}={entry.value} {version}\0".encode())
        code.update(dict.fromkeys(_plugin_code(entry)))
        try:
            provided = entry.load()
            rules = provided() if callable(provided) else provided
            rules = list(rules)
        except Exception as error:  # a broken plugin must name itself, not crash the run
            raise RulePackError(
                f"plugin rules could not be loaded: {type(error).__name__}: {error}",
                path=f"entry point {entry.name} = {entry.value}",
            ) from error
        for rule in rules:
            if not isinstance(rule, Rule):
                raise RulePackError(
                    f"plugin returned {type(rule).__name__}, expected sourcelint.checks.rule.Rule",
                    path=f"entry point {entry.name} = {entry.value}",
                )
            problem = template_problem(rule.meta.message, fields=None)
            if problem:
                raise RulePackError(
                    f"bad message template: {problem}",
                    path=f"entry point {entry.name} = {entry.value}",
                    key=f"{rule.code}.message",
                )
            pack.rules.append(rule)
    return tuple(code)


def _plugin_code(entry: EntryPoint) -> list[Path]:
    """The files of the top-level package (or module) an entry point names, found without
    importing it: an editable plugin's code changes under one version number."""
    try:
        spec = importlib.util.find_spec(entry.module.partition(".")[0])
    except (ImportError, ValueError):
        return []  # loading it fails, and says why
    if spec is None:
        return []
    if spec.submodule_search_locations:
        return [Path(location) for location in spec.submodule_search_locations]
    return [Path(spec.origin)] if spec.origin and spec.has_location else []
