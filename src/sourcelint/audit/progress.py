"""How far an audit is: a ``rich`` bar with rate and time left on a terminal, plain
periodic lines elsewhere (CI logs keep every line a bar would redraw)."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

# Seconds between plain progress lines.
PLAIN_EVERY = 10.0


class AuditProgress:
    """Articles done out of ``total`` (None: not known ahead)."""

    def __init__(self, total: int | None, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.done = 0
        self._started = time.monotonic()
        self._said = self._started
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> AuditProgress:
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("auditing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} articles/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                # Redrawn per chunk, by this thread: no refresh thread alive when a pool forks.
                auto_refresh=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("audit", total=self.total, rate="-")
        return self

    def advance(self, articles: int) -> None:
        self.done += articles
        now = time.monotonic()
        rate = self.done / max(now - self._started, 1e-9)
        if self._bar is not None:
            self._bar.update(self._task, advance=articles, rate=f"{rate:,.0f}")
            self._bar.refresh()
        elif now - self._said >= PLAIN_EVERY:
            self._said = now
            self.stream.write(self._line(rate) + "\n")
            self.stream.flush()

    def _line(self, rate: float) -> str:
        if not self.total:
            return f"audit: {self.done:,} articles, {rate:,.0f}/s"
        left = (self.total - self.done) / rate if rate else 0.0
        share = self.done / self.total
        return (
            f"audit: {self.done:,}/{self.total:,} articles ({share:.0%}), "
            f"{rate:,.0f}/s, ETA {left:,.0f} s"
        )

    def __exit__(self, kind: object, *exc: object) -> None:
        if self._bar is not None:
            if kind is None:  # the total was counted ahead, cheaply (blank lines too)
                self._bar.update(self._task, total=self.done)
                self._bar.refresh()
            self._bar.__exit__(kind, *exc)
