"""Word classes and small token helpers shared by the sourcing model's passes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcelint.analysis.records import CueType
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Adverbs that may stand between a subject and its verb ("Jafari then said").
ADVERBS = {
    "then", "also", "later", "earlier", "first", "again", "still", "once", "often", "never",
    "reportedly", "privately", "publicly", "separately", "recently", "previously",
    "repeatedly", "initially", "just", "already", "ultimately", "simply", "even", "only",
    "long", "since", "further",
}  # fmt: skip
# Words skipped between a subject and its verb ("Jafari then said", "has also said").
BETWEEN = ADVERBS | {
    "has", "have", "had", "would", "will", "could", "can", "may", "might", "did", "does", "do",
    "not", "n't", "was", "were", "is", "are", "be", "been",
}  # fmt: skip
HARD_BOUNDARIES = {",", ";", ":", "(", ")", "—", "–", "--", "“", "”", '"', "‘", "’", "[", "]"}
CLAUSE_OPENERS = {
    "that", "while", "when", "whereas", "because", "although", "though", "if", "unless",
    "after", "before", "since", "until", "as", "but", "and", "or", "so", "where", "once",
    "whether", "than", "nor", "what",
}  # fmt: skip
RELATIVES = {"who", "which", "whom", "whose"}
# "Federal officials Tuesday said": a day between subject and verb.
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight"}  # fmt: skip
# Words ending in -ly that are not adverbs.
LY_WORDS = {"family", "assembly", "rally", "ally", "supply", "reply", "apply", "italy", "july",
            "anomaly", "monopoly", "daily", "weekly", "monthly", "quarterly", "yearly",
            "early", "likely", "friendly", "elderly", "holy", "lonely", "ugly", "bully",
            "belly", "jelly", "fly", "only", "comply", "imply", "multiply", "rely", "firefly",
            "butterfly", "homily"}  # fmt: skip
VANTAGE = {"close", "familiar", "briefed", "involved", "knowledgeable", "with", "inside", "within"}
# Which member of a compound source decides its kind (the gold labelling rule).
PRECEDENCE = ("named", "organization", "outlet", "document", "anonymous", "vague")
LISTENER_VERBS = {"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking",
                  "urge", "urged", "implore", "implored", "brief", "briefed", "warn",
                  "warned"}  # fmt: skip
# Relay phrases that report speech on their own ("In an interview with CNN, …").
RELAY_OPENERS = {"told", "tell", "tells", "telling", "asked", "questioned", "interviewed",
                 "in", "during", "speaking", "talking", "spoke", "speaks", "talked",
                 "talks", "first", "originally", "initially", "reported", "published",
                 "revealed", "disclosed", "obtained", "broken", "being",
                 "informed"}  # fmt: skip
TIME_WORDS = {"in", "on", "at", "last", "this", "next", "early", "late", "earlier", "later",
              "today", "yesterday", "week", "month", "year", "morning", "afternoon",
              "evening", "night", "again", "also", "the", "a", "an", "time", "weekend",
              "ago", "statement", "interview", "speech"}  # fmt: skip
AGENTLESS_ADVERBS = {"widely", "also", "long", "later", "now", "generally", "commonly", "often",
                     "been", "being", "not", "n't", "never", "first", "initially",
                     "previously", "once", "still", "further"}  # fmt: skip
LEADING_LINKS = {
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
PARTITIVES = {"one", "some", "many", "most", "several", "two", "three", "four", "few", "both"}
# Role words that make a source on their own ("someone said"), unlike a headline's "Lawmaker".
LONE_SOURCES = {"people", "staff", "someone", "somebody", "anyone", "anybody"}
NOUN_MARKERS = {"to", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
# Quantifiers are subjects too ("Some argue"), but make nouns of these ("many questions").
QUANTIFIERS = {"this", "that", "these", "those", "many", "some", "few", "more", "no", "any",
               "several", "key", "serious", "new", "further", "open"}  # fmt: skip
ASIDES = {"however", "though", "too", "meanwhile", "instead", "also", "moreover", "indeed",
          "in", "fact", "of", "course", "for", "example", "instance", "turn", "still",
          "nonetheless", "nevertheless", "then", "now", "particular"}  # fmt: skip
AUXILIARIES = {"will", "would", "can", "could", "shall", "should", "may", "might", "must",
               "has", "have", "had", "is", "are", "was", "were", "do", "does", "did"}  # fmt: skip
# Subjects longer than this with no boundary found are cut to their last noun phrase.
LONG_SUBJECT = 5
NAMING_PARTICIPLES = {"called", "named", "dubbed", "titled", "entitled", "nicknamed"}
# Past tenses that, after a noun, make a finite verb: none is also an adjective ("the
# left lane", "a paid adviser"), so "claimed the mayor knew" holds a clause.
UNAMBIGUOUS_PAST = {"knew", "took", "went", "came", "gave", "saw", "became", "began", "wrote",
                    "fell", "drove", "rose", "grew", "threw", "thought", "said", "told", "made",
                    "got"}  # fmt: skip
# Past tenses that do not end in -ed: where an opening subject's verb begins.
IRREGULAR_PAST = UNAMBIGUOUS_PAST | {
    "left", "met", "sent", "held", "spoke", "ran", "sat", "stood", "won", "lost", "brought",
    "bought", "found", "kept", "led", "paid", "put", "heard", "fought", "sought", "struck",
    "broke", "chose", "flew", "spent", "built", "felt", "meant", "withdrew", "forgave", "sued",
    "hit", "quit", "shut", "cut", "let",
}  # fmt: skip
# Participles of cue verbs that do not end in -ed or -en.
PARTICIPLES = {"told", "said", "thought", "quoted", "called", "led", "held", "read", "heard",
               "asked", "known", "shown", "written", "found"}  # fmt: skip
# Outlet nouns with other senses: outlets only bare ("the network said") or as news.
BROAD_OUTLET_NOUNS = {"network", "networks", "station", "stations", "channel", "outlet",
                      "outlets", "service", "press"}  # fmt: skip
NEWS_MODIFIERS = {"news", "cable", "television", "tv", "broadcast", "radio", "media",
                  "state-run", "local", "national", "conservative", "liberal"}  # fmt: skip
APPOSITION_ENDS = {",", ".", ";", ")", "—", "!", "?"}
# Conjunctions that open a clause of their own inside a relative clause.
SUBORDINATORS = {"since", "because", "while", "although", "though", "if", "when", "after",
                 "before", "until", "unless", "whereas", "once"}  # fmt: skip
BELIEF_VERBS = {"believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels",
                "felt", "fear", "fears", "feared", "worry", "worries", "worried", "expect",
                "expects", "expected", "hope", "hopes", "hoped"}  # fmt: skip
CONTRACTED = {"let", "it", "that", "he", "she", "there", "what", "who", "here", "where"}
ARTICLES = {"the", "a", "an"}
DEFINITE = {"the", "both", "these", "those", "their", "its", "our"}
PUBLISHING_CUES = {"writing", "wrote", "writes", "reporting", "reported", "reports"}
INTERVIEWER_CUES = {"asked", "asks", "asking", "questioned", "pressed", "interviewed"}
SENTENCE_ADVERBS = {"meanwhile", "still", "however", "instead", "yet", "also", "then",
                    "later", "earlier", "moreover", "nevertheless", "similarly", "likewise",
                    "separately", "elsewhere", "now", "so", "thus"}  # fmt: skip
# "the paper" may be a research paper as well as a newspaper.
PAPERS = {"paper", "papers"}
# An outlet's numbers are data, not its reporting.
DATA_NOUNS = {"poll", "polls", "polling", "survey", "surveys", "forecast", "forecasts", "tally",
              "count", "data", "database", "average", "averages", "estimate", "estimates",
              "figures", "statistics", "projections", "index", "results", "returns"}  # fmt: skip
AMOUNTS = {"million", "billion", "trillion", "thousand", "hundred", "percent", "%"}
CURRENCIES = {"$", "€", "£", "¥"}
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it"}
POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
# What makes a word before a noun its owner: "his claims", "the Times' reports".
POSSESSIVE_MARKS = frozenset(POSSESSIVES | {"'s", "’s"})
SENTENCE_END = {".", "!", "?", "…"}
STRONG_CUES = {"say", "says", "said", "saying", "tell", "tells", "told", "telling", "add",
               "adds", "added", "adding"}  # fmt: skip
PARTICLES = {"of", "about", "for", "with", "from", "into", "over", "up", "down", "off", "away",
             "back", "to", "around", "through"}  # fmt: skip
QUESTION_WORDS = {"whether", "if", "how", "why", "what", "when", "who", "where", "which"}
NEGATIONS = {"not", "n't", "never", "no", "nobody", "neither"}
PRINCIPAL = {"for", "to", "of", "with", "at", "from", "by", "under", "near", "about"}
PREPOSITION_WORDS = PRINCIPAL | PARTICLES | {"in", "on", "around", "across", "inside", "within",
                                                "among", "between", "against", "toward",
                                                "towards", "behind", "beyond"}  # fmt: skip
COMPLEMENT = {"that", "“", '"', ":", ","}
IDENTIFIED = {SourceKind.NAMED, SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
               "that", "these", "those", "some", "many", "most", "several", "other",
               "others"}  # fmt: skip
# After "is said to", words that show "to" is a preposition, not an infinitive.
NOT_INFINITIVE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                  "him", "them", "me", "us", "police", "authorities", "officials", "reporters",
                  "investigators", "this", "that", "these", "those"}  # fmt: skip
PREPOSITIONS = {
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
GENERIC_REPORTS = {"reports", "rumors", "rumours", "accounts", "speculation", "reporting"}
POSTMODIFIERS = {
    "of", "for", "at", "with", "in", "from", "on", "close", "familiar", "briefed", "involved",
    "knowledgeable", "inside", "within", "to", "who", "which", "that", "(", ",", "under", "near",
    "by",
}  # fmt: skip
PRONOUNS_SINGULAR = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them"}
PRONOUNS_OTHER = {"it", "i", "we", "you", "one", "this", "that", "these", "those"}
NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "a dozen", "dozen", "dozens", "a pair of", "both"}  # fmt: skip
AGENTLESS_BE = {"is", "are", "was", "were", "been", "be", "being"}
AGENTLESS_VERBS = {"said", "believed", "thought", "rumored", "rumoured", "reported",
                   "alleged", "understood", "claimed", "feared", "suspected", "learned",
                   "learnt"}  # fmt: skip
INFINITIVE_OK = {"believed", "thought", "said", "rumored", "rumoured", "reported", "alleged",
                 "understood", "claimed", "suspected", "feared"}  # fmt: skip


# Between a verb of saying and what it reports, besides ADVERBS: times and a few more
# ("insisted again that", "noted Tuesday that", "admitted afterwards that").
VERB_ADVERBS = ADVERBS | {
    "now", "always", "too", "soon", "yet", "instead", "however", "afterward", "afterwards",
    "today", "yesterday", "tonight", "night", "morning", "afternoon", "evening",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "you"}
# Persons as subjects of a clause: "he", not "it", which is as often a thing.
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it"}
# Pronouns that stand for things: "It noted that …", "the report, which noted …".
THING_PRONOUNS = {"it", "which", "this", "that"}
# A verb of manner speaks with these: "boasted of his record", "bragged about it".
TOPICS = {"of", "about"}
# A participle after these shares the subject of its clause: "after blasting the senator".
PARTICIPLE_OPENERS = {"after", "before", "by", "while", "when", "upon"}
# "continued to insist that" and "was quick to point out" report a statement; "declined
# to reveal" and "tried to explain" do not.
SPEECH_CONTINUERS = {"continue", "continues", "continued", "continuing", "keep", "keeps", "kept",
                     "went", "go", "goes", "used", "quick"}  # fmt: skip
# Words after which a verb has no speaker of its own: a bare infinitive ("this helps
# explain the delay") or a gerund after "worth" ("it is worth noting").
SUBJECTLESS_HEADS = {"help", "helps", "helped", "helping", "let", "lets", "make", "makes",
                     "made", "worth", "bears"}  # fmt: skip
# "claimed to have seen", "claims to be": an infinitive that reports a statement.
CLAIMED_STATES = {"have", "be", "know", "understand", "represent", "speak", "find", "support",
                  "oppose", "want", "care", "believe", "see", "agree", "own", "hold"}  # fmt: skip
# Words in -ing that are not gerunds.
ING_NOUNS = {"during", "nothing", "something", "anything", "everything", "morning", "evening",
             "building", "buildings", "meeting", "meetings", "spring", "string", "ceiling",
             "opening", "funding", "housing", "training", "spending", "polling", "hearing",
             "hearings", "briefing", "ruling", "rulings", "warning", "warnings", "finding",
             "findings", "according", "including", "following", "regarding", "concerning",
             "pending"}  # fmt: skip
# What may stand between a verb and its clause: a setting ("noted on Tuesday that",
# "admitted to reporters that").
SETTING_OPENERS = {"on", "in", "at", "to", "during", "after", "before", "via", "from", "over",
                   "last", "this", "while", "with", "through", "under", "repeatedly", "for",
                   "without"}  # fmt: skip
# After a post-posed "…, the mayor insisted", settings that cannot be the verb's own
# complement ("insisted on a recount" can).
CLOSING_SETTINGS = {"in", "at", "during", "via", "after", "before", "while"}
# Words that end a phrase ("claimed the seat that …").
PHRASE_BREAKERS = {"that", "which", "who", "whom", "whose", "and", "or", "but", "to", "for", "as",
                   "with", "by", "from", "in", "on", "at", "if", "when", "while", "because",
                   "after", "before", "into", "than"}  # fmt: skip
# Inside the noun phrase of a clause ("admitted the cost of the war in Iraq was …") short
# prepositions may appear.
NOUN_PHRASE_ENDS = PHRASE_BREAKERS - {"for", "in", "on", "at"}
# After a verb, words that make it a motion, not a statement ("slammed into", "blasted off").
VERB_PARTICLES = PREPOSITION_WORDS | {"out", "open", "shut", "onto", "past"}
CLOSING_MARKS = {".", ",", ";", "!", "?", "—", "–", ":", ")", "(", "”", '"'}


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


WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


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


# Derived word classes, built once.
# Words that open a clause with a subject of its own ("when", "who"), unlike "and"/"but".
CLAUSE_STARTERS = (CLAUSE_OPENERS - {"and", "but"}) | RELATIVES
# Clause openers other than "and", which also joins the words of one subject.
OPENERS_BUT_AND = CLAUSE_OPENERS - {"and"}
# Where the verb of a sentence's opening subject begins ("have", "left").
VERB_STARTS = AUXILIARIES | IRREGULAR_PAST


# Words that open a sentence still about the same source ("They spoke on condition …").
_CONTINUING = frozenset(PRONOUNS_SINGULAR | {"they", "the", "both", "all", "each"})


def reason_given(doc: Doc, sentence: Span, reason_starts: set[int]) -> bool:
    """Whether a reason for anonymity is given in the attribution's sentence, or in the
    next one when that one goes on about the same source."""
    if sentence.start in reason_starts:
        return True
    following = sentence.end if sentence.end < len(doc) else None
    return (
        following is not None
        and doc[following].lower_ in _CONTINUING
        and following in reason_starts
    )
