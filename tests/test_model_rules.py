"""The model's rule components as tables: what spaCy's own components give, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc

from sourcelint.analysis import model_rules
from sourcelint.analysis.model_rules import TableLemmatizer, TableRuler, model_stages

ATTRIBUTES = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]

# Written to meet every kind of pattern the ruler holds: tag patterns, words with tags
# ("ai n't", "gets"), labels ("I" as subject and object, an expletive "there is"), patterns
# of two tokens ("gon na", "got ta", "let 's", "c'm on", "y' all"), regular expressions
# ("nothin'"), and white space (a block break, a double space).
TEXTS = [
    "Jane Roe said on Monday that the deal was off.\n\nThere is nothing left, he added.",
    "I told you it ain't gonna work, and y'all know I gotta go. Let's see. C'mon!",
    "She gets what she wants; he got nothin' and doin' that  was wrong, ol' Bill said.",
    "“We have done it,” the aides, who have had enough, said. It's done. Does it matter?",
    "Officials   reportedly   believed the reports were leaked by two senior officials.",
]


@pytest.fixture(scope="module")
def nlp(linter):
    return linter.analyzer("parse").nlp


def parsed(nlp, text: str) -> Doc:
    """``text`` through the model up to its rule components."""
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def copied(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


@pytest.mark.parametrize("text", TEXTS)
def test_tables_give_what_spacys_rule_components_give(nlp, text):
    ours = copied(theirs := parsed(nlp, text))
    for name in ("attribute_ruler", "lemmatizer"):
        theirs = nlp.get_pipe(name)(theirs)
    ours = TableLemmatizer(nlp.get_pipe("lemmatizer"))(
        TableRuler(nlp.get_pipe("attribute_ruler"))(ours)
    )
    assert ours.to_array(ATTRIBUTES).tolist() == theirs.to_array(ATTRIBUTES).tolist()
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in ours] == [
        (t.lemma_, t.pos_, str(t.morph)) for t in theirs
    ]


def test_the_patterns_of_several_tokens_are_applied(nlp):
    doc = TableRuler(nlp.get_pipe("attribute_ruler"))(parsed(nlp, "We are gon na win."))
    gon, na = doc[2], doc[3]
    assert (gon.text, gon.lemma_, na.text, na.lemma_) == ("gon", "go", "na", "to")


def test_the_stages_are_the_components_in_order_the_rules_as_tables(nlp):
    stages = model_stages(nlp)
    names = nlp.pipe_names
    assert len(stages) == len(names)
    assert isinstance(stages[names.index("attribute_ruler")], TableRuler)
    assert isinstance(stages[names.index("lemmatizer")], TableLemmatizer)
    assert stages[names.index("parser")] is nlp.get_pipe("parser")


def test_a_ruler_the_table_cannot_read_is_left_to_spacy():
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(model_rules.UnsupportedPattern, match="OP"):
        TableRuler(ruler)
    assert model_stages(blank) == [ruler]


def test_caches_are_bounded(nlp, monkeypatch):
    monkeypatch.setattr(model_rules, "MAX_CACHED", 3)
    lemmatizer = TableLemmatizer(nlp.get_pipe("lemmatizer"))
    ruler = TableRuler(nlp.get_pipe("attribute_ruler"))
    doc = lemmatizer(ruler(parsed(nlp, "Aides said officials told reporters many things.")))
    assert max(len(lemmatizer._lemmas), len(ruler._keys), len(ruler._words)) <= 3
    assert len(nlp.get_pipe("lemmatizer").cache) <= 3
    assert [t.lemma_ for t in doc][:4] == ["aide", "say", "official", "tell"]


def test_lemmas_outlive_the_memory_zone_they_were_found_in(nlp):
    ruler = TableRuler(nlp.get_pipe("attribute_ruler"))
    lemmatizer = TableLemmatizer(nlp.get_pipe("lemmatizer"))
    text = "The zorblaxes were glimphing quietly."
    with nlp.memory_zone():
        theirs = [t.lemma_ for t in nlp(text)]
    for _ in range(2):  # the second time from the table, its strings gone with the zone
        with nlp.memory_zone():
            assert [t.lemma_ for t in lemmatizer(ruler(parsed(nlp, text)))] == theirs
