"""Write the hostile-input corpus: files that once crashed, hung or lost words.

Generated, not checked in: the cases are large, binary or special (FIFOs, symlink
loops, names no editor would make). Each lintable case ends with SENTINEL, so a test
can prove that no word after the hostile part was lost.

    python tests/hostile/generate.py DIRECTORY
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Every lintable case ends with this paragraph: SL102 must be found on its line.
SENTINEL = "A senior official said the plan had failed."
# Invisible characters that must never change what is found.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a\u202c\u202e\u2066\u2069"
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One file of the corpus and what linting it must give."""

    name: str
    # Written into the file; None for the special files that ``make`` creates.
    text: str | bytes | None
    # None: linted, SENTINEL found. Otherwise the error the file must be reported with.
    error: str | None = None
    make: Callable[[Path], None] | None = None


def _ends(text: str) -> str:
    return f"{text}\n\n{SENTINEL}\n"


def _mkfifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _markup() -> list[Case]:
    """Markdown, HTML and plain text that were quadratic, exponential or lost words."""
    return [
        Case("long-run-brackets.md", _ends("[" * 25_000)),
        Case("long-run-stars.md", _ends("*" * 25_000 + "a" + "_" * 25_000)),
        Case("long-line.txt", _ends("x" * 400_000)),
        Case("long-url.md", _ends("https://example.com/" + "a/" * 100_000)),
        Case("suppression-comment.md", _ends("<!-- sourcelint-disable" + " " * 40_000 + "x -->")),
        Case(
            "many-directives.md",
            _ends("<!-- sourcelint-disable-next-line SL305 -->\nOfficials said it.\n\n" * 4_000),
        ),
        Case("line-marker-codes.txt", _ends("Text. # sourcelint: disable=" + "a," * 40_000 + "!")),
        Case("line-marker-spaces.txt", _ends("Text. # sourcelint: disable=x" + " " * 40_000 + "!")),
        Case(
            "front-matter-yaml.md",
            "---\ntitle:" + " " * 40_000 + "x\nkey" + " " * 40_000 + "\n---\n\n" + SENTINEL + "\n",
        ),
        Case(
            "front-matter-toml.md",
            "+++\na" + " " * 40_000 + "= 1\nb =" + " " * 40_000 + "\n+++\n\n" + SENTINEL + "\n",
        ),
        Case("table.md", _ends("| a | b |\n|---|---|\n" + "| cell | cell |\n" * 60_000)),
        Case("deep-list.md", _ends("".join("  " * depth + "- item\n" for depth in range(60)))),
        Case("deep-quote.md", _ends(">" * 5_000 + " quoted")),
        Case("deep-emphasis.md", _ends("*a " * 5_000 + "b" + " a*" * 5_000)),
        Case("character-reference.md", _ends("Officials reportedl&#121; said it.")),
        Case(
            "invisible.md",
            _ends("".join(f"{c}Officials said it. " for c in INVISIBLE)).replace(
                SENTINEL, "A senior off\u200bicial said the plan had fail\u00aded."
            ),
        ),
        Case("control-characters.md", _ends("\x1b]0;owned\x07\x1b[2J\x1b[31mred\x9b text\r")),
        Case("comment-abrupt.html", f"<p>One.</p><!--><p>{SENTINEL}</p>\n"),
        Case("comment-abrupt-dash.html", f"<p>One.</p><!---><p>{SENTINEL}</p>\n"),
        Case("comment-bang.html", f"<p>One.</p><!-- x --!><p>{SENTINEL}</p>\n"),
        Case("stray-end-tags.html", "<div>" * 2_000 + "</span>" * 60_000 + f"<p>{SENTINEL}</p>\n"),
        Case("deep-html.html", "<div>" * 20_000 + f"<p>{SENTINEL}</p>" + "</div>" * 20_000),
    ]


def _names() -> list[Case]:
    """File names that must be shown, not executed, in every output format."""
    return [
        Case("::error file=x.md,line=1::injected%0A::warning::again.md", _ends("Fine.")),
        Case("escape-\x1b[31mred\x1b]0;title\x07.md", _ends("Fine.")),
        Case(os.fsdecode(b"caf\xe9-latin1-name.md"), _ends("Fine.")),
        Case("line\nbreak.md", _ends("Fine.")),
    ]


def _refused() -> list[Case]:
    """Files that cannot be linted: each is reported by name, the others still linted."""
    big = ("word " * (MAX_FILE_BYTES // 5 + 1)).encode()
    return [
        Case("fifo.md", None, "is not a regular file", _mkfifo),
        Case("loop.md", None, "cannot read: Too many levels of symbolic links", _loop),
        Case("binary.md", b"text\x00\x01\x02", "binary"),
        Case("utf16.md", "text".encode("utf-16"), "UTF-16"),
        Case("latin1.md", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        Case("huge.md", big, "over the 10,485,760-byte limit"),
    ]


def cases() -> list[Case]:
    """Every case of the corpus."""
    return [*_markup(), *_names(), *_refused()]


def generate(directory: Path) -> list[Case]:
    """Write the corpus into ``directory`` (created); return its cases."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "self").symlink_to(".")  # a directory loop: never walked
    written = []
    for case in cases():
        path = directory / case.name
        if case.make is not None:
            if case.make is _mkfifo and not hasattr(os, "mkfifo"):
                continue
            case.make(path)
        elif isinstance(case.text, bytes):
            path.write_bytes(case.text)
        else:
            path.write_text(case.text or "", encoding="utf-8", newline="")
        written.append(case)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    made = generate(Path(sys.argv[1]))
    print(f"wrote {len(made)} cases to {sys.argv[1]}")
