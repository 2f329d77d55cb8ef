"""Newsroom words: papers, outlets and their data, reports and hearsay, bylines, reporting
and interviewing. (The rule packs' lexicon, ``rules/lexicon*.toml``, holds the outlet and
document nouns users extend; these are the words the passes themselves test.)

Provenance: newsroom usage, written by hand for the sourcing model. Tuned by counts on
PolNeAR's train folds 0-3, as the git log records: ``DATA_NOUNS`` ("count" joined in
7e21679), ``HEARSAY_NOUN_LINKS`` (f4f55ca), ``REPORTER_PREPOSITIONS`` (1d49001),
``BYLINE_PREPOSITIONS``, ``WRITING_FOR_PREPOSITIONS`` and ``WRITING_LEMMAS`` (91cc914).
"""

from __future__ import annotations

# Outlets and what they publish.
# "the paper" may be a research paper as well as a newspaper.
PAPERS = frozenset({"paper", "papers"})
# Outlet nouns with other senses: outlets only bare ("the network said") or as news.
BROAD_OUTLET_NOUNS = frozenset({"network", "networks", "station", "stations", "channel",
                                "outlet", "outlets", "service", "press"})  # fmt: skip
NEWS_MODIFIERS = frozenset({"news", "cable", "television", "tv", "broadcast", "radio", "media",
                            "state-run", "local", "national", "conservative",
                            "liberal"})  # fmt: skip
# Words that make any name of two words or more an outlet ("Christian News Service").
STRONG_OUTLET_WORDS = frozenset({"news", "gazette", "herald", "tribune", "newspaper",
                                 "newswire"})  # fmt: skip
# An outlet's numbers are data, not its reporting.
DATA_NOUNS = frozenset({"poll", "polls", "polling", "survey", "surveys", "forecast",
                        "forecasts", "tally", "count", "data", "database", "average",
                        "averages", "estimate", "estimates", "figures", "statistics",
                        "projections", "index", "results", "returns"})  # fmt: skip

# Reports and hearsay.
# Generic report nouns: "according to reports" credits nobody.
GENERIC_REPORTS = frozenset({"reports", "rumors", "rumours", "accounts", "speculation",
                             "reporting"})  # fmt: skip
# Nouns of claims credited to nobody; the hearsay templates hold their phrases.
HEARSAY_NOUNS = frozenset({"allegations", "allegation", "rumors", "rumours", "reports", "claims"})
# What follows a report that may have no reporter: "reports of", "allegations that".
HEARSAY_NOUN_LINKS = frozenset({"of", "that"})
# Who may be named on a report: "reports by the BBC", "claims from aides".
REPORTER_PREPOSITIONS = frozenset({"by", "from"})

# Reporting, bylines and interviews.
PUBLISHING_CUES = frozenset({"writing", "wrote", "writes", "reporting", "reported", "reports"})
# "Roe wrote in The Times", "Writing for The Times, Roe argued": a byline's verbs.
WRITING_LEMMAS = frozenset({"write", "report", "argue", "note", "opine"})
# "Jane Roe at/of/for the Ledger"; "wrote for/in the Ledger".
BYLINE_PREPOSITIONS = frozenset({"at", "of", "for"})
WRITING_FOR_PREPOSITIONS = frozenset({"for", "in"})
# A journalist asking questions relays nothing: forms (fast tier) and lemmas (parse tier).
INTERVIEWER_CUES = frozenset({"asked", "asks", "asking", "questioned", "pressed", "interviewed"})
INTERVIEWER_LEMMAS = frozenset({"ask", "question", "press", "interview"})
# Relay phrases that report speech on their own ("In an interview with CNN, …").
RELAY_OPENERS = frozenset({"told", "tell", "tells", "telling", "asked", "questioned",
                           "interviewed", "in", "during", "speaking", "talking", "spoke",
                           "speaks", "talked", "talks", "first", "originally", "initially",
                           "reported", "published", "revealed", "disclosed", "obtained",
                           "broken", "being", "informed"})  # fmt: skip
