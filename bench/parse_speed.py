"""The default tier's two speed figures, beside the fast tier (run: python bench/parse_speed.py).

1. One 1,000-word article linted as a whole process (start-up, model load, analysis),
   median of several runs. Target for the parse tier: <= 2.0 s.
2. Words per second over PolNeAR train (``../shared/eval/polnear/train/text``, 840
   articles), one whole ``sourcelint check`` run with the default ``--jobs`` (every core;
   a single article is linted without a pool). Target for the parse tier: >= 8,000
   words/s.

Both tiers run in the same invocation so that the noisy machine affects them alike.
Pass ``--quick`` to time 100 train articles instead of all of them, ``--jobs N`` to time
the train run in N processes instead of the default.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from throughput import REPEATS, whole_process

from sourcelint.core.tiers import TIERS
from sourcelint.run.pool import available_cores

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "iran-russia-assad.txt"
TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"


def article_of(words: int) -> str:
    """The seed article repeated and cut at ``words`` words (a paragraph end nearby)."""
    seed = SEED.read_text(encoding="utf-8").split()
    return " ".join((seed * (words // len(seed) + 1))[:words]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--jobs", type=int, help="processes for the train run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(article_of(1000), encoding="utf-8")
        print(f"one 1,000-word article, whole process (median of {REPEATS}; one file: no pool):")
        for tier in TIERS:
            seconds = whole_process("check", "-q", "--exit-zero", "--pipeline", tier, str(article))
            print(f"  {tier:5}  {seconds:.2f} s")
    if not TRAIN.is_dir():
        print(f"PolNeAR train not found at {TRAIN}: skipping the throughput figure")
        return
    files = sorted(TRAIN.glob("*.txt"))[: 100 if args.quick else None]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    used = f"--jobs {args.jobs}" if args.jobs else f"default jobs: {available_cores()}, a core each"
    print(f"PolNeAR train, {len(files)} files, {words:,} words, one whole run ({used}):")
    for tier in TIERS:
        seconds = whole_process(
            "check", "-q", "--exit-zero", *jobs, "--pipeline", tier, *map(str, files), repeats=1
        )
        print(f"  {tier:5}  {words / seconds:,.0f} words/s  ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
