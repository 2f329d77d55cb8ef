"""``sourcelint explain``: one rule's standard, examples and fix."""

from __future__ import annotations

from typing import Annotated

import typer

from sourcelint.cli.options import EXIT_ERROR, ListFormat, registry_or_exit


def explain(
    rule: Annotated[str, typer.Argument(help="A rule code or name, e.g. SL102 or reportedly.")],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
) -> None:
    """Explain a rule: what it flags, why, examples, and how to fix it."""
    from sourcelint.formats.explain import render_explanation

    found = registry_or_exit().get(rule)
    if found is None:
        typer.echo(f"error: no rule named {rule!r}; see `sourcelint rules`", err=True)
        raise typer.Exit(EXIT_ERROR)
    typer.echo(render_explanation(found.meta, output_format.value), nl=False)
