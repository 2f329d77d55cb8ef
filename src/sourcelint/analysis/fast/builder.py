"""The fast tier's builder: one pass over one Doc, finding cues, their sources and the
kinds of those sources from the words around them (no parse).

Without part-of-speech tags the subject of a verb is the stretch of words between the
verb and the nearest clause boundary on its left, cut before a relative clause ("A
senior official who works in the region … told"); an inverted attribution (", said a
senior official") takes the words after the verb. Pronouns and back-references ("he",
"the spokeswoman") take the kind of what they refer to.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sourcelint.analysis.fast.cues import CueMixin
from sourcelint.analysis.fast.kinds import KindMixin
from sourcelint.analysis.fast.sources import SourceMixin
from sourcelint.analysis.grammar import (
    core_end_of,
    cue_word,
    on_record_after,
    outlet_key,
    reason_given,
    standalone,
    trim,
)
from sourcelint.analysis.mentions import Mention, MentionKind, find_mentions, title_case
from sourcelint.analysis.record_fields import char_offsets, count_in
from sourcelint.analysis.records import Attribution, CueType
from sourcelint.analysis.spans import ByStart
from sourcelint.analysis.token_table import token_table
from sourcelint.analysis.vocabulary.function_words import ARTICLES
from sourcelint.analysis.vocabulary.newsroom import INTERVIEWER_CUES, RELAY_OPENERS
from sourcelint.analysis.vocabulary.pronouns import POSSESSIVE_MARKS
from sourcelint.analysis.vocabulary.verbs import AGENTLESS_VERBS
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sourcelint.analysis.sourcing import SourcingResources


@dataclass(frozen=True)
class FastSourcing:
    """The fast tier's sourcing model over compiled resources."""

    resources: SourcingResources

    def attributions(
        self, doc: Doc, quotes: tuple[tuple[int, int], ...], own_outlet: tuple[str, ...] = ()
    ) -> list[Attribution]:
        """Every attribution in ``doc`` in text order; ``own_outlet`` is no second-hand outlet."""
        return Builder(self.resources, doc, quotes, own_outlet).build()


class Builder(CueMixin, SourceMixin, KindMixin):
    """The state of one pass over one Doc."""

    def __init__(
        self,
        model: SourcingResources,
        doc: Doc,
        quotes: tuple[tuple[int, int], ...],
        own_outlet: tuple[str, ...] = (),
    ) -> None:
        self.model = model
        self.words = model.words
        self.doc = doc
        self.quotes = quotes
        self.table = token_table(doc)
        # Title-case sentences: there capitals mark words, not names ("Officials Say …").
        self.headlines = frozenset(s.start for s in self.table.sentences if title_case(s))
        found = [m for m in model.outlets.find(doc) if standalone(doc, m.start, m.end)]
        own = model.own_outlets(doc, found, own_outlet)
        outlet_spans = [
            (m.start, m.end) for m in found if outlet_key(doc[m.start : m.end].text) not in own
        ]
        self.mentions = [
            replace(m, kind=MentionKind.ORGANIZATION)
            if m.kind is MentionKind.OUTLET and outlet_key(doc[m.start : m.end].text) in own
            else m
            for m in find_mentions(doc, self.words, outlet_spans, self.headlines)
        ]
        self.mention_at: dict[int, Mention] = {}
        for mention in self.mentions:
            for index in range(mention.start, mention.end):
                self.mention_at[index] = mention
        outlet_ends = {end for _, end in outlet_spans}
        self.recipient_spans = ByStart(
            [
                (m.start, m.end, m.mark_start, m.mark_end)
                for m in model.recipients.find(doc)
                if m.end
                in outlet_ends  # the outlet is a name of its own, not "the Independent Police …"
            ]
        )
        self.reason_sentences = {doc[m.start].sent.start for m in model.reasons.all_matches(doc)}
        self.on_record_starts = {m.start for m in model.on_record.all_matches(doc)}
        self.hearsay_matches = ByStart(model.hearsay.find(doc))
        self.named_roles: set[str] = set()
        self.journalists: set[str] = set()  # surnames of people who speak for an outlet
        self.last_person: int | None = None  # token index of the latest person mention
        self.last_speaker: int | None = None  # … of the latest one outside quotations
        self.last_singular: tuple[int, SourceKind] | None = None
        self.last_plural: tuple[int, SourceKind] | None = None
        self.last_thing: tuple[int, SourceKind] | None = None
        self.sentence_cues: list[Attribution] = []  # the cues found so far in this sentence

    # ------------------------------------------------------------------ driving
    def build(self) -> list[Attribution]:
        sentences = self.table.sentences
        for sentence in sentences:
            # Roles named anywhere count: a headline's "former chairman" is named below.
            self._learn_roles(sentence)
        self._learn_journalists()
        found: list[Attribution] = []
        for sentence in sentences:
            found.extend(self._sentence(sentence))
        return found

    def _sentence(self, sentence: Span) -> list[Attribution]:
        doc = self.doc
        texts, lowers = self.table.text, self.table.lower
        found: list[Attribution] = []
        self.sentence_cues = found
        headline = sentence.start in self.headlines

        def cased(text: str) -> bool:
            """A cue is written in lower case, or capitalized in a title-case headline
            (spaCy's ``is_lower`` and ``is_title`` are these string tests)."""
            return text.islower() or (headline and text.istitle())

        index = sentence.start
        while index < sentence.end:
            text = texts[index]
            lower = lowers[index]
            attribution: Attribution | None = None
            if lower == "according" and index + 1 < sentence.end and lowers[index + 1] == "to":
                attribution = self._according_to(sentence, index)
            elif lower in self.words.hearsay_adverbs:
                attribution = self._make(
                    sentence, index, index + 1, CueType.HEARSAY, None, SourceKind.NONE
                )
            elif lower in AGENTLESS_VERBS and self._agentless(sentence, index):
                start = self._agentless_start(sentence, index)
                infinitive = index + 1 < sentence.end and lowers[index + 1] == "to"
                end = index + 2 if infinitive else index + 1
                attribution = self._make(
                    sentence, start, end, CueType.AGENTLESS, None, SourceKind.NONE
                )
            elif (
                lower in {"learned", "learnt"}
                and index > sentence.start
                and lowers[index - 1] in {"has", "have"}
                and (
                    (index + 1 < sentence.end and texts[index + 1] in {"that", ",", "“", '"', ":"})
                    or self._post_posed(sentence, index)
                )
            ):
                attribution = self._verb(sentence, index, CueType.LEARNED)
            elif cased(text) and lower in self.words.claim_verbs and self._passive(sentence, index):
                attribution = self._by_agent(sentence, index)
            elif (
                lower in self.words.speech_verbs
                and cased(text)
                and self._is_speech(sentence, index)
            ):
                attribution = self._verb(sentence, index, CueType.VERB)
            elif lower in self.words.group_verbs and cased(text):
                attribution = self._stance(sentence, index)
            elif text == ":" and self._speaker_label(sentence, index):
                span = trim(doc, sentence.start, index)
                kind = self._classify(span, sentence) if span else SourceKind.OTHER
                attribution = self._make(sentence, index, index + 1, CueType.VERB, span, kind)
            elif lower in {"read", "reads"} and cased(text):
                attribution = self._reads(sentence, index)
            if attribution is not None and not self._hypothetical(attribution):
                found.append(attribution)
                self._remember(attribution)
            self._track_mentions(index)
            index += 1
        found.extend(self._nominal_hearsay(sentence))
        return self._attach_recipients(sentence, sorted(found, key=lambda a: a.cue_tokens))

    def _nominal_hearsay(self, sentence: Span) -> list[Attribution]:
        """ "initial reports of the explosion", "allegations that …": claims of nobody."""
        doc = self.doc
        found = []
        headline = sentence.start in self.headlines  # no names: "Amid Allegations of"
        for match in self.hearsay_matches.within(sentence):
            before = doc[match.start - 1] if match.start > sentence.start else None
            if before is not None and (
                before.lower_ in POSSESSIVE_MARKS or (before.i in self.mention_at and not headline)
            ):
                continue  # "his claims that", "the Times' reports of": someone is named
            noun_end = match.end - 1  # the cue is the noun; "of"/"that" is the link
            if doc[noun_end].lower_ == "of" and not headline and self._owned_by_name(match.end):
                continue  # "the claims of President Obama's speech": he is named
            attribution = self._make(
                sentence, match.start, noun_end, CueType.HEARSAY, None, SourceKind.NONE
            )
            found.append(attribution)
        return found

    def _owned_by_name(self, index: int) -> bool:
        """A person or organization named right at ``index``, determiners aside."""
        while index < len(self.doc) and self.doc[index].lower_ in ARTICLES:
            index += 1
        mention = self.mention_at.get(index)
        return mention is not None and mention.kind is not MentionKind.GROUP

    def _attach_recipients(self, sentence: Span, found: list[Attribution]) -> list[Attribution]:
        """Give each "told Reuters" / "asked by Reuters" to the nearest cue of its sentence."""
        for start, _end, mark_start, mark_end in self.recipient_spans.within(sentence):
            near = [i for i in range(len(found)) if abs(found[i].cue_tokens[0] - start) <= 25]
            if near:
                nearest = min(near, key=lambda i: abs(found[i].cue_tokens[0] - start))
                found[nearest] = replace(found[nearest], recipient=(mark_start, mark_end))
            elif self.doc[start].lower_ in RELAY_OPENERS:
                # No cue of its own ("In an interview with CNN on Sunday."): the phrase is one.
                cue = self._make(sentence, start, start + 1, CueType.VERB, None, SourceKind.OTHER)
                found.append(
                    replace(cue, cue=(mark_start, mark_end), recipient=(mark_start, mark_end))
                )
        return found

    # ------------------------------------------------------------------ records
    def _make(
        self,
        sentence: Span,
        cue_start: int,
        cue_end: int,
        cue_type: CueType,
        source: tuple[int, int] | None,
        kind: SourceKind,
    ) -> Attribution:
        doc = self.doc
        cue = char_offsets(doc, cue_start, cue_end)
        source_chars = char_offsets(doc, *source) if source else None
        on_record = on_record_after(self.on_record_starts, cue_end, sentence.end)
        if on_record and kind is SourceKind.ANONYMOUS:
            kind = SourceKind.ORGANIZATION
        if (
            kind is SourceKind.OUTLET
            and doc[cue_start].lower_ in INTERVIEWER_CUES
            and (source is None or self._people_in(*source))
        ):
            kind = SourceKind.NAMED  # a journalist asking questions relays nothing
        count = count_in(doc, *source) if source else None
        content = self._content(sentence, cue_start, cue_end, source)
        return Attribution(
            cue=cue,
            cue_type=cue_type,
            kind=kind,
            source=source_chars,
            content=content,
            quoted=self._in_quote(cue[0]),
            count=count,
            reason=reason_given(doc, sentence, self.reason_sentences),
            on_record=on_record,
            cue_tokens=(cue_start, cue_end),
            source_tokens=source,
            head=core_end_of(doc, *source) - 1 if source else None,
            cue_word=cue_word(doc, cue_start, cue_end, cue_type),
            referent=self._referent(source) if kind is SourceKind.NAMED else None,
        )

    def _referent(self, source: tuple[int, int] | None) -> str | None:
        """The surname a named source stands for: its own name, or the last person met."""
        people = self._people_in(*source) if source is not None else []
        if people:
            return self.doc[people[-1].end - 1].lower_
        return self.doc[self.last_person].lower_ if self.last_person is not None else None

    def _content(
        self, sentence: Span, cue_start: int, cue_end: int, source: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        doc = self.doc
        first = min(source[0], cue_start) if source else cue_start
        if first > sentence.start and doc[first - 1].text in {",", "”", '"', "—"}:
            # Post-posed ("…,” a senior aide said"): the content comes before.
            return char_offsets(doc, sentence.start, first - 1)
        after = max(cue_end, source[1] if source and source[0] >= cue_end else cue_end)
        while after < sentence.end and doc[after].lower_ in {"that", ",", ":"}:
            after += 1
        if after < sentence.end and sentence.end - after > 1:
            return char_offsets(doc, after, sentence.end)
        if first > sentence.start:
            return char_offsets(doc, sentence.start, first)
        return None

    def _in_quote(self, offset: int) -> bool:
        index = bisect_right(self.quotes, (offset, float("inf"))) - 1
        return index >= 0 and self.quotes[index][0] < offset < self.quotes[index][1]
