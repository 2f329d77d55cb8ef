"""Time ``sourcelint check`` on one file of growing size and on hostile markup.

Run: ``python bench/scaling.py [--pipeline fast|parse] [--quick]``. Each size is one
file linted by the real CLI in a subprocess, as a user would (with ``--no-cache``). The
sizes run side by side in one invocation (the machine is noisy), and the 1M/100k ratio is
checked: linear work gives 10, and anything above 12 means a step grows faster than the
text.

The articles are generated news-like prose (attributions, quotations, anonymous sources,
paragraphs); the adversarial files mix the markup that used to hang a reader or the
tokenizer. Files stay under the 10 MiB cap (``sourcelint.core.files.MAX_FILE_BYTES``).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from throughput import sourcelint_argv

# Every file stays below the reader's cap, or it would be refused, not linted.
CAP = 10 * 1024 * 1024 - 4096
RATIO_LIMIT = 12.0

_NAMES = ["Maria Lopez", "John Okafor", "Wei Chen", "Sarah Novak", "Ahmed Haddad", "Lena Berg"]
_ROLES = ["spokeswoman", "spokesman", "minister", "senator", "mayor", "economist"]
_BODIES = ["the ministry", "the Interior Department", "the city council", "the central bank"]
_OUTLETS = ["Reuters", "The New York Times", "the Associated Press", "Politico"]
_TOPICS = [
    "the budget talks had stalled",
    "the new rules would take effect next month",
    "the inquiry was far from over",
    "prices were expected to rise again",
    "the agreement remained fragile",
    "no decision had been made on the bridge",
]
_QUOTES = [
    "We are not done yet",
    "This is a serious setback for the region",
    "Nobody saw this coming, and nobody wants to pay for it",
    "We will keep talking for as long as it takes",
]


def _sentence(rng: random.Random) -> str:
    name, role, body = rng.choice(_NAMES), rng.choice(_ROLES), rng.choice(_BODIES)
    topic, quote, outlet = rng.choice(_TOPICS), rng.choice(_QUOTES), rng.choice(_OUTLETS)
    pronoun = rng.choice(["They", "He", "She"])
    forms = [
        f"{name}, a {role} for {body}, said {topic}.",
        f"A senior official who spoke on condition of anonymity said {topic}.",
        f"According to {outlet}, {topic}.",
        f"“{quote},” {name} told {outlet} on Monday.",
        f"Two aides said {topic}. {pronoun} said the talks would resume.",
        f"People familiar with the matter said {topic}, according to {body}.",
        f"The {role} reportedly claimed that {topic}, sources said.",
        f"It is widely believed that {topic}.",
        f"Officials said privately that {topic}, but {name} denied it.",
        f"The weather in the capital was mild, and markets opened higher on {body} news.",
    ]
    return rng.choice(forms)


def news_article(words: int, seed: int = 11) -> str:
    """Plain-text news prose of about ``words`` words, in paragraphs of 3–6 sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def hostile_markdown(size: int) -> str:
    """Markdown mixing a huge table, deep list nesting, long runs of markup characters,
    crafted comments, suppression-like comments and long lines without spaces."""
    pieces = [
        "---\ntitle: A hostile file\nlint: [body]\n---\n\n# Headline, officials said\n\n",
        "| " + " | ".join(f"col{i}" for i in range(50)) + " |\n",
        "|" + "---|" * 50 + "\n",
    ]
    row = "| " + " | ".join("officials said" for _ in range(50)) + " |\n"
    pieces.append(row * 400)
    for char in "[*`<_~>":
        # Inside a line: a line of backticks or tildes alone would open a code fence.
        pieces.append("\n\nSo " + char * 200_000 + "\n\n")
    pieces.append("<!-- sourcelint: disable=SL201 -->\n" * 5_000)
    pieces.append(("x" * 50_000 + "\n") * 20)
    pieces.append(("[a](" * 20_000) + "\n\n" + ("![" * 20_000) + "\n\n")
    pieces.append("A source said *so* [he](x) `did`. " * 20_000 + "\n\n")
    # Last, so that the rest is read: deep nesting (markdown-it drops what follows its
    # nesting limit) and comments that never close (in CommonMark "--!>" closes nothing).
    tail = "\n" + "".join("  " * depth + "- item said\n" for depth in range(400))
    tail += "\n\n<!-- " + "-" * 40_000 + " --!>\n\n" + "<!--" * 10_000
    filler = "Officials said `x` *y* [z](w) <b>q</b>.\n\n"
    return _fill(pieces, size - len(tail.encode()), filler) + tail


def hostile_html(size: int) -> str:
    """HTML with many stray end tags, deep nesting, comments and long unbroken runs."""
    pieces = [
        "<!doctype html><html><head><title>Officials said</title></head><body>\n",
        "</p></div></span></li></td>" * 40_000,
        "<div>" * 20_000 + "Deep, a source said." + "</div>" * 20_000,
        "<p>" + "&amp;" * 100_000 + "</p>\n",
        "<p>" + "[" * 200_000 + "</p>\n",
        "<!-- sourcelint: disable=SL201 -->\n" * 5_000,
        "<!--" * 20_000 + "-->\n",
        "<p>" + "y" * 500_000 + "</p>\n",
        "<table>" + "<tr><td>officials said</td></tr>" * 20_000 + "</table>\n",
    ]
    return _fill(pieces, size, "<p>A senior official said <b>so</b>.</p></i></em>\n")


def _fill(pieces: list[str], size: int, filler: str) -> str:
    text = "".join(pieces)
    if len(text.encode()) < size:
        text += filler * ((size - len(text.encode())) // len(filler.encode()))
    return text.encode()[:size].decode(errors="ignore")


def cli_seconds(path: Path, pipeline: str) -> tuple[float, int]:
    """Wall time and exit code of ``sourcelint check -q PATH`` in a fresh process (no
    results cache: the files of every size are named alike, and a run may be repeated)."""
    args = sourcelint_argv("check", "-q", "--exit-zero", "--pipeline", pipeline, str(path))
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - started, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default="fast", choices=["fast", "parse"])
    parser.add_argument("--quick", action="store_true", help="sizes / 10, markup 1 MB")
    options = parser.parse_args()
    scale = 10 if options.quick else 1
    sizes = [10_000 // scale, 100_000 // scale, 1_000_000 // scale]
    cases: list[tuple[str, str, Callable[[], str]]] = [
        (f"{words:,} words", ".txt", lambda words=words: news_article(words)) for words in sizes
    ]
    markup = CAP // scale
    cases.append((f"Markdown {markup / 1e6:.1f} MB", ".md", lambda: hostile_markdown(markup)))
    cases.append((f"HTML {markup / 1e6:.1f} MB", ".html", lambda: hostile_html(markup)))
    times: dict[str, float] = {}
    print(f"sourcelint check --pipeline {options.pipeline}, one file each")
    print(f"{'input':<22}{'bytes':>12}{'seconds':>10}{'exit':>6}")
    with tempfile.TemporaryDirectory() as folder:
        # Start-up (interpreter, rules, model) is paid once per file whatever its size.
        empty = Path(folder) / "start-up.txt"
        empty.write_text("Officials said so.\n", encoding="utf-8")
        startup, code = cli_seconds(empty, options.pipeline)
        print(f"{'start-up (3 words)':<22}{empty.stat().st_size:>12,}{startup:>10.2f}{code:>6}")
        for label, suffix, make in cases:
            path = Path(folder) / f"case{suffix}"
            text = make()
            if len(text.encode()) > CAP:
                raise SystemExit(f"{label}: {len(text.encode())} bytes, over the cap")
            path.write_text(text, encoding="utf-8")
            seconds, code = cli_seconds(path, options.pipeline)
            times[label] = seconds
            print(f"{label:<22}{path.stat().st_size:>12,}{seconds:>10.2f}{code:>6}", flush=True)
    large, small = times[f"{sizes[2]:,} words"], times[f"{sizes[1]:,} words"]
    ratio = large / small
    verdict = "ok" if ratio <= RATIO_LIMIT else f"over {RATIO_LIMIT:g}"
    print(f"{sizes[2]:,}/{sizes[1]:,} words time ratio: {ratio:.2f} ({verdict})")
    if small > startup:
        print(f"the same, start-up taken off both: {(large - startup) / (small - startup):.2f}")
    return 0 if ratio <= RATIO_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
