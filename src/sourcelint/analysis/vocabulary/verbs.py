"""Verb forms and the verbs the code reads by their form: irregular pasts and participles,
words in -ing that are no verbs, and the few verbs of saying, believing and calling that
the passes test directly (the rule packs' lexicon holds the verbs of saying rules flag).

Provenance: English morphology and usage, written by hand for the sourcing model (partial
lists, grown as examples called for a word). Tuned by counts on PolNeAR's train folds
0-3, as the git log records: ``CALLING_VERBS`` (f788686).
"""

from __future__ import annotations

from sourcelint.analysis.vocabulary.function_words import AUXILIARIES

# Verb forms.
# Past tenses that, after a noun, make a finite verb: none is also an adjective ("the
# left lane", "a paid adviser"), so "claimed the mayor knew" holds a clause.
UNAMBIGUOUS_PAST = frozenset({"knew", "took", "went", "came", "gave", "saw", "became", "began",
                              "wrote", "fell", "drove", "rose", "grew", "threw", "thought",
                              "said", "told", "made", "got"})  # fmt: skip
# Past tenses that do not end in -ed: where an opening subject's verb begins.
IRREGULAR_PAST = UNAMBIGUOUS_PAST | {
    "left", "met", "sent", "held", "spoke", "ran", "sat", "stood", "won", "lost", "brought",
    "bought", "found", "kept", "led", "paid", "put", "heard", "fought", "sought", "struck",
    "broke", "chose", "flew", "spent", "built", "felt", "meant", "withdrew", "forgave", "sued",
    "hit", "quit", "shut", "cut", "let",
}  # fmt: skip
# Where the verb of a sentence's opening subject begins ("have", "left").
VERB_STARTS = AUXILIARIES | IRREGULAR_PAST
# Participles of cue verbs that do not end in -ed or -en.
PARTICIPLES = frozenset({"told", "said", "thought", "quoted", "called", "led", "held", "read",
                         "heard", "asked", "known", "shown", "written", "found"})  # fmt: skip
NAMING_PARTICIPLES = frozenset({"called", "named", "dubbed", "titled", "entitled", "nicknamed"})
# Words in -ing that are not gerunds.
ING_NOUNS = frozenset({"during", "nothing", "something", "anything", "everything", "morning",
                       "evening", "building", "buildings", "meeting", "meetings", "spring",
                       "string", "ceiling", "opening", "funding", "housing", "training",
                       "spending", "polling", "hearing", "hearings", "briefing", "ruling",
                       "rulings", "warning", "warnings", "finding", "findings", "according",
                       "including", "following", "regarding", "concerning",
                       "pending"})  # fmt: skip

# Verbs of saying and believing.
STRONG_CUES = frozenset({"say", "says", "said", "saying", "tell", "tells", "told", "telling",
                         "add", "adds", "added", "adding"})  # fmt: skip
BELIEF_VERBS = frozenset({"believe", "believes", "believed", "think", "thinks", "thought", "feel",
                          "feels", "felt", "fear", "fears", "feared", "worry", "worries",
                          "worried", "expect", "expects", "expected", "hope", "hopes",
                          "hoped"})  # fmt: skip
LISTENER_VERBS = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked",
                            "asking", "urge", "urged", "implore", "implored", "brief",
                            "briefed", "warn", "warned"})  # fmt: skip
# Verbs of a relay: "X told Y that Z said …".
RELAY_VERBS = frozenset({"said", "says", "told", "tells", "reported", "wrote", "claimed",
                         "added"})  # fmt: skip
AGENTLESS_VERBS = frozenset({"said", "believed", "thought", "rumored", "rumoured", "reported",
                             "alleged", "understood", "claimed", "feared", "suspected",
                             "learned", "learnt"})  # fmt: skip
INFINITIVE_OK = frozenset({"believed", "thought", "said", "rumored", "rumoured", "reported",
                           "alleged", "understood", "claimed", "suspected",
                           "feared"})  # fmt: skip
# Verbs that report news only with a clause: "has learned that …", not "has learned to
# live with it".
LEARNING_LEMMAS = frozenset({"learn"})
# "continued to insist that" and "was quick to point out" report a statement; "declined
# to reveal" and "tried to explain" do not.
SPEECH_CONTINUERS = frozenset({"continue", "continues", "continued", "continuing", "keep",
                               "keeps", "kept", "went", "go", "goes", "used",
                               "quick"})  # fmt: skip
# Words after which a verb has no speaker of its own: a bare infinitive ("this helps
# explain the delay") or a gerund after "worth" ("it is worth noting").
SUBJECTLESS_HEADS = frozenset({"help", "helps", "helped", "helping", "let", "lets", "make",
                               "makes", "made", "worth", "bears"})  # fmt: skip
# "claimed to have seen", "claims to be": an infinitive that reports a statement.
CLAIMED_STATES = frozenset({"have", "be", "know", "understand", "represent", "speak", "find",
                            "support", "oppose", "want", "care", "believe", "see", "agree",
                            "own", "hold"})  # fmt: skip
# Verbs of calling: "called him a liar", "labeled her a traitor".
CALLING_VERBS = frozenset({"call", "calls", "called", "calling", "label", "labeled",
                           "labelled"})  # fmt: skip
