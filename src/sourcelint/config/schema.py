"""The JSON Schema (draft 2020-12) of a config file, made from the definition of settings.

Editors use it to complete and check ``sourcelint.toml`` (and, through
``schemas/pyproject.schema.json``, ``[tool.sourcelint]``). It states every check the
parser makes except those no schema can: that a gitignore pattern parses, that a glob
matches something, that a directory exists, and that the rules a selector names exist.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from sourcelint.config import definition as spec
from sourcelint.config.settings import Settings
from sourcelint.core.findings import Category

__all__ = ["DRAFT", "config_schema", "schema_json"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ITEMS = {
    spec.Item.TEXT: {"type": "string"},
    spec.Item.SELECTOR: {
        "type": "string",
        "description": "A rule code (SL102), code prefix (SL1), rule name, category or ALL.",
        "examples": ["ALL", *(category.value for category in Category)],
    },
    spec.Item.PATTERN: {"type": "string", "description": "A gitignore-style pattern."},
    spec.Item.DIRECTORY: {"type": "string", "description": "A directory."},
}


def config_schema() -> dict[str, Any]:
    """The schema of a config file's table (the top level of ``sourcelint.toml``)."""
    return {
        "$schema": DRAFT,
        "title": "sourcelint configuration",
        "description": "The keys of .sourcelint.toml and sourcelint.toml, or of "
        "[tool.sourcelint] in pyproject.toml (sourcelint config --schema).",
        **_section(spec.SETTINGS, Settings),
    }


def schema_json() -> str:
    """``config_schema()`` as the text of ``schemas/sourcelint.schema.json``."""
    return json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n"


def _section(definition: Sequence[spec.Setting], cls: type) -> dict[str, Any]:
    defaults = _defaults(cls)
    return {
        "type": "object",
        "properties": {
            setting.key: _setting(setting, defaults.get(setting.attr)) for setting in definition
        },
        "additionalProperties": False,
    }


def _setting(setting: spec.Setting, default: object) -> dict[str, Any]:
    description = setting.description
    if setting.relative:
        description += " Paths are relative to the file that writes them, also through extend."
    if setting.merge is spec.Merge.ENTRIES:
        description += " Through extend, entries merge one by one with the base's."
    schema = {"description": description, **_value(setting.type)}
    if default is not None and not isinstance(setting.type, spec.Section):
        schema["default"] = default
    return schema


def _value(kind: spec.ValueType) -> dict[str, Any]:
    match kind:
        case spec.Text():
            return {"type": "string", "pattern": kind.check_pattern or spec.NONBLANK}
        case spec.Flag():
            return {"type": "boolean"}
        case spec.Count():
            return {"type": "integer", "minimum": kind.minimum}
        case spec.Choice():
            return {"type": "string", "enum": [*kind.values, *kind.aliases]}
        case spec.Strings():
            return {"type": "array", "items": dict(_ITEMS[kind.item])}
        case spec.Table():
            return {"type": "object", "additionalProperties": _value(kind.values)}
        case spec.Section():
            return _section(kind.settings, kind.cls)
    raise TypeError(f"no schema for {kind!r}")  # pragma: no cover - a new ValueType


def _defaults(cls: type) -> dict[str, object]:
    """The dataclass's field defaults as JSON values (None: no default to state)."""
    defaults: dict[str, object] = {}
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            defaults[item.name] = _json(item.default)
        elif item.default_factory is not dataclasses.MISSING:
            defaults[item.name] = _json(item.default_factory())
    return defaults


def _json(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_json(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _json(item) for key, item in value.items()}
    return value
