"""``sourcelint attributions``: the sourcing model of files, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from sourcelint.engine import Linter, placed_attributions
from sourcelint.positions import LineIndex
from sourcelint.readers import read_prose
from sourcelint.source import read_text

ATTRIBUTIONS_VERSION = 1


def describe_file(linter: Linter, path: Path, tier: str, model: str | None) -> dict[str, object]:
    """Every attribution of one file, positioned in the original text."""
    text = read_text(path)
    prose = read_prose(text)
    article = linter.analyzer(tier, model).analyze(prose)
    records = placed_attributions(text, prose, article, LineIndex(text))
    return {"path": str(path), "attributions": records}


def render(files: list[dict[str, object]], output_format: str) -> str:
    """JSON (versioned) or one line per attribution."""
    if output_format == "json":
        return (
            json.dumps(
                {"version": ATTRIBUTIONS_VERSION, "files": files}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    lines = []
    for entry in files:
        for item in entry["attributions"]:  # type: ignore[union-attr]
            cue = item["cue"]
            source = item["source"]["text"] if item["source"] else "-"
            flags = " (quoted)" if item["quoted"] else ""
            recipient = f" via {item['recipient']['text']!r}" if item["recipient"] else ""
            lines.append(
                f"{entry['path']}:{cue['line']}:{cue['column']}: {item['kind']:<12} "
                f"{cue['text']!r} <- {source!r}{recipient}{flags}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
