"""What each sourcelint command imports before it does its work, and how long it starts.

Run: ``python bench/startup.py [--repeats 5] [ARTICLE]``. Every command runs once under
``python -X importtime`` (the modules it imported, their total import time, whether spaCy
was among them, and the five slowest top-level packages) and ``--repeats`` times without
it, as a whole process (the median wall time). ``ARTICLE`` is the file ``check`` lints
(default: the seed article in ``examples/``). ``--version``, ``rules``, ``explain`` and
``clean`` must never import spaCy; ``check`` imports it only in the processes that
analyse.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from throughput import sourcelint_argv, whole_process

SEED = Path(__file__).resolve().parents[1] / "examples" / "iran-russia-assad.txt"
HEAVY = ("spacy", "thinc", "numpy", "textstat")


def commands(article: str, cache: str) -> list[tuple[str, list[str]]]:
    check = ["check", "--exit-zero", "-q", article]
    return [
        ("--version", ["--version"]),
        ("rules", ["rules"]),
        ("explain SL101", ["explain", "SL101"]),
        ("clean", ["clean", "--cache-dir", cache]),
        ("check, fast", [*check, "--pipeline", "fast"]),
        ("check, parse", [*check, "--pipeline", "parse"]),
    ]


def imports(argv: list[str]) -> tuple[int, float, Counter[str]]:
    """Modules imported by ``sourcelint ARGV``, their total time (s) and time per package."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *sourcelint_argv(*argv)],
        capture_output=True,
        text=True,
        check=False,
    )
    packages: Counter[str] = Counter()
    count = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        if not cumulative.strip().isdigit():
            continue  # the header line
        count += 1
        if not name[1:].startswith(" "):  # top of its import chain: nested names are indented
            packages[name.strip().split(".")[0]] += int(cumulative) / 1e6
    return count, sum(packages.values()), packages


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(SEED), help="the file check lints")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        print(f"{'command':<16} {'wall s':>7} {'modules':>8} {'import s':>9}  heavy  slowest")
        for name, command in commands(args.article, str(Path(scratch, "cache"))):
            count, total, packages = imports(command)
            heavy = ",".join(p for p in HEAVY if p in packages) or "-"
            slowest = ", ".join(f"{p} {s:.2f}" for p, s in packages.most_common(5))
            seconds = whole_process(*command, repeats=args.repeats)
            print(f"{name:<16} {seconds:7.2f} {count:8d} {total:9.2f}  {heavy:<5}  {slowest}")


if __name__ == "__main__":
    main()
