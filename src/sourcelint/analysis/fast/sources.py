"""Source finding: the phrase a cue credits (a verb's subject, an inverted speaker)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import LONG_SUBJECT, core_end_of, skippable, trim
from sourcelint.analysis.mentions import Mention, MentionKind
from sourcelint.analysis.records import Attribution
from sourcelint.analysis.vocabulary.adverbs import ASIDES, DAYS, SENTENCE_ADVERBS, TIME_WORDS
from sourcelint.analysis.vocabulary.function_words import (
    AGENTLESS_BE,
    AMOUNTS,
    ARTICLES,
    AUXILIARIES,
    CLAUSE_OPENERS,
    CONTRACTING_WORDS,
    DETERMINERS,
    PREPOSITION_WORDS,
    SUBORDINATORS,
)
from sourcelint.analysis.vocabulary.marks import CURRENCIES, HARD_BOUNDARIES
from sourcelint.analysis.vocabulary.newsroom import PUBLISHING_CUES
from sourcelint.analysis.vocabulary.phrase_edges import (
    CLAUSE_STARTERS,
    LEADING_LINKS,
    OPENERS_BUT_AND,
)
from sourcelint.analysis.vocabulary.pronouns import (
    POSSESSIVES,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    RELATIVES,
    SUBJECT_PRONOUNS,
)
from sourcelint.analysis.vocabulary.source_phrases import PARTITIVES_WITH_NUMBERS
from sourcelint.analysis.vocabulary.verbs import (
    IRREGULAR_PAST,
    LISTENER_VERBS,
    PARTICIPLES,
    VERB_STARTS,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.vocabulary.lexicon import SourcingWords


class SourceMixin:
    """Finds the source phrase of a cue: its subject, an apposition, an antecedent."""

    doc: Doc
    words: SourcingWords
    mention_at: dict[int, Mention]
    journalists: set[str]
    last_person: int | None
    sentence_cues: list[Attribution]

    # ------------------------------------------------------------------ sources
    def _subject(self, sentence: Span, index: int) -> tuple[int, int] | None:
        """The words between the verb and the clause boundary on its left."""
        doc = self.doc
        end = index
        while end > sentence.start and skippable(doc[end - 1]):
            end -= 1
        if end > sentence.start and doc[end - 1].lower_ in {"and", "but", "or"}:
            return None  # "… spotted Stein and reported": the subject is elided
        if end > sentence.start and doc[end - 1].text == ",":
            aside = self._aside_before(sentence, end)
            if aside is None:
                # "Maria Zakharova, a spokeswoman …, said" (apposition) or "…, said Batchelder."
                # (inverted, found by the caller when this returns None).
                return self._before_apposition(sentence, end - 1)
            end = aside  # "Some Democrats, however, question …"
        stretch = end
        while stretch > sentence.start and not self._stops_subject(stretch - 1):
            stretch -= 1
        relative = self._relative_in(stretch, end)
        if relative is not None and doc[relative - 1].lower_ in PREPOSITION_WORDS:
            return self._subject_of_relative(sentence, stretch, relative, end)
        if relative is not None:
            end = relative  # "A senior official who works in the region … told"
        start = self._clause_start(stretch, end)
        if end - start == 1 and doc[start].lower_ in {"who", "which"} and start > sentence.start:
            # "Democrats in the Senate, who have argued": the source is what "who" stands for.
            return self._antecedent(start, sentence) or (start, end)
        start, end = self._without_links(start, end)
        if start < end and doc[start].lower_ in PREPOSITION_WORDS:
            return None  # "among others ― explains": a subject never opens with a preposition
        if end - start > 1 and doc[start].lower_ in SUBJECT_PRONOUNS:
            # "he had a well-connected source who told": the pronoun has a verb of its own.
            return self._noun_phrase_tail(start + 1, end)
        if end - start > LONG_SUBJECT:
            return self._long_subject(start, end)
        return trim(doc, start, end)

    def _aside_before(self, sentence: Span, end: int) -> int | None:
        """The comma that opens an aside closed by the comma at ``end - 1`` ("Some
        Democrats, however, question"), or None when no aside ends there."""
        doc = self.doc
        aside = end - 2
        while aside > sentence.start and doc[aside].lower_ in ASIDES:
            aside -= 1
        if aside < end - 2 and doc[aside].text == ",":
            return aside
        return None

    def _relative_in(self, stretch: int, end: int) -> int | None:
        """The relative pronoun inside the subject ("A senior official who works …"),
        unless a subordinate clause follows it ("warnings from his attorney that … since
        the specialist would")."""
        doc = self.doc
        relative = next((i for i in range(stretch + 1, end) if self._is_relative(i)), None)
        if relative is not None and any(
            doc[i].lower_ in SUBORDINATORS for i in range(relative + 1, end)
        ):
            return None
        return relative

    def _subject_of_relative(
        self, sentence: Span, stretch: int, relative: int, end: int
    ) -> tuple[int, int] | None:
        """The subject of a relative clause opened by a preposition ("in which", "of
        whom")."""
        doc = self.doc
        if relative - 2 >= stretch and (
            doc[relative - 2].lower_ in PARTITIVES_WITH_NUMBERS | {"all"}
        ):
            if doc[relative - 2].lower_ in self.words.vague_quantifiers:
                # "veterans, many of whom say": which of them is not said.
                return (relative - 2, relative + 1)
            # "the two aides, both of whom said": the antecedent speaks.
            return self._antecedent(relative - 2, sentence)
        # "a lawsuit in which Democrats argued": the subject follows the pronoun.
        return trim(doc, relative + 1, end)

    def _clause_start(self, stretch: int, end: int) -> int:
        """Where the subject's clause opens, within ``[stretch, end)``; "there are some
        economists who argue" opens at the economists."""
        doc = self.doc
        start = end
        while start > stretch and not self._opens_clause(start - 1):
            start -= 1
        if (
            end - start > 2
            and doc[start].lower_ == "there"
            and doc[start + 1].lower_ in AGENTLESS_BE
        ):
            start += 2  # "there are some economists who argue": the economists
        return start

    def _without_links(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without the links at either end ("and", "but")."""
        doc = self.doc
        while start < end and doc[start].lower_ in LEADING_LINKS:
            start += 1  # "… and said": the subject is elided, not "and"
        while end > start and doc[end - 1].lower_ in LEADING_LINKS:
            end -= 1
        return start, end

    def _long_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """A subject longer than ``LONG_SUBJECT`` words: its head comes first, or it is the
        noun phrase right before the verb."""
        doc = self.doc
        core_end = core_end_of(doc, start, end)
        if (
            core_end - start <= LONG_SUBJECT // 2 + 1
            and doc[core_end].lower_ in PREPOSITION_WORDS
            and self._known_head(core_end - 1)
        ):
            # "Political observers in Virginia and around the country say": the head
            # comes first and the rest modifies it.
            return trim(doc, start, end)
        # "That's a small fraction of the minimum … experts say": no boundary was found,
        # so the subject is the noun phrase right before the verb.
        tail = self._adjacent_noun_phrase(start, end)
        if tail is not None:
            return tail
        return trim(doc, start, end)

    def _adjacent_noun_phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """The short noun phrase ending at ``end`` when its head is a known source word."""
        doc = self.doc
        if not self._known_head(end - 1):
            return None
        begin = end - 1
        while begin > start and end - begin < LONG_SUBJECT:
            previous = doc[begin - 1]
            hyphen = previous.text == "-" and not doc[begin - 2].whitespace_  # "working-class"
            if (previous.is_punct and not hyphen) or previous.lower_ in (
                PREPOSITION_WORDS | AUXILIARIES | {"what"}
            ):
                break
            if previous.lower_ in AMOUNTS or previous.text in CURRENCIES:
                break  # "the $20 million experts say it costs": an amount, not a count
            begin -= 1
            if previous.lower_ in DETERMINERS:
                break
        while begin < end - 1 and doc[begin].lower_ in LEADING_LINKS:
            begin += 1  # "… and Republican-leaning voters": the phrase starts after "and"
        inside = self.mention_at.get(begin)
        if inside is not None:
            begin = max(start, inside.start)  # never cut a name: "New York Times columnist …"
        joined = self.mention_at.get(begin - 2) if begin - 2 >= start else None
        if (
            joined is not None
            and joined.kind is MentionKind.PERSON
            and doc[begin - 1].lower_ in {"and", "&"}
        ):
            begin = max(start, joined.start)  # "Senator Jane Roe and other Republicans"
        if begin > start and doc[begin - 1].lower_ in {"of", "by"}:
            # "62 percent of Republicans agreed", "emails combed through by Vox suggest":
            # the head comes before.
            return None
        return trim(doc, begin, end)

    def _known_head(self, index: int) -> bool:
        """A word that can head a source phrase: a role, group or document noun, or a name."""
        token = self.doc[index]
        return (
            token.lower_ in self.words.common_nouns
            or token.text in self.words.group_plurals
            or index in self.mention_at
        )

    def _person_head(self, index: int) -> bool:
        """A word for people: a role or group noun, or a person's or group's name."""
        token = self.doc[index]
        mention = self.mention_at.get(index)
        return (
            token.lower_ in self.words.people_nouns
            or token.text in self.words.group_plurals
            or (mention is not None and mention.kind in {MentionKind.PERSON, MentionKind.GROUP})
        )

    def _is_relative(self, index: int) -> bool:
        """ "who", "which", or "that" right after a source noun ("a study that appeared …")."""
        token = self.doc[index]
        if token.lower_ in RELATIVES:
            return True
        return (
            token.lower_ == "that"
            and index > 0
            and self.doc[index - 1].lower_ in self.words.common_nouns
        )

    def _stops_subject(self, index: int) -> bool:
        """A hard boundary, or another cue: no subject reaches across either."""
        token = self.doc[index]
        previous = self.doc[index - 1].lower_ if index > 0 else ""
        in_relative = previous in RELATIVES | {"that"}
        return token.text in HARD_BOUNDARIES or (
            token.lower_ in self.words.speech_verbs
            and token.is_lower
            and previous not in ARTICLES | POSSESSIVES  # "the report", "his claims": nouns
            and not self._noun_after_name(index)
            and not in_relative  # "two aides who spoke on condition of anonymity said"
        )

    def _noun_after_name(self, index: int) -> bool:
        """ "the AP report", "the Times' review": a verb's base form right after a singular
        name, or after a possessive, is a noun ("Democrats report" is a verb)."""
        doc = self.doc
        word = doc[index].lower_
        if index == 0 or word.endswith(("s", "ed", "ing")) or word in IRREGULAR_PAST | PARTICIPLES:
            return False  # "said", "wrote": never a noun
        named = self.mention_at.get(index - 1)
        if named is None:
            possessive = doc[index - 1].lower_ in {"'s", "’s", "'"}
            # "Let's say", "it's said": a contraction, not a possessive
            return possessive and index >= 2 and doc[index - 2].lower_ not in CONTRACTING_WORDS
        article = doc[named.start].lower_
        if article not in ARTICLES and named.start > 0:
            article = doc[named.start - 1].lower_
        # "a U.S. report", "the AP report"; not "aides to Clinton say" or "the U.S. cite"
        return article in {"a", "an"} or (article == "the" and named.kind is MentionKind.OUTLET)

    def _opens_clause(self, index: int) -> bool:
        token = self.doc[index]
        if (
            token.lower_ not in CLAUSE_OPENERS
            or self._inside_name(index)
            or self._is_relative(index)
        ):
            return False
        if token.lower_ in {"and", "or", "&"}:
            # "and" joins clauses before a determiner, pronoun or name; else it joins
            # words ("the former first lady and U.S. senator").
            following = self.doc[index + 1] if index + 1 < len(self.doc) else None
            person = self.mention_at.get(index + 1)
            return following is not None and (
                following.lower_ in DETERMINERS - POSSESSIVES - {"other", "others"}
                or following.lower_ in PRONOUNS_SINGULAR | PRONOUNS_PLURAL
                or (person is not None and person.kind is MentionKind.PERSON)
            )
        return True

    def _before_apposition(self, sentence: Span, comma: int) -> tuple[int, int] | None:
        """ "Maria Zakharova, a spokeswoman for the ministry, said": the name before."""
        doc = self.doc
        opening = comma - 1
        while opening > sentence.start and doc[opening].text != ",":
            opening -= 1
        if opening <= sentence.start or doc[opening].text != ",":
            return None
        inserted = doc[opening + 1 : comma]
        if not len(inserted):
            return None
        first = inserted[0].lower_
        if first in {"including", "like", "notably", "especially"}:
            return (inserted.start, inserted.end)  # "Critics, including Senator Roe, say"
        if (
            first
            not in {
                "a",
                "an",
                "the",
                "who",
                "which",
                "whose",
                "one",
                "its",
                "his",
                "her",
                "their",
                "now",
            }
            and not inserted[0].like_num
            # ", writing in …,", ", released Tuesday,"
            and not (first.endswith(("ing", "ed")) and inserted[0].is_lower)
        ):
            return None
        start = opening
        while start > sentence.start and not self._stops_subject(start - 1):
            if self._opens_clause(start - 1):
                break
            start -= 1
        span = trim(doc, start, opening)
        if span is None or doc[span[0]].lower_ in PREPOSITION_WORDS:
            return None  # "for some, the losses would …, said Batchelder" is no apposition
        return span

    def _inverted(self, sentence: Span, index: int) -> tuple[int, int] | None:
        """ "…, said a senior official." / "“…,” says Jafari"."""
        doc = self.doc
        previous = doc[index - 1].text if index > sentence.start else ""
        if previous not in {",", "”", '"', "’", "—"} and index != sentence.start:
            return None
        if doc[index].lower_ in LISTENER_VERBS:
            return None  # "told USA Today …": what follows is the listener
        if index + 1 < sentence.end and doc[index + 1].lower_ in PREPOSITION_WORDS:
            return None  # "said in a phone interview"
        start = index + 1
        end = start
        while end < sentence.end and doc[end].text not in {
            ",",
            ".",
            ";",
            ":",
            "!",
            "?",
            "“",
            "”",
            '"',
            "—",
        }:
            if doc[end].lower_ in CLAUSE_OPENERS and end > start:
                return None  # "said many of the examples that …" is no inverted speaker
            end += 1
        if end == start or end - start > 12:
            return None
        if any(doc[i].lower_ in AUXILIARIES for i in range(start, end)):
            return None  # ", said the rule was new": a clause with its own verb, not a speaker
        return trim(doc, start, end)

    def _elided(self, sentence: Span, index: int) -> SourceKind:
        """A verb with no subject of its own ("… and said"): the sentence's speaker."""
        if self.last_person is not None and self.last_person >= sentence.start:
            # "Jane Roe, … , writing in The Observer": a journalist's published work
            journalist = self.doc[self.last_person].lower_ in self.journalists
            writing = self.doc[index].lower_ in PUBLISHING_CUES
            return SourceKind.OUTLET if journalist and writing else SourceKind.NAMED
        return SourceKind.OTHER

    def _coordinated(self, sentence: Span, index: int) -> bool:
        """ "…, saying" or "… and said": a verb that shares the subject of the clause before."""
        doc = self.doc
        back = index - 1
        while back > sentence.start and skippable(doc[back]):
            back -= 1
        if back <= sentence.start:
            return False
        word = doc[index].lower_
        if doc[back].text == ",":
            return word.endswith("ing")
        # "… and said", "… but argues"; not "stores and call centers"
        tensed = word.endswith(("ed", "s")) or word in IRREGULAR_PAST
        return doc[back].lower_ in {"and", "but"} and tensed

    def _opening_subject(self, sentence: Span, index: int) -> tuple[int, int] | None:
        """The subject that opens the sentence, for a verb with none of its own when no cue
        came before it: "Several groups granted an extension, saying …"."""
        doc = self.doc
        if self.sentence_cues:
            return None  # that cue's source already speaks here: not credited twice
        start = sentence.start
        for position in range(start, min(index, start + 6)):
            if doc[position].text == ",":
                opener = doc[start].lower_
                if (
                    opener in PREPOSITION_WORDS | TIME_WORDS | DAYS | SENTENCE_ADVERBS
                    or doc[start].like_num
                    or (opener.endswith("ly") and position == start + 1)
                ):
                    start = position + 1  # "In August, …", "Meanwhile, …", "Finally, …"
                break
        for position in range(start, min(index, start + LONG_SUBJECT * 2)):
            token = doc[position]
            if token.text in HARD_BOUNDARIES or token.lower_ in OPENERS_BUT_AND:
                return None
            if position in self.mention_at or not token.is_lower:
                continue
            if token.lower_ in VERB_STARTS or (
                token.lower_.endswith("ed") and token.lower_ not in self.words.common_nouns
            ):
                if position == start or self._clause_between(position, index):
                    return None
                return trim(doc, start, position)
        return None

    def _clause_between(self, start: int, end: int) -> bool:
        """ "Some booed, and when Rubio thanked Miami and said": another subject intervenes."""
        return any(self.doc[i].lower_ in CLAUSE_STARTERS for i in range(start, end))

    def _inside_name(self, index: int) -> bool:
        mention = self.mention_at.get(index)
        return mention is not None and mention.start < index < mention.end - 1

    def _antecedent(self, index: int, sentence: Span) -> tuple[int, int] | None:
        end = index
        if end > sentence.start and self.doc[end - 1].text == ",":
            end -= 1
        start = end
        while (
            start > sentence.start
            and self.doc[start - 1].text not in HARD_BOUNDARIES
            and self.doc[start - 1].lower_ not in CLAUSE_OPENERS
        ):
            start -= 1
        if self.doc[index].lower_ in {"who", "whom", "whose"}:
            # "Democrats in the Senate, who": a person's head comes before its modifier
            # (but "members of the government, which": a thing is the last noun).
            for i in range(max(start + 1, end - LONG_SUBJECT * 2), end):
                if self.doc[i].lower_ in PREPOSITION_WORDS and self._person_head(i - 1):
                    return self._noun_phrase_tail(start, i)
        return self._noun_phrase_tail(start, end)

    def _noun_phrase_tail(self, start: int, end: int) -> tuple[int, int] | None:
        """The last noun phrase of a stretch: "he had a well-connected source" -> "a … source"."""
        doc = self.doc
        for index in range(end - 1, max(start, end - LONG_SUBJECT) - 1, -1):
            if doc[index].lower_ in DETERMINERS or doc[index].like_num:
                return trim(doc, index, end)
            if doc[index].lower_ in AUXILIARIES:
                break  # "the change may calm Democrats": a verb of its own before the phrase
        else:
            if end - start <= LONG_SUBJECT:
                return trim(doc, start, end)
        # No determiner near: the head and the capitalized words before it ("Senate Democrats").
        begin = end - 1
        while begin > start and doc[begin - 1].is_title and not doc[begin - 1].is_sent_start:
            begin -= 1
        return trim(doc, begin, end)
