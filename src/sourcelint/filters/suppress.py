"""Inline suppressions applied: which findings the directives a reader read cover.

The directives and their syntax are the readers' (``readers/directives.py``); here a
``disable`` … ``enable`` becomes a range, and each finding is matched to the first
directive that covers it. A directive that suppresses nothing, or names no known rule,
is reported (SL901, SL902).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sourcelint.core.document import InlineDirective
from sourcelint.core.findings import Finding

# What each kind of inline directive covers; a misspelled one is reported (SL902) and
# covers nothing.
_KINDS = {
    "disable": "range", "disable-line": "line", "disable-next-line": "line",
    "disable-file": "file", "misspelled": "line",
}  # fmt: skip


@dataclass
class Directive:
    """One suppression: the original span it was written at, and what it covers.

    A range covers findings from the end of its comment up to the matching ``enable``;
    a line directive covers one line; a file directive everything. A range that names
    no rule ends only at an ``enable`` that names none either; an ``enable`` naming rules
    ends it for those rules alone (``reenabled``).
    """

    kind: str  # "range", "line", "file"
    start: int
    end: int
    selectors: tuple[str, ...]
    reason: str | None
    line: int = 0  # for "line"
    cover_end: float = float("inf")  # for "range": where the matching enable starts
    # Where an ``enable`` names each code, in order (one mapping shared by a file's
    # directives, so many enables and many open ranges cost no more than either).
    reenabled: Mapping[str, Sequence[int]] = field(default_factory=dict)
    parent: Directive | None = None  # a range split by a partial enable continues its parent
    used: bool = False


@dataclass
class Suppression:
    """The outcome: findings kept, findings suppressed (with reasons), and problems."""

    kept: list[Finding]
    suppressed: list[tuple[Finding, str | None]] = field(default_factory=list)
    unused: list[Directive] = field(default_factory=list)
    unknown: list[tuple[Directive, str]] = field(default_factory=list)


def resolve_directives(
    inline: Sequence[InlineDirective], codes_of: Callable[[str], frozenset[str]]
) -> list[Directive]:
    """The directives a reader read, with each ``disable`` range ended at its ``enable``.

    ``codes_of`` turns a selector into rule codes, so that ``enable SL204`` closes a range
    opened with ``disable reportedly``.
    """
    directives: list[Directive] = []
    open_ranges = _OpenRanges(codes_of)
    reenabled: dict[str, list[int]] = defaultdict(list)
    for written in inline:
        if written.kind == "enable":
            directives.extend(_close(open_ranges, written, codes_of, reenabled))
            continue
        directive = Directive(
            kind=_KINDS[written.kind],
            start=written.start,
            end=written.end,
            selectors=written.selectors,
            reason=written.reason,
            line=written.line,
            reenabled=reenabled if written.kind == "disable" and not written.selectors else {},
        )
        if directive.kind == "range":
            open_ranges.add(directive)
        directives.append(directive)
    return directives


def apply(
    findings: Iterable[Finding],
    directives: list[Directive],
    matches: Callable[[str, Finding], bool],
    is_known: Callable[[str], bool],
) -> Suppression:
    """Split findings into kept and suppressed; note unused and unknown directives."""
    result = Suppression(kept=[])
    findings = list(findings)
    for finding, directive in zip(
        findings, _first_covering(findings, directives, matches), strict=True
    ):
        if directive is None:
            result.kept.append(finding)
        else:
            (directive.parent or directive).used = True
            result.suppressed.append((finding, directive.reason))
    for directive in directives:
        if directive.parent is not None:
            continue  # reported, if at all, through the directive that opened it
        bad = [s for s in directive.selectors if not is_known(s)]
        if bad:
            result.unknown.extend((directive, selector) for selector in bad)
        elif not directive.used:
            result.unused.append(directive)
    return result


def _first_covering(
    findings: list[Finding],
    directives: list[Directive],
    matches: Callable[[str, Finding], bool],
) -> list[Directive | None]:
    """For each finding, the first directive (in ``directives`` order) that covers it.

    Only the directives that can cover a finding are tried: the file ones, the line ones
    of its line, and the first open range that covers its code (a sweep over findings by
    position, with one heap of open ranges per code), so that many directives do not make
    every finding try them all. ``matches`` depends on the finding's code alone.
    """
    order = {id(directive): index for index, directive in enumerate(directives)}
    files = [d for d in directives if d.kind == "file"]
    by_line: dict[int, list[Directive]] = defaultdict(list)
    for directive in directives:
        if directive.kind == "line":
            by_line[directive.line].append(directive)
    ranges = sorted((d for d in directives if d.kind == "range"), key=lambda d: d.end)
    # One finding of each code stands for its code when asking which codes a range covers.
    samples = {finding.code: finding for finding in findings}
    open_by_code: dict[str, list[tuple[int, float, Directive]]] = defaultdict(list)
    opened = 0
    chosen: list[Directive | None] = [None] * len(findings)
    for index in sorted(range(len(findings)), key=lambda i: findings[i].start):
        finding = findings[index]
        while opened < len(ranges) and ranges[opened].end <= finding.start:
            directive = ranges[opened]
            for code, sample in samples.items():
                if _selects(directive, sample, matches):
                    entry = (order[id(directive)], _range_end(directive, code), directive)
                    heapq.heappush(open_by_code[code], entry)
            opened += 1
        heap = open_by_code.get(finding.code, [])
        while heap and heap[0][1] <= finding.start:  # closed before this finding
            heapq.heappop(heap)
        candidates = [*files, *by_line.get(finding.line, ())]
        if heap:
            candidates.append(heap[0][2])
        candidates.sort(key=lambda d: order[id(d)])
        chosen[index] = next((d for d in candidates if _covers(d, finding, matches)), None)
    return chosen


def _selects(
    directive: Directive, finding: Finding, matches: Callable[[str, Finding], bool]
) -> bool:
    """Whether ``directive`` is about ``finding``'s rule, wherever the two are."""
    return not directive.selectors or any(matches(s, finding) for s in directive.selectors)


def _range_end(directive: Directive, code: str) -> float:
    """Where a range stops covering ``code``: its ``enable``, or an earlier one naming it."""
    positions = directive.reenabled.get(code, ())
    index = bisect_left(positions, directive.end)
    return (
        min(directive.cover_end, positions[index])
        if index < len(positions)
        else directive.cover_end
    )


def _covers(
    directive: Directive, finding: Finding, matches: Callable[[str, Finding], bool]
) -> bool:
    if not _selects(directive, finding, matches):
        return False
    if directive.kind == "file":
        return True
    if directive.kind == "line":
        return finding.line == directive.line
    return directive.end <= finding.start < _range_end(directive, finding.code)


class _OpenRanges:
    """The ``disable`` ranges not yet ended, found by the codes an ``enable`` names
    instead of by a scan of every open range."""

    def __init__(self, codes_of: Callable[[str], frozenset[str]]) -> None:
        self._codes_of = codes_of
        self._next = 0
        # Open ranges by the order they opened in, with the codes they cover.
        self._open: dict[int, tuple[Directive, frozenset[str]]] = {}
        self._by_code: dict[str, set[int]] = defaultdict(set)

    def add(self, directive: Directive) -> None:
        rank, self._next = self._next, self._next + 1
        covered = frozenset().union(*(self._codes_of(s) for s in directive.selectors))
        self._open[rank] = (directive, covered)
        for code in covered:
            self._by_code[code].add(rank)

    def end(self, enabled: frozenset[str] | None) -> list[tuple[Directive, frozenset[str]]]:
        """Remove and return, in the order they opened, the ranges an enable of
        ``enabled`` codes (None: every rule) ends; ranges naming no rule stay open for
        the rules not enabled (their ``reenabled`` says which)."""
        if enabled is None:
            ranks = set(self._open)
        else:
            ranks = set().union(*(self._by_code.get(code, ()) for code in enabled))
        ended = []
        for rank in sorted(ranks):
            directive, covered = self._open.pop(rank)
            for code in covered:
                self._by_code[code].discard(rank)
            ended.append((directive, covered))
        return ended


def _close(
    open_ranges: _OpenRanges,
    enable: InlineDirective,
    codes_of: Callable[[str], frozenset[str]],
    reenabled: dict[str, list[int]],
) -> list[Directive]:
    """Close the ranges an ``enable`` ends; return ranges that go on for other codes."""
    selectors = enable.selectors
    enabled = frozenset().union(*(codes_of(s) for s in selectors)) if selectors else None
    for code in enabled or ():
        reenabled[code].append(enable.start)
    continued: list[Directive] = []
    for directive, covered in open_ranges.end(enabled):
        directive.cover_end = enable.start
        remaining = covered - enabled if enabled is not None else frozenset()
        if remaining:
            rest = Directive(
                kind="range",
                start=enable.start,
                end=enable.end,
                selectors=tuple(sorted(remaining)),
                reason=directive.reason,
                parent=directive.parent or directive,
            )
            open_ranges.add(rest)
            continued.append(rest)
    return continued
