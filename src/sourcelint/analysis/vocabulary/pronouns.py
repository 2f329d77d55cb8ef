"""Pronouns, possessives and relative pronouns, by the roles the sourcing model reads them in.

Provenance: English grammar (a closed class), written by hand for the sourcing model.
Tuned by counts on PolNeAR's train folds 0-3, as the git log records:
``POSSESSIVE_MARKS`` (1d49001, f4f55ca), ``PEOPLE_PRONOUNS`` (f4f55ca) and
``PERSONAL_RELATIVES`` (8dfa37f).
"""

from __future__ import annotations

from types import MappingProxyType

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
# Persons as subjects of a clause: "he", not "it", which is as often a thing.
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it"}
# Pronouns that stand for things: "It noted that …", "the report, which noted …".
THING_PRONOUNS = frozenset({"it", "which", "this", "that"})
# "they" and "them" may stand for things ("sales fell; they were weak"): only pronouns
# that stand for people count.
PEOPLE_PRONOUNS = (PERSONAL_PRONOUNS | OBJECT_PRONOUNS) - {"they", "them"}
# He or she in the quote's own sentence is the person whose words these are ("He called
# the plan “a recipe for gridlock in both chambers.”"); plural "they" is too often vague.
SPEAKER_PRONOUNS = frozenset({"he", "she"})
# A pronoun as the inner source of a relay is taken for the outer speaker ("She said she
# recalls"): no chain of relays.
INNER_SOURCE_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her",
                                   "them"})  # fmt: skip

# By number and person.
PRONOUNS_SINGULAR = frozenset({"he", "she", "him", "her"})
PRONOUNS_PLURAL = frozenset({"they", "them"})
PRONOUNS_OTHER = frozenset({"it", "i", "we", "you", "one", "this", "that", "these", "those"})
# First and second person: "I" and "we" are named (the writer, or the people the quotation
# names); the cue scorer counts them as one class of subject.
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
# Third person: the cue scorer's other class of pronoun subject.
THIRD_PERSON_SUBJECTS = frozenset({"he", "she", "they", "it"})
# The one pronoun that refers back to a thing met before.
REFERRING_THING_PRONOUNS = frozenset({"it"})
# The pronouns that refer back to a source met before.
REFERRING_PRONOUNS = PRONOUNS_SINGULAR | PRONOUNS_PLURAL | REFERRING_THING_PRONOUNS
# The sex a pronoun gives its referent.
PRONOUN_GENDERS = MappingProxyType(
    {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
)
SOMEONE_WORDS = frozenset({"someone", "somebody"})
EVERYONE_WORDS = frozenset({"everyone", "everybody", "nobody"})

# Possessives.
POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# What makes a word before a noun its owner: "his claims", "the Times' reports".
POSSESSIVE_MARKS = frozenset(POSSESSIVES | {"'s", "’s"})

# Relative pronouns.
RELATIVES = frozenset({"who", "which", "whom", "whose"})
RELATIVES_AND_THAT = RELATIVES | {"that"}
# Relative pronouns as subjects ("a diplomat who said"); the source pass reads them too.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Relative pronouns that stand only for persons.
PERSONAL_RELATIVES = frozenset({"who", "whom"})
# "the test, which the media claimed now allows …": a relative pronoun the parser takes
# for the verb's object.
RELATIVE_OBJECTS = frozenset({"which", "that", "what", "who"})
