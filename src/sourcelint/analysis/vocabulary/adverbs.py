"""Adverbs, times and asides: the words that may stand between a subject and its verb, or
between a verb and what it reports, without being either.

Provenance: English usage in news copy, written by hand for the fast tier's reading of
subjects and verbs (partial lists, grown as examples called for a word). Tuned by counts
on PolNeAR's train folds 0-3, as the git log records: ``DEGREE_WORDS`` (f788686).
"""

from __future__ import annotations

# Adverbs that may stand between a subject and its verb ("Jafari then said").
ADVERBS = frozenset({
    "then", "also", "later", "earlier", "first", "again", "still", "once", "often", "never",
    "reportedly", "privately", "publicly", "separately", "recently", "previously",
    "repeatedly", "initially", "just", "already", "ultimately", "simply", "even", "only",
    "long", "since", "further",
})  # fmt: skip
# Between a verb of saying and what it reports, besides ADVERBS: times and a few more
# ("insisted again that", "noted Tuesday that", "admitted afterwards that").
VERB_ADVERBS = ADVERBS | {
    "now", "always", "too", "soon", "yet", "instead", "however", "afterward", "afterwards",
    "today", "yesterday", "tonight", "night", "morning", "afternoon", "evening",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
SENTENCE_ADVERBS = frozenset({"meanwhile", "still", "however", "instead", "yet", "also", "then",
                              "later", "earlier", "moreover", "nevertheless", "similarly",
                              "likewise", "separately", "elsewhere", "now", "so",
                              "thus"})  # fmt: skip
AGENTLESS_ADVERBS = frozenset({"widely", "also", "long", "later", "now", "generally",
                               "commonly", "often", "been", "being", "not", "n't", "never",
                               "first", "initially", "previously", "once", "still",
                               "further"})  # fmt: skip
ASIDES = frozenset({"however", "though", "too", "meanwhile", "instead", "also", "moreover",
                    "indeed", "in", "fact", "of", "course", "for", "example", "instance", "turn",
                    "still", "nonetheless", "nevertheless", "then", "now",
                    "particular"})  # fmt: skip
# Words that may stand between a copula and its predicate ("was not so lazy").
DEGREE_WORDS = frozenset({"very", "so", "too", "completely", "totally", "utterly", "really",
                          "just", "not", "n't", "simply", "truly", "deeply",
                          "incredibly"})  # fmt: skip
# Words ending in -ly that are not adverbs.
LY_WORDS = frozenset({"family", "assembly", "rally", "ally", "supply", "reply", "apply", "italy",
                      "july", "anomaly", "monopoly", "daily", "weekly", "monthly", "quarterly",
                      "yearly", "early", "likely", "friendly", "elderly", "holy", "lonely",
                      "ugly", "bully", "belly", "jelly", "fly", "only", "comply", "imply",
                      "multiply", "rely", "firefly", "butterfly", "homily"})  # fmt: skip

# Times.
# "Federal officials Tuesday said": a day between subject and verb.
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "today", "yesterday", "tonight"})  # fmt: skip
TIME_WORDS = frozenset({"in", "on", "at", "last", "this", "next", "early", "late", "earlier",
                        "later", "today", "yesterday", "week", "month", "year", "morning",
                        "afternoon", "evening", "night", "again", "also", "the", "a", "an",
                        "time", "weekend", "ago", "statement", "interview",
                        "speech"})  # fmt: skip
