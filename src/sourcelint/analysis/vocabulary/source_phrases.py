"""Words inside a source phrase that decide its kind: parts of a group and counts ("one of
the advisers", "some note"), groups and shares ("a handful of senators", "nine in 10"),
vantage ("people familiar with the matter"), affiliation ("a senior source").

Provenance: English usage in news attributions, written by hand for the sourcing model.
Tuned by counts on PolNeAR's train folds 0-3, as the git log records: ``GROUP_HEADS``
(2fdaa5d) and ``SHARE_LINKS`` (33169d3); ``POINTING_WORDS``, ``SOURCE_MODIFIERS`` and
``MAKER_WORDS`` by reading every poll SL108 met there (251250b).
"""

from __future__ import annotations

# Parts of a group.
# The fast tier's partitives, small numbers among them: "one of the advisers", "two of
# his aides", "many of whom".
PARTITIVES_WITH_NUMBERS = frozenset({"one", "some", "many", "most", "several", "two", "three",
                                     "four", "few", "both"})  # fmt: skip
# The parse tier's partitives, "all" and "each" among them (it reads numbers apart):
# "one of the officials", "each of them".
PARTITIVES_WITH_ALL_EACH = frozenset({"one", "some", "many", "most", "several", "few", "both",
                                      "all", "each"})  # fmt: skip
UNSPECIFIED_SHARES = frozenset({"some", "many", "most", "several", "few"})  # an unspecified share
# Subjects that say how many, not who: "some note that", "noted several problems".
COUNT_SUBJECTS = PARTITIVES_WITH_NUMBERS | {"all", "others"}
# Role words that make a source on their own ("someone said"), unlike a headline's "Lawmaker".
LONE_SOURCES = frozenset({"people", "staff", "someone", "somebody", "anyone", "anybody"})

# Groups and shares.
# Heads that gather a few people of their "of" phrase into one concrete group.
GROUP_HEADS = frozenset({"group", "handful", "couple", "pair"})
# Named examples of a group: "critics, including Senator Roe".
INCLUDING_WORDS = frozenset({"including", "like"})
# "eight of 10", "nine in 10", "two out of three": a share, as polls give it.
SHARE_LINKS = frozenset({"of", "in", "out"})

# Vantage and affiliation.
# What gives an unnamed source a vantage: "officials close to", "familiar with", "briefed".
VANTAGE = frozenset({"close", "familiar", "briefed", "involved", "knowledgeable", "with",
                     "inside", "within"})  # fmt: skip
# "those close to him", "people familiar with the matter", "officials briefed on it".
VANTAGE_HEADS = frozenset({"those", "people", "persons", "person", "someone", "one"})
VANTAGE_LEMMAS = frozenset({"close", "familiar", "knowledgeable", "brief"})
# Words that leave a source without affiliation: "informed sources", "a senior source".
UNAFFILIATED_WORDS = frozenset({
    "a", "an", "the", "one", "two", "three", "four", "several", "multiple", "some", "many",
    "other", "another", "informed", "unnamed", "anonymous", "reliable", "senior", "well-placed",
    "trusted", "knowledgeable", "credible", "top", "high-level", "high-ranking", "independent",
    "separate", "additional", "both", "different", "according", "to",
})  # fmt: skip
# A noun cue's source or content hangs on these: "a statement by the mayor", "claims from
# aides", "the claims of President Obama".
NOUN_CUE_PREPOSITIONS = frozenset({"by", "of", "from"})
# Words before a noun that point back to a source the story named before: "the poll",
# "its survey", "the same polling".
POINTING_WORDS = frozenset({
    "the", "this", "that", "these", "those", "both", "each", "either", "same", "such", "its",
    "their", "his", "her", "our", "'s", "’s",
})  # fmt: skip
# Modifiers a pointing word may stand before: "the recent 50-state poll", "the new survey".
SOURCE_MODIFIERS = frozenset({
    "new", "latest", "recent", "early", "national", "nationwide", "statewide", "state", "public",
    "private", "internal", "online", "independent", "separate", "other", "earlier", "last",
    "first", "second", "third", "exit", "entrance", "tracking", "rolling",
})  # fmt: skip
# Words that open the maker of a source after it: "a poll by …", "a survey from …".
MAKER_WORDS = frozenset({"by", "from", "for"})
