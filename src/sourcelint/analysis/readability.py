"""Reading grade of an article's body text, for SL503 and the article profile.

Only blocks that end like a sentence are graded: headlines, captions and bylines carry no
full stop, and textstat splits sentences only at ``.!?``, so counting them would glue each
onto the next sentence. Articles under ``MIN_WORDS`` words of body text are not graded.

textstat is imported on first use, never at CLI start-up. textstat 0.7.8 is pinned: later
releases call ``nltk.download`` at first use, which fails offline (see pyproject.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sourcelint.core.profile import DEFAULT_FORMULA, FORMULAS

if TYPE_CHECKING:
    from sourcelint.analysis.article import Article

# Flesch's procedure grades samples of 100 words; with fewer, one sentence decides.
MIN_WORDS = 100
# A body paragraph ends with sentence punctuation, perhaps inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def body_text(article: Article) -> str:
    """The paragraphs that end like sentences, joined as paragraphs."""
    return "\n\n".join(
        article.text[start:end]
        for start, end in article.blocks
        if _SENTENCE_END.search(article.text[start:end])
    )


def grade(article: Article, formula: str = DEFAULT_FORMULA) -> float | None:
    """The body's grade, rounded to one decimal; None when the body is too short."""
    return _graded(body_text(article), formula)


# SL503 and the article profile grade each article alike: the second asks the first.
@lru_cache(maxsize=4)
def _graded(body: str, formula: str) -> float | None:
    import textstat

    if textstat.lexicon_count(body) < MIN_WORDS:
        return None
    return round(getattr(textstat, FORMULAS[formula][1])(body), 1)
