"""SL102: a source described only by role, affiliation or vantage point.

A role phrase ("a senior official", "two aides", "U.S. officials") counts when it is
credited with information: the subject of a speech verb ("…, two aides said"), the
speaker after one (", said a senior official"), or the object of "according to". It
does not count when a name goes with it ("spokeswoman Maria Zakharova", "Maria
Zakharova, a spokeswoman"), when it is a back-reference ("the spokeswoman"), or when
the group speaks on the record ("said in a statement").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.phrases import PhraseSet
from sourcelint.checks.params import Params
from sourcelint.findings import Hit, Severity
from sourcelint.rule import Check

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# How far past a post-modified role phrase ("an official who works in …") a verb may be.
MAX_POSTMODIFIER_TOKENS = 30
_POSTMODIFIER_OPENERS = {"who", "with", "at", "in", "from", "for", "of", "on", "inside", "within"}
_CLAUSE_BREAKERS = {";", ":", "where", "when", "while", "because", "after", "before", "since",
                    "although", "though", "but", "whereas", "if", "unless"}  # fmt: skip
_PRONOUNS = {"i", "he", "she", "it", "we", "they", "you"}
_TIME_ADVERBS = {"also", "later", "privately", "separately", "then", "recently", "previously",
                 "earlier", "first", "initially", "still", "have", "has", "had", "would", "will",
                 "could", "did", "does", "do", "may", "might", "reportedly"}  # fmt: skip
_OPENING_QUOTES = {"“", '"', "‘"}


@dataclass(frozen=True)
class _Lexicon:
    roles: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    affiliations: frozenset[str]
    qualifiers: frozenset[str]
    cues: frozenset[str]


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the check from the shared lexicon lists (no parameters of its own)."""
    Params(params).finish()
    words = context.words
    lexicon = _Lexicon(
        roles=frozenset(words("role_noun")),
        modifiers=frozenset(words("role_modifier")),
        determiners=frozenset(words("source_determiner")),
        affiliations=frozenset(words("affiliation_word")),
        qualifiers=frozenset(words("qualified_person")),
        cues=frozenset(words("speech_verb")),
    )
    reasons = PhraseSet(context.nlp, ["{@anonymity_reason}"], words)
    on_record = PhraseSet(context.nlp, ["{@on_record_setting}"], words)

    def check(article: Article) -> Iterator[Hit]:
        doc = article.doc
        reason_sentences = {doc[m.start].sent.start for m in reasons.all_matches(doc)}
        record_starts = {m.start for m in on_record.all_matches(doc)}
        for sentence in doc.sents:
            for phrase in _role_phrases(sentence, lexicon):
                # "the spokeswoman" refers back to someone already introduced.
                if phrase[0].lower_ == "the" or article.in_quote(phrase.start_char):
                    continue
                if _names_someone(phrase, lexicon):
                    continue
                cue = _credited_cue(phrase, lexicon)
                if cue is None or _on_record(doc, cue, record_starts):
                    continue
                reason = _has_reason(sentence, reason_sentences, doc)
                yield Hit(
                    phrase.start_char,
                    phrase.end_char,
                    severity=Severity.INFO if reason else None,
                    fields=(("detail", _DETAIL_REASON if reason else _DETAIL_NONE),),
                )

    return check


_DETAIL_NONE = " and no reason for anonymity is given"
_DETAIL_REASON = "; a reason for anonymity is given, so say also how the source knows"


def _role_phrases(sentence: Span, lexicon: _Lexicon) -> Iterator[Span]:
    """Role phrases: determiner or count, modifiers, then a role noun."""
    doc = sentence.doc
    for token in sentence:
        if token.lower_ not in lexicon.roles:
            continue
        start = token.i
        modifiers = 0
        while start > sentence.start and _is_modifier(doc[start - 1], lexicon):
            start -= 1
            modifiers += 1
        has_determiner = start > sentence.start and (
            doc[start - 1].lower_ in lexicon.determiners
            or doc[start - 1].lower_ == "the"
            or doc[start - 1].like_num
        )
        if has_determiner:
            start -= 1
        elif not token.lower_.endswith(("s", "people")):
            continue  # a bare singular ("official said") is a headline fragment, not a source
        if not _acceptable_head(doc, start, token, modifiers, lexicon):
            continue
        yield doc[start : token.i + 1]


def _is_modifier(token: Token, lexicon: _Lexicon) -> bool:
    if token.lower_ in lexicon.determiners or token.lower_ == "the":
        return False
    if token.lower_ in lexicon.modifiers:
        return True
    if token.is_title or token.is_upper:
        # Capitalized organisation or nationality words: "State Department", "U.S.".
        return token.is_alpha or "." in token.text or "-" in token.text
    return False


def _acceptable_head(doc: Doc, start: int, head: Token, modifiers: int, lexicon: _Lexicon) -> bool:
    role = head.lower_
    if role in {"person", "people", "individual", "individuals"}:
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        return after is not None and after.lower_ in lexicon.qualifiers
    if role in {"source", "sources"}:
        # A bare or merely "senior" source is SL101's; an affiliation makes it a role.
        return any(
            token.lower_ in lexicon.affiliations or token.is_title or token.is_upper
            for token in doc[start : head.i]
            if token.lower_ not in lexicon.determiners
        )
    return True


def _names_someone(phrase: Span, lexicon: _Lexicon) -> bool:
    """A name right after the role ("spokeswoman Maria Zakharova") or in apposition."""
    doc = phrase.doc
    after = phrase.end
    if after < len(doc) and doc[after].is_title and doc[after].lower_ not in lexicon.roles:
        next_token = doc[after + 1] if after + 1 < len(doc) else None
        if next_token is not None and (next_token.is_title or next_token.text == ","):
            return True
        if next_token is not None and next_token.lower_ in lexicon.cues:
            return True
    before = phrase.start
    if before >= 2 and doc[before - 1].text == "," and doc[before - 2].is_title:
        following = _skip_adverbs(doc, phrase.end)
        return following >= len(doc) or doc[following].lower_ not in lexicon.cues
    return False


def _credited_cue(phrase: Span, lexicon: _Lexicon) -> Token | None:
    """The speech verb that credits the phrase with information, if any."""
    doc = phrase.doc
    sentence = phrase.sent
    before = phrase.start - 1
    if (
        before - 1 >= sentence.start
        and doc[before].lower_ in lexicon.cues
        and doc[before - 1].text in {",", "”", '"', "—"}
    ):
        return doc[before]
    if before >= sentence.start + 1 and doc[before - 1 : before + 1].text.lower() == "according to":
        return doc[before]
    position = _skip_adverbs(doc, phrase.end)
    if position < sentence.end and _is_cue(doc, position, lexicon):
        return doc[position]
    if phrase.end < sentence.end and doc[phrase.end].lower_ in _POSTMODIFIER_OPENERS | {
        ",",
        *lexicon.qualifiers,
    }:
        limit = min(sentence.end, phrase.end + MAX_POSTMODIFIER_TOKENS)
        for index in range(phrase.end, limit):
            token = doc[index]
            if token.lower_ in _CLAUSE_BREAKERS or token.text in _OPENING_QUOTES:
                return None
            if _is_cue(doc, index, lexicon):
                subject = doc[_skip_adverbs_back(doc, index - 1)]
                if subject.lower_ in _PRONOUNS:
                    return None
                return token
    return None


def _is_cue(doc: Doc, index: int, lexicon: _Lexicon) -> bool:
    token = doc[index]
    if token.lower_ not in lexicon.cues:
        return False
    previous = doc[index - 1].lower_ if index > 0 else ""
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    # "to say", "asked to speak" (infinitives) and "said to be" (hearsay) are not credits.
    return previous != "to" and following != "to"


def _is_adverb(token: Token) -> bool:
    return token.lower_ in _TIME_ADVERBS or token.lower_.endswith("ly")


def _skip_adverbs(doc: Doc, index: int) -> int:
    while index < len(doc) and _is_adverb(doc[index]):
        index += 1
    return index


def _skip_adverbs_back(doc: Doc, index: int) -> int:
    while index > 0 and _is_adverb(doc[index]):
        index -= 1
    return index


def _on_record(doc: Doc, cue: Token, record_starts: set[int]) -> bool:
    """The setting follows the verb closely: "said in a statement", "said Tuesday in a …"."""
    return any(cue.i < start <= cue.i + 4 for start in record_starts)


def _has_reason(sentence: Span, reason_sentences: set[int], doc: Doc) -> bool:
    if sentence.start in reason_sentences:
        return True
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    return following is not None and following.start in reason_sentences
