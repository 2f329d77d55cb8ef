"""What the command line asks of a run, on top of each file's configuration."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sourcelint.config import Settings
from sourcelint.core.findings import Severity

STDIN = "-"
DEFAULT_FAIL_ON = Severity.WARNING


@dataclass
class CliOptions:
    """What the command line says, on top of each file's configuration."""

    paths: list[str]
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    pipeline: str | None = None
    config: Path | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    quiet: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    # Report only findings not recorded in this baseline file.
    baseline: Path | None = None
    # Record today's findings in this baseline file (and report none).
    write_baseline: Path | None = None
    # Processes to lint in; None: the config's ``jobs``, else every core when it pays.
    jobs: int | None = None
    # Keep each article as its reader sees it, for a format that shows it (HTML).
    reading_view: bool = False
    # --no-cache: analyse every file and keep nothing (``run/cache_location.py``).
    no_cache: bool = False
    # --cache-dir: where results are kept between runs; None: the environment's, the
    # config's or the default.
    cache_dir: Path | None = None

    def apply(self, settings: Settings) -> Settings:
        """The file's settings with the command line's choices laid over them."""
        return replace(
            settings,
            select=tuple(self.select) if self.select is not None else settings.select,
            extend_select=(*settings.extend_select, *self.extend_select),
            ignore=(*settings.ignore, *self.ignore),
            pipeline=self.pipeline or settings.pipeline,
            fail_on=Severity(self.fail_on) if self.fail_on else settings.fail_on,
        )
