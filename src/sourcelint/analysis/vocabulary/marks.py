"""Punctuation and quotation marks, and the symbols the passes read as tokens: the marks
that bound a subject, a clause or a sentence, dashes, currency signs, and the quotation
marks of American news style.

Provenance: English punctuation and Unicode's quotation marks and dashes, written by hand
for the sourcing model, the quotation finder and the checks; the git log records no
tuning counts for them.
"""

from __future__ import annotations

from types import MappingProxyType

# Phrases and clauses.
HARD_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "—", "–", "--", "“", "”", '"', "‘", "’",
                             "[", "]"})  # fmt: skip
APPOSITION_ENDS = frozenset({",", ".", ";", ")", "—", "!", "?"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
# Marks where a clause ends, after a post-posed verb and its speaker ("…, he claimed.").
PHRASE_END_MARKS = frozenset({".", ",", ";", "!", "?", "—", "–", ":", ")", "(", "”", '"'})
# A comma or a dash: what sets off a parenthetical verb ("Taxes, he noted on Tuesday, will").
COMMA_LIKE_MARKS = frozenset({",", "—", "–"})
# A dateline or label before a source phrase ("LONDON (Ledger) - An aide") is not in it.
DATELINE_BREAKS = frozenset({"-", "—", "–", "--", ":", ")", ";"})
# Where a clause starts, is set off and ends, around a sentence adverb ("But clearly, …",
# ", of course,").
CLAUSE_START_MARKS = frozenset({";", ":", "(", "—", "–", "--", "“", '"', "‘"})
SET_OFF_MARKS = frozenset({",", "—", "–", "--", "("})
CLAUSE_END_MARKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "--", ")", "”", '"'})
DASHES = frozenset({"-", "–", "—", "--"})
# Marks that credit a quotation as a cue would: "according to", a colon ("Lee: “…”").
MARK_CUES = frozenset({"according", ":"})
CURRENCIES = frozenset({"$", "€", "£", "¥"})

# Quotation marks.
# Curly double quotes pair up (“…”, „…“, «…»).
DOUBLE_QUOTE_PAIRS = MappingProxyType({"“": "”", "„": "“", "«": "»"})
# Quotations in American news style are double-quoted; single curly quotes are mostly
# quotes within quotes, headline quotes and apostrophes, so they are left alone.
DOUBLE_QUOTE_OPENERS = frozenset({"“", "„", "«", '"'})
OPENING_QUOTES = frozenset({"“", "„", "«", '"', "‘"})
CLOSING_QUOTES = frozenset({"”", "»", '"', "“"})
