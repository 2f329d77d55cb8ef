"""Words around proper names: the lower-case links inside a name, the capitalized words
that are never one, and the short words a title-case headline leaves in lower case.

Provenance: English usage and news style (title case, datelines, photo credits), written
by hand for the mention finder; the git log records no tuning counts for them.
``CALENDAR_WORDS`` is English, for SL108's names of pollsters (251250b).
"""

from __future__ import annotations

# Lower-case words that may stand inside a name: "Bashar al-Assad", "Department of State".
NAME_LINKS = frozenset({"al", "al-", "bin", "ibn", "de", "del", "der", "van", "von", "la", "le",
                        "da", "of", "for", "&", "-"})  # fmt: skip
# Capitalized words that open sentences and clauses but never names.
NOT_NAMES = frozenset({
    "the", "a", "an", "according", "when", "while", "after", "before", "as", "in", "on", "at",
    "but", "and", "or", "so", "if", "this", "that", "these", "those", "there", "here", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "its", "meanwhile",
    "however", "still", "yet", "also", "then", "now", "today", "yesterday", "last", "next",
    "speaking", "asked", "conversely", "since", "although", "though", "because", "until",
    "despite", "for", "with", "without", "from", "by", "to", "of", "under", "over", "during",
    "some", "many", "most", "several", "both", "all", "no", "not", "one", "two", "three",
    "what", "who", "why", "how", "where", "which", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "follow", "join",
    "please", "read", "watch", "click", "sign", "share", "photo", "getty", "images", "ap",
})  # fmt: skip
# Short words title case leaves in lower case ("Up for Renewal Amid Allegations of Fraud").
MINOR_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "into", "upon", "up", "is", "vs", "vs.", "v.",
})  # fmt: skip
# Capitalized but never names: months and days ("a June poll").
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})  # fmt: skip
