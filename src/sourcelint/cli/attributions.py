"""``sourcelint attributions``: the sourcing model of files, as text or JSON.

Files are found, read and analysed as ``check`` finds, reads and lints them: the same
discovery, configuration (``--config``, ``own-outlet``, ``[readers]``), readers and tier.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sourcelint.cli.options import ConfigFile, ListFormat, pipeline_option
from sourcelint.core.crash import internal_error, report
from sourcelint.core.errors import SourcelintError
from sourcelint.core.exits import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    # Imported when the command runs: the other commands, and --version, start without.
    from sourcelint.config.discovery import Collected
    from sourcelint.run.drafts import Linter

ATTRIBUTIONS_VERSION = 1


def describe_file(linter: Linter, path: Path) -> dict[str, object]:
    """Every attribution of one file, each span placed in the original text."""
    from sourcelint.core.files import read_text

    display = os.fsdecode(path)
    result = linter.lint_file(path, read_text(path, display), display)
    assert result.view is not None, "Linter keeps the reading view"
    return {"path": display, "attributions": list(result.view.attributions)}


def describe(
    paths: Sequence[Path], linter: Linter
) -> tuple[list[dict[str, object]], Collected, list[SourcelintError]]:
    """Each file's attributions; what the paths expanded to; the errors, file by file
    (a bug in sourcelint is one file's error, the others are still described)."""
    from sourcelint.config.discovery import collect_targets

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
    import json

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


def attributions(
    paths: Annotated[list[Path], typer.Argument(help="Files and directories to analyse.")],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    pipeline: Annotated[str | None, pipeline_option()] = None,
    config: ConfigFile = None,
) -> None:
    """Show the sourcing model: every attribution, its cue, source and kind of source.

    Files are found and read as ``check`` finds and reads them (readers, configuration).
    """
    from sourcelint.run.check import say_skipped
    from sourcelint.run.drafts import Linter

    files, collected, errors = describe(paths, Linter(config, pipeline=pipeline))
    say_skipped(collected)
    for error in errors:
        report(error)
    typer.echo(render(files, output_format.value), nl=False)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
