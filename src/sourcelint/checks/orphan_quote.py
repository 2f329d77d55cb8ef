"""SL401: a direct quotation that nobody is credited with.

A quotation has a speaker when a cue stands outside quotation marks in the quote's
paragraph, in the sentence just before it (when that is the paragraph before's last) or
in the sentence just after it (the next paragraph's first). Cues: a word of the lexicon
lists ``CUE_LISTS`` (speech and statement verbs, quote-framing verbs such as "asked" and
"went on", things quoted from such as "statement"), "according to", a colon after a
capitalized word ("Lee: “…”") or one that introduces the quotation ("…, she said again:
“…”"), or a dash before a name ("— Ann Lee"). "He" or "she" in the quote's own sentence
is its speaker ("He called the plan “…”"), and so is a source in brackets right after it
("“…” [NYT]"). A sentence here runs on through its quotation and tag: spaCy ends one at
"?”", but "“Why not?” he asked." is one sentence.

A paragraph that opens with a quotation continues the speaker of the paragraph before
when that one has a speaker and holds a quotation or ends with a colon: the
multi-paragraph quote convention.

Not quotations for this rule: short quoted terms (at most ``MAX_TERM_WORDS`` words and no
sentence punctuation inside: scare quotes, nicknames such as the “Northern Comrade”),
title-case titles (“The Lord of the Rings”), quoted words after a naming frame
(``quote_term_frame``: "known as", "dubbed", "the phrase"), and single-quoted passages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.mentions import is_title_case
from sourcelint.analysis.token_table import TokenTable, token_table
from sourcelint.analysis.vocabulary.marks import (
    CLOSING_QUOTES,
    DASHES,
    DOUBLE_QUOTE_OPENERS,
    MARK_CUES,
    OPENING_QUOTES,
)
from sourcelint.analysis.vocabulary.pronouns import SPEAKER_PRONOUNS
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "A few words": longer partial quotes are someone's words and need a speaker.
MAX_TERM_WORDS = 4
# How much of the quotation the message shows.
EXCERPT_WORDS = 6
_TRAILING = ",.;:!?… "
# Sentence punctuation inside the quotation, followed by more words.
_INNER_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
# The lexicon lists whose words credit a quotation to someone or something.
CUE_LISTS = ("speech_verb", "statement_verb", "quote_cue", "quote_source_noun")
_DASH_CHARS = "-–—"


@dataclass(frozen=True)
class _Phrases:
    """Lower-case word sequences, looked up by their token tuples."""

    entries: frozenset[tuple[str, ...]]
    longest: int
    firsts: frozenset[str]  # first words: most tokens are ruled out by one set lookup

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Phrases:
        entries = frozenset(tuple(word.lower().split()) for word in words if word.strip())
        longest = max((len(entry) for entry in entries), default=0)
        return cls(entries, longest, frozenset(entry[0] for entry in entries))

    def starts_at(self, lowers: list[str], index: int) -> bool:
        """A phrase begins at token ``index`` of a Doc whose lower-case words are ``lowers``."""
        if lowers[index] not in self.firsts:
            return False
        return any(
            tuple(lowers[index : index + length]) in self.entries
            for length in range(1, min(self.longest, len(lowers) - index) + 1)
        )

    def ends_before(self, lowers: list[str], index: int) -> bool:
        """A phrase ends right before token ``index``."""
        return any(
            tuple(lowers[index - length : index]) in self.entries
            for length in range(1, min(self.longest, index) + 1)
        )


@dataclass(frozen=True)
class _Cues:
    words: _Phrases
    frames: _Phrases


@dataclass
class _Sentence:
    """A sentence with its quotation tag: spaCy's sentences, rejoined where a quotation
    or a lower-case tag continues one ("“Why not?” he asked." is one sentence)."""

    start: int
    block: int
    cue: bool
    pronoun: bool


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the check from the lexicon lists (no parameters of its own)."""
    Params(params).finish()
    cues = _Cues(
        words=_Phrases.of(tuple(word for name in CUE_LISTS for word in context.words(name))),
        frames=_Phrases.of(context.words("quote_term_frame")),
    )

    def check(article: Article) -> Iterator[Hit]:
        quotes = [(s, e) for s, e in article.quotes if article.text[s] in DOUBLE_QUOTE_OPENERS]
        if not quotes:
            return
        doc = article.doc
        block_starts = [start for start, _ in article.blocks]

        def block_of(offset: int) -> int:
            return max(bisect_right(block_starts, offset) - 1, 0)

        def quoted(offset: int) -> bool:
            index = bisect_right(quotes, (offset, float("inf"))) - 1
            return index >= 0 and quotes[index][0] <= offset < quotes[index][1]

        table = token_table(doc)
        sentences: list[_Sentence] = []
        for sentence in table.sentences:
            if article.text[sentence.start_char : sentence.end_char].isspace():
                continue  # the line breaks between blocks can form a "sentence" of their own
            cue = _has_cue(sentence, table, quoted, cues)
            pronoun = any(
                table.lower[i] in SPEAKER_PRONOUNS and not quoted(table.idx[i])
                for i in range(sentence.start, sentence.end)
            )
            start = sentence.start_char
            # spaCy leaves an opening mark at the end of the sentence before ("He left. “");
            # the mark starts this sentence.
            if sentence.start > 0 and doc[sentence.start - 1].text in OPENING_QUOTES:
                start = doc[sentence.start - 1].idx
            block = block_of(start)
            previous = sentences[-1] if sentences else None
            if (
                previous is not None
                and previous.block == block
                and _continues(sentence, article.text[start], quoted)
            ):
                previous.cue |= cue
                previous.pronoun |= pronoun
            else:
                sentences.append(_Sentence(start, block, cue, pronoun))
        sentence_starts = [sentence.start for sentence in sentences]
        quote_blocks = {start: block_of(start) for start, _ in quotes}
        voiced = _voiced_blocks(article, quote_blocks, sentences)
        for start, end in quotes:
            block = quote_blocks[start]
            if voiced[block]:
                continue
            first = max(bisect_right(sentence_starts, start) - 1, 0)
            last = max(bisect_right(sentence_starts, end - 1) - 1, 0)
            own = sentences[first : last + 1]
            # The sentence before the quote's paragraph and the one after it.
            before = [s for s in sentences[max(first - 1, 0) : first] if s.block == block - 1]
            after = [s for s in sentences[last + 1 : last + 2] if s.block == block + 1]
            if any(s.cue for s in before + after) or any(s.pronoun for s in own):
                continue
            if _credit_follows(doc, end):
                continue
            if _is_quotation(article, doc, start, end, cues):
                yield Hit(start, end, fields=(("excerpt", _excerpt(article.text[start:end])),))

    return check


def _voiced_blocks(
    article: Article, quote_blocks: dict[int, int], sentences: list[_Sentence]
) -> list[bool]:
    """Blocks with a speaker: a cue of their own, or a quote continuing the one before.

    ``quote_blocks`` maps each quotation's start to its block.
    """
    cued = {sentence.block for sentence in sentences if sentence.cue}
    quoted_blocks = set(quote_blocks.values())
    voiced: list[bool] = []
    for index, (start, _) in enumerate(article.blocks):
        # The block before holds the speaker's quote, or introduces this one ("…, he said:").
        leads_in = index > 0 and (
            index - 1 in quoted_blocks or article.text[article.blocks[index - 1][1] - 1] == ":"
        )
        continues = leads_in and voiced[index - 1] and start in quote_blocks
        voiced.append(index in cued or continues)
    return voiced


def _continues(sentence: Span, first_char: str, quoted: Callable[[int], bool]) -> bool:
    """The sentence goes on from the one before: it opens inside a quotation begun there,
    or with a lower-case word (the tag after "?”" or "!”")."""
    if quoted(sentence.start_char) and first_char not in OPENING_QUOTES:
        return True
    first_word = next((token for token in sentence if token.is_alpha), None)
    return first_word is not None and first_word.text[0].islower()


def _credit_follows(doc: Doc, end: int) -> bool:
    """A source in brackets right after the quotation: "“…” [NYT.]", "“…” (Reuters)"."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc):
        return False
    bracket, word = doc[span.end], doc[span.end + 1]
    return bracket.text in {"[", "("} and word.text[:1].isupper()


def _has_cue(sentence: Span, table: TokenTable, quoted: Callable[[int], bool], cues: _Cues) -> bool:
    """A cue outside quotation marks: a cue word, "according to", a colon, a dash."""
    doc = sentence.doc
    for index in range(sentence.start, sentence.end):
        if quoted(table.idx[index]):
            continue
        # Noun readings ("the report") count too: a missed orphan costs less than a
        # quote flagged although its paragraph says who said it.
        if cues.words.starts_at(table.lower, index):
            return True
        if table.lower[index] not in MARK_CUES and table.text[index][:1] not in _DASH_CHARS:
            continue
        token = doc[index]
        # spaCy may end a sentence right after a dash ("…” —" | "Ruth Oduya"): the next
        # token is read across the boundary, except after a colon that ends the sentence.
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        previous = doc[token.i - 1] if token.i > sentence.start else None
        if token.lower_ == "according" and following is not None and following.lower_ == "to":
            return True
        if token.text == ":" and _colon_credits(
            previous, following if token.i + 1 < sentence.end else None
        ):
            return True
        if _dash_credits(token, previous, following):
            return True
    return False


def _colon_credits(previous: Token | None, following: Token | None) -> bool:
    """A colon after a name ("Lee: …") or one that introduces the quotation ("again: “…”")."""
    if previous is not None and (previous.is_title or previous.is_upper):
        return True
    return following is None or following.is_space or following.text in OPENING_QUOTES


def _dash_credits(token: Token, previous: Token | None, name: Token | None) -> bool:
    """A dash before a name, after the quote or opening a sentence: "— Ann Lee"."""
    if token.text in DASHES:
        after_quote = previous is None or previous.text in CLOSING_QUOTES
        return after_quote and name is not None and name.is_title
    # "-Ann Lee": the tokenizer keeps a hyphen on the name.
    return previous is None and token.text[:1] in _DASH_CHARS and token.text[1:2].isupper()


def _is_quotation(article: Article, doc: Doc, start: int, end: int, cues: _Cues) -> bool:
    """Someone's words, not a quoted term, title or name."""
    closed = end - start > 1 and article.text[end - 1] in CLOSING_QUOTES
    inner = article.text[start + 1 : end - 1 if closed else end]
    core = inner.strip().rstrip(_TRAILING)
    words = core.split()
    if not words:
        return False
    if len(words) <= MAX_TERM_WORDS and not _INNER_SENTENCE_END.search(core):
        return False
    if len(words) > 1 and is_title_case(words):
        return False
    return not _after_frame(doc, start, cues)


def _after_frame(doc: Doc, start: int, cues: _Cues) -> bool:
    """The quote follows a naming frame: 'known as “…”', 'the slogan “…”'."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and cues.frames.ends_before(token_table(doc).lower, span.start)


def _excerpt(quote: str) -> str:
    """The first words of the quotation, marks included, for the message."""
    words = quote.split()
    if len(words) <= EXCERPT_WORDS:
        return " ".join(words)
    return " ".join(words[:EXCERPT_WORDS]) + "…"
