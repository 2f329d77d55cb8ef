"""Match phrase templates in a Doc with one spaCy PhraseMatcher.

Each distinct step (a set of alternative phrases) is one matcher key; a template match
is a chain of step matches, each starting where the one before ended. Alternatives are
never multiplied out, so a template over two 200-word lists costs 400 patterns, not
40,000. Matching ignores case, except that a pattern word written with a capital (a
proper name such as "Reuters" or "the Hill") must start with a capital in the text.

Each phrase set runs its own matcher. One matcher shared by the 14 sets of the fast tier
and its rules, run once per Doc, was measured and was slower (phrase matching over
PolNeAR train folds 0-3, two rounds: 1.50 s against 1.07 s, 2.26 s against 1.98 s): the
matcher's pass is C, while handing each set its own matches back is a Python loop over
all of them. What pays is matching fewer templates (``_Chain.anchors``).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.templates import Step, Template, parse
from sourcelint.analysis.token_table import token_table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# For each step: token index -> the token indices where a match of that step ends.
_StepEnds = dict[int, dict[int, list[int]]]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A template match: its token span and the character span of its marked part."""

    start: int
    end: int
    mark_start: int
    mark_end: int


class PhraseSet:
    """Templates compiled for one tokenizer."""

    def __init__(
        self,
        nlp: Language,
        templates: Iterable[str],
        lexicon: Callable[[str], tuple[str, ...]],
    ) -> None:
        from spacy.matcher import PhraseMatcher

        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._templates = [parse(template, lexicon) for template in templates]
        self._step_ids: dict[Step, int] = {}
        # matcher key -> (step id, indices of pattern tokens that must be capitalized)
        self._keys: dict[int, tuple[int, tuple[int, ...]]] = {}
        grouped: dict[tuple[int, tuple[int, ...]], list[Doc]] = defaultdict(list)
        longest: list[int] = []  # per step id: its longest option, in tokens
        for template in self._templates:
            for step in template.steps:
                if step in self._step_ids:
                    continue
                step_id = self._step_ids[step] = len(self._step_ids)
                longest.append(0)
                for pattern in nlp.tokenizer.pipe(step.options):
                    cased = tuple(t.i for t in pattern if any(c.isupper() for c in t.text))
                    grouped[step_id, cased].append(pattern)
                    longest[step_id] = max(longest[step_id], len(pattern))
        self._chains = [
            _Chain.of(template, self._step_ids, longest) for template in self._templates
        ]
        for (step_id, cased), patterns in grouped.items():
            key = f"step{step_id}:{cased}"
            self._matcher.add(key, patterns)
            self._keys[nlp.vocab.strings[key]] = (step_id, cased)

    def all_matches(self, doc: Doc) -> list[PhraseMatch]:
        """Every template match in ``doc``, overlaps included (each once per template)."""
        ends: _StepEnds = defaultdict(lambda: defaultdict(list))
        texts = token_table(doc).text
        for key, start, end in self._matcher(doc):
            step_id, cased = self._keys[key]
            if not cased or all(texts[start + i][:1].isupper() for i in cased):
                ends[step_id][start].append(end)
        found: list[PhraseMatch] = []
        for chain in self._chains:
            anchors = chain.anchors(ends)
            if anchors is None:
                continue  # a step it needs matched nowhere: most templates, most Docs
            template, ids = chain.template, chain.ids
            for start in _candidate_starts(template, ids, ends):
                if anchors and not _anchored(anchors, start, start + chain.longest):
                    continue  # its rarest needed step is too far: most candidate starts
                # Two ways through may report alike when the marked steps are skipped.
                found.extend(dict.fromkeys(_template_matches(doc, template, ids, ends, start)))
        return found

    def find(self, doc: Doc) -> list[PhraseMatch]:
        """Matches in ``doc``; of overlapping matches the longest (then first) wins."""
        found = sorted(set(self.all_matches(doc)), key=lambda m: (m.start - m.end, m.start))
        taken: set[int] = set()
        kept = []
        for match in found:
            if taken.isdisjoint(range(match.start, match.end)):
                kept.append(match)
                taken.update(range(match.start, match.end))
        return sorted(kept, key=lambda match: match.start)


@dataclass(frozen=True, slots=True)
class _Chain:
    """A template as step ids: the steps a match cannot skip, and its longest match."""

    template: Template
    ids: list[int]
    required: list[int]
    longest: int  # tokens

    @classmethod
    def of(cls, template: Template, step_ids: dict[Step, int], longest: list[int]) -> _Chain:
        ids = [step_ids[step] for step in template.steps]
        required = [step_ids[step] for step in template.steps if not step.optional]
        return cls(template, ids, required, sum(longest[step_id] for step_id in ids))

    def anchors(self, ends: _StepEnds) -> list[int] | None:
        """Where the needed step matched least often starts, sorted; None when a needed
        step matched nowhere (no match can exist); empty when every step is optional."""
        found = [ends.get(step_id) for step_id in self.required]
        if not all(found):
            return None
        return sorted(min(found, key=len)) if found else []


def _anchored(anchors: list[int], start: int, stop: int) -> bool:
    """An anchor at ``start <= anchor < stop``: a match from ``start`` must hold one."""
    index = bisect_left(anchors, start)
    return index < len(anchors) and anchors[index] < stop


def _candidate_starts(template: Template, ids: list[int], ends: _StepEnds) -> set[int]:
    """Where a match can begin: any start of the steps up to the first required one."""
    starts: set[int] = set()
    for step, step_id in zip(template.steps, ids, strict=True):
        starts.update(ends[step_id])
        if not step.optional:
            break
    return starts


def _template_matches(
    doc: Doc, template: Template, ids: list[int], ends: _StepEnds, start: int
) -> Iterator[PhraseMatch]:
    """The matches of ``template`` from token ``start`` (one may come twice when its
    marked steps can all be skipped at two places).

    A match is fixed by four positions: its start, where the marked steps begin and end,
    and its end (skipped steps do not move). Each is reached step by step as a set, not
    path by path, so optional steps cost a factor each, never a doubling: 30 optional
    steps that all match the same words used to mean 2**30 paths.
    """
    reach = functools.partial(_reach, template, ids, ends)
    middle: dict[int, list[int]] = {}
    tail: dict[int, list[int]] = {}
    for mark_start in reach(0, template.mark_from, start):
        if mark_start not in middle:
            middle[mark_start] = reach(template.mark_from, template.mark_to, mark_start)
        for mark_end in middle[mark_start]:
            if mark_end not in tail:
                tail[mark_end] = reach(template.mark_to, len(ids), mark_end)
            for end in tail[mark_end]:
                if end > start:  # something matched: every phrase has a word
                    yield _match(doc, start, end, mark_start, mark_end)


def _reach(
    template: Template, ids: list[int], ends: _StepEnds, first: int, last: int, position: int
) -> list[int]:
    """Where steps ``first..last-1`` can end when matched from token ``position``.

    Each position once, in the order a depth-first search (skip an optional step first,
    then each of its matches) would first reach it, so matches keep their old order.
    """
    current = [position]
    for index in range(first, last):
        step_ends = ends[ids[index]]
        optional = template.steps[index].optional
        following: dict[int, None] = {}
        for at in current:
            if optional:
                following.setdefault(at)
            for end in step_ends.get(at, ()):
                following.setdefault(end)
        current = list(following)
    return current


def _match(doc: Doc, start: int, end: int, mark_start: int, mark_end: int) -> PhraseMatch:
    if mark_start == mark_end:  # the marked steps were all skipped: report the whole match
        mark_start, mark_end = start, end
    last = doc[mark_end - 1]
    return PhraseMatch(start, end, doc[mark_start].idx, last.idx + len(last.text))
