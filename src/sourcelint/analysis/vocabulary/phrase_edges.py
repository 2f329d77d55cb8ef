"""Where subjects, clauses and phrases open and end: the words the fast tier reads in
place of a parse ("Jafari then said", "noted on Tuesday that", "the seat that …"), and
the words around an adverb or a quoted word that tell whether it comments on a sentence.

Provenance: English grammar and usage, written by hand for the fast tier's heuristics
(mostly closed classes, combined for one job each). Tuned by counts on PolNeAR's train
folds 0-3, as the git log records: ``LIST_WORDS`` (f788686).
"""

from __future__ import annotations

from sourcelint.analysis.vocabulary.adverbs import ADVERBS
from sourcelint.analysis.vocabulary.function_words import (
    AGENTLESS_BE,
    AUXILIARIES,
    CLAUSE_OPENERS,
    PREPOSITION_WORDS,
)
from sourcelint.analysis.vocabulary.pronouns import PRONOUNS_SINGULAR, RELATIVES, SUBJECT_PRONOUNS

# Subjects and their verbs.
# Words skipped between a subject and its verb ("Jafari then said", "has also said").
BETWEEN = ADVERBS | {
    "has", "have", "had", "would", "will", "could", "can", "may", "might", "did", "does", "do",
    "not", "n't", "was", "were", "is", "are", "be", "been",
}  # fmt: skip
# Links at either end of a subject, not part of it ("… and said", "Perhaps officials …").
LEADING_LINKS = frozenset({"and", "or", "but", "so", "then", "also", "yet", "nor", "&", "now",
                           "perhaps", "maybe"})  # fmt: skip
# Words that open a sentence still about the same source ("They spoke on condition …").
CONTINUING_OPENERS = frozenset(PRONOUNS_SINGULAR | {"they", "the", "both", "all", "each"})
# Where a source phrase's post-modifiers begin ("officials | at the department").
POSTMODIFIERS = frozenset({
    "of", "for", "at", "with", "in", "from", "on", "close", "familiar", "briefed", "involved",
    "knowledgeable", "inside", "within", "to", "who", "which", "that", "(", ",", "under", "near",
    "by",
})  # fmt: skip

# Clauses.
# Words that open a clause with a subject of its own ("when", "who"), unlike "and"/"but".
CLAUSE_STARTERS = (CLAUSE_OPENERS - {"and", "but"}) | RELATIVES
# Clause openers other than "and", which also joins the words of one subject.
OPENERS_BUT_AND = CLAUSE_OPENERS - {"and"}
# What may introduce the content a verb reports: "that", a quotation mark, a colon, a comma.
COMPLEMENT = frozenset({"that", "“", '"', ":", ","})
# After "is said to", words that show "to" is a preposition, not an infinitive.
NOT_INFINITIVE = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                            "him", "them", "me", "us", "police", "authorities", "officials",
                            "reporters", "investigators", "this", "that", "these",
                            "those"})  # fmt: skip
# A participle after these shares the subject of its clause: "after blasting the senator".
PARTICIPLE_OPENERS = frozenset({"after", "before", "by", "while", "when", "upon"})
# What may stand between a verb and its clause: a setting ("noted on Tuesday that",
# "admitted to reporters that").
SETTING_OPENERS = frozenset({"on", "in", "at", "to", "during", "after", "before", "via", "from",
                             "over", "last", "this", "while", "with", "through", "under",
                             "repeatedly", "for", "without"})  # fmt: skip
# After a post-posed "…, the mayor insisted", settings that cannot be the verb's own
# complement ("insisted on a recount" can).
CLOSING_SETTINGS = frozenset({"in", "at", "during", "via", "after", "before", "while"})

# Phrases.
# Words that end a phrase ("claimed the seat that …").
PHRASE_BREAKERS = frozenset({"that", "which", "who", "whom", "whose", "and", "or", "but", "to",
                             "for", "as", "with", "by", "from", "in", "on", "at", "if", "when",
                             "while", "because", "after", "before", "into",
                             "than"})  # fmt: skip
# Inside the noun phrase of a clause ("admitted the cost of the war in Iraq was …") short
# prepositions may appear.
NOUN_PHRASE_ENDS = PHRASE_BREAKERS - {"for", "in", "on", "at"}
# Words that open a clause or a setting before a speaker: "As the minister noted", "In
# June Lee insisted"; but "Lee Park of the Daily Star" is one speaker.
CHUNK_BREAKS = (CLAUSE_OPENERS | PREPOSITION_WORDS | {"yet", "then"}) - {"of", "for", "at"}
# Words that end a noun phrase from the left: "the sheriff" stops at "the", not at "which".
FUNCTION_WORDS = (
    PHRASE_BREAKERS | AUXILIARIES | AGENTLESS_BE | SUBJECT_PRONOUNS | {"which", "this", "what"}
)
# The words that join a list ("lazy, dishonest and unfit").
LIST_WORDS = frozenset({"and", "or", ","})

# Sentence adverbs and scare quotes (the loaded-marker check).
# A clause may open with a conjunction before the adverb: "But clearly, …".
OPENING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "still", "now", "or", "then"})
# A quoted word after one of these is a scare quote candidate: the “reforms”.
NOUN_PHRASE_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "your",
                                 "my", "this", "these", "those", "such", "'s",
                                 "’s"})  # fmt: skip
