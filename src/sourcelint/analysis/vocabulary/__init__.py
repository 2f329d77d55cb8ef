"""The word lists the analysis reads, in one place, one name per list.

Modules by topic: ``function_words`` (closed-class English), ``pronouns``, ``adverbs``,
``verbs``, ``phrase_edges`` (where subjects, clauses and phrases open and end),
``source_phrases`` (parts, counts, groups, vantage), ``newsroom``, ``names``, ``marks``
(punctuation and quotation marks), ``people`` (person nouns) and ``lexicon`` (the rule
packs' lexicon, compiled). Each module's docstring gives the provenance of its lists.

Provenance of the data files beside these modules: ``person_nouns.txt`` is derived from
WordNet by ``tools/derive_person_nouns.py``; ``cue_lexicon.tsv`` and ``cue_weights.tsv``
are learned from PolNeAR's training folds by ``tools/learn_cues.py``.
"""

from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
