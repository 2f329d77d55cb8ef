"""``sourcelint attributions``: the sourcing model of files, as text or JSON.

Files are found, read and analysed as ``check`` finds, reads and lints them: the same
discovery, configuration (``--config``, ``own-outlet``, ``[readers]``), readers and tier.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from sourcelint.config.discovery import Collected, collect_targets
from sourcelint.core.crash import internal_error
from sourcelint.core.errors import SourcelintError
from sourcelint.core.files import read_text
from sourcelint.run.drafts import DraftLinter
from sourcelint.run.options import CliOptions

ATTRIBUTIONS_VERSION = 1


def describe_file(linter: DraftLinter, path: Path) -> dict[str, object]:
    """Every attribution of one file, each span placed in the original text."""
    display = os.fsdecode(path)
    result = linter.lint(path, read_text(path, display), display)
    assert result.view is not None, "DraftLinter keeps the reading view"
    return {"path": display, "attributions": list(result.view.attributions)}


def describe(
    paths: Sequence[Path], options: CliOptions
) -> tuple[list[dict[str, object]], Collected, list[SourcelintError]]:
    """Each file's attributions; what the paths expanded to; the errors, file by file
    (a bug in sourcelint is one file's error, the others are still described)."""
    linter = DraftLinter(options)
    collected = collect_targets(list(paths), linter.resolver)
    files, errors = [], list(collected.errors)
    for target in collected.targets:
        try:
            files.append(describe_file(linter, target.path))
        except SourcelintError as error:
            errors.append(error)
        except Exception as error:
            errors.append(internal_error(error, target.path))
    return files, collected, errors


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
