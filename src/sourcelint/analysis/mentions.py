"""Proper names without a statistical model: capitalized runs, and what they name.

A mention is a run of capitalized words ("Maria Zakharova", "Russian Foreign
Ministry", "the Associated Press"). It is typed from the lexicon: a known or
outlet-like name is an outlet, a name with an organization word or a country is an
organization, a capitalized group plural ("Republicans") is a group, and anything
else is taken for a person. A run that ends an organization name and goes on with a
name ("Federal Council Andrey Baklanov") is split there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import first_word
from sourcelint.analysis.vocabulary.lexicon import SourcingWords
from sourcelint.analysis.vocabulary.names import MINOR_WORDS, NAME_LINKS, NOT_NAMES
from sourcelint.analysis.vocabulary.newsroom import STRONG_OUTLET_WORDS
from sourcelint.analysis.vocabulary.people import person_plurals

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class MentionKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Mention:
    """A capitalized name: token span ``[start, end)`` and what it names."""

    start: int
    end: int
    kind: MentionKind


def find_mentions(
    doc: Doc,
    words: SourcingWords,
    outlets: list[tuple[int, int]],
    headlines: frozenset[int] = frozenset(),
) -> list[Mention]:
    """All name mentions in ``doc``, in order; ``outlets`` are gazetteer matches and
    ``headlines`` the starts of title-case sentences."""
    outlet_at = dict(outlets)
    mentions: list[Mention] = []
    openers: list[int] = []  # capitalized sentence openers not taken for names
    for sentence in doc.sents:
        # In a title-case headline capitals mark words, not names: "Officials Say …".
        headline = sentence.start in headlines
        not_names = NOT_NAMES | words.headline_words if headline else NOT_NAMES
        index = sentence.start
        opener = first_word(sentence)
        while index < sentence.end:
            if index in outlet_at:
                mentions.append(Mention(index, outlet_at[index], MentionKind.OUTLET))
                index = outlet_at[index]
                continue
            end = _run_end(doc, sentence, index, words, not_names, opener)
            if end > index:
                mentions.extend(_typed(doc, index, end, words))
                index = end
            else:
                if index == opener and _capitalized(doc[index]):
                    openers.append(index)
                index += 1
    # "Edwards and others said": an opener is a name when a full name ends with it.
    full_names = [m for m in mentions if m.kind is MentionKind.PERSON and m.end - m.start > 1]
    surnames = {doc[m.end - 1].text for m in full_names}
    found = [Mention(i, i + 1, MentionKind.PERSON) for i in openers if doc[i].text in surnames]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _capitalized(token: Token) -> bool:
    text = token.text
    return bool(text[:1].isupper()) and (
        token.is_alpha or "." in text or "-" in text or "'" in text
    )


def is_title_case(words: Sequence[str]) -> bool:
    """Every word capitalized except short function words, the first word included."""
    if not words or not words[0][:1].isupper():
        return False
    return all(
        word[:1].isupper() or word.lower() in MINOR_WORDS or not word[:1].isalpha()
        for word in words
    )


def title_case(sentence: Span) -> bool:
    """A headline in title case: four words or more besides the short ones, each in title
    case. Stricter than ``is_title_case``: a sentence full of names still has a verb in lower
    case, and a line of acronyms ("NY Daily News:") is a label, not a headline."""
    content = [token for token in sentence if token.is_alpha and token.lower_ not in MINOR_WORDS]
    return len(content) >= 4 and all(token.is_title for token in content)


def _run_end(
    doc: Doc,
    sentence: Span,
    start: int,
    words: SourcingWords,
    not_names: frozenset[str],
    opener: int,
) -> int:
    token = doc[start]
    if not _capitalized(token) or token.lower_ in not_names:
        return start
    end = start + 1
    while end < sentence.end:
        current = doc[end]
        if _capitalized(current) and current.lower_ not in not_names:
            end += 1
        elif (
            current.lower_ in NAME_LINKS
            and end + 1 < sentence.end
            and _capitalized(doc[end + 1])
            and doc[end + 1].lower_ not in NOT_NAMES
        ):
            end += 2
        else:
            break
    # A lone capitalized word opening a sentence may be any word ("Critics say").
    lone_opener = start == opener and end == start + 1
    known = token.text in words.countries or token.text in words.group_plurals
    if (
        lone_opener
        and not known
        and (
            token.lower_ in words.common_nouns
            or _plural_people(token)
            or not _looks_like_name_start(doc, start, words)
        )
    ):
        return start
    return end


def _plural_people(token: Token) -> bool:
    """ "Dealers said", "Women say": people of a kind, not a name ("Parsons" is one when a
    full name ends with it, see ``find_mentions``)."""
    return token.lower_ in person_plurals()


def _looks_like_name_start(doc: Doc, start: int, words: SourcingWords) -> bool:
    """ "Roe said", "Roe wrote", "Roe, …": a verb of saying or a comma after the word."""
    following = doc[start + 1] if start + 1 < len(doc) else None
    return following is not None and (
        following.text == "," or (following.is_lower and following.lower_ in words.speech_verbs)
    )


def _typed(doc: Doc, start: int, end: int, words: SourcingWords) -> list[Mention]:
    tokens = [doc[i].lower_ for i in range(start, end)]
    text = doc[start:end].text
    if text in words.countries:
        return [Mention(start, end, MentionKind.ORGANIZATION)]
    # "Christian News Service" is an outlet; "News Guide" and "News Corp" are not.
    if len(tokens) > 1 and (
        tokens[-1] in words.outlet_words or STRONG_OUTLET_WORDS & set(tokens[1:])
    ):
        return [Mention(start, end, MentionKind.OUTLET)]
    last = doc[end - 1].text
    if last in words.group_plurals or f"{last}s" in words.group_plurals:
        # "Republicans", "Fellow Republicans", "one Republican"
        return [Mention(start, end, MentionKind.GROUP)]
    org_positions = [i for i, word in enumerate(tokens) if word in words.organization_words]
    if org_positions:
        last = org_positions[-1]
        rest = end - (start + last + 1)
        if rest >= 2 and all(doc[i].is_title for i in range(start + last + 1, end)):
            return [
                Mention(start, start + last + 1, MentionKind.ORGANIZATION),
                Mention(start + last + 1, end, MentionKind.PERSON),
            ]
        return [Mention(start, end, MentionKind.ORGANIZATION)]
    if len(text) >= 2 and text.replace(".", "").isupper():
        return [Mention(start, end, MentionKind.ORGANIZATION)]  # an acronym: FBI, NATO
    return [Mention(start, end, MentionKind.PERSON)]
