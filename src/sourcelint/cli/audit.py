"""``sourcelint audit``: how an archive sources its stories, per outlet, author and month."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sourcelint.cli.options import ConfigFile, flag, jobs_option, pipeline_option
from sourcelint.core.exits import EXIT_ERROR

FIELDS_HELP = (
    "Which record field holds what, as NAME=FIELD: text, id, outlet, author, date, url "
    "(each by its own name unless given)."
)


def audit(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Archives: folders of articles, JSON Lines (.jsonl, .ndjson) and Parquet "
            "files, one article a record.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder for the results (new or empty).",
            show_default=False,
        ),
    ],
    field: Annotated[
        list[str] | None,
        typer.Option("--field", metavar="NAME=FIELD", help=FIELDS_HELP, show_default="none"),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            metavar="[local|dask]", help="local: a process pool here; dask: a Dask cluster."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="A running Dask scheduler (tcp://host:8786); without it, --engine dask "
            "starts a local cluster.",
            show_default="a local cluster",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        jobs_option("Processes (local) or workers of a local Dask cluster.", "every core"),
    ] = None,
    resume: Annotated[
        bool, flag("--resume", help="Continue an interrupted audit in --out where it stopped.")
    ] = False,
    max_article_bytes: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="BYTES",
            help="Longer articles are listed in errors.jsonl.",
            show_default="1 MiB",
        ),
    ] = None,
    pipeline: Annotated[str | None, pipeline_option()] = None,
    config: ConfigFile = None,
) -> None:
    """Audit an archive: a row per article, sums per outlet, author and month, and a
    report (report.html); broken records are listed in errors.jsonl."""
    from sourcelint.audit.engines import ENGINES
    from sourcelint.audit.inputs import Fields
    from sourcelint.audit.runner import AuditRequest, run_audit
    from sourcelint.core.errors import SourcelintError
    from sourcelint.core.files import MAX_ARTICLE_BYTES
    from sourcelint.run.pool import available_cores

    try:
        try:
            fields = Fields.parse(field or [])
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--field") from None
        if engine not in ENGINES:
            raise typer.BadParameter(
                f"{engine!r}: use one of {', '.join(ENGINES)}", param_hint="--engine"
            )
        request = AuditRequest(
            inputs=tuple(inputs),
            out=out,
            fields=fields,
            pipeline=pipeline,
            config=config,
            engine=engine,
            scheduler=scheduler,
            processes=jobs or available_cores(),
            resume=resume,
            max_article_bytes=max_article_bytes or MAX_ARTICLE_BYTES,
        )
        counts = run_audit(request)
    except SourcelintError as error:
        typer.echo(error.render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(
        f"Audited {counts['articles']:,} articles into {out}; "
        f"{counts['errors']:,} records refused (errors.jsonl)",
        err=True,
    )
