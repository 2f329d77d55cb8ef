"""Whether a source is named: "a Marist College poll", "a poll by Meridian Research", or
a named one nearby ("A new poll shows the race tied. The Harbor Times survey …").

Capitals are the only sign of a name in both tiers: a capitalized word names the source,
unless it is a month or a day, or the sentence's first word and a common one ("Recent
polls show", "Several surveys"), or the head itself opening the sentence ("Polls show").
A determiner or possessive that points back ("the poll", "its survey", "the new 50-state
poll") leaves the source to one named before, so it counts as named too: precision before
recall.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import first_word
from sourcelint.analysis.vocabulary.function_words import COUNT_WORDS, DETERMINERS, QUANTIFIERS
from sourcelint.analysis.vocabulary.names import CALENDAR_WORDS, NOT_NAMES
from sourcelint.analysis.vocabulary.source_phrases import (
    MAKER_WORDS,
    POINTING_WORDS,
    SOURCE_MODIFIERS,
    UNAFFILIATED_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sourcelint.analysis.article import Article
    from sourcelint.analysis.records import Attribution

# Words that open a sentence capitalized without naming anyone ("Recent polls show").
_COMMON_OPENERS = (
    NOT_NAMES | SOURCE_MODIFIERS | UNAFFILIATED_WORDS | DETERMINERS | QUANTIFIERS | COUNT_WORDS
)
# The named mention of a source nearby: its head this many words after a name, in the
# source's sentence or this many sentences after it (a lede names the poll next).
NAME_REACH = 4
SENTENCES_AHEAD = 2
# How far after its head a source's maker may stand when the cue comes before it.
MAKER_REACH = 16


def names_nobody(article: Article, attribution: Attribution, heads: frozenset[str]) -> bool:
    """Whether ``attribution``'s source names no maker, points back to none and has no
    named mention of one of ``heads`` near it."""
    doc = article.doc
    if attribution.head is None or attribution.core is None:
        return False
    head = doc[attribution.head]
    sentence = head.sent
    opener = first_word(sentence)
    start = _phrase_start(doc, attribution.core[0], sentence.start)
    phrase = doc[start : head.i + 1]
    if any(token.lower_ in POINTING_WORDS for token in phrase):
        return False
    if any(_name(token, opener, head.i) for token in phrase):
        return False
    if _maker_named(doc, attribution, sentence, opener):
        return False
    nearby = [sentence]
    # Stepping sentence by sentence: listing the Doc's sentences for every source would
    # make the rule quadratic in the length of the article.
    while len(nearby) <= SENTENCES_AHEAD and nearby[-1].end < len(doc):
        nearby.append(doc[nearby[-1].end].sent)
    return not any(_named_mention(doc, s, heads, phrase) for s in nearby)


def _phrase_start(doc: Doc, start: int, sentence_start: int) -> int:
    """Where the source's noun phrase starts: its core, with the pointing word and the
    modifiers before it ("the recent 50-state poll") that the core may leave out."""
    index = start
    while index > sentence_start:
        previous = doc[index - 1]
        joined = previous.whitespace_ == "" or previous.like_num
        if not (joined or previous.lower_ in SOURCE_MODIFIERS):
            break
        index -= 1
    if index > sentence_start and doc[index - 1].lower_ in POINTING_WORDS:
        index -= 1
    return index


def _name(token: Token, opener: int, head: int = -1) -> bool:
    """Whether a capitalized ``token`` names someone; ``opener`` is its sentence's first
    word, ``head`` the source's head noun (not a name when it opens the sentence)."""
    text = token.text
    if not text[:1].isupper() or token.lower_ in CALENDAR_WORDS:
        return False
    if token.i == opener and (token.i == head or token.lower_ in _COMMON_OPENERS):
        return False
    return any(char.isalpha() for char in text)


def _maker_named(doc: Doc, attribution: Attribution, sentence: Span, opener: int) -> bool:
    """ "a poll of 400 voters released on Friday by Latino Decisions": a name after a
    maker word, between the head and the cue (or in the words after the head)."""
    head = attribution.head
    assert head is not None
    cue = attribution.cue_tokens[0]
    stop = cue if cue > head else min(sentence.end, head + MAKER_REACH)
    after = doc[head + 1 : stop]
    maker = next((token.i for token in after if token.lower_ in MAKER_WORDS), None)
    return maker is not None and any(_name(token, opener) for token in doc[maker + 1 : stop])


def _named_mention(doc: Doc, sentence: Span, heads: frozenset[str], own: Span) -> bool:
    """A mention of a source like this one with a name before it ("The Harbor Times
    survey") or a maker named after it, other than the source itself."""
    opener = first_word(sentence)
    for token in sentence:
        if token.lower_ not in heads or own.start <= token.i < own.end:
            continue
        before = doc[max(sentence.start, token.i - NAME_REACH) : token.i]
        if any(_name(word, opener) for word in before):
            return True
        after = doc[token.i + 1 : min(sentence.end, token.i + MAKER_REACH)]
        maker = next((word.i for word in after if word.lower_ in MAKER_WORDS), None)
        if maker is not None and any(_name(word, opener) for word in doc[maker + 1 : after.end]):
            return True
    return False
