"""Cue detection: which words credit someone with a claim, and how."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from sourcelint.analysis.fast.speech_use import SpeechUseMixin
from sourcelint.analysis.grammar import LONG_SUBJECT, adverb, headline_label, skippable, trim
from sourcelint.analysis.mentions import Mention
from sourcelint.analysis.records import Attribution, CueType
from sourcelint.analysis.vocabulary.adverbs import AGENTLESS_ADVERBS, TIME_WORDS
from sourcelint.analysis.vocabulary.function_words import (
    AGENTLESS_BE,
    AUXILIARIES,
    CLAUSE_OPENERS,
    DETERMINERS,
    NEGATIONS,
    NOUN_MARKERS,
    PARTICLES,
    PREPOSITION_WORDS,
    PREPOSITIONS,
    QUANTIFIERS,
    QUESTION_WORDS,
)
from sourcelint.analysis.vocabulary.lexicon import Use
from sourcelint.analysis.vocabulary.marks import HARD_BOUNDARIES, SENTENCE_END
from sourcelint.analysis.vocabulary.phrase_edges import BETWEEN, COMPLEMENT, NOT_INFINITIVE
from sourcelint.analysis.vocabulary.pronouns import RELATIVES, SUBJECT_PRONOUNS
from sourcelint.analysis.vocabulary.verbs import (
    AGENTLESS_VERBS,
    BELIEF_VERBS,
    INFINITIVE_OK,
    NAMING_PARTICIPLES,
    PARTICIPLES,
    SPEECH_CONTINUERS,
    STRONG_CUES,
    SUBJECTLESS_HEADS,
)
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.vocabulary.lexicon import SourcingWords


class CueMixin(SpeechUseMixin):
    """Finds cues: speech and stance verbs, passives, "according to", agentless hearsay."""

    doc: Doc
    words: SourcingWords
    mention_at: dict[int, Mention]

    # ------------------------------------------------------------------ cues
    def _hypothetical(self, attribution: Attribution) -> bool:
        """ "if people think …", "voters who believed …": nobody is credited with a claim;
        a group is described."""
        doc = self.doc
        cue = attribution.cue_tokens[0]
        back = cue - 1
        while back > 0 and skippable(doc[back]):
            back -= 1
        word = doc[cue].lower_
        describing = word in self.words.stance_verbs or word in BELIEF_VERBS
        restrictive = doc[back].lower_ in {"who", "that"} and doc[back - 1].text != ","
        unnamed = attribution.kind in {SourceKind.ANONYMOUS, SourceKind.VAGUE}
        if describing and restrictive and unnamed:
            return True
        if attribution.source_tokens is None:
            return False
        start = attribution.source_tokens[0]
        return start > 0 and doc[start - 1].lower_ in {"if", "unless", "whether"}

    def _is_speech(self, sentence: Span, index: int) -> bool:
        """Whether the speech verb at ``index`` credits someone with what it reports."""
        if self._no_statement(sentence, index):
            return False
        end = self._cue_end(sentence, index)
        if self._form(index, end) in self.words.sense_verbs:
            return self._says(sentence, index, end)
        return self._reports(sentence, index)

    def _no_statement(self, sentence: Span, index: int) -> bool:
        """A noun, an infinitive, a negated or an agentless verb: nobody is credited."""
        doc = self.doc
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
        word = doc[index].lower_
        if previous in NOUN_MARKERS - {"to"}:
            return True  # a noun ("the report", "his claims")
        to = index - 1
        while to > sentence.start and adverb(doc[to]):
            to -= 1  # "to further explain"
        if (doc[to].lower_ == "to" and not self._continued(sentence, to)) or (
            previous in SUBJECTLESS_HEADS
        ):
            return True  # "to say", "helps explain", "worth noting"; not "continued to say"
        if previous in {"-", "–"} and not doc[index - 1].whitespace_:
            return True  # a compound: "union-bashing" (a spaced dash is punctuation)
        if self._noun_after_name(index) and following != "that":
            return True  # "the Times report came out"; "a Times report that …" still credits
        if self._negated(sentence, index):
            return True  # "did not respond", "has not said": nothing is credited
        return previous in AGENTLESS_BE and word in AGENTLESS_VERBS  # "was said": agentless

    def _reports(self, sentence: Span, index: int) -> bool:
        """A speech verb with no other sense listed: a cue unless it is a gerund, a
        participle or a noun, or, for verbs that take plain objects ("indicated an
        interest"), unless a complement follows."""
        doc = self.doc
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
        word = doc[index].lower_
        if (
            previous in QUANTIFIERS
            and word in self.words.noun_forms
            and following not in COMPLEMENT
        ):
            return False  # a noun ("many questions", "these reports")
        if previous in PREPOSITIONS and word.endswith("ing"):
            return False  # a gerund ("issues with commenting")
        if following == "to" and word in {"said", "says", "reported", "believed"}:
            return False  # "is said to" is hearsay, handled as agentless
        if (
            word not in STRONG_CUES
            and word.endswith("s")  # "notes", "claims": a plural noun or a verb; "noted" is not
            and self._after_adjective(sentence, index, NOUN_MARKERS | PREPOSITION_WORDS)
        ):
            return False  # "the same notes", "with insulting remarks": a noun
        if word in NAMING_PARTICIPLES and self._names_a_thing(sentence, index):
            return False  # "a group called Lashkar", "a plan dubbed Fortress": a name given
        if word.startswith("point"):
            return False  # "pointed to the map" reports nothing; "pointed out" is listed
        progressive = previous in AGENTLESS_BE
        if (
            word.endswith("ing")
            and previous != ","
            and not progressive
            and following not in COMPLEMENT
        ):
            return False  # a participle ("taxpayers reporting gains"), not ", saying that"
        if word in STRONG_CUES:
            return True
        if following in PARTICLES:
            return False  # "asked for", "thought of", "agreed with", "spoke about"
        if word in self.words.complement_verbs:
            return (
                following in COMPLEMENT | QUESTION_WORDS
                or self._clause_follows(sentence, index)
                or self._complement_after_time(sentence, index)
                or following in SENTENCE_END
                or index + 1 >= sentence.end
                or previous in {",", "”", '"'}
                or sentence.end - index <= 5  # post-posed: "…, the Times reported Monday."
            )
        return True

    def _says(self, sentence: Span, index: int, end: int) -> bool:
        """A verb with other senses ("claimed the title", "slammed the door"): a verb of
        saying in the uses the lexicon gives it (``SourcingWords.says``)."""
        doc = self.doc
        word = doc[index].lower_
        if headline_label(doc[index]):
            return False  # a headline's "Revealed: …" has no speaker
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        if previous in {"and", "or"} and not word.endswith(("s", "ed", "ing")):
            return False  # "to interpret the result and explain it": an infinitive again
        if not self._verb_evidence(sentence, index):
            return False  # "claims", "notes" after anything else are nouns
        use, quotation = self._speech_use(sentence, index, end)
        thing = self._thing(sentence, index, end, use)
        return self.words.says(self._form(index, end), use, quotation=quotation, thing=thing)

    def _continued(self, sentence: Span, to: int) -> bool:
        """ "continued to insist", "went on to claim", "was quick to point out": an
        infinitive that still reports what was said."""
        doc = self.doc
        before = to - 1
        while before >= sentence.start and (adverb(doc[before]) or doc[before].lower_ == "on"):
            before -= 1
        return before >= sentence.start and doc[before].lower_ in SPEECH_CONTINUERS

    def _cue_end(self, sentence: Span, index: int) -> int:
        """Where the cue ends: after its particle when the lexicon lists the two as one
        verb ("pointed out")."""
        end = index + 1
        if end < sentence.end and self._form(index, end + 1) in self.words.sense_verbs:
            return end + 1
        return end

    def _form(self, start: int, end: int) -> str:
        return " ".join(token.lower_ for token in self.doc[start:end])

    def _after_adjective(self, sentence: Span, index: int, markers: AbstractSet[str]) -> bool:
        """ "the same …", "with insulting …": an article or preposition, then a word that is
        no source noun, so the word at ``index`` ends a noun phrase."""
        doc = self.doc
        return (
            index - 2 >= sentence.start
            and doc[index - 2].lower_ in markers
            and doc[index - 1].is_lower
            and not self._known_head(index - 1)
        )

    def _names_a_thing(self, sentence: Span, index: int) -> bool:
        """ "a group called Lashkar belongs" names the group; "an aide called Roe a liar" and
        "officials called Roe's plan" speak."""
        doc = self.doc
        previous = doc[index - 1] if index > sentence.start else None
        if (
            previous is None
            or not previous.is_lower
            or previous.lower_.endswith("s")
            or previous.lower_ in AUXILIARIES | BETWEEN | SUBJECT_PRONOUNS | RELATIVES
            or previous.lower_ in self.words.anonymous_nouns  # a person calls: "the leader"
        ):
            return False
        after = index + 1
        while after < sentence.end and doc[after].is_title:
            after += 1
        if after == index + 1:
            return False
        following = doc[after].lower_ if after < sentence.end else ""
        return following not in DETERMINERS | {"'s", "’s"}

    def _stance(self, sentence: Span, index: int) -> Attribution | None:
        """A group's position ("critics oppose") or an outlet's work ("PolitiFact rated")."""
        if not self._is_stance(sentence, index):
            return None
        attribution = self._verb(sentence, index, CueType.VERB)
        if attribution.source_tokens is not None and self._verb_inside(attribution, index):
            return None  # "Republicans in Congress will continue their legislative attacks"
        word = self.doc[index].lower_
        kinds = {SourceKind.OUTLET} if word in self.words.outlet_verbs else set()
        if word in self.words.stance_verbs:
            kinds |= {SourceKind.ANONYMOUS, SourceKind.VAGUE}
        return attribution if attribution.kind in kinds else None

    def _verb_inside(self, attribution: Attribution, index: int) -> bool:
        """An auxiliary between the subject's head and the verb, not next to the verb: the
        head has a verb of its own and the "stance" word is a noun."""
        doc = self.doc
        adjacent = index
        while adjacent > 0 and skippable(doc[adjacent - 1]):
            adjacent -= 1
        start = (attribution.head or attribution.source_tokens[0]) + 1  # type: ignore[index]
        return any(doc[i].lower_ in AUXILIARIES for i in range(start, adjacent))

    def _is_stance(self, sentence: Span, index: int) -> bool:
        doc = self.doc
        if doc[index].lower_ in self.words.sense_verbs:
            return False  # "critics slammed the door": judged as a verb of saying, and no cue
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        if (
            previous in NOUN_MARKERS | {"whose"}
            or previous in QUANTIFIERS
            or previous in PREPOSITION_WORDS
        ):
            return False  # "the support", "whose support", "to oppose", "for support"
        if doc[index].lower_.endswith("ing") and previous not in AGENTLESS_BE:
            return False
        if doc[index].lower_ in NAMING_PARTICIPLES and self._names_a_thing(sentence, index):
            return False
        if self._noun_after_name(index):
            return False  # "a USA Today report", "the AP's review": a noun after a name
        if self._after_adjective(sentence, index, NOUN_MARKERS):
            return False  # "a long debate", "the broad support": a noun after its adjective
        if self._passive(sentence, index):
            return False  # "was praised", "were mistakenly charged": the subject is no source
        return not self._negated(sentence, index)

    def _passive(self, sentence: Span, index: int) -> bool:
        """ "was criticized", "has been called": the subject is not the speaker."""
        doc = self.doc
        if not doc[index].lower_.endswith(("ed", "en")) and doc[index].lower_ not in PARTICIPLES:
            return False
        back = index - 1
        while (
            back > sentence.start
            and doc[back].lower_ not in AGENTLESS_BE
            and (skippable(doc[back]) or doc[back].lower_ in AGENTLESS_ADVERBS)
        ):
            back -= 1  # "is then denounced", "was first reported"
        return back >= sentence.start and doc[back].lower_ in AGENTLESS_BE

    def _by_agent(self, sentence: Span, index: int) -> Attribution | None:
        """ "was criticized by experts": the agent after "by" is the source; with none, the
        passive credits nobody in particular and is left alone. A passive's subject is what
        the verb acts on: "was slammed by critics" speaks, "was admitted by the clinic" not."""
        doc = self.doc
        if not self.words.says(doc[index].lower_, Use.OBJECT):
            return None
        by = None
        for position in range(index + 1, min(sentence.end, index + 8)):
            token = doc[position]
            if token.lower_ == "by":
                by = position
                break
            if (
                token.text in HARD_BOUNDARIES | SENTENCE_END
                or token.lower_ in PREPOSITION_WORDS | CLAUSE_OPENERS
                or token.lower_.endswith(("ed", "en"))
                or token.lower_ in PARTICIPLES
            ):
                return None  # "asked during a lunch held by …": "by" belongs elsewhere
        if by is None:
            return None
        end = by + 1
        while end < sentence.end and end - by <= LONG_SUBJECT * 2:
            token = doc[end]
            if token.text in HARD_BOUNDARIES | SENTENCE_END or token.lower_ in CLAUSE_OPENERS:
                break
            if token.lower_ in PREPOSITION_WORDS - {"of"} and end > by + 1:
                break
            end += 1
        span = trim(doc, by + 1, end)
        if span is None:
            return None
        kind = self._classify(span, sentence)
        word = doc[index].lower_
        wanted = {SourceKind.ANONYMOUS, SourceKind.VAGUE}
        if word in self.words.speech_verbs and word not in self.words.stance_verbs:
            wanted = set(SourceKind)  # "was told by", "was first reported by"
        if kind not in wanted:
            return None
        return self._make(sentence, index, index + 1, CueType.VERB, span, kind)

    def _speaker_label(self, sentence: Span, index: int) -> bool:
        """ "PolitiFact: Trump is right": a headline that opens with a name and a colon
        (only the first line: further down, "Matthews:" labels a transcript's speaker)."""
        doc = self.doc
        if sentence.start != 0:
            return False
        start = sentence.start + (1 if doc[sentence.start].lower_ == "the" else 0)
        mention = self.mention_at.get(start)
        return mention is not None and mention.end == index and index > start

    def _reads(self, sentence: Span, index: int) -> Attribution | None:
        """ "the article read:", "…,” the editorial reads.": a text quoted by its words."""
        doc = self.doc
        following = doc[index + 1].text if index + 1 < sentence.end else ""
        previous = doc[index - 1].text if index > sentence.start else ""
        quoted_after = following in {":", "“", '"', ","}
        post_posed = self._post_posed(sentence, index) and previous not in {"“", '"'}
        if not (quoted_after or post_posed):
            return None
        attribution = self._verb(sentence, index, CueType.VERB)
        readable = {SourceKind.OUTLET, SourceKind.DOCUMENT}
        return attribution if attribution.kind in readable else None

    def _post_posed(self, sentence: Span, index: int) -> bool:
        """ "…, The Post has learned.": the cue closes the sentence after a comma."""
        doc = self.doc
        if index + 1 < sentence.end and doc[index + 1].text not in SENTENCE_END:
            return False
        back = index - 1
        while back > sentence.start and doc[back].text != ",":
            back -= 1
        return doc[back].text == "," and index - back <= 6

    def _clause_follows(self, sentence: Span, index: int) -> bool:
        """ "announced it will", "agreed they were": a clause whose "that" was dropped."""
        doc = self.doc
        if index + 2 >= sentence.end or doc[index + 1].lower_ not in SUBJECT_PRONOUNS - {"you"}:
            return False
        return doc[index + 2].lower_ in AUXILIARIES | {"'s", "’s", "'d", "’d", "'ll", "’ll"}

    def _complement_after_time(self, sentence: Span, index: int) -> bool:
        """ "announced on Friday that", "insisted in June that": only a time in between."""
        doc = self.doc
        for position in range(index + 1, min(index + 7, sentence.end)):
            token = doc[position]
            if token.lower_ in COMPLEMENT - {","}:
                return True
            timely = token.lower_ in TIME_WORDS or token.like_num or token.is_title
            if not (timely or skippable(token)):
                return False
        return False

    def _negated(self, sentence: Span, index: int) -> bool:
        back = index - 1
        while back >= sentence.start and skippable(self.doc[back]):
            if self.doc[back].lower_ in NEGATIONS:
                return True
            back -= 1
        return back >= sentence.start and self.doc[back].lower_ in NEGATIONS | {"declined"}

    def _agentless(self, sentence: Span, index: int) -> bool:
        """ "is said to", "are believed to", "it was reported that", "it is understood"."""
        doc = self.doc
        back = index - 1
        while back > sentence.start and doc[back].lower_ in AGENTLESS_ADVERBS:
            back -= 1
        if back < sentence.start or doc[back].lower_ not in AGENTLESS_BE | {"has", "have", "had"}:
            return False
        following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
        if following == "by":
            return False  # "it was reported by the BBC" names its source
        if following == "to":
            after = doc[index + 2] if index + 2 < sentence.end else None
            return (
                doc[index].lower_ in INFINITIVE_OK
                and after is not None
                and after.is_lower
                and after.lower_ not in NOT_INFINITIVE
            )
        subject = doc[back - 1].lower_ if back - 1 >= sentence.start else ""
        return subject == "it" and following in {"that", ",", ".", "", "—"}

    def _agentless_start(self, sentence: Span, index: int) -> int:
        doc = self.doc
        back = index - 1
        while back > sentence.start and doc[back].lower_ not in AGENTLESS_BE:
            back -= 1
        while back > sentence.start and doc[back - 1].lower_ in AGENTLESS_BE | {
            "has",
            "have",
            "had",
        }:
            back -= 1
        if back - 1 >= sentence.start and doc[back - 1].lower_ == "it":
            return back - 1
        return back

    def _according_to(self, sentence: Span, index: int) -> Attribution:
        start = index + 2
        end = start
        while end < sentence.end and self.doc[end].text not in HARD_BOUNDARIES | SENTENCE_END:
            if self.doc[end].lower_ in CLAUSE_OPENERS and end > start:
                break
            end += 1
        span = trim(self.doc, start, end)
        kind = self._classify(span, sentence) if span else SourceKind.NONE
        return self._make(sentence, index, index + 2, CueType.ACCORDING_TO, span, kind)

    def _verb(self, sentence: Span, index: int, cue_type: CueType) -> Attribution:
        if (
            self.doc[index].lower_.endswith("ing")
            and index > sentence.start
            and self.doc[index - 1].text == ","
        ):
            # ", saying that …" / ", adding …": the speaker is the main clause's subject.
            return self._elided_make(sentence, index, cue_type)
        span = self._subject(sentence, index)
        if span is None:
            span = self._inverted(sentence, index)
        if span is None:
            return self._elided_make(sentence, index, cue_type)
        end = self._cue_end(sentence, index)
        return self._make(sentence, index, end, cue_type, span, self._classify(span, sentence))

    def _elided_make(self, sentence: Span, index: int, cue_type: CueType) -> Attribution:
        span = (
            self._opening_subject(sentence, index) if self._coordinated(sentence, index) else None
        )
        kind = self._classify(span, sentence) if span else SourceKind.OTHER
        if kind is SourceKind.OTHER:
            span, kind = None, self._elided(sentence, index)
        return self._make(sentence, index, self._cue_end(sentence, index), cue_type, span, kind)
