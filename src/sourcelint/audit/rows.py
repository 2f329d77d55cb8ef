"""One row per audited article: its metadata, words, attributions by kind of source and
findings by rule, as flat columns every part file shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sourcelint.audit.inputs import META_FIELDS, Record
from sourcelint.core.kinds import SourceKind
from sourcelint.core.profile import Profile

KIND_COLUMNS = tuple(f"kind_{kind.value}" for kind in SourceKind)
TEXT_COLUMNS = ("input", *META_FIELDS)  # the others are counts


def rule_column(code: str) -> str:
    return f"rule_{code}"


def columns(rules: Sequence[str]) -> list[str]:
    """The columns of every row, in order, for an audit of ``rules``."""
    return [
        *TEXT_COLUMNS, "words", "attributions", "weak", *KIND_COLUMNS, "findings",
        *(rule_column(code) for code in rules),
    ]  # fmt: skip


def article_row(record: Record, profile: Profile, rules: Sequence[str]) -> dict[str, Any]:
    """``record``'s row: counts, never text (an archive's rows stay small)."""
    row: dict[str, Any] = {"input": record.input}
    row.update({name: record.meta.get(name) for name in META_FIELDS})
    row["words"] = profile.words
    row["attributions"] = profile.attributions
    row["weak"] = profile.weak
    for kind, column in zip(SourceKind, KIND_COLUMNS, strict=True):
        row[column] = profile.by_kind[kind.value]
    row["findings"] = sum(profile.by_rule.values())
    for code in rules:
        row[rule_column(code)] = profile.by_rule[code]
    return row
