"""Pass 1, cues: the words that attribute, found on the parse.

A verb or noun is a cue when the learned scorer says so for its lemma, frame and
context ("said that …", "announced the deal", "his statement"); "according to",
hearsay adverbs ("reportedly"), agentless passives ("it was reported that", "is believed
to") and colon labels ("Cruz: …") are cues by their form. A verb of saying with other
senses ("claimed that …" but "claimed the title") is a cue when its use makes it one
(``SourcingWords.says``, the judgment the fast tier makes too). Words inside quotations
are the quoted speaker's, not the article's: they are no cues (PolNeAR's annotators,
too, marked 4 % of them against 83 % outside). Reports that name no reporter ("initial
reports of", "amid allegations that") are hearsay too: the fast tier's phrase templates
find them and the parse rules out a reporter named on the noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcelint.analysis.grammar import headline_label, used_as_verb
from sourcelint.analysis.mentions import title_case
from sourcelint.analysis.parse.cue_features import context_features, lexicon_key
from sourcelint.analysis.parse.cue_scorer import CueScorer
from sourcelint.analysis.parse.frames import contracted_has, inside, speech_use
from sourcelint.analysis.records import CueType
from sourcelint.analysis.vocabulary.lexicon import SourcingWords, Use
from sourcelint.analysis.vocabulary.newsroom import HEARSAY_NOUN_LINKS, REPORTER_PREPOSITIONS
from sourcelint.analysis.vocabulary.pronouns import POSSESSIVE_MARKS
from sourcelint.analysis.vocabulary.verbs import AGENTLESS_VERBS, LEARNING_LEMMAS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from spacy.tokens import Doc, Span, Token

    from sourcelint.analysis.phrases import PhraseMatch

_NAMED_OWNERS = frozenset({"PERSON", "ORG"})
# Who may stand before a report as its reporter: "CNN reports", "Republican claims",
# "Russian reports" (not "the first reports", "two reports").
_REPORTER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LABEL_WORDS = 4  # "Sen. Ted Cruz:" at most


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: its token span, its key word and how it attributes."""

    start: int
    end: int
    word: int  # token index of the key word ("said", "according", ":")
    cue_type: CueType
    frame: str


def find_cues(
    doc: Doc,
    quotes: tuple[tuple[int, int], ...],
    scorer: CueScorer,
    hearsay_adverbs: frozenset[str],
    words: SourcingWords,
    hearsay_nouns: Mapping[int, int],
) -> list[Cue]:
    """Every cue outside quotations, in text order. ``words`` holds the verbs of saying
    with other senses; ``hearsay_nouns`` maps each report with no reporter to where its
    phrase starts (``unsourced_reports``)."""
    found = []
    for sentence in doc.sents:
        for token in sentence:
            if inside(quotes, token.idx):
                continue
            if token.i in hearsay_nouns:
                found.append(
                    Cue(hearsay_nouns[token.i], token.i + 1, token.i, CueType.HEARSAY, "noun")
                )
                continue
            cue = _cue(token, sentence, scorer, hearsay_adverbs, words, quotes)
            if cue is not None:
                found.append(cue)
    return found


def _cue(
    token: Token,
    sentence: Span,
    scorer: CueScorer,
    hearsay_adverbs: frozenset[str],
    words: SourcingWords,
    quotes: tuple[tuple[int, int], ...],
) -> Cue | None:
    if token.lower_ in hearsay_adverbs:
        return Cue(token.i, token.i + 1, token.i, CueType.HEARSAY, "adverb")
    if token.text == ":":
        return _label(token, sentence)
    key = lexicon_key(token)
    if key is None:
        return None
    lemma, frame_name = key
    if contracted_has(token):
        frame_name = frame_name.removeprefix("pass-")  # "He's admitted": "has", no passive
        key = (lemma, frame_name)
    start, end = _verb_span(token)
    form = " ".join(t.lower_ for t in token.doc[token.i : end])
    hearsay = _agentless(token, frame_name) and _reports_content(token, frame_name)
    if hearsay and token.lower_ in AGENTLESS_VERBS:
        pass  # "is said to", "it is understood that": hearsay whatever the scorer says
    elif _judged_by_use(token, form, frame_name, words):
        if not _says(token, form, words, quotes):
            return None
    elif not scorer.is_cue(key, context_features(token)):
        return None
    if frame_name == "according":
        return Cue(token.i, token.i + 2, token.i, CueType.ACCORDING_TO, frame_name)
    # "It was later reported that", "It has been learned that": the empty subject
    # belongs to the phrase.
    empty = [c.i for c in token.children if c.dep_ == "nsubjpass" and c.lower_ == "it"]
    if lemma in LEARNING_LEMMAS and any(c.lower_ in {"has", "have"} for c in token.children):
        if not frame_name.endswith("ccomp"):
            return None  # "has learned to live with it": a skill, not news
        return Cue(min([start, *empty]), end, token.i, CueType.LEARNED, frame_name)
    if _agentless(token, frame_name):
        return Cue(min([start, *empty]), end, token.i, CueType.AGENTLESS, frame_name)
    return Cue(start, end, token.i, CueType.VERB, frame_name)


def unsourced_reports(doc: Doc, matches: Iterable[PhraseMatch]) -> dict[int, int]:
    """The report nouns of hearsay phrase matches ("initial reports of", "allegations
    that") whose reporter is not named, by token index, each with its phrase's start.

    Named are a possessor ("his claims", "the Times' reports"), a name before the noun
    ("CNN reports", "Republican claims"), a "by"/"from" phrase, and a person or body
    owning the "of" phrase ("the claims of President Obama"). A title-case headline is
    parsed as a pile of names, so there only a possessive right before counts."""
    found = {}
    for match in matches:
        noun, link = doc[match.end - 2], doc[match.end - 1]  # "reports", then "of"/"that"
        if noun.pos_ == "VERB" or link.lower_ not in HEARSAY_NOUN_LINKS:
            continue  # "she reports that …" is a verb of saying
        if title_case(noun.sent):
            before = doc[match.start - 1] if match.start > noun.sent.start else None
            named = before is not None and before.lower_ in POSSESSIVE_MARKS
        else:
            named = _reporter_named(noun, link)
        if not named:
            found[noun.i] = match.start
    return found


def _reporter_named(noun: Token, link: Token) -> bool:
    doc = noun.doc
    before = doc[noun.left_edge.i : noun.i]  # "Gennifer Flowers' bombshell allegations"
    if any(t.dep_ == "poss" or t.ent_type_ in _REPORTER_ENTITIES for t in before):
        return True
    if any(c.dep_ == "prep" and c.lower_ in REPORTER_PREPOSITIONS for c in noun.children):
        return True
    if link.lower_ != "of":
        return False
    owner = next((c for c in link.children if c.dep_ == "pobj"), None)
    # "the claims of President Obama's speech": a person or body owns what is claimed.
    return owner is not None and any(
        t.ent_type_ in _NAMED_OWNERS for t in doc[owner.left_edge.i : owner.i + 1]
    )


def _reports_content(token: Token, frame_name: str) -> bool:
    """A passive that reports something ("is said to have fled", "it was reported
    that"), not one that tells what happened to a thing ("was reported to police")."""
    return reports_content(frame_name) and (frame_name.startswith("pass-") or _participle(token))


def reports_content(frame_name: str) -> bool:
    """Whether a cue of this frame takes a clause or an infinitive."""
    return frame_name.endswith(("ccomp", "xcomp"))


def _participle(token: Token) -> bool:
    """ "sources of revenue said to be shrinking": a passive participle after a noun."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _judged_by_use(token: Token, form: str, frame_name: str, words: SourcingWords) -> bool:
    """A verb with other senses, in the active or with an agent ("was slammed by"): its
    use decides. Nouns ("his claims") and agentless passives are left to the scorer."""
    if form not in words.sense_verbs or not used_as_verb(token):
        return False
    return not _agentless(token, frame_name)


def _says(
    token: Token, form: str, words: SourcingWords, quotes: tuple[tuple[int, int], ...]
) -> bool:
    if any(child.dep_ == "neg" for child in token.children) or headline_label(token):
        return False  # "did not admit": nothing is credited; "Revealed: …" labels a headline
    use, quotation = speech_use(token, quotes)
    return words.says(form, use, quotation=quotation, thing=_thing(token, use, words))


def _thing(token: Token, use: Use, words: SourcingWords) -> bool:
    """A force or a thing acts, or is acted on ("the storm slammed", "Hurricane Ida
    slammed", "slammed the door"): a deed, not a statement."""
    for child in token.children:
        if child.dep_ in {"nsubj", "dobj"} and (child.dep_ == "nsubj" or use is Use.OBJECT):
            named = child.pos_ == "PROPN"
            if not named and child.lower_ in words.nonspeakers:
                return True
            titles = (t for t in child.children if t.dep_ == "compound")
            if named and any(t.lower_ in words.nonspeakers for t in titles):
                return True
    return False


def _verb_span(token: Token) -> tuple[int, int]:
    """The verb with its particle ("pointed out") and, for a passive, its auxiliaries
    and an infinitive "to" ("is said to")."""
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
        if child.dep_ == "auxpass" and child.i < start and not contracted_has(token):
            start = child.i
    if start < token.i:  # a passive: "is said to", "was reported"
        after = token.doc[end] if end < len(token.doc) else None
        if after is not None and after.lower_ == "to":
            end += 1
    return start, end


def _agentless(token: Token, frame_name: str) -> bool:
    """A passive cue with no "by" agent: "it was reported that", "is believed to"."""
    if not (frame_name.startswith("pass-") or _participle(token)):
        return False
    return not any(child.dep_ == "agent" for child in token.children)


def _label(colon: Token, sentence: Span) -> Cue | None:
    """ "Cruz: Trump Would Put …", "Sen. Smith, CNN:": a short name opening a sentence."""
    before = sentence.doc[sentence.start : colon.i]
    after = sentence.doc[colon.i + 1 : sentence.end]
    if not 0 < len(before) <= _LABEL_WORDS or len(after) < 3:
        return None
    if not all(t.pos_ in {"PROPN", "PUNCT"} for t in before) or before[0].pos_ != "PROPN":
        return None
    return Cue(colon.i, colon.i + 1, colon.i, CueType.VERB, "label")
