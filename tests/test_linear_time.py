"""Hostile input (issue 11): the analysis does work in proportion to the text.

No test here times anything. Each counts work instead (what the tokenizer is handed,
how often the matcher builds a match, Python calls made while linting), or compares
results, or, where only running can tell, guards against a hang with an alarm set far
beyond what the input now takes.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcelint.analysis import phrases, quotes
from sourcelint.analysis.phrases import PhraseSet
from sourcelint.analysis.pipeline import MAX_RUN, Analyzer, make_doc
from sourcelint.analysis.spans import ByStart, SpanSet
from sourcelint.analysis.templates import Step, Template
from sourcelint.checks.registry import load_registry

from conftest import hang_guard

# The word lists of the built-in rule packs, which the sourcing model reads.
LEXICON = load_registry().lexicon

_RUN = re.compile(r"\S+")
_SENTENCES = [
    "A senior official who spoke on condition of anonymity said the talks had stalled.",
    "“We are not done yet,” Maria Lopez, a spokeswoman for the ministry, told Reuters.",
    "Two aides said the vote would be delayed. They said the bill would pass.",
    "According to the Associated Press, the inquiry was far from over.",
    "People familiar with the matter said prices would rise, sources said.",
    "The minister reportedly claimed that ‘the plan was sound’ on Monday.",
    "It is widely believed that the “reforms” will fail, arguably the worst outcome.",
]


def news(paragraphs: int) -> str:
    """Generated news prose: ``paragraphs`` paragraphs of attributions and quotations."""
    return "\n\n".join(
        " ".join(_SENTENCES[(p + k) % len(_SENTENCES)] for k in range(4)) for p in range(paragraphs)
    )


def calls_made(function: Callable[[], object]) -> int:
    """How many calls (Python, C and resumed generators) ``function`` makes: a count of
    work that, unlike a timing, does not depend on the machine."""
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in {"call", "c_call"}:
            count += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


# ------------------------------------------------------------------ tokenizer runs
class _SpyTokenizer:
    """Wraps a tokenizer; records the longest run without white space it is handed."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.longest = 0

    def _seen(self, text: str) -> str:
        self.longest = max([self.longest, *(len(run) for run in _RUN.findall(text))])
        if self.longest > MAX_RUN:
            raise AssertionError(f"the tokenizer was handed a run of {self.longest} characters")
        return text

    def __call__(self, text: str) -> Any:
        return self.tokenizer(self._seen(text))

    def pipe(self, texts: Any, **options: Any) -> Any:
        return self.tokenizer.pipe((self._seen(text) for text in texts), **options)


@pytest.fixture
def fast_analyzer() -> Analyzer:
    return Analyzer(LEXICON, "fast")


def test_the_tokenizer_never_sees_a_run_longer_than_max_run(fast_analyzer):
    nlp = fast_analyzer.nlp
    spy = _SpyTokenizer(nlp.tokenizer)
    nlp.tokenizer = spy
    text = "Officials said so. " + "[" * 25_000 + " " + "ab*" * 10_000 + "\n\nThey said it."
    doc = fast_analyzer.parse(text, ((0, len(text)),))
    assert 0 < spy.longest <= MAX_RUN
    assert doc.text == text


def test_a_run_of_marks_is_one_token_a_piece(fast_analyzer):
    text = "So " + "[*<" * 1_000 + " said."
    doc = make_doc(fast_analyzer.nlp, text)
    assert doc.text == text
    assert len(doc) < 3_000 // 16  # not one token per mark


_HOSTILE = st.text(alphabet="[]*`<>'\"“”‘’-._/:ab1é", min_size=1, max_size=400)
_WORDS = st.text(alphabet="abc. ,", min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_HOSTILE, _WORDS), min_size=1, max_size=6), st.sampled_from(" \n"))
def test_token_offsets_are_exact_around_long_runs(parts, separator):
    from spacy.lang.en import English

    nlp = English()
    text = separator.join(parts)
    doc = make_doc(nlp, text)
    assert doc.text == text
    position = 0
    for token in doc:  # the tokens cover the text in order, each at its own offset
        assert token.idx == position
        assert text[token.idx : token.idx + len(token.text)] == token.text
        position = token.idx + len(token.text_with_ws)
    assert position == len(text)
    if all(len(run) <= MAX_RUN for run in _RUN.findall(text)):
        # Text without over-long runs is tokenized as it always was, norms included.
        plain = nlp.make_doc(text)
        assert [(t.text, t.norm_, t.whitespace_) for t in doc] == [
            (t.text, t.norm_, t.whitespace_) for t in plain
        ]


def _shifted(findings: list[Any], at: int, by: int) -> list[tuple[str, int, int, str]]:
    return [
        (
            f.code,
            f.start + (by if f.start >= at else 0),
            f.end + (by if f.start >= at else 0),
            f.text,
        )
        for f in findings
    ]


@pytest.mark.parametrize("run", ["[" * 20_000, "*`<'" * 5_000, "x" * 30_000])
def test_a_long_run_changes_no_other_finding(linter, registry, run):
    article = news(6)
    cut = article.index("\n\nAccording") + 2
    hostile = article[:cut] + run + "\n\n" + article[cut:]
    with hang_guard(60):
        found = linter.lint_text(hostile, registry.rules, tier="fast")
    plain = linter.lint_text(article, registry.rules, tier="fast")
    assert plain
    outside = [f for f in found if not (cut <= f.start < cut + len(run))]
    assert _shifted(plain, cut, len(run) + 2) == _shifted(outside, len(article) + 1, 0)


# ------------------------------------------------------------------ template matcher
def test_optional_steps_cost_polynomial_work(fast_analyzer, monkeypatch):
    nlp = fast_analyzer.nlp
    template = " ".join(["{?@a}"] * 30) + " [b]"
    matcher = PhraseSet(nlp, [template], {"a": ("a",)}.__getitem__)
    lookups = 0

    class CountingDict(defaultdict):  # type: ignore[type-arg]
        """The matcher's table of step ends: each lookup is one step tried somewhere."""

        def get(self, *args: Any) -> Any:
            nonlocal lookups
            lookups += 1
            if lookups > 31**4:  # 2**30 ways through the optional steps, before
                raise AssertionError("the matcher tries every way through the steps")
            return super().get(*args)

    monkeypatch.setattr(phrases, "defaultdict", CountingDict)
    doc = nlp.make_doc("a " * 30 + "b")
    found = matcher.find(doc)
    assert [(m.start, m.end) for m in found] == [(0, 31)]
    assert (found[0].mark_start, found[0].mark_end) == (60, 61)
    assert lookups > 0


def _paths(
    template: Template, ends: dict[int, dict[int, list[int]]], index: int, position: int
) -> Iterator[list[tuple[int, int]]]:
    """Every way through the steps: the brute force the matcher must agree with."""
    if index == len(template.steps):
        yield []
        return
    if template.steps[index].optional:
        for rest in _paths(template, ends, index + 1, position):
            yield [(position, position), *rest]
    for end in ends[index].get(position, ()):
        for rest in _paths(template, ends, index + 1, end):
            yield [(position, end), *rest]


class _Token:
    def __init__(self, index: int) -> None:
        self.idx, self.text = 3 * index, "ab"


@st.composite
def _templates(draw: Any) -> tuple[Template, dict[int, dict[int, list[int]]]]:
    count = draw(st.integers(1, 6))
    optional = [draw(st.booleans()) for _ in range(count)]
    optional[draw(st.integers(0, count - 1))] = False
    steps = tuple(Step((f"w{i}",), flag) for i, flag in enumerate(optional))
    mark_from = draw(st.integers(0, count - 1))
    mark_to = draw(st.integers(mark_from + 1, count))
    ends: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for index in range(count):
        for start in draw(st.sets(st.integers(0, 6), max_size=5)):
            lengths = draw(st.sets(st.integers(1, 3), min_size=1, max_size=2))
            ends[index][start] = [start + length for length in sorted(lengths)]
    return Template("t", steps, mark_from, mark_to), ends


@settings(max_examples=300, deadline=None)
@given(_templates())
def test_template_matches_equal_a_brute_force_enumeration(case):
    template, ends = case
    doc = [_Token(i) for i in range(12)]
    ids = list(range(len(template.steps)))
    for start in range(8):
        expected = set()
        for path in _paths(template, ends, 0, start):
            if path[-1][1] == start:
                continue  # nothing matched
            marked = [(s, e) for s, e in path[template.mark_from : template.mark_to] if s < e]
            mark = (marked[0][0], marked[-1][1]) if marked else (start, path[-1][1])
            last = doc[mark[1] - 1]
            expected.add((start, path[-1][1], doc[mark[0]].idx, last.idx + len(last.text)))
        found = phrases._template_matches(doc, template, ids, ends, start)  # type: ignore[arg-type]
        assert {(m.start, m.end, m.mark_start, m.mark_end) for m in found} == expected


# ------------------------------------------------------------------ whole-text scans
def test_plural_pronouns_read_the_text_once(fast_analyzer):
    from spacy.tokens import Doc

    class CountingDoc(Doc):
        reads = 0

        @property
        def text(self) -> str:
            type(self).reads += 1
            return super().text

    def reads(paragraphs: int) -> int:
        text = news(paragraphs)
        blocks = ((0, len(text)),)
        plain = fast_analyzer.parse(text, blocks)
        doc = CountingDoc(
            plain.vocab, words=[t.text for t in plain], spaces=[bool(t.whitespace_) for t in plain]
        )
        doc.from_array(["SENT_START"], plain.to_array(["SENT_START"]))
        CountingDoc.reads = 0
        fast_analyzer.sourcing.attributions(doc, quotes.quotation_spans(text, blocks))
        return CountingDoc.reads

    assert reads(40) == reads(10) <= 1


def test_single_quotation_marks_without_a_close_are_linear():
    text = "He said ‘" + "a " * 200_000
    with hang_guard(60):
        assert quotes.quotation_spans(text, ((0, len(text)),)) == ()


_OLD_SINGLE = re.compile(r"(?<![\w’'])‘[^‘’\n]*?\s[^‘’\n]*?’(?![\w])")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ‘’'\n“”\"", max_size=40))
def test_single_quotations_are_found_as_before(text):
    spans = quotes.quotation_spans(text, ((0, len(text)),))
    doubles = quotes._double(text, 0, len(text))
    singles = [s for s in spans if s not in doubles]
    expected = [
        m.span()
        for m in _OLD_SINGLE.finditer(text)
        if not any(s <= m.start() < e for s, e in doubles)
    ]
    assert singles == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=12),
    st.integers(0, 30),
    st.integers(1, 10),
)
def test_span_set_agrees_with_a_scan(spans, start, length):
    spans = [(s, s + n) for s, n in spans]
    end = start + length
    found = SpanSet(spans)
    assert found.encloses(start, end) is any(s <= start and end <= e for s, e in spans)
    assert found.overlaps(start, end) is any(s < end and start < e for s, e in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=20), st.integers(0, 40), st.integers(0, 10))
def test_by_start_agrees_with_a_scan(starts, first, length):
    class Sentence:
        start, end = first, first + length

    items = [(s, "x") for s in sorted(starts)]
    expected = [item for item in items if first <= item[0] < first + length]
    assert ByStart(items).within(Sentence()) == expected  # type: ignore[arg-type]


# ------------------------------------------------------------------ linear in all
_HOSTILE_PROSE = {
    "news": news,
    # One block, one sentence: nothing ends it.
    "one long sentence": lambda n: " ".join(["officials said that aides told them"] * 8 * n),
    "quotes without a close": lambda n: "He said “" + "it was ‘fine’ and they said " * 8 * n,
    # Every verb asks whether a quotation opens or closes next to it.
    "quotations": lambda n: "“We are done,” she fumed. The mayor boasted: “We won.” " * 12 * n,
    # Every unnamed poll (SL108, opt-in) looks for a named one in the sentences after it.
    "polls": lambda n: "Polls show that the race is tied. Recent surveys found gains. " * 12 * n,
}


@pytest.mark.parametrize("tier", ["fast", "parse"])
@pytest.mark.parametrize("shape", list(_HOSTILE_PROSE))
def test_work_grows_linearly_with_the_text(linter, registry, tier, shape):
    make = _HOSTILE_PROSE[shape]
    size = 6 if tier == "fast" else 2
    linter.lint_text(make(1), registry.rules, tier=tier)  # builds what is built once

    def work(paragraphs: int) -> int:
        text = make(paragraphs)
        return calls_made(lambda: linter.lint_text(text, registry.rules, tier=tier))

    small, large = work(size), work(4 * size)
    assert large <= 4.4 * small, f"4 times the text, {large / small:.1f} times the work"


def test_a_long_text_reaches_the_model_in_pieces_annotated_alike(monkeypatch):
    from sourcelint.analysis import pipeline

    analyzer = Analyzer(LEXICON, "parse")
    text = news(30)
    blocks = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    whole = analyzer.parse(text, blocks)
    handed: list[int] = []
    real = pipeline._model_pieces

    def spy(doc: Any, starts: list[int]) -> list[Any]:
        pieces = real(doc, starts)
        handed.extend(len(piece) for piece in pieces)
        return pieces

    monkeypatch.setattr(pipeline, "MODEL_PIECE", 200)
    monkeypatch.setattr(pipeline, "_model_pieces", spy)
    pieces = analyzer.parse(text, blocks)
    assert len(handed) > 3 and max(handed) < len(whole)

    def annotations(doc: Any) -> list[tuple[Any, ...]]:
        return [
            (t.text, t.idx, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc
        ]

    assert annotations(pieces) == annotations(whole)
