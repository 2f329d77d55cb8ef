"""Load rule packs: TOML files of rules (``[[rule]]``) and word lists (``[lexicon.NAME]``).

Loading is pure data and never imports spaCy, so ``sourcelint rules`` and ``explain``
stay fast; checks are compiled later, when text is analysed.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from sourcelint.analysis.inflect import verb_forms
from sourcelint.checks.rule import Check, Rule
from sourcelint.core.errors import RulePackError
from sourcelint.core.files import parse_toml, read_text
from sourcelint.core.findings import Category, Severity
from sourcelint.core.rule_meta import (
    CODE_PATTERN,
    NAME_PATTERN,
    Example,
    RuleMeta,
    template_problem,
)

# A pack's ``check.kind`` names a module of sourcelint.checks ("anonymous-source" ->
# sourcelint.checks.anonymous_source), imported only when the check is compiled.
CHECKS_PACKAGE = "sourcelint.checks"

_META_KEYS = {
    "code", "name", "category", "severity", "summary", "message", "rationale", "fix",
    "standards", "link", "suggestion", "aliases", "examples", "check", "opt-in",
}  # fmt: skip
_Choice = TypeVar("_Choice", Category, Severity)
_REQUIRED = ("code", "name", "category", "severity", "summary", "message", "rationale", "fix")


@dataclass
class Pack:
    """The rules and lexicon lists read from one or more TOML files."""

    rules: list[Rule] = field(default_factory=list)
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Every file read, by name and text, as it was read (a results cache keys on it).
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)


def builtin_pack_dir() -> Path:
    """The packs shipped with sourcelint (the repository's top-level ``rules/``)."""
    return Path(str(files("sourcelint.rulepacks")))


def load_pack_dir(directory: Path, pack: Pack | None = None) -> Pack:
    """Read every ``*.toml`` of a directory, in name order, into ``pack``."""
    pack = pack if pack is not None else Pack()
    if not directory.is_dir():
        raise RulePackError("rule-pack directory does not exist", path=directory)
    for path in sorted(directory.glob("*.toml")):
        load_pack_file(path, pack)
    return pack


def load_pack_file(path: Path, pack: Pack) -> None:
    """Read one TOML pack file; raise RulePackError naming the file and key."""
    text = read_text(path, error=RulePackError)
    pack.digest.update(f"{path}\0{text}\0".encode(errors="surrogatepass"))
    data = parse_toml(text, str(path), RulePackError)
    unknown = set(data) - {"rule", "lexicon"}
    if unknown:
        raise RulePackError("unknown top-level table", path=path, key=sorted(unknown)[0])
    for name, table in _table(data.get("lexicon", {}), path, "lexicon").items():
        key = f"lexicon.{name}"
        _printable(table, path, key)
        entries = _lexicon_entries(_table(table, path, key), path, key)
        merged = dict.fromkeys((*pack.lexicon.get(name, ()), *entries))
        pack.lexicon[name] = tuple(merged)
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise RulePackError("expected an array of tables ([[rule]])", path=path, key="rule")
    for index, table in enumerate(rules):
        pack.rules.append(_rule(_table(table, path, f"rule[{index}]"), path, index))


def _lexicon_entries(table: Mapping[str, Any], path: Path, key: str) -> tuple[str, ...]:
    unknown = set(table) - {"entries", "inflect", "description"}
    if unknown:
        raise RulePackError("unknown key", path=path, key=f"{key}.{sorted(unknown)[0]}")
    entries = _strings(table.get("entries"), path, f"{key}.entries")
    _optional_string(table.get("description"), path, f"{key}.description")
    inflect = table.get("inflect")
    if inflect is None:
        return entries
    if inflect != "verb":
        raise RulePackError("'inflect' must be \"verb\"", path=path, key=f"{key}.inflect")
    return tuple(form for entry in entries for form in verb_forms(entry))


def _rule(table: Mapping[str, Any], path: Path, index: int) -> Rule:
    where = f"rule[{index}]"
    code = table.get("code")
    if isinstance(code, str) and code.isprintable() and len(code) <= 20:
        where = f"rule[{index}] ({code})"
    for key in _REQUIRED:
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise RulePackError("required, a non-empty string", path=path, key=f"{where}.{key}")
    unknown = set(table) - _META_KEYS
    if unknown:
        raise RulePackError("unknown key", path=path, key=f"{where}.{sorted(unknown)[0]}")
    _printable(table, path, where)
    code, name = table["code"], table["name"]
    if not CODE_PATTERN.fullmatch(code):
        raise RulePackError(f"code {code!r} is not letters + 3 digits", path=path, key=where)
    if not NAME_PATTERN.fullmatch(name):
        raise RulePackError(f"name {name!r} is not kebab-case", path=path, key=f"{where}.name")
    problem = template_problem(table["message"])
    if problem:
        raise RulePackError(f"bad message template: {problem}", path=path, key=f"{where}.message")
    category = _choice(Category, table["category"], path, f"{where}.category")
    severity = _choice(Severity, table["severity"], path, f"{where}.severity")
    examples = _table(table.get("examples", {}), path, f"{where}.examples")
    unknown = set(examples) - {"flagged", "ok"}
    if unknown:
        raise RulePackError("unknown key", path=path, key=f"{where}.examples.{min(unknown)}")
    flagged = _strings(examples.get("flagged", []), path, f"{where}.examples.flagged")
    ok = _strings(examples.get("ok", []), path, f"{where}.examples.ok")
    meta = RuleMeta(
        code=code,
        name=name,
        category=category,
        severity=severity,
        summary=table["summary"].strip(),
        message=table["message"].strip(),
        rationale=table["rationale"].strip(),
        fix=table["fix"].strip(),
        standards=_strings(table.get("standards", []), path, f"{where}.standards"),
        link=_link(table.get("link"), path, f"{where}.link"),
        suggestion=_optional_string(table.get("suggestion"), path, f"{where}.suggestion"),
        aliases=_names(table.get("aliases", []), path, f"{where}.aliases"),
        examples=(
            *(Example.parse(text, flagged=True) for text in flagged),
            *(Example.parse(text, flagged=False) for text in ok),
        ),
        origin=str(path),
        opt_in=_flag(table.get("opt-in", False), path, f"{where}.opt-in"),
    )
    params = dict(_table(table.get("check", {}), path, f"{where}.check"))
    kind = params.pop("kind", "phrases")
    known = check_kinds()
    if not isinstance(kind, str) or kind not in known:
        raise RulePackError(
            f"unknown check kind {kind!r} (known: {', '.join(sorted(known))})",
            path=path,
            key=f"{where}.check.kind",
        )
    params["__where__"] = f"{path}: {where}.check"
    module = f"{CHECKS_PACKAGE}.{kind.replace('-', '_')}"
    return Rule(meta=meta, factory=LazyFactory(f"{module}:build"), params=params)


@cache
def check_kinds() -> frozenset[str]:
    """The check kinds available: the modules of sourcelint.checks that build checks."""
    package = importlib.util.find_spec(CHECKS_PACKAGE)
    locations = package.submodule_search_locations if package else None
    return frozenset(
        info.name.replace("_", "-")
        for info in pkgutil.iter_modules(locations)
        if info.name not in _HELPER_MODULES
    )


# Modules of sourcelint.checks that build no check: the rule machinery and shared helpers.
_HELPER_MODULES = {"naming", "packs", "params", "registry", "rule", "target"}


@dataclass(frozen=True, slots=True)
class LazyFactory:
    """A check factory named ``module:function``, imported on first use."""

    target: str

    def __call__(self, context: Any, params: Mapping[str, Any]) -> Check:
        module, _, attribute = self.target.partition(":")
        factory = getattr(importlib.import_module(module), attribute)
        return factory(context, params)


def _table(value: Any, path: Path, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RulePackError(f"expected a table, got {type(value).__name__}", path=path, key=key)
    return value


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RulePackError("expected a list of strings", path=path, key=key)
    return tuple(value)


# Control characters (tab and line breaks aside): a pack's texts are printed by
# ``sourcelint rules`` and ``explain`` and in messages, where ESC would drive the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _printable(value: Any, path: Path, key: str) -> None:
    """Refuse a control character in any string of ``value``, naming its key."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found:
            raise RulePackError(f"control character {found.group()!r} in text", path=path, key=key)
    elif isinstance(value, Mapping):
        for name, item in value.items():
            _printable(item, path, f"{key}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _printable(item, path, f"{key}[{index}]")


def _choice(kind: type[_Choice], value: str, path: Path, key: str) -> _Choice:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(repr(member.value) for member in kind)
        raise RulePackError(f"{value!r} is not one of {known}", path=path, key=key) from None


def _names(value: Any, path: Path, key: str) -> tuple[str, ...]:
    names = _strings(value, path, key)
    for name in names:
        if not NAME_PATTERN.fullmatch(name):
            raise RulePackError(f"name {name!r} is not kebab-case", path=path, key=key)
    return names


def _flag(value: Any, path: Path, key: str) -> bool:
    if not isinstance(value, bool):
        raise RulePackError("expected true or false", path=path, key=key)
    return value


def _optional_string(value: Any, path: Path, key: str) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise RulePackError("expected a non-empty string", path=path, key=key)
    return value


# An absolute URI: a scheme, then no white space or control characters (SARIF helpUri).
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20\x7f-\x9f]+")


def _link(value: Any, path: Path, key: str) -> str | None:
    link = _optional_string(value, path, key)
    if link is not None and not _URI.fullmatch(link):
        raise RulePackError(f"expected an absolute URL, got {link!r}", path=path, key=key)
    return link
