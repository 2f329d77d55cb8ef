"""Match phrase templates in a Doc with one spaCy PhraseMatcher.

Each distinct step (a set of alternative phrases) is one matcher key; a template match
is a chain of step matches, each starting where the one before ended. Alternatives are
never multiplied out, so a template over two 200-word lists costs 400 patterns, not
40,000. Matching ignores case, except that a pattern word written with a capital (a
proper name such as "Reuters" or "the Hill") must start with a capital in the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.templates import Step, Template, parse

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
        for template in self._templates:
            for step in template.steps:
                if step in self._step_ids:
                    continue
                step_id = self._step_ids[step] = len(self._step_ids)
                for pattern in nlp.tokenizer.pipe(step.options):
                    cased = tuple(t.i for t in pattern if any(c.isupper() for c in t.text))
                    grouped[step_id, cased].append(pattern)
        for (step_id, cased), patterns in grouped.items():
            key = f"step{step_id}:{cased}"
            self._matcher.add(key, patterns)
            self._keys[nlp.vocab.strings[key]] = (step_id, cased)

    def all_matches(self, doc: Doc) -> list[PhraseMatch]:
        """Every template match in ``doc``, overlaps included."""
        ends: _StepEnds = defaultdict(lambda: defaultdict(list))
        for key, start, end in self._matcher(doc):
            step_id, cased = self._keys[key]
            if all(doc[start + i].text[:1].isupper() for i in cased):
                ends[step_id][start].append(end)
        found: list[PhraseMatch] = []
        for template in self._templates:
            ids = [self._step_ids[step] for step in template.steps]
            for start in _candidate_starts(template, ids, ends):
                for path in _chains(template, ids, ends, 0, start, ()):
                    found.append(_match(doc, template, path))
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


def _candidate_starts(template: Template, ids: list[int], ends: _StepEnds) -> set[int]:
    """Where a match can begin: any start of the steps up to the first required one."""
    starts: set[int] = set()
    for step, step_id in zip(template.steps, ids, strict=True):
        starts.update(ends[step_id])
        if not step.optional:
            break
    return starts


def _chains(
    template: Template,
    ids: list[int],
    ends: _StepEnds,
    index: int,
    position: int,
    path: tuple[tuple[int, int], ...],
) -> Iterator[tuple[tuple[int, int], ...]]:
    """Every way to match steps ``index..`` from token ``position``; spans per step."""
    if index == len(ids):
        if any(start < end for start, end in path):
            yield path
        return
    if template.steps[index].optional:
        yield from _chains(template, ids, ends, index + 1, position, (*path, (position, position)))
    for end in ends[ids[index]].get(position, ()):
        yield from _chains(template, ids, ends, index + 1, end, (*path, (position, end)))


def _match(doc: Doc, template: Template, path: tuple[tuple[int, int], ...]) -> PhraseMatch:
    start = next(s for s, e in path if s < e)
    end = max(e for s, e in path if s < e)
    marked = [(s, e) for s, e in path[template.mark_from : template.mark_to] if s < e]
    mark_start, mark_end = (marked[0][0], marked[-1][1]) if marked else (start, end)
    last = doc[mark_end - 1]
    return PhraseMatch(start, end, doc[mark_start].idx, last.idx + len(last.text))
