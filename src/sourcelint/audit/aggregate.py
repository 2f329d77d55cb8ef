"""Sums of an audit's rows per outlet, author, month and outlet-month, with the shares a
standards desk reads: weak, anonymous and second-hand shares of the typed attributions,
and rates per 1,000 words. Streamed: memory holds one sum per group, not the rows."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sourcelint.audit.rows import KIND_COLUMNS, rule_column
from sourcelint.core.kinds import SourceKind
from sourcelint.core.writes import atomic_path, write_atomically

# Group files: name -> the row fields that key a group.
GROUPS = {
    "by_outlet": ("outlet",),
    "by_author": ("author",),
    "by_month": ("month",),
    "by_outlet_month": ("outlet", "month"),
}
SUMMED = ("articles", "words", "attributions", "weak", *KIND_COLUMNS, "findings")
DERIVED = (
    "weak_share",
    "anonymous_share",
    "secondhand_share",
    "anonymous_per_1k_words",
    "findings_per_1k_words",
)


def group_key(row: dict[str, Any], fields: Sequence[str]) -> tuple[str, ...]:
    """A row's group: its metadata (``month`` is the date's first seven characters)."""
    values = {**row, "month": (row.get("date") or "")[:7]}
    return tuple(values.get(name) or "" for name in fields)


def aggregate(rows: Iterable[dict[str, Any]], rules: Sequence[str]) -> dict[str, Any]:
    """Sums per group of every file in ``GROUPS``, and the totals."""
    summed = (*SUMMED, *(rule_column(code) for code in rules))
    groups: dict[str, defaultdict[tuple[str, ...], Counter[str]]] = {
        name: defaultdict(Counter) for name in GROUPS
    }
    total: Counter[str] = Counter()
    for row in rows:
        counts = Counter({name: row.get(name, 0) for name in summed if name != "articles"})
        counts["articles"] = 1
        total.update(counts)
        for name, fields in GROUPS.items():
            groups[name][group_key(row, fields)].update(counts)
    return {"groups": groups, "total": total, "summed": summed}


def derived(counts: Counter[str]) -> dict[str, float | None]:
    """The shares and rates of one group's sums (None where undefined)."""
    typed = counts["attributions"] - counts[f"kind_{SourceKind.OTHER.value}"]
    words = counts["words"]

    def share(part: int, whole: int) -> float | None:
        # A digit more than a file's profile: an archive's monthly shares move by tenths
        # of a percent.
        return round(part / whole, 4) if whole else None

    return {
        "weak_share": share(counts["weak"], typed),
        "anonymous_share": share(counts[f"kind_{SourceKind.ANONYMOUS.value}"], typed),
        "secondhand_share": share(counts[f"kind_{SourceKind.OUTLET.value}"], typed),
        "anonymous_per_1k_words": share(1000 * counts[f"kind_{SourceKind.ANONYMOUS.value}"], words),
        "findings_per_1k_words": share(1000 * counts["findings"], words),
    }


def write_aggregates(directory: Path, sums: dict[str, Any]) -> None:
    """One CSV and one Parquet file per group, rows sorted by key."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    summed = sums["summed"]
    for name, fields in GROUPS.items():
        columns = [*fields, *summed, *DERIVED]
        table = []
        for key, counts in sorted(sums["groups"][name].items()):
            table.append(
                {
                    **dict(zip(fields, key, strict=True)),
                    **{c: counts[c] for c in summed},
                    **derived(counts),
                }
            )
        with (
            atomic_path(directory / f"{name}.csv", "audit's sums") as path,
            path.open("w", encoding="utf-8", newline="") as out,
        ):
            writer = csv.DictWriter(out, columns)
            writer.writeheader()
            writer.writerows(table)
        schema = pa.schema(
            [
                *((f, pa.string()) for f in fields),
                *((c, pa.int64()) for c in summed),
                *((d, pa.float64()) for d in DERIVED),
            ]
        )
        with atomic_path(directory / f"{name}.parquet", "audit's sums") as path:
            pq.write_table(pa.Table.from_pylist(table, schema), path)


def summary(sums: dict[str, Any], rules: dict[str, str], extra: dict[str, Any]) -> dict[str, Any]:
    """The audit's totals as ``summary.json`` holds them."""
    total = sums["total"]
    by_rule = {code: total[rule_column(code)] for code in rules if total[rule_column(code)]}
    return {
        "articles": total["articles"],
        "words": total["words"],
        "attributions": total["attributions"],
        "weak_share": derived(total)["weak_share"],
        "by_kind": {kind.value: total[f"kind_{kind.value}"] for kind in SourceKind},
        "by_rule": dict(sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))),
        "rules": rules,
        **extra,
    }


def write_summary(directory: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    write_atomically(directory / "summary.json", text, "audit's summary")
