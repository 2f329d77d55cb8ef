"""``sourcelint explain``: a rule's standard, examples and fix, or an error code's causes."""

from __future__ import annotations

from typing import Annotated

import typer

from sourcelint.cli.options import ListFormat, registry_or_exit
from sourcelint.core.exits import EXIT_ERROR


def explain(
    rule: Annotated[
        str,
        typer.Argument(
            help="A rule code or name, e.g. SL102 or reportedly; or an error code, e.g. E101."
        ),
    ],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
) -> None:
    """Explain a rule or an error code (E101): why, with examples, and how to fix it.

    A rule: what it flags, why (the standard), flagged and near-miss examples. An error
    code: what causes it and the messages it covers.
    """
    from sourcelint.core.error_codes import ERROR_CODES, error_code
    from sourcelint.core.errors import ConfigError
    from sourcelint.formats.explain import render_explanation

    # Error codes first: they need no rule packs or config, which may be what is broken.
    entry = error_code(rule)
    if entry is not None:
        typer.echo(render_explanation(entry, output_format.value), nl=False)
        return
    found = registry_or_exit().get(rule)
    if found is None:
        codes = ", ".join(known.code for known in ERROR_CODES)
        error = ConfigError(
            f"no rule or error code named {rule!r}; see `sourcelint rules` for the rules; "
            f"the error codes are {codes}",
            key="RULE",
        )
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR)
    typer.echo(render_explanation(found.meta, output_format.value), nl=False)
