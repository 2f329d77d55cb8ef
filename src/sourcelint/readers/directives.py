"""Inline suppressions read as data: ``<!-- sourcelint-disable … -->`` comments and, in
plain text, line markers (``sourcelint: disable=SL204 -- reason``).

Directives (codes or rule names; none means every rule; an optional reason after ``--``):

- ``sourcelint-disable SL102 SL204 -- reason`` … ``sourcelint-enable [codes]``: a range;
- ``sourcelint-disable-line SL201``: the line the comment starts on (after the text);
- ``sourcelint-disable-next-line SL201``: the next line holding text;
- ``sourcelint-disable-file``: the whole file;
- in plain text, a line marker at the end of a line: that line (``[readers] line-marker``).

What they suppress is the filters' business (``filters/suppress.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from sourcelint.core.document import Comment, InlineDirective
from sourcelint.core.positions import LineIndex
from sourcelint.readers.line_markers import line_markers

_COMMENT_DIRECTIVE = re.compile(
    r"^\s*sourcelint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])(?P<rest>.*)$",
    re.S,
)
# A comment that means to be a directive but names no kind of one: "sourcelint-disabel".
_MISSPELLED = re.compile(r"^\s*(sourcelint-[\w-]*)")


def read_directives(
    text: str, comments: Sequence[Comment], line_marker: str | None
) -> tuple[InlineDirective, ...]:
    """The directives of markup ``comments``, in order, then those of the line markers
    (plain text: ``line_marker`` given)."""
    markers = list(line_markers(text, line_marker)) if line_marker else []
    if not markers and not any(_MISSPELLED.match(comment.body) for comment in comments):
        return ()
    lines = LineIndex(text)
    directives = list(_from_comments(comments, lines))
    for marker in markers:
        selectors, _ = _selectors_and_reason(marker.codes)
        line = lines.position(marker.start)[0]
        written = InlineDirective(
            "disable-line", marker.start, marker.end, selectors, marker.reason, line
        )
        directives.append(written)
    return tuple(directives)


def _from_comments(comments: Sequence[Comment], lines: LineIndex) -> Iterator[InlineDirective]:
    directive_lines = {
        number
        for comment in comments
        if _COMMENT_DIRECTIVE.match(comment.body)
        for number in range(lines.position(comment.start)[0], lines.position(comment.end)[0] + 1)
    }
    text_line_after = _text_line_after(lines, directive_lines)
    for comment in comments:
        match = _COMMENT_DIRECTIVE.match(comment.body)
        if match is None:
            misspelled = _MISSPELLED.match(comment.body)
            if misspelled is not None:
                selectors = (misspelled[1],)
                yield InlineDirective("misspelled", comment.start, comment.end, selectors, None)
            continue
        selectors, reason = _selectors_and_reason(match["rest"])
        kind = match["kind"]
        line = 0
        if kind == "disable-line":
            line = lines.position(comment.start)[0]
        elif kind == "disable-next-line":
            # Counted from the comment's last line, past blank lines and other directives.
            line = text_line_after(lines.position(comment.end)[0])
        yield InlineDirective(kind, comment.start, comment.end, selectors, reason, line)


def _selectors_and_reason(rest: str) -> tuple[tuple[str, ...], str | None]:
    body, _, reason = rest.partition("--")
    selectors = tuple(part for part in re.split(r"[\s,]+", body.strip()) if part)
    return selectors, (reason.strip() or None)


def _text_line_after(lines: LineIndex, directive_lines: set[int]) -> Callable[[int], int]:
    """The first line after a given one that holds text and no directive.

    Each line skipped remembers where its search ended, so that many directives in a
    row, or before one long blank stretch, are not scanned again for each directive.
    """
    found_from: dict[int, int] = {}
    count = len(lines.starts)

    def skipped(number: int) -> bool:
        return number in directive_lines or not lines.line_text(number).strip()

    def after(line: int) -> int:
        following = line + 1
        passed = []
        while following <= count and skipped(following):
            if following in found_from:
                following = found_from[following]
                break
            passed.append(following)
            following += 1
        found_from.update(dict.fromkeys(passed, following))
        return following

    return after
