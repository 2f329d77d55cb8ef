"""How a verb of saying takes what it reports, read from the words around it.

The fast tier has no parse, so it reads a verb's use (``lexicon.Use``) from its neighbours;
the parse tier reads the same from the verb's dependents (``parse/frames.py``):

- content: what follows is "that", a quotation, a colon, a wh-word or a clause ("claimed
  he was", "admitted the budget was late", "admitted using"), or the verb follows what
  was said ("“…,” she insisted", "…, he claimed.", "…, claimed Smith.", "as he noted,");
- object: a person, a group or a thing ("blasted the senator", "claimed the title");
- topic: "of" or "about" ("boasted of his record");
- none: anything else ("insisted on paying", "smiled and waved").
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import adverb, clause_after_aside, skippable
from sourcelint.analysis.vocabulary.function_words import (
    AGENTLESS_BE,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_OPENERS,
    DETERMINERS,
    NEGATIONS,
    QUESTION_WORDS,
    TOPICS,
    VERB_PARTICLES,
)
from sourcelint.analysis.vocabulary.lexicon import Use
from sourcelint.analysis.vocabulary.marks import COMMA_LIKE_MARKS, PHRASE_END_MARKS
from sourcelint.analysis.vocabulary.phrase_edges import (
    CHUNK_BREAKS,
    CLOSING_SETTINGS,
    FUNCTION_WORDS,
    NOUN_PHRASE_ENDS,
    PARTICIPLE_OPENERS,
    PHRASE_BREAKERS,
    SETTING_OPENERS,
)
from sourcelint.analysis.vocabulary.pronouns import (
    OBJECT_PRONOUNS,
    PERSONAL_PRONOUNS,
    RELATIVES_AND_THAT,
)
from sourcelint.analysis.vocabulary.source_phrases import COUNT_SUBJECTS
from sourcelint.analysis.vocabulary.verbs import CLAIMED_STATES, ING_NOUNS, UNAMBIGUOUS_PAST

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sourcelint.analysis.mentions import Mention
    from sourcelint.analysis.vocabulary.lexicon import SourcingWords


class SpeechUseMixin:
    """Reads the use of the verb at ``index`` (its particle up to ``end``)."""

    doc: Doc
    words: SourcingWords
    mention_at: dict[int, Mention]
    quotes: tuple[tuple[int, int], ...]

    def _speech_use(self, sentence: Span, index: int, end: int) -> tuple[Use, bool]:
        """The verb's use and whether what it reports is a quotation."""
        if self._inverted_speaker(sentence, index, end):
            return Use.CONTENT, self._closes_quote(index - 1)
        before = self._postposed(sentence, index, end)
        if before is not None:
            return Use.CONTENT, before
        return self._complement(sentence, index, end)

    # ------------------------------------------------------------------ quotations
    @cached_property
    def _quote_starts(self) -> frozenset[int]:
        return frozenset(start for start, _ in self.quotes)

    @cached_property
    def _quote_ends(self) -> frozenset[int]:
        return frozenset(end for _, end in self.quotes)

    def _opens_quote(self, index: int) -> bool:
        return index < len(self.doc) and self.doc[index].idx in self._quote_starts

    def _closes_quote(self, index: int) -> bool:
        if index < 0:
            return False
        token = self.doc[index]
        # Two apostrophes close a quotation in some wire and archive copy.
        return token.idx + len(token.text) in self._quote_ends or token.text == "''"

    # ------------------------------------------------------------------ speakers
    def _personal(self, index: int) -> bool:
        """A name, a pronoun or a word for people: something that can be a subject."""
        low = self.doc[index].lower_
        return index in self.mention_at or low in PERSONAL_PRONOUNS or low in self.words.speakers

    def _named(self, index: int) -> bool:
        return index in self.mention_at

    # ------------------------------------------------------------------ the verb after
    def _inverted_speaker(self, sentence: Span, index: int, end: int) -> bool:
        """'…, claimed Smith.' / '“…,” noted the senator': the speaker follows the verb."""
        doc = self.doc
        if index - 1 < sentence.start or doc[index - 1].text not in {",", "”", '"', "—"}:
            return False
        position = end
        saw_speaker = False
        while position < sentence.end and position - end < 6:
            token = doc[position]
            if self._named(position) or token.lower_ in self.words.speakers:
                saw_speaker = True
            elif token.lower_ not in DETERMINERS | {"'s", "’s"}:
                break
            position += 1
        if not saw_speaker:
            return False
        if position < sentence.end and doc[position].text not in PHRASE_END_MARKS:
            return False
        return not any(doc[i].lower_ in self.words.nonspeakers for i in range(end, position))

    def _postposed(self, sentence: Span, index: int, end: int) -> bool | None:
        """'“…,” she insisted', '…, he claimed.', 'as he noted,': the verb follows its
        content. Whether that content is a quotation, or None when it is not postposed."""
        doc = self.doc
        after = self._skip_adverbs(end, sentence.end)
        ends_here = after >= sentence.end or doc[after].text in PHRASE_END_MARKS
        subject_end = self._back_over_verb_words(sentence, index - 1)
        chunk = self._subject_chunk_start(sentence, subject_end)
        if chunk is None and ends_here:
            # Closing a sentence, any "the + noun" is the speaker: "…, the sheriff maintained."
            chunk = self._common_noun_phrase_start(sentence, subject_end)
        settled = ends_here or self._setting_then_mark(after, sentence.end)
        if settled and self._closes_as_clause(sentence, index):
            return False  # "As many experts, including Mr. Lee, have pointed out, …"
        if chunk is None or chunk - 1 < sentence.start:
            return None
        before = doc[chunk - 1]
        if self._closes_quote(chunk - 1) or (before.text == "," and self._closes_quote(chunk - 2)):
            # After a quotation a setting may follow: "“…,” she insisted on Tuesday."
            return True if settled else None
        if before.text not in COMMA_LIKE_MARKS:
            return None
        # "Taxes, he noted on Tuesday, will …" is parenthetical; "…, he claimed." needs a
        # clause before the comma, not a fronted phrase ("After the vote, he claimed the title").
        if self._parenthetical_end(after, sentence.end):
            return False
        if chunk - 1 - sentence.start < 3:
            return None
        # "…, the mayor insisted Thursday during a visit." A setting may follow, but not one
        # that could be the verb's own complement ("insisted on a recount").
        closing = after < sentence.end and doc[after].lower_ in CLOSING_SETTINGS
        return (
            False
            if ends_here or (closing and self._setting_then_mark(after, sentence.end))
            else None
        )

    def _closes_as_clause(self, sentence: Span, index: int) -> bool:
        """ "as he noted,", "As Smith pointed out in a column,": the verb ends a clause
        opened by "as" at the start of the sentence, after a comma or a conjunction."""
        doc = self.doc
        for position in range(index - 1, max(sentence.start, index - 12) - 1, -1):
            token = doc[position]
            if token.lower_ == "as":
                opener = doc[position - 1].lower_ if position > sentence.start else ","
                return opener in COMMA_LIKE_MARKS or opener in {"and", "but", "so", "yet", "or"}
            if token.text in PHRASE_END_MARKS - {","} or token.lower_ in CLAUSE_OPENERS - {"and"}:
                return False
        return False

    def _subject_chunk_start(self, sentence: Span, index: int) -> int | None:
        """Start of a speaker phrase ending at ``index``: a pronoun, a name, 'the senator'."""
        doc = self.doc
        if index < sentence.start:
            return None
        if doc[index].lower_ in PERSONAL_PRONOUNS:
            return index
        if not (self._named(index) or doc[index].lower_ in self.words.speakers):
            return None
        # Titles and affiliations may come first: "campaign senior adviser Ana Ruiz",
        # "Lee Park of the Daily Star", "the Herald's Sam Roe".
        chunk = index
        while chunk - 1 >= sentence.start and index - chunk < 8:
            before = doc[chunk - 1]
            low = before.lower_
            possessive = (
                low in {"'s", "’s"} and chunk - 2 >= sentence.start and doc[chunk - 2].is_alpha
            )
            if low in CHUNK_BREAKS or low in PERSONAL_PRONOUNS:
                break  # "As the minister noted": the clause opens before the speaker
            if not possessive and (low in AUXILIARIES | AGENTLESS_BE or low in RELATIVES_AND_THAT):
                break
            if not (before.is_alpha or self._named(chunk - 1) or possessive):
                break
            chunk -= 1
        return chunk

    def _common_noun_phrase_start(self, sentence: Span, index: int) -> int | None:
        """Start of 'the sheriff', 'a senior aide': a determiner and up to three words."""
        doc = self.doc
        if index < sentence.start or not (doc[index].is_lower and doc[index].is_alpha):
            return None
        for start in range(index, max(sentence.start, index - 3) - 1, -1):
            token = doc[start]
            if token.lower_ in DETERMINERS:
                return start if start < index else None
            if not (token.is_lower and token.is_alpha) or token.lower_ in FUNCTION_WORDS:
                return None
        return None

    def _parenthetical_end(self, index: int, end: int) -> bool:
        """A comma or dash right after the verb, or after a short setting."""
        doc = self.doc
        if index < end and doc[index].text in COMMA_LIKE_MARKS:
            return True
        if not self._setting_then_mark(index, end):
            return False
        position = index + 1
        while position < end and doc[position].text not in PHRASE_END_MARKS:
            position += 1
        return position < end and doc[position].text in COMMA_LIKE_MARKS

    def _setting_then_mark(self, index: int, end: int) -> bool:
        """A short setting ("on Tuesday", "in an interview") and then punctuation."""
        doc = self.doc
        if index >= end or doc[index].lower_ not in SETTING_OPENERS:
            return False
        for position in range(index + 1, min(end, index + 10)):
            if doc[position].text in PHRASE_END_MARKS:
                return True
            if doc[position].lower_ in PHRASE_BREAKERS - SETTING_OPENERS:
                return False
        return min(end, index + 10) == end

    # ------------------------------------------------------------------ what follows
    def _complement(self, sentence: Span, index: int, end: int) -> tuple[Use, bool]:
        """What follows the verb: a clause, a quotation, a topic or an object."""
        doc = self.doc
        stop = sentence.end
        position = self._skip_adverbs(end, stop)
        if clause_after_aside(doc, position, stop):
            return Use.CONTENT, False  # "revealed, somewhat reluctantly, that …"
        if position >= stop:
            return Use.NONE, False
        found = self._clause_or_quote(index, position, stop)
        if found is not None:
            return Use.CONTENT, found
        token = doc[position]
        low = token.lower_
        following = doc[position + 1] if position + 1 < stop else None
        if low in TOPICS:
            return Use.TOPIC, False
        if _gerund(token) or (low == "to" and following is not None and _gerund(following)):
            return Use.CONTENT, False  # "admitted using the loophole", "admitted to lying"
        if low == "to" and following is not None and following.lower_ in CLAIMED_STATES:
            # "claims to have seen", "claimed to be a doctor"; not "later revealed to be".
            subject = self._back_over_verb_words(sentence, index - 1)
            if subject >= sentence.start and self._personal(subject):
                return Use.CONTENT, False
        if low in SETTING_OPENERS or adverb(token):
            # "noted on Tuesday that", "admitted to reporters that"
            for later in range(position + 1, min(stop, position + 11)):
                found = self._clause_or_quote(index, later, stop, strict=True)
                if found is not None:
                    return Use.CONTENT, found
                if doc[later].is_punct and doc[later].text != "-":
                    break
            return Use.NONE, False
        # A participle takes a clause after a complete one ("…, claiming the vote was
        # rigged"); inside a subject ("a bid to stop her claiming the prize is …") it does not.
        participle = doc[index].lower_.endswith("ing")
        before = index - 1
        while before >= sentence.start and adverb(doc[before]):
            before -= 1
        complete = not participle or (
            before >= sentence.start and doc[before].lower_ in {",", *BE_FORMS}
        )
        if complete and self._noun_phrase_then_verb(position, stop):
            return Use.CONTENT, False
        if self._object(position) and self._speaking_participle(sentence, index):
            return Use.OBJECT, False
        return Use.NONE, False

    def _clause_or_quote(
        self, index: int, position: int, stop: int, *, strict: bool = False
    ) -> bool | None:
        """'that …', a quotation, a colon, a wh-clause or a pronoun subject at ``position``:
        whether it is a quotation, or None when nothing of the kind is there."""
        doc = self.doc
        token = doc[position]
        low = token.lower_
        following = doc[position + 1] if position + 1 < stop else None
        if self._opens_quote(position) or token.text == ":":
            return True
        if token.text == "," and self._opens_quote(position + 1):
            return True
        if following is None:
            return None
        if low == "that" and following.text not in {".", ";", "!", "?", ")"}:
            return False  # also "that, with …" and 'that “…”'
        if low in {"why", "how"} and following.text == ":":
            return False  # "explained why: …"
        if following.is_punct:
            return None
        if low in PERSONAL_PRONOUNS or low in {"why", "how", "what", "whether"}:
            return False  # also after a setting: "explained to reporters why"
        if strict:
            return None
        if low in QUESTION_WORDS - {"which"}:
            return False
        if low in {"it", "this", "there"} and (
            following.lower_ in AUXILIARIES or following.lower_ in {"'s", "’s"}
        ):
            return False
        return None

    def _noun_phrase_then_verb(self, start: int, stop: int) -> bool:
        """'admitted the budget was late': a short noun phrase, then a finite verb."""
        doc = self.doc
        first = doc[start]
        if first.lower_ in AUXILIARIES:
            # "the man who he claims has been unfair", "what Lee noted was"; but "patients
            # admitted are" is a participle inside a noun phrase.
            subject = start - 2
            return not doc[start - 1].lower_.endswith("ed") or (
                subject >= 0 and (doc[subject].lower_ in PERSONAL_PRONOUNS or self._named(subject))
            )
        if first.lower_ in PHRASE_BREAKERS or first.is_punct or first.lower_ in VERB_PARTICLES:
            return False
        for index in range(start + 1, min(stop, start + 9)):
            token = doc[index]
            low = token.lower_
            if low in AUXILIARIES or low in UNAMBIGUOUS_PAST:
                return True
            # "-ed" after a name or a person is a verb ("claimed Lee resigned");
            # after an adjective it is one too ("a large unpaid debt"), so ask for the name.
            if low.endswith("ed") and token.is_lower and self._personal(index - 1):
                return True
            if low == "and" and index + 1 < stop and self._named(index + 1):
                continue  # "Smith and Jones have"
            spaced_dash = low in {"-", "–", "—", "--"} and bool(token.whitespace_)
            if (token.is_punct and low not in {"-", "'s", "’s"}) or spaced_dash:
                return False
            if low in NOUN_PHRASE_ENDS:
                return False
        return False

    def _object(self, index: int) -> bool:
        """A person, a group or a thing: 'blasted the mayor', 'slammed the plan'."""
        token = self.doc[index]
        low = token.lower_
        if low in VERB_PARTICLES or token.like_num or token.is_punct:
            return False
        return (
            low in OBJECT_PRONOUNS
            or self._named(index)
            or low in DETERMINERS
            or low in COUNT_SUBJECTS  # "noted several problems"
            or low in self.words.speakers
        )

    def _speaking_participle(self, sentence: Span, index: int) -> bool:
        """ "…, noting the decline", "Smith noting the decline" and "after blasting the
        senator" speak; a gerund as subject or object ("tired of explaining the rules")
        does not."""
        doc = self.doc
        if not doc[index].lower_.endswith("ing"):
            return True
        before = index - 1
        while before >= sentence.start and adverb(doc[before]):
            before -= 1
        if before < sentence.start:
            return False
        token = doc[before]
        return (
            token.text == ","
            or token.lower_ in BE_FORMS | PARTICIPLE_OPENERS
            or self._personal(before)
        )

    # ------------------------------------------------------------------ helpers
    def _skip_adverbs(self, index: int, stop: int) -> int:
        while index < stop and adverb(self.doc[index]):
            index += 1
        return index

    def _back_over_verb_words(self, sentence: Span, index: int) -> int:
        """The first index at or before ``index`` that is no adverb or auxiliary."""
        while index >= sentence.start and skippable(self.doc[index]):
            index -= 1
        return index

    def _thing(self, sentence: Span, index: int, end: int, use: Use) -> bool:
        """A force or a thing acts, or is acted on: "the storm slammed", "Hurricane Ida
        slammed", "slammed the door"; then the verb is a deed, not a statement."""
        doc = self.doc
        nonspeakers = self.words.nonspeakers
        if use is Use.OBJECT:
            position = end
            if position < sentence.end and doc[position].lower_ in DETERMINERS:
                position += 1
            if position < sentence.end and doc[position].lower_ in nonspeakers:
                return True
        for head in self._subject_heads(sentence, index):
            token = doc[head]
            # A capital mid-sentence is a name ("the Herald"), but a title before a name
            # says what it names ("Hurricane Ida").
            if (head == sentence.start or token.is_lower) and token.lower_ in nonspeakers:
                return True
            if self._named(head) and head > sentence.start and doc[head - 1].lower_ in nonspeakers:
                return True
        return False

    def _subject_heads(self, sentence: Span, index: int) -> list[int]:
        """Likely heads of the verb's subject: the word before it, and past an appositive
        or a relative clause ("The report, released Tuesday, noted", "the report, which
        noted")."""
        doc = self.doc
        head = self._back_over_verb_words(sentence, index - 1)
        if head < sentence.start:
            return []
        heads = [head]
        token = doc[head]
        relative = token.lower_ in RELATIVES_AND_THAT
        if token.text == "," or relative:
            position = head - 1
            while position >= sentence.start and head - position < 20:
                if doc[position].text == ",":
                    heads.append(position - 1)
                    break
                position -= 1
            if relative:
                heads.append(head - 1 if doc[head - 1].text != "," else head - 2)
        return [head for head in heads if head >= sentence.start]

    def _verb_evidence(self, sentence: Span, index: int) -> bool:
        """Forms that double as nouns ("claims", "notes") need a subject or an auxiliary."""
        doc = self.doc
        word = doc[index].lower_
        if word not in self.words.noun_forms:
            return True
        back = index - 1
        while back >= sentence.start and adverb(doc[back]):
            back -= 1
        if back < sentence.start:
            return False  # sentence-initial "Claims that …" is a headline noun
        token = doc[back]
        low = token.lower_
        if low == ",":
            # "Lee, a moderate, insists …": the head before the appositive speaks,
            # and "X, who fights …, claims" has a person behind the relative clause.
            heads = self._subject_heads(sentence, index)[1:]
            if any(doc[head + 1].lower_ == "who" for head in heads if head + 1 < index):
                return True
            return any(self._personal(head) for head in heads)
        plural_subject = (
            not word.endswith("s")
            and token.is_lower
            and token.is_alpha
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is", "ous"))
        )
        return (
            low in PERSONAL_PRONOUNS
            or low in RELATIVES_AND_THAT | {"it", "to"}
            or low in COUNT_SUBJECTS  # "some note that", "many claim"
            or (token.like_num and token.is_alpha and not word.endswith("s"))  # "the two claim"
            or low == "but"  # "… but insists"; "and claims" is as often a noun pair
            or low in AUXILIARIES | NEGATIONS
            or plural_subject  # "economists note", "neighbors insist"
            or self._personal(back)
        )


def _gerund(token: Token) -> bool:
    low = token.lower_
    return token.is_lower and low.endswith("ing") and len(low) > 4 and low not in ING_NOUNS
