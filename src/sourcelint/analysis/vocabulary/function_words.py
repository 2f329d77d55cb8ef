"""Closed-class English words: articles and determiners, numbers, auxiliaries and forms of
"be", prepositions and particles, conjunctions, negations and question words.

Provenance: English grammar, written by hand for the sourcing model (each class is closed,
so a list is complete or deliberately partial as its comment says). Tuned by counts on
PolNeAR's train folds 0-3, as the git log records: ``LARGE_NUMBERS`` (33169d3, trimmed in
6fb51b7), ``COPULAS`` (f788686, f4f55ca) and ``CONTRACTED_COPULAS`` (f4f55ca).
``COMPLEMENTIZERS`` names a feature of the cue scorer, whose weights ``tools/learn_cues.py``
learns on those folds (c6c28d4).
"""

from __future__ import annotations

from types import MappingProxyType

# Articles and determiners.
ARTICLES = frozenset({"the", "a", "an"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                         "this", "that", "these", "those", "some", "many", "most", "several",
                         "other", "others"})  # fmt: skip
# Determiners of a definite plural, a set named before: "the two companies", "both unions",
# "their companies" (not "this" or "that").
PLURAL_DEFINITES = frozenset({"the", "both", "these", "those", "their", "its", "our"})
# The definite article and the demonstratives: "the officials", "those aides".
DEFINITE_DETERMINERS = frozenset({"the", "these", "those", "this", "that"})
# Quantifiers are subjects too ("Some argue"), but make nouns of these ("many questions").
QUANTIFIERS = frozenset({"this", "that", "these", "those", "many", "some", "few", "more", "no",
                         "any", "several", "key", "serious", "new", "further",
                         "open"})  # fmt: skip
# The articles, the possessives and "to": a word before a cue word that tells whether it
# is a noun ("the report", "his claims") or a verb.
NOUN_MARKERS = frozenset({"to", "the", "a", "an", "his", "her", "their", "its", "our", "my",
                          "your"})  # fmt: skip

# Numbers.
WORD_NUMBERS = MappingProxyType({"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                 "seven": 7, "eight": 8, "nine": 9, "ten": 10})  # fmt: skip
# Words and phrases that count a group: the numbers to ten, "a dozen", "a pair of", "both".
COUNT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                         "nine", "ten", "a dozen", "dozen", "dozens", "a pair of",
                         "both"})  # fmt: skip
PLURAL_NUMBERS = frozenset(WORD_NUMBERS) - {"one"}  # counts of two or more
LARGE_NUMBERS = frozenset({"hundred", "thousand", "million"})  # "two hundred doctors"
# Sizes and units of an amount: "$5 million", "40 percent".
AMOUNTS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "percent", "%"})

# Auxiliaries and the forms of "be".
AUXILIARIES = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might",
                         "must", "has", "have", "had", "is", "are", "was", "were", "do", "does",
                         "did"})  # fmt: skip
# The forms of "be" an agentless passive is built with ("it is said", "was believed").
AGENTLESS_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})
# Every form of "be", contracted ones too.
BE_FORMS = AGENTLESS_BE | {"am", "'s", "’s", "'re", "’re"}
# Without a parse: the copulas a predicate follows ("'s" only after a pronoun: "he's"; after
# a noun it is a possessive, "the mayor's weak record").
COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "seems", "seemed"})
CONTRACTED_COPULAS = frozenset({"'s", "’s", "'re", "’re"})
# A contracted "has": "she's claimed" is "she has claimed".
CONTRACTED_HAS = frozenset({"'s", "’s"})
# Words whose "'s" is a contraction, not a possessive: "Let's say", "it's said".
CONTRACTING_WORDS = frozenset({"let", "it", "that", "he", "she", "there", "what", "who", "here",
                               "where"})  # fmt: skip

# Prepositions and particles.
PRINCIPAL = frozenset({"for", "to", "of", "with", "at", "from", "by", "under", "near", "about"})
PARTICLES = frozenset({"of", "about", "for", "with", "from", "into", "over", "up", "down",
                       "off", "away", "back", "to", "around", "through"})  # fmt: skip
PREPOSITION_WORDS = PRINCIPAL | PARTICLES | {"in", "on", "around", "across", "inside", "within",
                                                "among", "between", "against", "toward",
                                                "towards", "behind", "beyond"}  # fmt: skip
PREPOSITIONS = frozenset({"with", "of", "for", "by", "about", "without", "after", "before", "in",
                          "on", "from"})  # fmt: skip
# After a verb, words that make it a motion, not a statement ("slammed into", "blasted off").
VERB_PARTICLES = PREPOSITION_WORDS | {"out", "open", "shut", "onto", "past"}
# A verb of manner speaks with these: "boasted of his record", "bragged about it".
TOPICS = frozenset({"of", "about"})

# Conjunctions.
CLAUSE_OPENERS = frozenset({
    "that", "while", "when", "whereas", "because", "although", "though", "if", "unless",
    "after", "before", "since", "until", "as", "but", "and", "or", "so", "where", "once",
    "whether", "than", "nor", "what",
})  # fmt: skip
# Conjunctions that open a clause of their own inside a relative clause.
SUBORDINATORS = frozenset({"since", "because", "while", "although", "though", "if", "when",
                           "after", "before", "until", "unless", "whereas", "once"})  # fmt: skip
# What opens a clause a cue word takes ("said that …", "asked whether …").
COMPLEMENTIZERS = frozenset({"that", "if", "whether"})

# Negations and questions.
NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "neither"})
QUESTION_WORDS = frozenset({"whether", "if", "how", "why", "what", "when", "who", "where",
                            "which"})  # fmt: skip
