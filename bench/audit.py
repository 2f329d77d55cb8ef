"""Print ``sourcelint audit``'s throughput in articles/s for 1 and 2 workers on both
engines, side by side in one run over one generated archive (run: python bench/audit.py).

Each row is a whole ``sourcelint audit`` process (start-up, model load, merge and report
included) over the same archive, written by ``bench/archive.py`` from its templates; the
median of ``--repeats`` runs. A Dask row starts its ``LocalCluster`` inside the run, so its
start-up (some seconds) is in the figure; on a long-running cluster it is paid once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from archive import write_jsonl
from throughput import sourcelint_argv

CONFIGURATIONS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2))


def timed(archive: Path, out: Path, engine: str, workers: int, pipeline: str) -> float:
    """Seconds of one whole audit."""
    argv = sourcelint_argv(
        "audit", str(archive), "--out", str(out), "--engine", engine, "-j", str(workers),
        "--pipeline", pipeline,
    )  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{engine} x{workers} failed: {done.stderr.decode(errors='replace')[-800:]}")
    return took


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the archive")
    parser.add_argument("--pipeline", default="fast", help="fast or parse")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch, "archive.jsonl")
        write_jsonl(archive, args.articles, seed=0)
        words = sum(
            len(json.loads(line)["text"].split()) for line in archive.open(encoding="utf-8")
        )
        print(f"{args.articles:,} generated articles ({words:,} words), --pipeline {args.pipeline}")
        print(f"{'engine':<8} {'workers':>7} {'seconds':>8} {'articles/s':>11}")
        for engine, workers in CONFIGURATIONS:
            times = [
                timed(archive, Path(scratch, f"out-{engine}-{workers}-{n}"), engine, workers,
                      args.pipeline)
                for n in range(args.repeats)
            ]  # fmt: skip
            median = statistics.median(times)
            print(f"{engine:<8} {workers:>7} {median:8.2f} {args.articles / median:11,.1f}")


if __name__ == "__main__":
    main()
