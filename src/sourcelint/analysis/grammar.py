"""Small token helpers shared by the sourcing model's passes, and the few constants of the
model that are no words (which kinds rank first, how long a subject may run). The word
lists they read live in ``analysis/vocabulary/``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.records import CueType
from sourcelint.analysis.vocabulary.adverbs import DAYS, LY_WORDS, VERB_ADVERBS
from sourcelint.analysis.vocabulary.function_words import VERB_PARTICLES, WORD_NUMBERS
from sourcelint.analysis.vocabulary.marks import SENTENCE_END
from sourcelint.analysis.vocabulary.phrase_edges import (
    BETWEEN,
    CONTINUING_OPENERS,
    POSTMODIFIERS,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Which member of a compound source decides its kind (the gold labelling rule).
PRECEDENCE = ("named", "organization", "outlet", "document", "anonymous", "vague")
# Subjects longer than this with no boundary found are cut to their last noun phrase.
LONG_SUBJECT = 5
# The kinds that identify a source: a name, a body, an outlet, a document.
IDENTIFIED = {SourceKind.NAMED, SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT}


def house_style(name: str, mixed_case: frozenset[str]) -> bool:
    """ "POLITICO", "USA TODAY": an outlet's own name in the capitals of its house style."""
    letters = [c for c in name.removeprefix("the ").removeprefix("The ") if c.isalpha()]
    return (
        len(letters) >= 4 and all(c.isupper() for c in letters) and (outlet_key(name) in mixed_case)
    )


def outlet_key(name: str) -> str:
    """ "The Huffington Post", "the huffington post" and "Huffington Post" are one outlet."""
    return name.lower().removeprefix("the ").strip()


def on_record_after(on_record_starts: set[int], cue_end: int, sentence_end: int) -> bool:
    """An on-record setting ("on the record") within four tokens after a cue, in its
    sentence: the few candidate tokens are looked up, not every setting of the Doc."""
    return any(
        start in on_record_starts for start in range(cue_end, min(cue_end + 5, sentence_end))
    )


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A span without punctuation or symbols at its edges ("'' the president" and
    "🚨 A senior official" -> "the president", "A senior official")."""
    while start < end and is_mark(doc[start]):
        start += 1
    while end > start and is_mark(doc[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def is_mark(token: Token) -> bool:
    """Punctuation, or a symbol with no letter or digit (an emoji, a bullet, an arrow);
    not a currency sign, which belongs to an amount ("$500 donors")."""
    return token.is_punct or (
        not token.is_currency and not any(character.isalnum() for character in token.text)
    )


def first_word(sentence: Span) -> int:
    """The index of the sentence's first word, after opening marks ("— Critics say",
    "🚨 Sources say", "• Officials said"): where a capital says nothing of a name."""
    for token in sentence:
        if not is_mark(token):
            return token.i
    return sentence.start


def standalone(doc: Doc, start: int, end: int) -> bool:
    """An outlet name not inside a longer name ("Michael Bloomberg", "the Atlantic Council")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    inside = (before is not None and before.is_title and not before.is_sent_start) or (
        after is not None and after.is_title
    )
    return not inside


def cue_word(doc: Doc, start: int, end: int, cue_type: CueType) -> str:
    """The cue's key word, lower-cased, with its particle: "said", "pointed out",
    "reportedly", "according to" (a passive's auxiliaries and an infinitive "to" left out)."""
    if cue_type is CueType.ACCORDING_TO:
        return "according to"
    words = [doc[i].lower_ for i in range(start, end) if doc[i].lower_ != "to"]
    if len(words) > 1 and words[-1] in VERB_PARTICLES:
        return " ".join(words[-2:])
    return words[-1] if words else doc[start].lower_


def core_end_of(doc: Doc, start: int, end: int) -> int:
    """Where a source phrase's post-modifiers begin ("officials | at the department")."""
    core_end = start + 1
    while core_end < end and doc[core_end].lower_ not in POSTMODIFIERS:
        if (
            doc[core_end].is_lower
            and doc[core_end].lower_.endswith("ed")
            and core_end + 1 < end
            and doc[core_end + 1].lower_ == "by"
        ):
            break  # "a document provided by Roe's lawyer": the document is the head
        core_end += 1
    return core_end


def skippable(token: Token) -> bool:
    """Adverbs and auxiliaries between a subject and its verb."""
    lower = token.lower_
    return (
        (lower in BETWEEN and token.is_lower)  # "Will wrote" is a name, not "will"
        or lower in DAYS
        or _ly_adverb(token)
    )


def adverb(token: Token) -> bool:
    """An adverb or a time between a verb of saying and what it reports."""
    return token.lower_ in VERB_ADVERBS or _ly_adverb(token)


def _ly_adverb(token: Token) -> bool:
    lower = token.lower_
    return token.is_lower and lower.endswith("ly") and len(lower) > 4 and lower not in LY_WORDS


def clause_after_aside(doc: Doc, index: int, stop: int) -> bool:
    """ "insisted, most recently in an interview, that …": an aside set off by commas
    from ``index`` on, then the clause a verb reports."""
    if index >= stop or doc[index].text != ",":
        return False
    for position in range(index + 1, min(stop - 1, index + 15)):
        text = doc[position].text
        if text == ",":
            return doc[position + 1].lower_ == "that"
        if text in SENTENCE_END or text in {";", ":", "“", "”", '"'}:
            return False
    return False


def headline_label(token: Token) -> bool:
    """ "Revealed: …": a past form opening its sentence labels a headline; nobody speaks."""
    return token.i == token.sent.start and token.lower_.endswith("ed")


def used_as_verb(token: Token) -> bool:
    """Whether a cue word is a verb, not a noun ("his claims", "Editor's note"). The fast
    tier has no tags; the parse tier's tagger may call a verb with a subject of its own a
    noun ("Trump claims that …")."""
    return token.pos_ != "NOUN" or any(child.dep_ == "nsubj" for child in token.children)


def end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def number(word: str) -> int | None:
    if word.isdecimal():  # not isdigit(), which takes "²", a digit int() refuses
        return int(word)
    return WORD_NUMBERS.get(word)


def crowd_count(text: str) -> bool:
    """A count of hundreds or more in digits ("1,409", "34,000"), not a year ("2016"):
    people counted by a poll or a vote, not a few who spoke."""
    value = number(text.replace(",", ""))
    if value is None or value < 100:
        return False
    return "," in text or not (len(text) == 4 and 1800 <= value <= 2100)


def reason_given(doc: Doc, sentence: Span, reason_starts: set[int]) -> bool:
    """Whether a reason for anonymity is given in the attribution's sentence, or in the
    next one when that one goes on about the same source."""
    if sentence.start in reason_starts:
        return True
    following = sentence.end if sentence.end < len(doc) else None
    return (
        following is not None
        and doc[following].lower_ in CONTINUING_OPENERS
        and following in reason_starts
    )
