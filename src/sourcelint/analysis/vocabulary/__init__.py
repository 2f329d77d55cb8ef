"""The word lists the analysis reads, shipped as data files beside this module.

Each file says where it comes from: ``person_nouns.txt`` is derived from WordNet by
``tools/derive_person_nouns.py``; ``cue_lexicon.tsv`` and ``cue_weights.tsv`` are learned
from PolNeAR's training folds by ``tools/learn_cues.py``.
"""

from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
