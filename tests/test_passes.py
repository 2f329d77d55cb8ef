"""The parse tier's passes, each on sentences written for it."""

from __future__ import annotations

import pytest

from sourcelint.analysis.parse.cue_features import context_features, lexicon_key
from sourcelint.analysis.parse.cue_scorer import CueScorer, load_scorer, smoothed_share
from sourcelint.analysis.parse.frames import frame
from sourcelint.analysis.pipeline import Analyzer
from sourcelint.analysis.records import CueType
from sourcelint.checks.registry import load_registry
from sourcelint.core.kinds import SourceKind
from sourcelint.readers import read_prose

# The word lists of the built-in rule packs, which the sourcing model reads.
LEXICON = load_registry().lexicon


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(LEXICON, "parse")


def attributions(analyzer, text):
    article = analyzer.analyze(read_prose(text))
    return [
        (
            article.text[slice(*a.cue)],
            article.text[slice(*a.source)] if a.source else None,
            a.kind,
        )
        for a in article.attributions
    ]


def token(analyzer, text, word):
    doc = analyzer.parse(text, ((0, len(text)),))
    return next(t for t in doc if t.text == word)


# --- frames and the learned scorer -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The mayor said that the deal was off.", "said", "ccomp"),
        ("The company announced the deal on Monday.", "announced", "dobj"),
        ("He is believed to have fled.", "believed", "pass-xcomp"),
        ("The deal, he said, is off.", "said", "parataxis"),
        ("His statement was read aloud.", "statement", "noun-poss"),
    ],
)
def test_frames_read_how_content_attaches(analyzer, text, word, expected):
    assert frame(token(analyzer, text, word)) == expected


def test_auxiliaries_are_never_candidates(analyzer):
    assert lexicon_key(token(analyzer, "The mayor has said so.", "has")) is None


def test_context_features_name_subject_and_negation(analyzer):
    features = context_features(token(analyzer, "I did not say that he left.", "say"))
    assert "subject=pron-12" in features
    assert "negated" in features


def test_scorer_prefers_speech_to_description(analyzer):
    scorer = load_scorer()
    said = token(analyzer, "The mayor said that the deal was off.", "said")
    asked_for = token(analyzer, "The mayor ate lunch.", "ate")
    assert scorer.is_cue(lexicon_key(said), context_features(said))
    assert not scorer.is_cue(lexicon_key(asked_for), context_features(asked_for))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The mayor said that the deal was off.", "said", "complement=that"),
        ("The mayor asked whether the deal was off.", "asked", "complement=that"),
        ("The mayor said the deal was off.", "said", "complement=bare"),
        ("The mayor announced the deal.", "announced", "complement=none"),
    ],
)
def test_context_features_name_the_clause_a_cue_takes(analyzer, text, word, expected):
    assert expected in context_features(token(analyzer, text, word))


def test_scorer_reads_the_lemma_in_its_context():
    """A lemma's share in a context moves its score: "say" as a noun ("a say in the
    matter") is read apart from "say" as a verb."""
    lexicon = {
        ("say", "*"): (100, 80),
        ("say", "ccomp"): (90, 80),
        ("say", "noun"): (10, 0),
        ("say", "tag=VBD"): (90, 80),
        ("say", "tag=NN"): (10, 0),
    }
    weights = {"bias": 0.0, "share": 1.0, "lift:tag": 1.0, "threshold": 0.5}
    scorer = CueScorer(lexicon, weights)
    verb = scorer.inputs(("say", "ccomp"), ["tag=VBD", "dep=ROOT"])
    noun = scorer.inputs(("say", "noun"), ["tag=NN", "dep=dobj"])
    assert verb is not None and noun is not None
    assert verb["lift:tag"] > 0 > noun["lift:tag"]
    assert "lift:dep" not in verb  # no row for that context: no lift
    assert scorer.is_cue(("say", "ccomp"), ["tag=VBD"])
    assert not scorer.is_cue(("say", "noun"), ["tag=NN"])
    # A frame seen once stays near its lemma's share; an unknown lemma is no cue.
    assert scorer.inputs(("say", "xcomp"), [])["share"] > 0
    assert scorer.probability(("eat", "dobj"), []) is None


def test_smoothed_share_stays_inside_zero_and_one():
    assert 0 < smoothed_share(10, 0) < smoothed_share(10, 10) < 1


# --- cues ----------------------------------------------------------------------------


def test_words_inside_quotations_are_no_cues(analyzer):
    found = attributions(analyzer, "“They told me the plan was dead,” the mayor said.")
    assert [cue for cue, _, _ in found] == ["said"]


def test_hearsay_agentless_and_according_to_are_cues_by_form(analyzer):
    text = (
        "The rebels reportedly advanced. It was later reported that the talks collapsed. "
        "According to court records, the contract was signed in May."
    )
    found = attributions(analyzer, text)
    assert ("reportedly", None, SourceKind.NONE) in found
    assert ("It was later reported", None, SourceKind.NONE) in found
    assert ("According to", "court records", SourceKind.DOCUMENT) in found


def test_agentless_cue_type(analyzer):
    article = analyzer.analyze(read_prose("The minister is believed to have fled."))
    (attribution,) = article.attributions
    assert attribution.cue_type is CueType.AGENTLESS
    assert attribution.cue_word == "believed"


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("It is understood that the board will meet.", "It is understood", SourceKind.NONE),
        ("The singer is rumored to be planning a tour.", "is rumored to", SourceKind.NONE),
        ("It has been learned that the mayor will resign.", "It has been learned", SourceKind.NONE),
        # A passive that tells what happened to a thing relays nothing.
        ("The theft was reported to police on Friday.", "was reported to", SourceKind.OTHER),
    ],
)
def test_agentless_passives_relay_only_what_they_report(analyzer, text, cue, kind):
    assert (cue, None, kind) in attributions(analyzer, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Initial reports of a second blast could not be confirmed.", "Initial reports"),
        ("The school would not comment on reports that the dean had quit.", "reports"),
        ("Voters Shrug Off Allegations of Fraud in Mayor's Race.", "Allegations"),
        ("He left the party amid unconfirmed rumors that he was ill.", "unconfirmed rumors"),
    ],
)
def test_a_report_with_no_reporter_is_hearsay(analyzer, text, cue):
    assert (cue, None, SourceKind.NONE) in attributions(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "His claims of fraud were dismissed by the court.",  # a possessor
        "Republican claims of fraud were dismissed by the court.",  # a group before the noun
        "Claims of fraud by the losing candidate were rejected.",  # "by" names who claims
        "One of the central claims of Senator Jane Roe's speech was false.",  # "of" owner
        "She reports that the dean had quit.",  # a verb of saying, credited to her
    ],
)
def test_a_report_whose_reporter_is_named_is_no_hearsay(analyzer, text):
    assert SourceKind.NONE not in {kind for _, _, kind in attributions(analyzer, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has learned to live with criticism.",  # a skill, not news
        "The minister told the Independent Police Complaints Commission that he was innocent.",
        "Former mayor Michael Bloomberg said he would not run.",
    ],
)
def test_near_misses_credit_no_outlet(analyzer, text):
    kinds = {kind for _, _, kind in attributions(analyzer, text)}
    assert SourceKind.OUTLET not in kinds and SourceKind.NONE not in kinds


def test_a_role_given_by_a_copula_is_a_named_role(analyzer):
    text = "Jane Roe is the ministry's spokeswoman. The spokeswoman said the talks failed."
    assert attributions(analyzer, text)[-1][2] is SourceKind.NAMED


# --- source spans ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A senior official who works in the region said the talks stalled.", "A senior official"),
        ("A diplomat who attended laughed and said the plan was dead.", "A diplomat"),
        ("The mayor was told by aides that the plan had failed.", "aides"),
        ("“We will appeal,” said a spokeswoman.", "a spokeswoman"),
    ],
)
def test_source_spans(analyzer, text, source):
    (found,) = [f for f in attributions(analyzer, text) if f[1] is not None]
    assert found[1] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # "who" stands for a person: past a body or a place to the person it is about.
        ("The change may calm Democrats in the Senate, who have argued that it helps.",
         "argued", "Democrats"),
        ("Jane Roe, a senior analyst at the Acme Bank, who notes that sales fell, agreed.",
         "notes", "a senior analyst"),
        # A name is a person even when the tagger calls it a place; "which" a thing.
        ("He launched an attack on Jane Roe, who has said she will appeal.", "said", "Jane Roe"),
        ("The talks included members of the ministry, which said it had no role.",
         "said", "the ministry"),
    ],
)  # fmt: skip
def test_a_relative_pronoun_stands_for_its_antecedent(analyzer, text, cue, source):
    assert [s for c, s, _ in attributions(analyzer, text) if c == cue] == [source]


# --- kinds, registry and publisher ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two diplomats said the vote had been delayed.", SourceKind.ANONYMOUS),
        ("Dealers said prices rose sharply.", SourceKind.ANONYMOUS),
        ("A bartender said the bars were full.", SourceKind.ANONYMOUS),
        ("Critics argued the contract was too generous.", SourceKind.VAGUE),
        ("The company announced the deal on Monday.", SourceKind.ORGANIZATION),
        # Possessed roles: quoted-in roles stay anonymous, relations are identified.
        ("His aides said he was tired.", SourceKind.ANONYMOUS),
        ("Her husband said the car was stolen.", SourceKind.OTHER),
        # A name modifying a role is an affiliation, not the speaker's name.
        ("Senate aides to Jane Roe acknowledged the talks had stalled.", SourceKind.ANONYMOUS),
        # Sources by vantage, and one unnamed person.
        ("Those close to the governor say he will run again.", SourceKind.ANONYMOUS),
        ("People familiar with the talks said a deal was near.", SourceKind.ANONYMOUS),
        ("Someone asked whether the plant would close.", SourceKind.ANONYMOUS),
        # "authorities" are officials, not one authority.
        ("Authorities said the road would stay closed.", SourceKind.ANONYMOUS),
        # A bare plural in the simple present speaks for a kind of people.
        ("Developers say the program creates jobs.", SourceKind.VAGUE),
        ("Across the state, veterans say the wait for care is too long.", SourceKind.VAGUE),
        ("Officials say the program creates jobs.", SourceKind.ANONYMOUS),
        # Relations to someone are people close to them, not a kind of people.
        ("In private, allies of the senator say he is tired.", SourceKind.ANONYMOUS),
        # A poll's share is the poll's finding.
        ("Eight of 10 voters say they will watch the debate.", SourceKind.DOCUMENT),
        ("Nine in 10 voters say they will watch the debate.", SourceKind.DOCUMENT),
        # So is a crowd counted in hundreds; a year is no count, and a few people are.
        ("In the caucuses, 34,000 people supported the governor.", SourceKind.DOCUMENT),
        ("Some 2016 candidates said the debate was unfair.", SourceKind.ANONYMOUS),
        ("Twelve teachers said the school was cold.", SourceKind.ANONYMOUS),
        ("Fortune 500 executives said the tax would hurt.", SourceKind.ANONYMOUS),
        ("Last week 2,000 workers said they would strike.", SourceKind.DOCUMENT),
        ("2² people said the rule was unfair.", SourceKind.ANONYMOUS),  # no count, no crash
        # An attitude or a deed is extracted but is no sourcing to flag; a belief is.
        ("Party leaders hope the meeting will calm the race.", SourceKind.OTHER),
        ("Two aides hoped the talks would resume.", SourceKind.OTHER),
        ("Republicans have refused to vote on the nominee.", SourceKind.OTHER),
        ("Critics believe the plan is flawed.", SourceKind.VAGUE),
        ("Two officials declined to say whether the plant would close.", SourceKind.OTHER),
        ("Officials plan to report the results next week.", SourceKind.OTHER),
        # Negated speech credits nobody.
        ("An attorney for the firm did not respond to requests for comment.", SourceKind.OTHER),
        # A compound source takes its most specific member.
        ("Critics, including Senator Jane Roe, said the bill was flawed.", SourceKind.NAMED),
        ("Jane Roe and two aides said the bill was flawed.", SourceKind.NAMED),
        ("Regulators and environmental groups said the deal was risky.", SourceKind.ANONYMOUS),
        # Parts of groups: an unspecified share is vague, one of a group of roles is not.
        ("Many of his supporters believe the polls are wrong.", SourceKind.VAGUE),
        ("No one expected the vote to pass.", SourceKind.VAGUE),
        ("One of the officials said the talks had stalled.", SourceKind.ANONYMOUS),
        # One member of a party is one unnamed person; the party's members are a group.
        ("One Republican said the talks had stalled.", SourceKind.ANONYMOUS),
        ("Republicans said the talks had stalled.", SourceKind.VAGUE),
        # Reports nobody is named for; sources that are no people.
        ("According to media reports, the factory closed.", SourceKind.NONE),
        ("According to reports filed with the court, the firm lost money.", SourceKind.DOCUMENT),
        ("Sources of revenue said to be shrinking were listed.", SourceKind.OTHER),
        # News outlets outside the gazetteer, by the words of their names.
        ("The Valley News Service reported that the dam was inspected.", SourceKind.OUTLET),
    ],
)
def test_kinds_of_sources(analyzer, text, kind):
    assert attributions(analyzer, text)[0][2] is kind


def test_pronouns_agree_in_sex_with_role_nouns(analyzer):
    text = (
        "Mary Roe spoke to reporters after her husband was arrested. "
        "She said he had done nothing wrong."
    )
    assert attributions(analyzer, text)[-1][2] is SourceKind.NAMED


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A role met while a named man is in play: "he" could mean either.
        (
            "Mayor John Roe spoke at the forum. One questioner claimed the budget was "
            'short. "You are right about that," he said.',
            SourceKind.OTHER,
        ),
        # No named person near the role: "he" is the unnamed delegate.
        (
            "The convention opened on Monday. One delegate said the hall was half empty. "
            "He said the mood was grim.",
            SourceKind.ANONYMOUS,
        ),
    ],
)
def test_a_pronoun_resolves_to_a_role_only_when_no_name_is_in_play(analyzer, text, kind):
    assert attributions(analyzer, text)[-1][2] is kind


def test_naming_one_holder_of_a_role_does_not_name_the_group(analyzer):
    text = (
        "Jane Roe, an adviser to the mayor, said the plan was sound. "
        "His advisers said the plan would pass. His adviser said it was cheap."
    )
    kinds = [kind for _, _, kind in attributions(analyzer, text)]
    assert kinds == [SourceKind.NAMED, SourceKind.ANONYMOUS, SourceKind.NAMED]


@pytest.mark.parametrize(
    "sentence",
    [
        "Both men said the plan would fail.",
        "All three candidates said the plan would fail.",
        "The two lawmakers said the plan would fail.",
        "Both of his senators said the plan would fail.",
    ],
)
def test_the_whole_of_an_introduced_set_is_not_flagged(analyzer, sentence):
    text = "John Roe and Mark Doe met the mayor on Monday. " + sentence
    assert attributions(analyzer, text)[-1][2] is SourceKind.OTHER


def test_a_count_without_a_definite_set_stays_anonymous(analyzer):
    text = "John Roe met the mayor on Monday. Two aides said the plan would fail."
    assert attributions(analyzer, text)[-1][2] is SourceKind.ANONYMOUS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A report by The New York Times said the vote was off.", SourceKind.OUTLET),
        ("An analysis by Reuters shows the plan would fail.", SourceKind.OUTLET),
        ("A count by Reuters shows the mayor ahead.", SourceKind.DOCUMENT),
        ("A Reuters poll shows the mayor ahead.", SourceKind.DOCUMENT),
        ("The Reuters polling average shows the mayor ahead.", SourceKind.DOCUMENT),
        ("A report by the city auditor said the vote was off.", SourceKind.DOCUMENT),
    ],
)
def test_an_outlets_report_is_the_outlets_and_its_numbers_are_data(analyzer, text, kind):
    assert attributions(analyzer, text)[-1][2] is kind


def test_a_role_in_the_lede_may_stand_for_a_name_given_later(analyzer):
    text = (
        "A spokesman for the mayor said the budget was late. "
        "The council met on Monday. The mayor's spokesman, John Roe, said it would pass. "
        "Later a spokesman said the vote was off."
    )
    kinds = [kind for _, _, kind in attributions(analyzer, text)]
    assert kinds == [SourceKind.NAMED, SourceKind.NAMED, SourceKind.ANONYMOUS]


@pytest.mark.parametrize(
    ("after_the_lede", "kind"),
    [
        # The paragraphs after the lede give the name: identification delayed.
        ("Jane Roe said the ban would protect workers.", SourceKind.NAMED),
        # Nobody named speaks there: the role stays an unnamed source.
        ("The ban would protect workers, the statement said.", SourceKind.ANONYMOUS),
    ],
)
def test_a_role_in_the_lede_is_named_when_a_name_follows(analyzer, after_the_lede, kind):
    text = (
        "Provincial lawmaker seeks ban on imports.\n\n"
        "A lawmaker in the province is calling for a ban on imports of cheap steel.\n\n"
        f"{after_the_lede}\n"
    )
    assert attributions(analyzer, text)[0] == ("calling", "A lawmaker", kind)


def test_a_role_sources_are_quoted_in_stays_unnamed_in_a_lede(analyzer):
    text = (
        "Talks on imports collapse.\n\n"
        "A senior official said the talks on steel imports had collapsed.\n\n"
        "Governor Jane Roe declined to comment on the talks.\n"
    )
    assert attributions(analyzer, text)[0] == ("said", "A senior official", SourceKind.ANONYMOUS)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A group of doctors said the clinic was unsafe.", SourceKind.ANONYMOUS),
        ("A handful of senators said the bill would fail.", SourceKind.ANONYMOUS),
        ("A group of companies said the rules were too strict.", SourceKind.ORGANIZATION),
    ],
)
def test_a_group_of_people_is_some_unnamed_people(analyzer, text, kind):
    assert attributions(analyzer, text)[-1][2] is kind


def test_the_voice_of_an_ad_is_the_ad(analyzer):
    text = '"Taxes go up," a narrator in the new ad says.'
    assert attributions(analyzer, text)[-1][2] is SourceKind.DOCUMENT


@pytest.mark.parametrize(
    "text",
    [
        "Reuters first reported the deal. They said the talks would resume.",
        "Reuters reported the vote. It is fair to say the mayor lost.",
    ],
)
def test_they_for_an_outlet_and_an_expletive_it_are_not_flagged(analyzer, text):
    assert attributions(analyzer, text)[-1][2] is SourceKind.OTHER


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The vote was delayed. The officials said the count was wrong.", SourceKind.ANONYMOUS),
        # A singular definite role with no antecedent may be someone named elsewhere.
        ("The vote was delayed. The official said the count was wrong.", SourceKind.OTHER),
    ],
)
def test_a_definite_group_of_roles_never_introduced_is_unnamed(analyzer, text, kind):
    assert attributions(analyzer, text)[-1][2] is kind


def test_pronouns_pick_up_the_object_of_according_to(analyzer):
    text = "The mayor shouted at staff, according to city insiders. They said he apologized."
    assert [kind for _, _, kind in attributions(analyzer, text)][-2:] == [SourceKind.ANONYMOUS] * 2


def test_journalists_at_an_outlet_report_for_it(analyzer):
    text = (
        "Jane Roe, a columnist for The New York Times, wrote that the plan would fail. "
        "She said the budget was too small."
    )
    assert [kind for _, _, kind in attributions(analyzer, text)] == [SourceKind.OUTLET] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe of The New York Times wrote that the plan would fail.",
        "Jane Roe wrote in The New York Times that the plan would fail.",
        "Writing for The New York Times, Jane Roe argued that the plan would fail.",
    ],
)
def test_a_byline_at_another_outlet_reports_for_it(analyzer, text):
    assert attributions(analyzer, text)[-1][2] is SourceKind.OUTLET


def test_a_name_beside_a_body_that_is_no_outlet_stays_named(analyzer):
    text = "Jane Roe of the Harbor Authority wrote that the plan would fail."
    assert attributions(analyzer, text)[-1][2] is SourceKind.NAMED


def test_according_to_relays_the_sentence_it_stands_in(analyzer):
    text = "According to CNN, the mayor reportedly resigned on Monday."
    article = analyzer.analyze(read_prose(text))
    relay = next(a for a in article.attributions if a.kind is SourceKind.OUTLET)
    assert relay.content == (0, len(text))


def test_registry_resolves_roles_and_pronouns_to_a_name(analyzer):
    text = (
        "Jane Roe, a spokeswoman for the Harbor Authority, said the board would appeal. "
        "The spokeswoman added that the ruling was wrong. She said the board would meet."
    )
    assert [kind for _, _, kind in attributions(analyzer, text)] == [SourceKind.NAMED] * 3


def test_unnamed_sources_keep_their_kind_through_pronouns(analyzer):
    text = "Traders said the market would open lower. They said demand had fallen."
    assert [kind for _, _, kind in attributions(analyzer, text)] == [SourceKind.VAGUE] * 2


def test_dateline_names_the_publisher(analyzer):
    text = "LONDON (Daily Ledger) - An aide told the Daily Ledger that the vote was off."
    article = analyzer.analyze(read_prose(text))
    assert all(a.recipient is None for a in article.attributions)
    own = analyzer.analyze(read_prose(text), own_outlet=("Daily Ledger",))
    assert [a.kind for a in own.attributions] == [SourceKind.ANONYMOUS]
