"""Print start-up and throughput numbers for sourcelint (run: python bench/throughput.py).

Whole-process times use the installed console script (``check`` with ``--no-cache``);
throughput lints the examples, repeated into a larger article, in one process.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "iran-russia-assad.txt"
REPEATS = 5


def sourcelint_argv(*args: str) -> list[str]:
    """The console script with ``args``; ``check`` always with ``--no-cache``: a bench
    times analysis, and a results cache an earlier run left would answer without it."""
    command = shutil.which("sourcelint") or str(Path(sys.executable).with_name("sourcelint"))
    if args[:1] == ("check",):
        args = ("check", "--no-cache", *args[1:])
    return [command, *args]


def whole_process(*args: str, repeats: int = REPEATS) -> float:
    """Median seconds of ``sourcelint ARGS`` as a whole process."""
    argv = sourcelint_argv(*args)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def throughput(tier: str, copies: int = 200) -> tuple[int, float]:
    from sourcelint.checks.registry import load_registry
    from sourcelint.engine import Engine

    registry = load_registry()
    engine = Engine(registry)
    engine.lint_text("Warm up.", registry.rules, tier=tier)
    text = "\n\n".join([SEED.read_text(encoding="utf-8")] * copies)
    started = time.perf_counter()
    engine.lint_text(text, registry.rules, tier=tier)
    return len(text.split()), time.perf_counter() - started


def main() -> None:
    words = len(SEED.read_text(encoding="utf-8").split())
    version_time = whole_process("--version")
    print(f"sourcelint --version            {version_time:.3f} s (median of {REPEATS})")
    print(f"sourcelint rules                {whole_process('rules'):.3f} s")
    from sourcelint.core.tiers import TIERS

    for tier in TIERS:
        seed_time = whole_process("check", "-q", "--pipeline", tier, str(SEED))
        print(f"sourcelint check seed ({words} words), {tier:5} {seed_time:.3f} s")
    for tier in TIERS:
        count, seconds = throughput(tier)
        rate = f"{count / seconds:,.0f} words/s ({count:,} words)"
        print(f"in-process {tier:5} tier            {rate}")


if __name__ == "__main__":
    main()
