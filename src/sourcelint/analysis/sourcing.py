"""The sourcing model: who is credited with what, how, and what kind of source it is.

For every attribution the fast tier finds a cue (a speech verb, "according to", a
hearsay adverb such as "reportedly", an agentless "is said to" / "it is believed"),
the source phrase it credits, and the kind of that source. Without part-of-speech
tags the subject of a verb is the stretch of words between the verb and the nearest
clause boundary on its left, cut before a relative clause ("A senior official who
works in the region … told"); an inverted attribution (", said a senior official")
takes the words after the verb. Pronouns and back-references ("he", "the
spokeswoman") take the kind of what they refer to.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from sourcelint.analysis.mentions import Mention, MentionKind, find_mentions
from sourcelint.analysis.words import SourcingWords

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from sourcelint.analysis.phrases import PhraseSet


class SourceKind(StrEnum):
    """What kind of source an attribution credits (the profile counts these)."""

    NAMED = "named"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    NONE = "none"
    OTHER = "other"  # a source the fast tier cannot type; never flagged


class CueType(StrEnum):
    VERB = "verb"  # "said", "told", "argued"
    ACCORDING_TO = "according-to"
    HEARSAY = "hearsay"  # "reportedly", "purportedly"
    AGENTLESS = "agentless"  # "is said to", "it is believed that", "it was reported"
    LEARNED = "learned"  # "has learned"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution. Spans are character offsets into ``Article.text``."""

    cue: tuple[int, int]
    cue_type: CueType
    kind: SourceKind
    source: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    quoted: bool = False
    recipient: tuple[int, int] | None = None
    count: int | None = None
    reason: bool = False
    on_record: bool = False
    # Token indices, for rules that need to look around the cue or the source.
    cue_tokens: tuple[int, int] = (0, 0)
    source_tokens: tuple[int, int] | None = None
    head: int | None = None  # token index of the source's head noun
    cue_word: str = ""  # the cue's key word, lower-cased: "said", "reportedly", "according to"
    referent: str | None = None  # a named source's surname, lower-cased, pronouns resolved

    @property
    def core(self) -> tuple[int, int] | None:
        """Token span of the source up to its head: "A senior official" of "… who works"."""
        if self.source_tokens is None or self.head is None:
            return None
        return (self.source_tokens[0], self.head + 1)

    def to_dict(
        self,
        text: str,
        place: Callable[[tuple[int, int]], dict[str, object]] | None = None,
    ) -> dict[str, object]:
        """Plain data; ``place`` positions a span (default: offsets into ``text``)."""

        def piece(span: tuple[int, int] | None) -> dict[str, object] | None:
            if span is None:
                return None
            if place is not None:
                return place(span)
            return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}

        return {
            "cue": piece(self.cue),
            "cue_type": self.cue_type.value,
            "source": piece(self.source),
            "kind": self.kind.value,
            "content": piece(self.content),
            "quoted": self.quoted,
            "recipient": piece(self.recipient),
            "count": self.count,
            "anonymity_reason": self.reason,
            "on_record": self.on_record,
        }


# Words skipped between a subject and its verb ("Jafari then said", "has also said").
_BETWEEN = {
    "then", "also", "later", "earlier", "first", "again", "still", "once", "often", "never",
    "has", "have", "had", "would", "will", "could", "can", "may", "might", "did", "does", "do",
    "not", "n't", "was", "were", "is", "are", "be", "been", "reportedly", "privately",
    "publicly", "separately", "recently", "previously", "repeatedly", "initially", "just",
    "already", "ultimately", "simply", "even", "only", "long", "since", "further",
}  # fmt: skip
_HARD_BOUNDARIES = {",", ";", ":", "(", ")", "—", "–", "--", "“", "”", '"', "‘", "’", "[", "]"}
_CLAUSE_OPENERS = {
    "that", "while", "when", "whereas", "because", "although", "though", "if", "unless",
    "after", "before", "since", "until", "as", "but", "and", "or", "so", "where", "once",
    "whether", "than", "nor", "what",
}  # fmt: skip
_RELATIVES = {"who", "which", "whom", "whose"}
# "Federal officials Tuesday said": a day between subject and verb.
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "tonight"}  # fmt: skip
# Words ending in -ly that are not adverbs.
_LY_WORDS = {"family", "assembly", "rally", "ally", "supply", "reply", "apply", "italy", "july",
             "anomaly", "monopoly", "daily", "weekly", "monthly", "quarterly", "yearly",
             "early", "likely", "friendly", "elderly", "holy", "lonely", "ugly", "bully",
             "belly", "jelly", "fly", "only", "comply", "imply", "multiply", "rely", "firefly",
             "butterfly", "homily"}  # fmt: skip
_VANTAGE = {"close", "familiar", "briefed", "involved", "knowledgeable", "with", "inside", "within"}
# Which member of a compound source decides its kind (the gold labelling rule).
_PRECEDENCE = ("named", "organization", "outlet", "document", "anonymous", "vague")
_LISTENER_VERBS = {"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking",
                   "urge", "urged", "implore", "implored", "brief", "briefed", "warn",
                   "warned"}  # fmt: skip
# Relay phrases that report speech on their own ("In an interview with CNN, …").
_RELAY_OPENERS = {"told", "tell", "tells", "telling", "asked", "questioned", "interviewed",
                  "in", "during", "speaking", "talking", "spoke", "speaks", "talked",
                  "talks", "first", "originally", "initially", "reported", "published",
                  "revealed", "disclosed", "obtained", "broken", "being",
                  "informed"}  # fmt: skip
_TIME_WORDS = {"in", "on", "at", "last", "this", "next", "early", "late", "earlier", "later",
               "today", "yesterday", "week", "month", "year", "morning", "afternoon",
               "evening", "night", "again", "also", "the", "a", "an", "time", "weekend",
               "ago", "statement", "interview", "speech"}  # fmt: skip
_AGENTLESS_ADVERBS = {"widely", "also", "long", "later", "now", "generally", "commonly", "often",
                      "been", "being", "not", "n't", "never", "first", "initially",
                      "previously", "once", "still", "further"}  # fmt: skip
_LEADING_LINKS = {
    "and",
    "or",
    "but",
    "so",
    "then",
    "also",
    "yet",
    "nor",
    "&",
    "now",
    "perhaps",
    "maybe",
}
_PARTITIVES = {"one", "some", "many", "most", "several", "two", "three", "four", "few", "both"}
# Role words that make a source on their own ("someone said"), unlike a headline's "Lawmaker".
_LONE_SOURCES = {"people", "staff", "someone", "somebody", "anyone", "anybody"}
_NOUN_MARKERS = {"to", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
# Quantifiers are subjects too ("Some argue"), but make nouns of these ("many questions").
_QUANTIFIERS = {"this", "that", "these", "those", "many", "some", "few", "more", "no", "any",
                "several", "key", "serious", "new", "further", "open"}  # fmt: skip
_NOUN_LIKE = {"question", "questions", "report", "reports", "claim", "claims", "comment",
              "comments", "doubt", "doubts", "fear", "fears", "estimate", "estimates",
              "forecast", "forecasts", "reply", "replies", "note", "notes", "answer", "worry",
              "worries", "concern", "concerns", "charge", "charges", "warning"}  # fmt: skip
_ASIDES = {"however", "though", "too", "meanwhile", "instead", "also", "moreover", "indeed",
           "in", "fact", "of", "course", "for", "example", "instance", "turn", "still",
           "nonetheless", "nevertheless", "then", "now", "particular"}  # fmt: skip
_AUXILIARIES = {"will", "would", "can", "could", "shall", "should", "may", "might", "must",
                "has", "have", "had", "is", "are", "was", "were", "do", "does", "did"}  # fmt: skip
# Subjects longer than this with no boundary found are cut to their last noun phrase.
_LONG_SUBJECT = 5
_NAMING_PARTICIPLES = {"called", "named", "dubbed", "titled", "entitled", "nicknamed"}
# Past tenses that do not end in -ed: where an opening subject's verb begins.
_IRREGULAR_PAST = {"left", "met", "sent", "took", "made", "went", "came", "gave", "held", "told",
                   "said", "wrote", "spoke", "began", "ran", "sat", "stood", "won", "lost",
                   "brought", "bought", "thought", "found", "kept", "led", "paid", "put", "heard",
                   "saw", "knew", "got", "fought", "sought", "struck", "rose", "fell", "broke",
                   "chose", "drove", "flew", "grew", "threw", "spent", "built", "felt", "meant",
                   "became", "withdrew", "forgave", "sued", "hit", "quit", "shut", "cut",
                   "let"}  # fmt: skip
# Participles of cue verbs that do not end in -ed or -en.
_PARTICIPLES = {"told", "said", "thought", "quoted", "called", "led", "held", "read", "heard",
                "asked", "known", "shown", "written", "found"}  # fmt: skip
# Outlet nouns with other senses: outlets only bare ("the network said") or as news.
_BROAD_OUTLET_NOUNS = {"network", "networks", "station", "stations", "channel", "outlet",
                       "outlets", "service", "press"}  # fmt: skip
_NEWS_MODIFIERS = {"news", "cable", "television", "tv", "broadcast", "radio", "media",
                   "state-run", "local", "national", "conservative", "liberal"}  # fmt: skip
_APPOSITION_ENDS = {",", ".", ";", ")", "—", "!", "?"}
# Conjunctions that open a clause of their own inside a relative clause.
_SUBORDINATORS = {"since", "because", "while", "although", "though", "if", "when", "after",
                  "before", "until", "unless", "whereas", "once"}  # fmt: skip
_BELIEF_VERBS = {"believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels",
                 "felt", "fear", "fears", "feared", "worry", "worries", "worried", "expect",
                 "expects", "expected", "hope", "hopes", "hoped"}  # fmt: skip
_CONTRACTED = {"let", "it", "that", "he", "she", "there", "what", "who", "here", "where"}
_ARTICLES = {"the", "a", "an"}
_DEFINITE = {"the", "both", "these", "those", "their", "its", "our"}
_PUBLISHING_CUES = {"writing", "wrote", "writes", "reporting", "reported", "reports"}
_INTERVIEWER_CUES = {"asked", "asks", "asking", "questioned", "pressed", "interviewed"}
_SENTENCE_ADVERBS = {"meanwhile", "still", "however", "instead", "yet", "also", "then",
                     "later", "earlier", "moreover", "nevertheless", "similarly", "likewise",
                     "separately", "elsewhere", "now", "so", "thus"}  # fmt: skip
# "the paper" may be a research paper as well as a newspaper.
_PAPERS = {"paper", "papers"}
# An outlet's numbers are data, not its reporting.
_DATA_NOUNS = {"poll", "polls", "polling", "survey", "surveys", "forecast", "forecasts", "tally",
               "data", "database", "average", "averages", "estimate", "estimates", "figures",
               "statistics", "projections", "index", "results", "returns"}  # fmt: skip
_AMOUNTS = {"million", "billion", "trillion", "thousand", "hundred", "percent", "%"}
_CURRENCIES = {"$", "€", "£", "¥"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it"}
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
_SENTENCE_END = {".", "!", "?", "…"}
_STRONG_CUES = {"say", "says", "said", "saying", "tell", "tells", "told", "telling", "add",
                "adds", "added", "adding"}  # fmt: skip
_PARTICLES = {"of", "about", "for", "with", "from", "into", "over", "up", "down", "off", "away",
              "back", "to", "around", "through"}  # fmt: skip
_QUESTION_WORDS = {"whether", "if", "how", "why", "what", "when", "who", "where", "which"}
_NEGATIONS = {"not", "n't", "never", "no", "nobody", "neither"}
_PRINCIPAL = {"for", "to", "of", "with", "at", "from", "by", "under", "near", "about"}
_PREPOSITION_WORDS = _PRINCIPAL | _PARTICLES | {"in", "on", "around", "across", "inside", "within",
                                                "among", "between", "against", "toward",
                                                "towards", "behind", "beyond"}  # fmt: skip
_COMPLEMENT = {"that", "“", '"', ":", ","}
_IDENTIFIED = {SourceKind.NAMED, SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                "that", "these", "those", "some", "many", "most", "several", "other",
                "others"}  # fmt: skip
# After "is said to", words that show "to" is a preposition, not an infinitive.
_NOT_INFINITIVE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                   "him", "them", "me", "us", "police", "authorities", "officials", "reporters",
                   "investigators", "this", "that", "these", "those"}  # fmt: skip
_PREPOSITIONS = {
    "with",
    "of",
    "for",
    "by",
    "about",
    "without",
    "after",
    "before",
    "in",
    "on",
    "from",
}
# Generic report nouns: "according to reports" credits nobody.
_GENERIC_REPORTS = {"reports", "rumors", "rumours", "accounts", "speculation", "reporting"}
_POSTMODIFIERS = {
    "of", "for", "at", "with", "in", "from", "on", "close", "familiar", "briefed", "involved",
    "knowledgeable", "inside", "within", "to", "who", "which", "that", "(", ",", "under", "near",
    "by",
}  # fmt: skip
_PRONOUNS_SINGULAR = {"he", "she", "him", "her"}
_PRONOUNS_PLURAL = {"they", "them"}
_PRONOUNS_OTHER = {"it", "i", "we", "you", "one", "this", "that", "these", "those"}
_NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "a dozen", "dozen", "dozens", "a pair of", "both"}  # fmt: skip
_AGENTLESS_BE = {"is", "are", "was", "were", "been", "be", "being"}
_AGENTLESS_VERBS = {"said", "believed", "thought", "rumored", "rumoured", "reported",
                    "alleged", "understood", "claimed", "feared", "suspected", "learned",
                    "learnt"}  # fmt: skip
_INFINITIVE_OK = {"believed", "thought", "said", "rumored", "rumoured", "reported", "alleged",
                  "understood", "claimed", "suspected", "feared"}  # fmt: skip


@dataclass(frozen=True)
class SourcingModel:
    """Builds attributions for Docs; compiled once per analyzer."""

    words: SourcingWords
    outlets: PhraseSet
    recipients: PhraseSet
    reasons: PhraseSet
    on_record: PhraseSet
    hearsay: PhraseSet
    # Outlets the gazetteer spells in lower case too ("Politico"): written in capitals
    # ("told POLITICO"), the name is the house style of the outlet publishing the story.
    mixed_case_outlets: frozenset[str] = frozenset()

    def attributions(
        self, doc: Doc, quotes: tuple[tuple[int, int], ...], own_outlet: tuple[str, ...] = ()
    ) -> list[Attribution]:
        """Every attribution in ``doc`` in text order; ``own_outlet`` is no second-hand outlet."""
        return _Builder(self, doc, quotes, own_outlet).build()


def build_sourcing_model(nlp: Language, lexicon: Mapping[str, tuple[str, ...]]) -> SourcingModel:
    """Compile the word lists and phrase sets the model needs."""
    from sourcelint.analysis.phrases import PhraseSet

    def words(name: str) -> tuple[str, ...]:
        return lexicon[name]

    return SourcingModel(
        words=SourcingWords.from_lexicon(lexicon),
        outlets=PhraseSet(nlp, ["{@outlet}"], words),
        recipients=PhraseSet(nlp, lexicon.get("recipient_template", ()), words),
        reasons=PhraseSet(nlp, ["{@anonymity_reason}"], words),
        on_record=PhraseSet(nlp, ["{@on_record_setting}"], words),
        hearsay=PhraseSet(nlp, lexicon.get("hearsay_template", ()), words),
        mixed_case_outlets=frozenset(
            _outlet_key(name) for name in lexicon.get("outlet", ()) if not name.isupper()
        ),
    )


class _Builder:
    """The state of one pass over one Doc."""

    def __init__(
        self,
        model: SourcingModel,
        doc: Doc,
        quotes: tuple[tuple[int, int], ...],
        own_outlet: tuple[str, ...] = (),
    ) -> None:
        self.model = model
        self.words = model.words
        self.doc = doc
        self.quotes = quotes
        own = {_outlet_key(name) for name in own_outlet}
        found = [m for m in model.outlets.find(doc) if _standalone(doc, m.start, m.end)]
        own |= {
            _outlet_key(doc[m.start : m.end].text)
            for m in found
            if _house_style(doc[m.start : m.end].text, model.mixed_case_outlets)
        }
        outlet_spans = [
            (m.start, m.end) for m in found if _outlet_key(doc[m.start : m.end].text) not in own
        ]
        self.mentions = [
            replace(m, kind=MentionKind.ORGANIZATION)
            if m.kind is MentionKind.OUTLET and _outlet_key(doc[m.start : m.end].text) in own
            else m
            for m in find_mentions(doc, self.words, outlet_spans)
        ]
        self.mention_at: dict[int, Mention] = {}
        for mention in self.mentions:
            for index in range(mention.start, mention.end):
                self.mention_at[index] = mention
        outlet_ends = {end for _, end in outlet_spans}
        self.recipient_spans = [
            (m.start, m.end, m.mark_start, m.mark_end)
            for m in model.recipients.find(doc)
            if m.end
            in outlet_ends  # the outlet is a name of its own, not "the Independent Police …"
        ]
        self.reason_sentences = {doc[m.start].sent.start for m in model.reasons.all_matches(doc)}
        self.on_record_starts = {m.start for m in model.on_record.all_matches(doc)}
        self.hearsay_matches = model.hearsay.find(doc)
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
        sentences = list(self.doc.sents)
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
        found: list[Attribution] = []
        self.sentence_cues = found
        index = sentence.start
        while index < sentence.end:
            token = doc[index]
            lower = token.lower_
            attribution: Attribution | None = None
            if lower == "according" and index + 1 < sentence.end and doc[index + 1].lower_ == "to":
                attribution = self._according_to(sentence, index)
            elif lower in self.words.hearsay_adverbs:
                attribution = self._make(
                    sentence, index, index + 1, CueType.HEARSAY, None, SourceKind.NONE
                )
            elif lower in _AGENTLESS_VERBS and self._agentless(sentence, index):
                start = self._agentless_start(sentence, index)
                infinitive = index + 1 < sentence.end and doc[index + 1].lower_ == "to"
                end = index + 2 if infinitive else index + 1
                attribution = self._make(
                    sentence, start, end, CueType.AGENTLESS, None, SourceKind.NONE
                )
            elif (
                lower in {"learned", "learnt"}
                and index > sentence.start
                and doc[index - 1].lower_ in {"has", "have"}
                and (
                    (
                        index + 1 < sentence.end
                        and doc[index + 1].text in {"that", ",", "“", '"', ":"}
                    )
                    or self._post_posed(sentence, index)
                )
            ):
                attribution = self._verb(sentence, index, CueType.LEARNED)
            elif (
                token.is_lower
                and lower in self.words.speech_verbs | self.words.stance_verbs
                and self._passive(sentence, index)
            ):
                attribution = self._by_agent(sentence, index)
            elif (
                lower in self.words.speech_verbs
                and token.is_lower
                and self._is_speech(sentence, index)
            ):
                attribution = self._verb(sentence, index, CueType.VERB)
            elif lower in self.words.stance_verbs | self.words.outlet_verbs and token.is_lower:
                attribution = self._stance(sentence, index)
            elif token.text == ":" and self._speaker_label(sentence, index):
                span = _trim(doc, sentence.start, index)
                kind = self._classify(span, sentence) if span else SourceKind.OTHER
                attribution = self._make(sentence, index, index + 1, CueType.VERB, span, kind)
            elif lower in {"read", "reads"} and token.is_lower:
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
        for match in _within(self.hearsay_matches, sentence):
            before = doc[match.start - 1] if match.start > sentence.start else None
            if before is not None and (
                before.lower_ in _POSSESSIVES | {"'s", "’s"} or before.i in self.mention_at
            ):
                continue  # "his claims that", "the Times' reports of": someone is named
            noun_end = match.end - 1  # the cue is the noun; "of"/"that" is the link
            if doc[noun_end].lower_ == "of" and self._owned_by_name(match.end):
                continue  # "the claims of President Obama's speech": he is named
            attribution = self._make(
                sentence, match.start, noun_end, CueType.HEARSAY, None, SourceKind.NONE
            )
            found.append(attribution)
        return found

    def _hypothetical(self, attribution: Attribution) -> bool:
        """ "if people think …", "voters who believed …": nobody is credited with a claim;
        a group is described."""
        doc = self.doc
        cue = attribution.cue_tokens[0]
        back = cue - 1
        while back > 0 and skippable(doc[back]):
            back -= 1
        word = doc[cue].lower_
        describing = word in self.words.stance_verbs or word in _BELIEF_VERBS
        restrictive = doc[back].lower_ in {"who", "that"} and doc[back - 1].text != ","
        if (
            describing
            and restrictive
            and attribution.kind
            in {
                SourceKind.ANONYMOUS,
                SourceKind.VAGUE,
            }
        ):
            return True
        if attribution.source_tokens is None:
            return False
        start = attribution.source_tokens[0]
        return start > 0 and doc[start - 1].lower_ in {"if", "unless", "whether"}

    def _owned_by_name(self, index: int) -> bool:
        """A person or organization named right at ``index``, determiners aside."""
        while index < len(self.doc) and self.doc[index].lower_ in _ARTICLES:
            index += 1
        mention = self.mention_at.get(index)
        return mention is not None and mention.kind is not MentionKind.GROUP

    def _attach_recipients(self, sentence: Span, found: list[Attribution]) -> list[Attribution]:
        """Give each "told Reuters" / "asked by Reuters" to the nearest cue of its sentence."""
        for start, _end, mark_start, mark_end in _within(self.recipient_spans, sentence):
            near = [i for i in range(len(found)) if abs(found[i].cue_tokens[0] - start) <= 25]
            if near:
                nearest = min(near, key=lambda i: abs(found[i].cue_tokens[0] - start))
                found[nearest] = replace(found[nearest], recipient=(mark_start, mark_end))
            elif self.doc[start].lower_ in _RELAY_OPENERS:
                # No cue of its own ("In an interview with CNN on Sunday."): the phrase is one.
                cue = self._make(sentence, start, start + 1, CueType.VERB, None, SourceKind.OTHER)
                found.append(
                    replace(cue, cue=(mark_start, mark_end), recipient=(mark_start, mark_end))
                )
        return found

    # ------------------------------------------------------------------ cues
    def _is_speech(self, sentence: Span, index: int) -> bool:
        doc = self.doc
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
        noun_like = doc[index].lower_ in _NOUN_LIKE and following not in _COMPLEMENT
        if previous in _NOUN_MARKERS or (previous in _QUANTIFIERS and noun_like):
            return False  # an infinitive or a noun ("to say", "the report", "many questions")
        if previous in _PREPOSITIONS and doc[index].lower_.endswith("ing"):
            return False  # a gerund ("issues with commenting")
        if following == "to" and doc[index].lower_ in {"said", "says", "reported", "believed"}:
            return False  # "is said to" is hearsay, handled as agentless
        word = doc[index].lower_
        if (
            word not in _STRONG_CUES
            and word.endswith("s")  # "notes", "claims": a plural noun or a verb; "noted" is not
            and index - 2 >= sentence.start
            and doc[index - 2].lower_ in _NOUN_MARKERS | _PREPOSITION_WORDS
            and doc[index - 1].is_lower
            and not skippable(doc[index - 1])
            and not self._known_head(index - 1)
        ):
            return False  # "the same notes", "with insulting remarks": a noun
        if self._noun_after_name(index) and following != "that":
            return False  # "the Times report came out"; "a Times report that …" still credits
        if word in _NAMING_PARTICIPLES and self._names_a_thing(sentence, index):
            return False  # "a group called Lashkar", "a plan dubbed Fortress": a name given
        if word.startswith("point"):
            # "pointed to the map" reports nothing; "pointed out (that)" does.
            return following == "out" and not self._negated(sentence, index)
        progressive = previous in _AGENTLESS_BE
        if (
            word.endswith("ing")
            and previous != ","
            and not progressive
            and following not in _COMPLEMENT
        ):
            return False  # a participle ("taxpayers reporting gains"), not ", saying that"
        if self._negated(sentence, index):
            return False  # "did not respond", "has not said": nothing is credited
        if previous in _AGENTLESS_BE and word in _AGENTLESS_VERBS:
            return False  # "was said", "is believed": agentless, handled apart
        if word in _STRONG_CUES:
            return True
        if following in _PARTICLES:
            return False  # "asked for", "thought of", "agreed with", "spoke about"
        if word in self.words.complement_verbs:
            return (
                following in _COMPLEMENT | _QUESTION_WORDS
                or self._clause_follows(sentence, index)
                or self._complement_after_time(sentence, index)
                or following in _SENTENCE_END
                or index + 1 >= sentence.end
                or previous in {",", "”", '"'}
                or sentence.end - index <= 5  # post-posed: "…, the Times reported Monday."
            )
        return True

    def _names_a_thing(self, sentence: Span, index: int) -> bool:
        """ "a group called Lashkar belongs" names the group; "an aide called Roe a liar" and
        "officials called Roe's plan" speak."""
        doc = self.doc
        previous = doc[index - 1] if index > sentence.start else None
        if (
            previous is None
            or not previous.is_lower
            or previous.lower_.endswith("s")
            or previous.lower_ in _AUXILIARIES | _BETWEEN | _SUBJECT_PRONOUNS | _RELATIVES
            or previous.lower_ in self.words.anonymous_nouns  # a person calls: "the leader"
        ):
            return False
        after = index + 1
        while after < sentence.end and doc[after].is_title:
            after += 1
        if after == index + 1:
            return False
        following = doc[after].lower_ if after < sentence.end else ""
        return following not in _DETERMINERS | {"'s", "’s"}

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
        return any(doc[i].lower_ in _AUXILIARIES for i in range(start, adjacent))

    def _is_stance(self, sentence: Span, index: int) -> bool:
        doc = self.doc
        previous = doc[index - 1].lower_ if index > sentence.start else ""
        if (
            previous in _NOUN_MARKERS | {"whose"}
            or previous in _QUANTIFIERS
            or previous in _PREPOSITION_WORDS
        ):
            return False  # "the support", "whose support", "to oppose", "for support"
        if doc[index].lower_.endswith("ing") and previous not in _AGENTLESS_BE:
            return False
        if doc[index].lower_ in _NAMING_PARTICIPLES and self._names_a_thing(sentence, index):
            return False
        if self._noun_after_name(index):
            return False  # "a USA Today report", "the AP's review": a noun after a name
        if (
            index - 2 >= sentence.start
            and doc[index - 2].lower_ in _NOUN_MARKERS
            and doc[index - 1].is_lower
            and not self._known_head(index - 1)
        ):
            return False  # "a long debate", "the broad support": a noun after its adjective
        back = index - 1
        while (
            back > sentence.start and skippable(doc[back]) and doc[back].lower_ not in _AGENTLESS_BE
        ):
            back -= 1
        if doc[back].lower_ in _AGENTLESS_BE and doc[index].lower_.endswith(("ed", "en")):
            return False  # passive: "was praised", "were mistakenly charged"
        return not self._negated(sentence, index)

    def _passive(self, sentence: Span, index: int) -> bool:
        """ "was criticized", "has been called": the subject is not the speaker."""
        doc = self.doc
        if not doc[index].lower_.endswith(("ed", "en")) and doc[index].lower_ not in _PARTICIPLES:
            return False
        back = index - 1
        while (
            back > sentence.start
            and doc[back].lower_ not in _AGENTLESS_BE
            and (skippable(doc[back]) or doc[back].lower_ in _AGENTLESS_ADVERBS)
        ):
            back -= 1  # "is then denounced", "was first reported"
        return back >= sentence.start and doc[back].lower_ in _AGENTLESS_BE

    def _by_agent(self, sentence: Span, index: int) -> Attribution | None:
        """ "was criticized by experts": the agent after "by" is the source; with none, the
        passive credits nobody in particular and is left alone."""
        doc = self.doc
        by = None
        for position in range(index + 1, min(sentence.end, index + 8)):
            token = doc[position]
            if token.lower_ == "by":
                by = position
                break
            if (
                token.text in _HARD_BOUNDARIES | _SENTENCE_END
                or token.lower_ in _PREPOSITION_WORDS | _CLAUSE_OPENERS
                or token.lower_.endswith(("ed", "en"))
                or token.lower_ in _PARTICIPLES
            ):
                return None  # "asked during a lunch held by …": "by" belongs elsewhere
        if by is None:
            return None
        end = by + 1
        while end < sentence.end and end - by <= _LONG_SUBJECT * 2:
            token = doc[end]
            if token.text in _HARD_BOUNDARIES | _SENTENCE_END or token.lower_ in _CLAUSE_OPENERS:
                break
            if token.lower_ in _PREPOSITION_WORDS - {"of"} and end > by + 1:
                break
            end += 1
        span = _trim(doc, by + 1, end)
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
        if index + 1 < sentence.end and doc[index + 1].text not in _SENTENCE_END:
            return False
        back = index - 1
        while back > sentence.start and doc[back].text != ",":
            back -= 1
        return doc[back].text == "," and index - back <= 6

    def _clause_follows(self, sentence: Span, index: int) -> bool:
        """ "announced it will", "agreed they were": a clause whose "that" was dropped."""
        doc = self.doc
        if index + 2 >= sentence.end or doc[index + 1].lower_ not in _SUBJECT_PRONOUNS - {"you"}:
            return False
        return doc[index + 2].lower_ in _AUXILIARIES | {"'s", "’s", "'d", "’d", "'ll", "’ll"}

    def _complement_after_time(self, sentence: Span, index: int) -> bool:
        """ "announced on Friday that", "insisted in June that": only a time in between."""
        doc = self.doc
        for position in range(index + 1, min(index + 7, sentence.end)):
            token = doc[position]
            if token.lower_ in _COMPLEMENT - {","}:
                return True
            timely = token.lower_ in _TIME_WORDS or token.like_num or token.is_title
            if not (timely or skippable(token)):
                return False
        return False

    def _negated(self, sentence: Span, index: int) -> bool:
        back = index - 1
        while back >= sentence.start and skippable(self.doc[back]):
            if self.doc[back].lower_ in _NEGATIONS:
                return True
            back -= 1
        return back >= sentence.start and self.doc[back].lower_ in _NEGATIONS | {"declined"}

    def _agentless(self, sentence: Span, index: int) -> bool:
        """ "is said to", "are believed to", "it was reported that", "it is understood"."""
        doc = self.doc
        back = index - 1
        while back > sentence.start and doc[back].lower_ in _AGENTLESS_ADVERBS:
            back -= 1
        if back < sentence.start or doc[back].lower_ not in _AGENTLESS_BE | {"has", "have", "had"}:
            return False
        following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
        if following == "by":
            return False  # "it was reported by the BBC" names its source
        if following == "to":
            after = doc[index + 2] if index + 2 < sentence.end else None
            return (
                doc[index].lower_ in _INFINITIVE_OK
                and after is not None
                and after.is_lower
                and after.lower_ not in _NOT_INFINITIVE
            )
        subject = doc[back - 1].lower_ if back - 1 >= sentence.start else ""
        return subject == "it" and following in {"that", ",", ".", "", "—"}

    def _agentless_start(self, sentence: Span, index: int) -> int:
        doc = self.doc
        back = index - 1
        while back > sentence.start and doc[back].lower_ not in _AGENTLESS_BE:
            back -= 1
        while back > sentence.start and doc[back - 1].lower_ in _AGENTLESS_BE | {
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
        while end < sentence.end and self.doc[end].text not in _HARD_BOUNDARIES | _SENTENCE_END:
            if self.doc[end].lower_ in _CLAUSE_OPENERS and end > start:
                break
            end += 1
        span = _trim(self.doc, start, end)
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
        return self._make(
            sentence, index, index + 1, cue_type, span, self._classify(span, sentence)
        )

    def _elided_make(self, sentence: Span, index: int, cue_type: CueType) -> Attribution:
        span = (
            self._opening_subject(sentence, index) if self._coordinated(sentence, index) else None
        )
        kind = self._classify(span, sentence) if span else SourceKind.OTHER
        if kind is SourceKind.OTHER:
            span, kind = None, self._elided(sentence, index)
        return self._make(sentence, index, index + 1, cue_type, span, kind)

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
            aside = end - 2
            while aside > sentence.start and doc[aside].lower_ in _ASIDES:
                aside -= 1
            if aside < end - 2 and doc[aside].text == ",":
                end = aside  # "Some Democrats, however, question …"
            else:
                # "Maria Zakharova, a spokeswoman …, said" (apposition) or "…, said Batchelder."
                # (inverted, found by the caller when this returns None).
                return self._before_apposition(sentence, end - 1)
        stretch = end
        while stretch > sentence.start and not self._stops_subject(stretch - 1):
            stretch -= 1
        relative = next((i for i in range(stretch + 1, end) if self._is_relative(i)), None)
        if relative is not None and any(
            doc[i].lower_ in _SUBORDINATORS for i in range(relative + 1, end)
        ):
            relative = None  # "warnings from his attorney that … since the specialist would"
        if relative is not None and doc[relative - 1].lower_ in _PREPOSITION_WORDS:
            if relative - 2 >= stretch and doc[relative - 2].lower_ in _PARTITIVES | {"all"}:
                if doc[relative - 2].lower_ in self.words.vague_quantifiers:
                    # "veterans, many of whom say": which of them is not said.
                    return (relative - 2, relative + 1)
                # "the two aides, both of whom said": the antecedent speaks.
                return self._antecedent(relative - 2, sentence)
            # "a lawsuit in which Democrats argued": the subject follows the pronoun.
            return _trim(doc, relative + 1, end)
        if relative is not None:
            end = relative  # "A senior official who works in the region … told"
        start = end
        while start > stretch and not self._opens_clause(start - 1):
            start -= 1
        if (
            end - start > 2
            and doc[start].lower_ == "there"
            and doc[start + 1].lower_ in _AGENTLESS_BE
        ):
            start += 2  # "there are some economists who argue": the economists
        if end - start == 1 and doc[start].lower_ in {"who", "which"} and start > sentence.start:
            # "Democrats in the Senate, who have argued": the source is what "who" stands for.
            return self._antecedent(start, sentence) or (start, end)
        while start < end and doc[start].lower_ in _LEADING_LINKS:
            start += 1  # "… and said": the subject is elided, not "and"
        while end > start and doc[end - 1].lower_ in _LEADING_LINKS:
            end -= 1
        if start < end and doc[start].lower_ in _PREPOSITION_WORDS:
            return None  # "among others ― explains": a subject never opens with a preposition
        if end - start > 1 and doc[start].lower_ in _SUBJECT_PRONOUNS:
            # "he had a well-connected source who told": the pronoun has a verb of its own.
            return self._noun_phrase_tail(start + 1, end)
        if end - start > _LONG_SUBJECT:
            core_end = _core_end(doc, start, end)
            if (
                core_end - start <= _LONG_SUBJECT // 2 + 1
                and doc[core_end].lower_ in _PREPOSITION_WORDS
                and self._known_head(core_end - 1)
            ):
                # "Political observers in Virginia and around the country say": the head
                # comes first and the rest modifies it.
                return _trim(doc, start, end)
            # "That's a small fraction of the minimum … experts say": no boundary was found,
            # so the subject is the noun phrase right before the verb.
            tail = self._adjacent_noun_phrase(start, end)
            if tail is not None:
                return tail
        return _trim(doc, start, end)

    def _adjacent_noun_phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """The short noun phrase ending at ``end`` when its head is a known source word."""
        doc = self.doc
        if not self._known_head(end - 1):
            return None
        begin = end - 1
        while begin > start and end - begin < _LONG_SUBJECT:
            previous = doc[begin - 1]
            hyphen = previous.text == "-" and not doc[begin - 2].whitespace_  # "working-class"
            if (previous.is_punct and not hyphen) or previous.lower_ in (
                _PREPOSITION_WORDS | _AUXILIARIES | {"what"}
            ):
                break
            if previous.lower_ in _AMOUNTS or previous.text in _CURRENCIES:
                break  # "the $20 million experts say it costs": an amount, not a count
            begin -= 1
            if previous.lower_ in _DETERMINERS:
                break
        while begin < end - 1 and doc[begin].lower_ in _LEADING_LINKS:
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
        return _trim(doc, begin, end)

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
            token.lower_ in self.words.anonymous_nouns | self.words.vague_nouns
            or token.text in self.words.group_plurals
            or (mention is not None and mention.kind in {MentionKind.PERSON, MentionKind.GROUP})
        )

    def _is_relative(self, index: int) -> bool:
        """ "who", "which", or "that" right after a source noun ("a study that appeared …")."""
        token = self.doc[index]
        if token.lower_ in _RELATIVES:
            return True
        return (
            token.lower_ == "that"
            and index > 0
            and self.doc[index - 1].lower_ in self.words.common_nouns
        )

    def _stops_subject(self, index: int) -> bool:
        """A hard boundary, or another cue: no subject reaches across either."""
        token = self.doc[index]
        in_relative = index > 0 and self.doc[index - 1].lower_ in _RELATIVES | {"that"}
        return token.text in _HARD_BOUNDARIES or (
            token.lower_ in self.words.speech_verbs
            and token.is_lower
            and not self._noun_after_name(index)
            and not in_relative  # "two aides who spoke on condition of anonymity said"
        )

    def _noun_after_name(self, index: int) -> bool:
        """ "the AP report", "the Times' review": a verb's base form right after a singular
        name, or after a possessive, is a noun ("Democrats report" is a verb)."""
        doc = self.doc
        word = doc[index].lower_
        if (
            index == 0
            or word.endswith(("s", "ed", "ing"))
            or word in _IRREGULAR_PAST | _PARTICIPLES
        ):
            return False  # "said", "wrote": never a noun
        named = self.mention_at.get(index - 1)
        if named is None:
            possessive = doc[index - 1].lower_ in {"'s", "’s", "'"}
            # "Let's say", "it's said": a contraction, not a possessive
            return possessive and index >= 2 and doc[index - 2].lower_ not in _CONTRACTED
        article = doc[named.start].lower_
        if article not in _ARTICLES and named.start > 0:
            article = doc[named.start - 1].lower_
        # "a U.S. report", "the AP report"; not "aides to Clinton say" or "the U.S. cite"
        return article in {"a", "an"} or (article == "the" and named.kind is MentionKind.OUTLET)

    def _opens_clause(self, index: int) -> bool:
        token = self.doc[index]
        if (
            token.lower_ not in _CLAUSE_OPENERS
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
                following.lower_ in _DETERMINERS - _POSSESSIVES - {"other", "others"}
                or following.lower_ in _PRONOUNS_SINGULAR | _PRONOUNS_PLURAL
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
            and not (first.endswith("ing") and inserted[0].is_lower)  # ", writing in …,"
        ):
            return None
        start = opening
        while start > sentence.start and not self._stops_subject(start - 1):
            if self._opens_clause(start - 1):
                break
            start -= 1
        span = _trim(doc, start, opening)
        if span is None or doc[span[0]].lower_ in _PREPOSITION_WORDS:
            return None  # "for some, the losses would …, said Batchelder" is no apposition
        return span

    def _inverted(self, sentence: Span, index: int) -> tuple[int, int] | None:
        """ "…, said a senior official." / "“…,” says Jafari"."""
        doc = self.doc
        previous = doc[index - 1].text if index > sentence.start else ""
        if previous not in {",", "”", '"', "’", "—"} and index != sentence.start:
            return None
        if doc[index].lower_ in _LISTENER_VERBS:
            return None  # "told USA Today …": what follows is the listener
        if index + 1 < sentence.end and doc[index + 1].lower_ in _PREPOSITION_WORDS:
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
            if doc[end].lower_ in _CLAUSE_OPENERS and end > start:
                return None  # "said many of the examples that …" is no inverted speaker
            end += 1
        if end == start or end - start > 12:
            return None
        if any(doc[i].lower_ in _AUXILIARIES for i in range(start, end)):
            return None  # ", said the rule was new": a clause with its own verb, not a speaker
        return _trim(doc, start, end)

    def _elided(self, sentence: Span, index: int) -> SourceKind:
        """A verb with no subject of its own ("… and said"): the sentence's speaker."""
        if self.last_person is not None and self.last_person >= sentence.start:
            # "Jane Roe, … , writing in The Observer": a journalist's published work
            journalist = self.doc[self.last_person].lower_ in self.journalists
            writing = self.doc[index].lower_ in _PUBLISHING_CUES
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
        tensed = word.endswith(("ed", "s")) or word in _IRREGULAR_PAST
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
                    opener in _PREPOSITION_WORDS | _TIME_WORDS | _DAYS | _SENTENCE_ADVERBS
                    or doc[start].like_num
                    or (opener.endswith("ly") and position == start + 1)
                ):
                    start = position + 1  # "In August, …", "Meanwhile, …", "Finally, …"
                break
        for position in range(start, min(index, start + _LONG_SUBJECT * 2)):
            token = doc[position]
            if token.text in _HARD_BOUNDARIES or token.lower_ in _CLAUSE_OPENERS - {"and"}:
                return None
            if position in self.mention_at or not token.is_lower:
                continue
            if token.lower_ in _AUXILIARIES | _IRREGULAR_PAST or (
                token.lower_.endswith("ed") and token.lower_ not in self.words.common_nouns
            ):
                if position == start or self._clause_between(position, index):
                    return None
                return _trim(doc, start, position)
        return None

    def _clause_between(self, start: int, end: int) -> bool:
        """ "Some booed, and when Rubio thanked Miami and said": another subject intervenes."""
        return any(
            self.doc[i].lower_ in (_CLAUSE_OPENERS - {"and", "but"}) | _RELATIVES
            for i in range(start, end)
        )

    def _inside_name(self, index: int) -> bool:
        mention = self.mention_at.get(index)
        return mention is not None and mention.start < index < mention.end - 1

    # ------------------------------------------------------------------ kinds
    def _classify(self, span: tuple[int, int], sentence: Span) -> SourceKind:
        kind = self._kind(span, sentence)
        if kind in {SourceKind.ANONYMOUS, SourceKind.VAGUE} and (
            self._apposition_of_person(*span)
            or (_core_end(self.doc, *span) == span[1] and self._named_after(span[1]))
        ):
            return SourceKind.NAMED  # "John Bentel, a tech staffer …" / "a friend, Tom Barrack"
        return kind

    def _named_after(self, end: int) -> bool:
        """ "their friend, international businessman Tom Barrack": a name set off after."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return False
        for position in range(end + 1, min(len(doc), end + 5)):
            mention = self.mention_at.get(position)
            if mention is not None:
                closes = mention.end >= len(doc) or doc[mention.end].text in _APPOSITION_ENDS
                return mention.kind is MentionKind.PERSON and mention.start == position and closes
            if not doc[position].is_lower:
                return False
        return False

    def _named_possessor(self, start: int) -> bool:
        mention = self.mention_at.get(start)
        return (
            mention is not None
            and mention.kind is MentionKind.PERSON
            and mention.end < len(self.doc)
            and self.doc[mention.end].lower_ in {"'s", "’s"}
        )

    def _compound(self, start: int, end: int, sentence: Span) -> SourceKind:
        """ "Regulators and environmental groups": the most specific member decides."""
        doc = self.doc
        cuts = [i for i in range(start, end) if doc[i].lower_ == "and"]
        if doc[start].lower_ == "the" and all(doc[c + 1].lower_ not in _DETERMINERS for c in cuts):
            # "The former first lady and U.S. senator": one person, described twice.
            heads = {doc[c - 1].lower_ for c in cuts} | {doc[end - 1].lower_}
            if heads & (self.words.unique_roles | self.named_roles):
                return SourceKind.NAMED
        members = list(zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True))
        if all(
            e - s == 1 and doc[s].is_lower and doc[s].lower_ not in self.words.common_nouns
            for s, e in members[:-1]
        ):
            # "state and local leaders": the words before "and" modify the last noun.
            return self._kind(members[-1], sentence)
        kinds = {self._kind(span, sentence) for span in members if span[1] > span[0]}
        return next(
            (SourceKind(k) for k in _PRECEDENCE if SourceKind(k) in kinds), SourceKind.OTHER
        )

    def _apposition_of_person(self, start: int, end: int) -> bool:
        """ "John Bentel, a tech staffer …, said": set off by commas after a name."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ",":
            return False
        if (
            end < len(doc)
            and doc[end].text not in {",", "—", "("}
            and doc[end].lower_ not in _RELATIVES
        ):
            return False
        before = self.mention_at.get(start - 2)
        return before is not None and before.kind is MentionKind.PERSON

    def _kind(self, span: tuple[int, int], sentence: Span) -> SourceKind:
        doc = self.doc
        start, end = span
        if end <= start:
            return SourceKind.OTHER
        tokens = doc[start:end]
        lowers = [token.lower_ for token in tokens]
        if (
            len(tokens) == 1
            and lowers[0] in _PRONOUNS_SINGULAR | _PRONOUNS_PLURAL | _PRONOUNS_OTHER | _RELATIVES
        ):
            return self._resolve(lowers[0], start, sentence)
        if lowers[:2] == ["no", "one"]:
            return SourceKind.VAGUE  # "no one expected": a claim about everyone
        if self._tally(tokens):
            return SourceKind.DOCUMENT  # "nine in 10 voters say", "34,000 people supported"
        kinds = {self.mention_at[i].kind for i in range(start, end) if i in self.mention_at}
        core_end = _core_end(doc, start, end)
        if (
            lowers[0] in _PARTITIVES
            and core_end == start + 1
            and core_end + 1 < end
            and lowers[1] == "of"
        ):
            if lowers[2:] in (["whom"], ["them"]) and lowers[0] in self.words.vague_quantifiers:
                return SourceKind.VAGUE  # "many of whom", "some of them": an unnamed subset
            return self._kind((core_end + 1, end), sentence)  # "one of the advisers"
        participle = next(
            (
                i
                for i in range(start + 1, core_end)
                if doc[i].is_lower
                and doc[i].lower_.endswith("ed")
                and doc[i - 1].lower_ in self.words.document_nouns
            ),
            None,
        )
        if participle is not None:
            core_end = participle  # "the Reuters poll released Friday", "emails combed by Vox"
        head = doc[core_end - 1]
        head_lower = head.lower_
        if head_lower in _GENERIC_REPORTS and not any(
            t.is_title or t.is_upper
            for t in doc[start:end]  # "reports filed with the SEC" name their source
            if t.i > start or t.lower_ not in {"according"}
        ):
            return SourceKind.NONE
        if self._names_person(start, end, core_end, head):
            return SourceKind.OUTLET if self._journalist_in(start, end) else SourceKind.NAMED
        if (
            lowers[: core_end - start] == ["the", head_lower]
            and head_lower in self.words.outlet_nouns & self.words.document_nouns
            and head_lower not in _PAPERS
        ):
            # "the website noted", "the article read": a news site or its story, unlike
            # "its website" or "Trump's article".
            return SourceKind.OUTLET
        if head_lower in self.words.document_nouns and head.is_lower:
            # "a USA Today analysis", "the Times report": an outlet's work is the outlet's;
            # its poll is data ("a CNN poll shows").
            data = any(doc[i].lower_ in _DATA_NOUNS for i in range(start, end))
            author = core_end
            if author < end and doc[author].lower_ in {"by", "in", "from", "of"}:
                author += 2 if author + 1 < end and doc[author + 1].lower_ == "the" else 1
            outlet_work = not data and any(
                self.mention_at[i].kind is MentionKind.OUTLET
                for i in [*range(start, core_end), author]  # "a report by Politico"
                if i in self.mention_at
            )
            return SourceKind.OUTLET if outlet_work else SourceKind.DOCUMENT
        if head_lower in self.words.outlet_nouns and head.is_lower:
            if head_lower in {"reporters", "journalists"}:
                return SourceKind.OTHER
            modifiers = set(lowers[: core_end - start - 1])
            if head_lower in _BROAD_OUTLET_NOUNS and not (
                modifiers <= {"the"} or modifiers & _NEWS_MODIFIERS
            ):
                return SourceKind.OTHER  # "the terrorist network", "a gas station"
            return SourceKind.OUTLET
        if MentionKind.OUTLET in kinds:
            return SourceKind.OUTLET
        if (
            MentionKind.ORGANIZATION in kinds
            and head_lower not in self.words.anonymous_nouns | self.words.vague_nouns
        ):
            return SourceKind.ORGANIZATION
        if head_lower in self.words.organization_nouns and head.is_lower:
            return SourceKind.ORGANIZATION
        if MentionKind.GROUP in kinds and head.text in self.words.group_plurals:
            if MentionKind.PERSON in kinds and " and " in f" {' '.join(lowers)} ":
                return self._compound(start, core_end, sentence)  # "Roe and other Democrats"
            return self._counted(lowers, SourceKind.VAGUE)
        if head_lower == "those" and core_end < end:
            qualified = lowers[core_end - start] in _VANTAGE
            return SourceKind.ANONYMOUS if qualified else SourceKind.VAGUE
        if " and " in f" {' '.join(lowers[: core_end - start])} ":
            return self._compound(start, core_end, sentence)
        if head_lower in self.words.anonymous_nouns:
            return self._role(lowers, head_lower, start)
        if head_lower in self.words.vague_nouns:
            if lowers[0] in _DEFINITE and self._institutions(head_lower):
                return SourceKind.ORGANIZATION  # "the two companies": named before
            return self._counted(lowers, SourceKind.VAGUE)
        if MentionKind.PERSON in kinds:
            return SourceKind.NAMED
        return SourceKind.OTHER

    def _institutions(self, plural: str) -> bool:
        """ "companies", "unions": the plural of an organization noun."""
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")
        return singular in self.words.organization_nouns

    def _journalist_in(self, start: int, end: int) -> bool:
        return any(
            self.mention_at[i].kind is MentionKind.PERSON and self.doc[i].lower_ in self.journalists
            for i in range(start, end)
            if i in self.mention_at and i == self.mention_at[i].end - 1
        )

    def _names_person(self, start: int, end: int, core_end: int, head: Token) -> bool:
        """A person is named, unless the name only modifies a role ("Trump's lawyer")."""
        people = {
            self.mention_at[i]
            for i in range(start, end)
            if i in self.mention_at and self.mention_at[i].kind is MentionKind.PERSON
        }
        if not people:
            return False
        role_head = head.lower_ in self.words.anonymous_nouns | self.words.vague_nouns
        if head.i in self.mention_at:
            return True
        if not role_head:
            if head.lower_ in self.words.document_nouns and head.is_lower:
                return False  # "a document provided by Roe's lawyer": the document speaks
            # "a Trump tweet", "the Gannett newspaper chain": a name before a thing's noun
            # names its owner, not the source.
            return not (head.is_lower and all(mention.end <= head.i for mention in people))
        # A name after the role is the source ("the adviser … Andrey Baklanov") unless a
        # preposition makes it the employer ("a spokeswoman for Hillary Clinton").
        return any(
            mention.end > head.i and not self._preposition_between(head.i, mention.start)
            for mention in people
        ) or self._name_follows(head.i)

    def _preposition_between(self, start: int, end: int) -> bool:
        """A preposition right before the name, determiners aside ("in the African-American …")."""
        index = end - 1
        while index > start and self.doc[index].lower_ in _DETERMINERS:
            index -= 1
        return index > start and self.doc[index].lower_ in _PREPOSITION_WORDS

    def _name_follows(self, index: int) -> bool:
        following = self.mention_at.get(index + 1)
        return following is not None and following.kind is MentionKind.PERSON

    def _role(self, lowers: list[str], head: str, start: int) -> SourceKind:
        definite = lowers[0] == "the"
        named_role = head in self.named_roles
        if definite and named_role:
            return SourceKind.NAMED  # "the spokeswoman" after "spokeswoman Maria Zakharova"
        if named_role and self._named_possessor(start):
            return SourceKind.NAMED  # "Pagliano's lawyer" when the lawyer is named elsewhere
        if head in self.words.unique_roles and (definite or named_role):
            return SourceKind.NAMED  # "the governor"; "a former party chairman" named later
        undetermined = (
            lowers[0] not in self.words.determiners | _DETERMINERS and not lowers[0].isdigit()
        )
        if undetermined and not head.endswith("s") and head not in _LONE_SOURCES:
            return SourceKind.OTHER  # a bare singular role is a headline ("Former chairman calls")
        if head in {"lawmakers", "legislators", "people"} and not self._has_count(lowers):
            qualified = any(
                w in {"familiar", "close", "briefed", "involved", "knowledgeable"} for w in lowers
            )
            return SourceKind.ANONYMOUS if qualified else SourceKind.VAGUE
        return SourceKind.ANONYMOUS

    def _counted(self, lowers: list[str], kind: SourceKind) -> SourceKind:
        return (
            SourceKind.ANONYMOUS
            if self._has_count(lowers)
            and kind is SourceKind.VAGUE
            and lowers[0] not in self.words.vague_quantifiers
            else kind
        )

    def _tally(self, tokens: Span) -> bool:
        """A share or a crowd counted by a poll or a vote, not a few unnamed people."""
        words = [token.lower_ for token in tokens[:4]]
        if len(words) >= 3 and words[1] == "in" and tokens[0].like_num and tokens[2].like_num:
            return True
        first = words[0].replace(",", "") if words else ""
        return first.isdigit() and int(first) >= 100

    def _has_count(self, lowers: list[str]) -> bool:
        return any(word in _NUMBERS or word.isdigit() for word in lowers[:3])

    def _resolve(self, pronoun: str, index: int, sentence: Span) -> SourceKind:
        # A pronoun refers back to a source met before: never flagged a second time,
        # so it is only ever named, an organization, an outlet or a document.
        if pronoun in _PRONOUNS_SINGULAR:
            # "“… Clinton …,” he wrote": a person named inside a quotation is seldom the
            # "he" who speaks after it; the last person named outside one is.
            person = self.last_speaker if self.last_speaker is not None else self.last_person
            if person is None:
                return SourceKind.OTHER
            journalist = self.doc[person].lower_ in self.journalists
            return SourceKind.OUTLET if journalist else SourceKind.NAMED
        if pronoun in _PRONOUNS_PLURAL:
            if self.last_plural is None:
                return SourceKind.OTHER
            where, kind = self.last_plural
            # "Two aides said …. They said …": still the same unnamed people, within the
            # paragraph; further back, "they" may be anyone.
            nearby = self._same_block(where, index)
            return kind if kind in _IDENTIFIED or nearby else SourceKind.OTHER
        if pronoun in _RELATIVES:
            antecedent = self._antecedent(index, sentence)
            return self._classify(antecedent, sentence) if antecedent else SourceKind.OTHER
        if pronoun == "you":
            return SourceKind.VAGUE  # outside quotations, "you" is anyone: "you think …"
        if pronoun == "it" and self.last_thing and self.last_thing[1] in _IDENTIFIED:
            return self.last_thing[1]
        return SourceKind.OTHER

    def _same_block(self, first: int, second: int) -> bool:
        """No paragraph break between two tokens (blocks are joined by a blank line)."""
        return "\n\n" not in self.doc.text[self.doc[first].idx : self.doc[second].idx]

    def _antecedent(self, index: int, sentence: Span) -> tuple[int, int] | None:
        end = index
        if end > sentence.start and self.doc[end - 1].text == ",":
            end -= 1
        start = end
        while (
            start > sentence.start
            and self.doc[start - 1].text not in _HARD_BOUNDARIES
            and self.doc[start - 1].lower_ not in _CLAUSE_OPENERS
        ):
            start -= 1
        # "Democrats in the Senate, who": a person's head comes before its modifier
        # (but "members of the government, which": a thing is the last noun).
        modified = next(
            (
                i
                for i in range(max(start + 1, end - _LONG_SUBJECT * 2), end)
                if self.doc[i].lower_ in _PREPOSITION_WORDS and self._person_head(i - 1)
            ),
            None,
        )
        if self.doc[index].lower_ not in {"who", "whom", "whose"}:
            modified = None
        if modified is not None:
            return self._noun_phrase_tail(start, modified)
        return self._noun_phrase_tail(start, end)

    def _noun_phrase_tail(self, start: int, end: int) -> tuple[int, int] | None:
        """The last noun phrase of a stretch: "he had a well-connected source" -> "a … source"."""
        doc = self.doc
        for index in range(end - 1, max(start, end - _LONG_SUBJECT) - 1, -1):
            if doc[index].lower_ in _DETERMINERS or doc[index].like_num:
                return _trim(doc, index, end)
            if doc[index].lower_ in _AUXILIARIES:
                break  # "the change may calm Democrats": a verb of its own before the phrase
        else:
            if end - start <= _LONG_SUBJECT:
                return _trim(doc, start, end)
        # No determiner near: the head and the capitalized words before it ("Senate Democrats").
        begin = end - 1
        while begin > start and doc[begin - 1].is_title and not doc[begin - 1].is_sent_start:
            begin -= 1
        return _trim(doc, begin, end)

    # ------------------------------------------------------------------ memory
    def _learn_roles(self, sentence: Span) -> None:
        """Role nouns tied to a name: "spokeswoman Maria Zakharova", "Zakharova, a spokeswoman",
        and titles inside names ("DNC Chairman Don Fowler")."""
        doc = self.doc
        for token in sentence:
            if token.lower_ not in self.words.anonymous_nouns:
                continue
            mention = self.mention_at.get(token.i)
            if mention is not None and mention.kind is MentionKind.PERSON:
                self.named_roles.add(token.lower_)
                continue
            if self._name_follows(token.i):
                self.named_roles.add(token.lower_)
            elif (
                token.i >= 3
                and doc[token.i - 2].text == ","
                and doc[token.i - 1].lower_ in {"a", "an", "the"}
            ):
                before = self.mention_at.get(token.i - 3)
                if before is not None and before.kind is MentionKind.PERSON:
                    self.named_roles.add(token.lower_)
            elif self._copula_after_person(sentence, token.i) or self._role_after_name(token.i):
                self.named_roles.add(token.lower_)

    def _learn_journalists(self) -> None:
        """People who speak for an outlet: "MSNBC host Chris Matthews", "NBC's Dante Chinni",
        "Jane Roe, a writer for Slate"."""
        doc = self.doc
        for mention in self.mentions:
            if mention.kind is not MentionKind.PERSON:
                continue
            if (
                self._outlet_title(mention.start)
                or self._outlet_apposition(mention.end)
                or self._writing_for(mention)
            ):
                self.journalists.add(doc[mention.end - 1].lower_)

    def _is_outlet(self, index: int) -> bool:
        mention = self.mention_at.get(index)
        return mention is not None and mention.kind is MentionKind.OUTLET

    def _outlet_title(self, start: int) -> bool:
        """ "MSNBC host Chris Matthews" / "NBC's Dante Chinni" right before the name."""
        doc = self.doc
        if start >= 2 and doc[start - 1].lower_ in {"'s", "’s"}:
            return self._is_outlet(start - 2)
        back = start - 1
        while back >= 0 and doc[back].lower_ in self.words.journalist_nouns | {
            "senior",
            "chief",
            "political",
            "national",
            "white",
            "house",
            "former",
        }:
            back -= 1
        return back < start - 1 and back >= 0 and self._is_outlet(back)

    def _outlet_apposition(self, end: int) -> bool:
        """ "Jane Roe, a writer for Slate," / "Dan Roe at the National Review"."""
        doc = self.doc
        index = end
        if index < len(doc) and doc[index].text == ",":
            index += 1
        for position in range(index, min(len(doc), index + 6)):
            token = doc[position]
            if self._is_outlet(position):
                # "Dan Roe at the National Review" / "Jane Roe, a writer for Slate"
                direct = (
                    index == end
                    and doc[index].lower_ in {"at", "for", "of"}
                    and (position == index + 1 or doc[index + 1].lower_ == "the")
                    and position <= index + 2
                    and self._outlet_ends_phrase(position)
                )
                return direct or any(
                    doc[k].lower_ in self.words.journalist_nouns for k in range(index, position)
                )
            if token.text in {",", ".", ";"} or token.lower_ in self.words.speech_verbs:
                return False
        return False

    def _outlet_ends_phrase(self, index: int) -> bool:
        """The outlet is not a modifier: "Roe of The Post wrote", not "Roe at the NBC forum"."""
        following = self.mention_at[index].end
        if following >= len(self.doc):
            return True
        token = self.doc[following]
        words = self.words
        return (
            token.text in {",", ".", ";", ":", "—", ")", "!", "?"}
            or token.lower_ in _AUXILIARIES
            or token.lower_ in words.speech_verbs | words.stance_verbs | words.outlet_verbs
        )

    def _writing_for(self, mention: Mention) -> bool:
        """ "Writing for The Atlantic, Jane Roe …" / "Jane Roe, writing in The Observer, …"."""
        doc = self.doc
        sentence = doc[mention.start].sent
        if mention.end + 1 < sentence.end and doc[mention.end].text == ",":
            after = doc[mention.end + 1 : min(sentence.end, mention.end + 8)]
            if self._writes_in_outlet(after):
                return True
        comma = mention.start - 1
        if comma <= sentence.start or doc[comma].text != ",":
            return False
        return self._writes_in_outlet(doc[sentence.start : comma])

    def _writes_in_outlet(self, phrase: Span) -> bool:
        """ "writing for The Atlantic" at the start of ``phrase``, up to its first comma."""
        if len(phrase) < 3 or phrase[0].lower_ not in {"writing", "reporting"}:
            return False
        if phrase[1].lower_ not in {"for", "in", "at"}:
            return False
        for token in phrase[2:]:
            if token.text == ",":
                return False
            if self._is_outlet(token.i):
                return True
        return False

    def _role_after_name(self, index: int) -> bool:
        """ "Ed Rendell, the former party chairman" / "his lawyer, Mark Smith"."""
        doc = self.doc
        if index + 2 < len(doc) and doc[index + 1].text == ",":
            following = self.mention_at.get(index + 2)
            if following is not None and following.kind is MentionKind.PERSON:
                return True
        for back in range(index - 1, max(0, index - 7), -1):
            if doc[back].text == ",":
                before = self.mention_at.get(back - 1)
                return before is not None and before.kind is MentionKind.PERSON
            if doc[back].is_punct or doc[back].lower_ in _CLAUSE_OPENERS:
                return False
        return False

    def _copula_after_person(self, sentence: Span, index: int) -> bool:
        """ "Maria Zakharova is the ministry's spokeswoman"."""
        doc = self.doc
        for back in range(index - 1, max(sentence.start, index - 7) - 1, -1):
            mention = self.mention_at.get(back)
            if mention is not None and mention.kind is MentionKind.PERSON:
                return doc[back + 1].lower_ in {"is", "was", "became", "has", "as", ","}
            if doc[back].text in _HARD_BOUNDARIES - {","} or doc[back].lower_ in _CLAUSE_OPENERS:
                return False
        return False

    def _track_mentions(self, index: int) -> None:
        mention = self.mention_at.get(index)
        if mention is not None and mention.kind is MentionKind.PERSON and index == mention.end - 1:
            self.last_person = index
            if not self._in_quote(self.doc[index].idx):
                self.last_speaker = index

    def _remember(self, attribution: Attribution) -> None:
        if attribution.source_tokens is None or attribution.kind in {
            SourceKind.NONE,
            SourceKind.OTHER,
        }:
            return
        end = attribution.source_tokens[1]
        head = self.doc[end - 1].lower_
        entry = (end, attribution.kind)
        if attribution.kind in {SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT}:
            self.last_thing = entry
        elif (head.endswith("s") and head not in {"his", "ms.", "mrs."}) or (
            attribution.count or 0
        ) > 1:
            self.last_plural = entry
        else:
            self.last_singular = entry

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
        cue = (doc[cue_start].idx, _end_char(doc, cue_end))
        source_chars = (doc[source[0]].idx, _end_char(doc, source[1])) if source else None
        on_record = any(
            cue_end <= start <= cue_end + 4 and start < sentence.end
            for start in self.on_record_starts
        )
        if on_record and kind is SourceKind.ANONYMOUS:
            kind = SourceKind.ORGANIZATION
        if (
            kind is SourceKind.OUTLET
            and doc[cue_start].lower_ in _INTERVIEWER_CUES
            and (source is None or self._names_someone(source))
        ):
            kind = SourceKind.NAMED  # a journalist asking questions relays nothing
        count = None
        if source:
            for token in doc[source[0] : source[1]]:
                if token.like_num:
                    count = _number(token.lower_)
                    break
        # The reason may follow in the next sentence when that one goes on about the same
        # source ("They spoke on condition of anonymity because …").
        following = sentence.end if sentence.end < len(doc) else None
        continues = following is not None and doc[following].lower_ in _PRONOUNS_SINGULAR | {
            "they",
            "the",
            "both",
            "all",
            "each",
        }
        reason = sentence.start in self.reason_sentences or (
            continues and following in self.reason_sentences
        )
        content = self._content(sentence, cue_start, cue_end, source)
        return Attribution(
            cue=cue,
            cue_type=cue_type,
            kind=kind,
            source=source_chars,
            content=content,
            quoted=self._in_quote(cue[0]),
            count=count,
            reason=bool(reason),
            on_record=on_record,
            cue_tokens=(cue_start, cue_end),
            source_tokens=source,
            head=_core_end(doc, *source) - 1 if source else None,
            cue_word=_cue_word(doc, cue_start, cue_end, cue_type),
            referent=self._referent(source) if kind is SourceKind.NAMED else None,
        )

    def _names_someone(self, source: tuple[int, int]) -> bool:
        return any(
            self.mention_at[i].kind is MentionKind.PERSON
            for i in range(*source)
            if i in self.mention_at
        )

    def _referent(self, source: tuple[int, int] | None) -> str | None:
        """The surname a named source stands for: its own name, or the last person met."""
        if source is not None:
            people = [
                self.mention_at[i]
                for i in range(*source)
                if i in self.mention_at and self.mention_at[i].kind is MentionKind.PERSON
            ]
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
            return (doc[sentence.start].idx, _end_char(doc, first - 1))
        after = max(cue_end, source[1] if source and source[0] >= cue_end else cue_end)
        while after < sentence.end and doc[after].lower_ in {"that", ",", ":"}:
            after += 1
        if after < sentence.end and sentence.end - after > 1:
            return (doc[after].idx, _end_char(doc, sentence.end))
        if first > sentence.start:
            return (doc[sentence.start].idx, _end_char(doc, first))
        return None

    def _in_quote(self, offset: int) -> bool:
        index = bisect_right(self.quotes, (offset, float("inf"))) - 1
        return index >= 0 and self.quotes[index][0] < offset < self.quotes[index][1]


def _house_style(name: str, mixed_case: frozenset[str]) -> bool:
    """ "POLITICO", "USA TODAY": an outlet's own name in the capitals of its house style."""
    letters = [c for c in name.removeprefix("the ").removeprefix("The ") if c.isalpha()]
    return (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and (_outlet_key(name) in mixed_case)
    )


def _outlet_key(name: str) -> str:
    """ "The Huffington Post", "the huffington post" and "Huffington Post" are one outlet."""
    return name.lower().removeprefix("the ").strip()


def _within(items: list, sentence: Span) -> list:
    """The items (sorted, starting with a token index) that start inside ``sentence``."""
    starts = [item[0] if isinstance(item, tuple) else item.start for item in items]
    return items[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A span without punctuation at its edges ("'' the president" -> "the president")."""
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """An outlet name not inside a longer name ("Michael Bloomberg", "the Atlantic Council")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    inside = (before is not None and before.is_title and not before.is_sent_start) or (
        after is not None and after.is_title
    )
    return not inside


def _cue_word(doc: Doc, start: int, end: int, cue_type: CueType) -> str:
    if cue_type is CueType.ACCORDING_TO:
        return "according to"
    words = [doc[i].lower_ for i in range(start, end) if doc[i].lower_ != "to"]
    return words[-1] if words else doc[start].lower_


def _core_end(doc: Doc, start: int, end: int) -> int:
    """Where a source phrase's post-modifiers begin ("officials | at the department")."""
    core_end = start + 1
    while core_end < end and doc[core_end].lower_ not in _POSTMODIFIERS:
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
        (lower in _BETWEEN and token.is_lower)  # "Will wrote" is a name, not "will"
        or lower in _DAYS
        or (token.is_lower and lower.endswith("ly") and len(lower) > 4 and lower not in _LY_WORDS)
    )


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _WORD_NUMBERS.get(word)
