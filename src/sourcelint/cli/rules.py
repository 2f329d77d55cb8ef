"""``sourcelint rules``: every rule, as a table, JSON or the Markdown reference."""

from __future__ import annotations

from typing import Annotated

import typer

from sourcelint.cli.options import RulesFormat, registry_or_exit


def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, name, category, default severity and summary.

    ``--format markdown`` writes the rule reference kept in docs/rules.md.
    """
    from sourcelint.formats.explain import render_rule_list

    typer.echo(render_rule_list(registry_or_exit(), output_format.value), nl=False)
