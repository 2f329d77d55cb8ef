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
from sourcelint.analysis.token_table import TokenTable, token_table
from sourcelint.analysis.vocabulary.lexicon import SourcingWords
from sourcelint.analysis.vocabulary.names import MINOR_WORDS, NAME_LINKS, NOT_NAMES
from sourcelint.analysis.vocabulary.newsroom import STRONG_OUTLET_WORDS
from sourcelint.analysis.vocabulary.people import person_plurals

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
    table = token_table(doc)
    mentions: list[Mention] = []
    openers: list[int] = []  # capitalized sentence openers not taken for names
    for sentence in table.sentences:
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
            end = _run_end(table, sentence, index, words, not_names, opener)
            if end > index:
                mentions.extend(_typed(doc, table, index, end, words))
                index = end
            else:
                if index == opener and _capitalized(table.text[index]):
                    openers.append(index)
                index += 1
    # "Edwards and others said": an opener is a name when a full name ends with it.
    full_names = [m for m in mentions if m.kind is MentionKind.PERSON and m.end - m.start > 1]
    surnames = {table.text[m.end - 1] for m in full_names}
    found = [Mention(i, i + 1, MentionKind.PERSON) for i in openers if table.text[i] in surnames]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _capitalized(text: str) -> bool:
    """A capital first, and letters only or a mark names hold ("St.", "Al-", "O'")."""
    return bool(text[:1].isupper()) and (
        text.isalpha() or "." in text or "-" in text or "'" in text
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
    table = token_table(sentence.doc)
    # spaCy's ``is_alpha`` and ``is_title`` are these string tests, read without Tokens.
    content = [
        text
        for text, lower in zip(
            table.text[sentence.start : sentence.end],
            table.lower[sentence.start : sentence.end],
            strict=True,
        )
        if text.isalpha() and lower not in MINOR_WORDS
    ]
    return len(content) >= 4 and all(text.istitle() for text in content)


def _run_end(
    table: TokenTable,
    sentence: Span,
    start: int,
    words: SourcingWords,
    not_names: frozenset[str],
    opener: int,
) -> int:
    texts, lowers = table.text, table.lower
    if not _capitalized(texts[start]) or lowers[start] in not_names:
        return start
    end = start + 1
    while end < sentence.end:
        if _capitalized(texts[end]) and lowers[end] not in not_names:
            end += 1
        elif (
            lowers[end] in NAME_LINKS
            and end + 1 < sentence.end
            and _capitalized(texts[end + 1])
            and lowers[end + 1] not in NOT_NAMES
        ):
            end += 2
        else:
            break
    # A lone capitalized word opening a sentence may be any word ("Critics say").
    lone_opener = start == opener and end == start + 1
    known = texts[start] in words.countries or texts[start] in words.group_plurals
    if (
        lone_opener
        and not known
        and (
            lowers[start] in words.common_nouns
            or _plural_people(lowers[start])
            or not _looks_like_name_start(table, start, words)
        )
    ):
        return start
    return end


def _plural_people(lower: str) -> bool:
    """ "Dealers said", "Women say": people of a kind, not a name ("Parsons" is one when a
    full name ends with it, see ``find_mentions``)."""
    return lower in person_plurals()


def _looks_like_name_start(table: TokenTable, start: int, words: SourcingWords) -> bool:
    """ "Roe said", "Roe wrote", "Roe, …": a verb of saying or a comma after the word."""
    if start + 1 >= len(table.text):
        return False
    following = table.text[start + 1]
    return following == "," or (
        following.islower() and table.lower[start + 1] in words.speech_verbs
    )


def _typed(
    doc: Doc, table: TokenTable, start: int, end: int, words: SourcingWords
) -> list[Mention]:
    tokens = table.lower[start:end]
    text = doc[start:end].text
    if text in words.countries:
        return [Mention(start, end, MentionKind.ORGANIZATION)]
    # "Christian News Service" is an outlet; "News Guide" and "News Corp" are not.
    if len(tokens) > 1 and (
        tokens[-1] in words.outlet_words or STRONG_OUTLET_WORDS & set(tokens[1:])
    ):
        return [Mention(start, end, MentionKind.OUTLET)]
    last = table.text[end - 1]
    if last in words.group_plurals or f"{last}s" in words.group_plurals:
        # "Republicans", "Fellow Republicans", "one Republican"
        return [Mention(start, end, MentionKind.GROUP)]
    org_positions = [i for i, word in enumerate(tokens) if word in words.organization_words]
    if org_positions:
        last = org_positions[-1]
        rest = end - (start + last + 1)
        if rest >= 2 and all(text.istitle() for text in table.text[start + last + 1 : end]):
            return [
                Mention(start, start + last + 1, MentionKind.ORGANIZATION),
                Mention(start + last + 1, end, MentionKind.PERSON),
            ]
        return [Mention(start, end, MentionKind.ORGANIZATION)]
    if len(text) >= 2 and text.replace(".", "").isupper():
        return [Mention(start, end, MentionKind.ORGANIZATION)]  # an acronym: FBI, NATO
    return [Mention(start, end, MentionKind.PERSON)]
