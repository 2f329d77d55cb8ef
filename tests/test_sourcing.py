"""The sourcing model on sentences written for these tests: who is credited, and as what."""

from __future__ import annotations

import pytest

import sourcelint
from sourcelint.analysis.mentions import title_case
from sourcelint.analysis.sourcing import CueType
from sourcelint.core.kinds import SourceKind


def attributions(text: str):
    article = sourcelint.analyze(text)
    return [
        (
            article.text[slice(*a.cue)],
            article.text[slice(*a.source)] if a.source else None,
            a.kind,
        )
        for a in article.attributions
    ]


def kind_of(text: str, cue: str) -> SourceKind:
    found = [kind for cue_text, _, kind in attributions(text) if cue_text == cue]
    assert found, f"no attribution with cue {cue!r} in {attributions(text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        ("Mayor Jane Roe said the budget was late.", "said", "Mayor Jane Roe", SourceKind.NAMED),
        (
            "The plan failed, said Maria Zakharova, a spokeswoman for the ministry.",
            "said",
            "Maria Zakharova",
            SourceKind.NAMED,
        ),
        (
            "Maria Zakharova, a spokeswoman for the ministry, said the plan failed.",
            "said",
            "Maria Zakharova",
            SourceKind.NAMED,
        ),
        ("The ministry said the plan failed.", "said", "The ministry", SourceKind.ORGANIZATION),
        (
            "The State Department said the talks ended.",
            "said",
            "The State Department",
            SourceKind.ORGANIZATION,
        ),
        (
            "The Tehran Times reported that the talks ended.",
            "reported",
            "The Tehran Times",
            SourceKind.OUTLET,
        ),
        (
            "According to the indictment, the payments began in 2019.",
            "According to",
            "the indictment",
            SourceKind.DOCUMENT,
        ),
        ("A new poll shows the mayor ahead.", "shows", "A new poll", SourceKind.DOCUMENT),
        ("Two aides said the deal was off.", "said", "Two aides", SourceKind.ANONYMOUS),
        ("Critics say the law is flawed.", "say", "Critics", SourceKind.VAGUE),
        ("Some experts believe the rate will rise.", "believe", "Some experts", SourceKind.VAGUE),
    ],
)
def test_source_and_kind(text, cue, source, kind):
    assert (cue, source, kind) in attributions(text), attributions(text)


def test_titled_source_and_back_reference_by_role():
    text = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova spoke on Monday. "
        "The spokeswoman said the talks would go on."
    )
    assert kind_of(text, "said") is SourceKind.NAMED


def test_pronoun_takes_the_named_person_before_it():
    text = "Governor Ann Lee visited the port. She said the pier would be rebuilt."
    assert kind_of(text, "said") is SourceKind.NAMED


def test_a_pronoun_after_a_quote_is_not_someone_named_inside_it():
    text = 'Jane Roe of the Daily Gazette agreed. "The mayor beat Tom Smith with ease," she wrote.'
    assert kind_of(text, "wrote") is SourceKind.OUTLET


def test_plural_pronoun_keeps_an_unnamed_group_within_its_paragraph():
    same = "Two aides said the deal was off. They said the vote would fail."
    assert [kind for _, _, kind in attributions(same)] == [SourceKind.ANONYMOUS] * 2
    later = "Two aides said the deal was off.\n\nThey said the vote would fail."
    assert [kind for _, _, kind in attributions(later)] == [SourceKind.ANONYMOUS, SourceKind.OTHER]
    unknown = "Two aides spoke to reporters. They said the deal was off."
    assert kind_of(unknown, "said") is SourceKind.OTHER


def test_relative_clause_is_cut_from_the_source():
    text = "A senior official who works in the region reportedly told reporters that it was over."
    assert ("told", "A senior official", SourceKind.ANONYMOUS) in attributions(text)


def test_anonymity_reason_is_recorded():
    without = sourcelint.analyze("Two officials said the plant would close.").attributions
    assert not without[0].reason
    text = (
        "Two officials said the plant would close. They spoke on condition of anonymity "
        "because the decision has not been announced."
    )
    with_reason = sourcelint.analyze(text).attributions
    assert with_reason[0].kind is SourceKind.ANONYMOUS and with_reason[0].reason


def test_on_the_record_group_is_an_organization():
    text = "Officials at the State Department said in a statement that the embassy would reopen."
    assert kind_of(text, "said") is SourceKind.ORGANIZATION


def test_words_given_to_an_outlet_are_a_relay():
    article = sourcelint.analyze("The minister told Reuters that he would resign.")
    [told] = [a for a in article.attributions if a.cue_word == "told"]
    assert article.text[slice(*told.recipient)] == "told Reuters"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A newly formed alliance reportedly showed signs of advancement.", "reportedly"),
        ("It was later reported that Russia had sent the invitation.", "It was later reported"),
        ("The minister is believed to have fled.", "is believed to"),
        ("The minister is said to have fled.", "is said to"),
    ],
)
def test_agentless_and_hearsay_have_no_source(text, cue):
    found = attributions(text)
    assert (cue, None, SourceKind.NONE) in found, found


def test_quoted_attributions_are_marked():
    article = sourcelint.analyze("“Critics say we are late,” the mayor said.")
    quoted = {article.text[slice(*a.cue)]: a.quoted for a in article.attributions}
    assert quoted == {"say": True, "said": False}


def test_not_attributions():
    for text in (
        "She wants to say more about the budget.",
        "The report was released on Monday.",
        "Officials did not respond to requests for comment.",
        "The theft was reported to police on Friday.",
        "He pointed to the map.",
    ):
        kinds = [kind for _, _, kind in attributions(text)]
        assert SourceKind.ANONYMOUS not in kinds and SourceKind.NONE not in kinds, (text, kinds)


def test_cue_types_and_json_record():
    article = sourcelint.analyze("According to Reuters, Jafari then said the talks were over.")
    types = [a.cue_type for a in article.attributions]
    assert types == [CueType.ACCORDING_TO, CueType.VERB]
    record = article.attributions[0].to_dict(article.text)
    assert record["kind"] == "outlet" and record["source"]["text"] == "Reuters"


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("Critics oppose the new law.", "oppose", SourceKind.VAGUE),
        ("Two officials praised the plan.", "praised", SourceKind.ANONYMOUS),
        ("Some Democrats, however, question the strategy.", "question", SourceKind.VAGUE),
        ("Fellow Republicans are urging him to quit.", "urging", SourceKind.VAGUE),
        (
            "The adviser to the Federal Council Andrey Baklanov emphasized that the plan stood.",
            "emphasized",
            SourceKind.NAMED,
        ),
        ("A spokeswoman for Jane Roe says the race is close.", "says", SourceKind.ANONYMOUS),
        ("PolitiFact rated the claim false.", "rated", SourceKind.OUTLET),
        ("Federal officials Tuesday said the bridge was unsafe.", "said", SourceKind.ANONYMOUS),
        ("Former mayor Michael Bloomberg said he would not run.", "said", SourceKind.NAMED),
        (
            "New York Times columnist Jane Roe wrote that the debate was dull.",
            "wrote",
            SourceKind.OUTLET,
        ),
        (
            "It went to a court in which critics argued the map was unfair.",
            "argued",
            SourceKind.VAGUE,
        ),
        ("Now you might say the plan is too costly.", "say", SourceKind.VAGUE),
        ("The mayor met the critics, many of whom say the law is flawed.", "say", SourceKind.VAGUE),
        ("Then local and national leaders could call on them.", "call", SourceKind.VAGUE),
        ("Two aides and critics said the plan failed.", "said", SourceKind.ANONYMOUS),
        (
            "That is a small share of the two billion dollars the treasury experts say is needed.",
            "say",
            SourceKind.VAGUE,
        ),
        ("The levy is far below the $40 million analysts say it needs.", "say", SourceKind.VAGUE),
        (
            "Analysts in the capital and across the region say the rally will fade.",
            "say",
            SourceKind.VAGUE,
        ),
        (
            "The Daily Gazette reported at the time that the mill had shut.",
            "reported",
            SourceKind.OUTLET,
        ),
        ("On Monday, Reuters announced it will close two bureaus.", "announced", SourceKind.OUTLET),
        ("Economists agreed it was still a plan for the rich.", "agreed", SourceKind.VAGUE),
    ],
)
def test_stances_asides_and_names_after_roles(text, cue, kind):
    assert kind_of(text, cue) is kind


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        (
            "In May, several tenant groups sued the landlord, saying the rent rise was unlawful.",
            "saying",
            "several tenant groups",
            SourceKind.VAGUE,
        ),
        (
            "A reporter for the Daily Gazette spotted the senator and reported that he was there.",
            "reported",
            "A reporter for the Daily Gazette",
            SourceKind.OUTLET,
        ),
        (
            "Two aides left the room and said the talks had failed.",
            "said",
            "Two aides",
            SourceKind.ANONYMOUS,
        ),
    ],
)
def test_a_coordinated_verb_takes_the_opening_subject(text, cue, source, kind):
    assert (cue, source, kind) in attributions(text), attributions(text)


def test_a_coordinated_verb_is_not_credited_twice():
    found = attributions("Critics said the law was flawed, adding that it was late.")
    assert [kind for cue, _, kind in found if cue == "adding"] == [SourceKind.OTHER]
    # a verb with no subject is elided only after "and" or as ", …ing"
    found = attributions("An aide to the mayor did not respond to requests for comment.")
    assert SourceKind.ANONYMOUS not in [kind for _, _, kind in found]


@pytest.mark.parametrize(
    "text",
    [
        "Writing for the Daily Gazette, Jane Roe noted a fall. Roe wrote that it rained.",
        "Jane Roe, writing in the Daily Gazette, said turnout fell. Roe wrote that it rained.",
        "Jane Roe of the Daily Gazette agreed with him. Later, Roe wrote that it rained.",
    ],
)
def test_journalists_writing_for_an_outlet_speak_for_it(text):
    assert kind_of(text, "wrote") is SourceKind.OUTLET


def test_an_outlet_that_modifies_a_noun_makes_no_journalist():
    text = (
        "Jane Roe, appearing after Smith at the Daily Gazette forum, smiled. Smith said it rained."
    )
    assert kind_of(text, "said") is SourceKind.NAMED


def test_a_clause_after_said_is_no_inverted_speaker():
    found = attributions("The mayor, citing the report, said the rule was new.")
    assert ("said", "The mayor", SourceKind.NAMED) in found


def test_a_journalist_asking_questions_is_the_interviewer_not_a_relay():
    text = "Jane Roe, an editor for the Daily Gazette, asked the mayor about the budget."
    assert kind_of(text, "asked") is SourceKind.NAMED


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("Senator Jane Roe and other Republicans said the plan failed.", "said", SourceKind.NAMED),
        (
            "Jane Edwards spoke first. Edwards and others said the plan failed.",
            "said",
            SourceKind.NAMED,
        ),
        ("George Will is a columnist. Will wrote that the plan failed.", "wrote", SourceKind.NAMED),
    ],
)
def test_names_in_groups_and_at_sentence_start(text, cue, kind):
    assert kind_of(text, cue) is kind


@pytest.mark.parametrize(
    "text",
    [
        "Dealers said prices rose sharply.",
        "Diplomats say the talks have stalled.",
        "Women said the clinic had closed.",
    ],
)
def test_people_of_a_kind_opening_a_sentence_are_no_name(text):
    assert SourceKind.NAMED not in [kind for _, _, kind in attributions(text)]


@pytest.mark.parametrize(
    "text",
    [
        # A surname that is also a plural person noun, once given in full.
        "Richard Parsons ran the firm. Parsons said the plan would fail.",
        # A singular person noun ending in "s" is no plural.
        "Burgess said the plan would fail.",
    ],
)
def test_a_surname_like_a_person_noun_is_a_name(text):
    assert kind_of(text, "said") is SourceKind.NAMED


def test_a_noun_after_and_is_no_coordinated_verb():
    found = attributions("Strikers picketed the stores and call centers all week.")
    assert [cue for cue, _, _ in found] == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        (
            "The move may calm nervous Democrats in the Senate, who have argued that it helps.",
            "argued",
            "Democrats",
            SourceKind.VAGUE,
        ),
        (
            "The law angered relatives of the victims, many of whom say the rule is unfair.",
            "say",
            "many of whom",
            SourceKind.VAGUE,
        ),
        (
            "There are some economists who argue that taxes should be low.",
            "argue",
            "some economists",
            SourceKind.VAGUE,
        ),
        (
            "The talks included members of the ministry, which has denied any role.",
            "denied",
            "the ministry",
            SourceKind.ORGANIZATION,
        ),
    ],
)
def test_relative_clauses_credit_their_antecedent(text, cue, source, kind):
    assert (cue, source, kind) in attributions(text), attributions(text)


def test_a_post_posed_has_learned_and_a_sentence_adverb_before_the_subject():
    found = attributions("She kept the details under wraps, the Daily Gazette has learned.")
    assert ("learned", "the Daily Gazette", SourceKind.OUTLET) in found
    text = "The Daily Gazette said Roe was fit. Meanwhile, it attacked Smith, saying he erred."
    assert kind_of(text, "saying") is SourceKind.OUTLET


def test_an_outlet_in_its_house_capitals_is_the_publisher():
    # "POLITICO"/"USA TODAY" in capitals is how those newsrooms write their own name.
    own = attributions("The senator told POLITICO that the plan failed.")
    assert SourceKind.OUTLET not in [kind for _, _, kind in own]
    other = sourcelint.analyze("The senator told Politico that the plan failed.")
    assert [a.recipient is not None for a in other.attributions] == [True]
    acronym = sourcelint.analyze("The senator told CNN that the plan failed.")
    assert [a.recipient is not None for a in acronym.attributions] == [True]


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("PolitiFact: Trump Is Right About Chicago.", ":", SourceKind.OUTLET),
        ('The article read: "The mayor has no plan."', "read", SourceKind.OUTLET),
        ('"The mayor has no plan," the editorial read.', "read", SourceKind.OUTLET),
        ("The website noted that both men were wrong.", "noted", SourceKind.OUTLET),
        ("His website noted that both men were wrong.", "noted", SourceKind.DOCUMENT),
        ("A new Daily Gazette poll shows the mayor ahead.", "shows", SourceKind.DOCUMENT),
        ("A Daily Gazette analysis found the mayor ahead.", "found", SourceKind.OUTLET),
        ("The paper found that the drug works.", "found", SourceKind.DOCUMENT),
    ],
)
def test_outlets_their_stories_and_their_data(text, cue, kind):
    assert kind_of(text, cue) is kind


def test_read_and_colon_are_cues_only_for_texts_and_headlines():
    assert attributions("She read the book on Sunday.") == []
    assert attributions("Today we met. Matthews: The debate was dull.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Several companies said the plan is unfair.", SourceKind.VAGUE),
        ("The two companies said the deal was off.", SourceKind.ORGANIZATION),
        ("No one expected a long debate.", SourceKind.VAGUE),
    ],
)
def test_unnamed_sets_of_institutions_are_vague(text, kind):
    assert [k for _, _, k in attributions(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        (
            "The plan was criticized by experts on Monday.",
            "criticized",
            "experts",
            SourceKind.VAGUE,
        ),
        (
            "The story was first reported by the Daily Gazette.",
            "reported",
            "the Daily Gazette",
            SourceKind.OUTLET,
        ),
    ],
)
def test_a_passive_credits_its_agent(text, cue, source, kind):
    assert (cue, source, kind) in attributions(text), attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two officials were criticized for the delay.",  # the subject did not speak
        "The bill was praised by Senator Roe.",  # a named stance is no finding
        "Roe was asked during a lunch held by the Daily Gazette if he would run.",
    ],
)
def test_passives_without_a_flaggable_agent(text):
    kinds = [kind for _, _, kind in attributions(text)]
    flaggable = {SourceKind.ANONYMOUS, SourceKind.VAGUE, SourceKind.OUTLET}
    assert not flaggable & set(kinds), attributions(text)


def test_broad_outlet_nouns_and_names_set_off_after_a_role():
    assert kind_of("The attack was described by a terrorist network.", "described") is not (
        SourceKind.OUTLET
    )
    assert kind_of("The cable network reported that the show ended.", "reported") is (
        SourceKind.OUTLET
    )
    text = "Their longtime friend, businessman Tom Barrack, said he was fit."
    assert kind_of(text, "said") is SourceKind.NAMED
    text = "According to police officials, the Facebook account was linked to her."
    assert kind_of(text, "According to") is SourceKind.ANONYMOUS


def test_a_relative_pronoun_is_found_only_in_the_verbs_own_clause():
    text = (
        "It went ahead despite warnings from his lawyer that it was futile since Roe would deny it."
    )
    assert ("deny", "Roe", SourceKind.NAMED) in attributions(text)
    text = "The report looked at factory towns among working-class voters who say jobs left."
    assert ("say", "working-class voters", SourceKind.VAGUE) in attributions(text)


def test_an_outlet_reporting_a_plain_object_is_a_report():
    assert kind_of("Reuters reported the arrest on Friday.", "reported") is SourceKind.OUTLET
    text = "A reporter for the Daily Gazette saw Roe and reported her presence on Twitter."
    assert kind_of(text, "reported") is SourceKind.OUTLET
    found = attributions("The company reported earnings on Friday.")
    assert SourceKind.OUTLET not in [kind for _, _, kind in found]


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("The AP report said the toll rose.", "said", SourceKind.OUTLET),
        ("The AP’s review said the toll rose.", "said", SourceKind.OUTLET),
        ("Aides to Roe say she is shifting her tack.", "say", SourceKind.ANONYMOUS),
        ("Opponents of letting refugees into the U.S. cite the risks.", "cite", SourceKind.VAGUE),
    ],
)
def test_a_verb_form_after_a_name_is_a_noun_only_when_it_must_be(text, cue, kind):
    assert kind_of(text, cue) is kind
    assert "report" not in [c for c, _, _ in attributions(text)]


def test_a_name_before_a_things_noun_names_its_owner_not_the_source():
    assert kind_of("A Trump tweet said the deal was off.", "said") is SourceKind.DOCUMENT
    text = "The Daily Gazette and the Gannett newspaper chain sued, arguing the files were public."
    assert kind_of(text, "arguing") is SourceKind.OUTLET
    assert kind_of("Mayor Jane Roe said the deal was off.", "said") is SourceKind.NAMED


@pytest.mark.parametrize(
    "text",
    [
        "He says if people think the issues will be solved by politics, they are wrong.",
        "One of the central claims of President Jane Roe’s speech was false.",
        "Roe struck many of the same notes, hitting themes that helped her rival.",
    ],
)
def test_hypotheses_named_claims_and_plural_nouns_credit_nobody_unnamed(text):
    kinds = {kind for _, _, kind in attributions(text)}
    assert not kinds & {SourceKind.VAGUE, SourceKind.ANONYMOUS, SourceKind.NONE}, kinds


@pytest.mark.parametrize(
    "text",
    [
        "The ads appealed to working-class voters who believed that the party had left them.",
        "Even people who endorsed the plan sounded equivocal.",
        "Nine in 10 Democratic voters say she could win.",
        "In Nevada, 34,000 people supported the governor.",
    ],
)
def test_described_groups_and_tallies_are_not_unnamed_sources(text):
    kinds = {kind for _, _, kind in attributions(text)}
    assert not kinds & {SourceKind.VAGUE, SourceKind.ANONYMOUS}, attributions(text)


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind"),
    [
        (
            "Two aides who spoke on condition of anonymity said it failed.",
            "said",
            "Two aides",
            SourceKind.ANONYMOUS,
        ),
        ("Critics would call them messianic impulses.", "call", "Critics", SourceKind.VAGUE),
        (
            "The latest Daily Gazette poll released Friday shows Roe ahead.",
            "shows",
            "The latest Daily Gazette poll released",
            SourceKind.DOCUMENT,
        ),
    ],
)
def test_relatives_hedges_and_released_polls(text, cue, source, kind):
    assert (cue, source, kind) in attributions(text), attributions(text)


def test_contractions_are_not_possessives_and_remarks_after_with_are_nouns():
    assert kind_of("Let's say you think a degree will cost a lot.", "say") is not SourceKind.VAGUE
    found = attributions("The host confronted him with insulting remarks about women.")
    assert "remarks" not in [cue for cue, _, _ in found]


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        (
            "He leads, according to a recent poll by the Daily Gazette.",
            "according to",
            SourceKind.DOCUMENT,
        ),
        ("He leads, according to a report by Politico.", "according to", SourceKind.OUTLET),
        ("Other emails combed through by Vox suggest he lied.", "suggest", SourceKind.DOCUMENT),
        (
            "It won, according to exit polls conducted for the Associated Press.",
            "according to",
            SourceKind.DOCUMENT,
        ),
    ],
)
def test_an_outlets_report_is_the_outlet_its_polls_are_data(text, cue, kind):
    assert kind_of(text, cue) is kind


def test_a_passive_after_an_adverb_does_not_credit_its_subject():
    text = "Roe erred, was called on it by the media, which is then denounced by Roe."
    assert SourceKind.OUTLET not in [k for c, _, k in attributions(text) if c == "denounced"]


def test_a_document_provided_by_someone_is_the_document():
    text = "The consultant broke the deal, according to a document provided by Roe's lawyer."
    assert kind_of(text, "according to") is SourceKind.DOCUMENT


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("Officials Say Budget Is Late.", "Say", SourceKind.ANONYMOUS),
        ("Mayor's Plan Draws Allegations of Fraud.", "Allegations", SourceKind.NONE),
        ("Critics Warn New Law Will Fail.", "Warn", SourceKind.VAGUE),
    ],
)
def test_title_case_headlines_are_read_word_by_word(text, cue, kind):
    assert kind_of(text, cue) is kind


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Jane Roe of the Daily Gazette Agreed With the Mayor.", True),
        ("Jane Roe of the Daily Gazette agreed with the mayor.", False),  # names, a verb
        ("Roe Wins.", False),  # too short to tell
    ],
)
def test_a_title_case_headline_is_told_from_a_sentence_full_of_names(text, headline):
    sentence = next(sourcelint.analyze(text).doc.sents)
    assert title_case(sentence) is headline


def test_a_name_given_is_no_attribution():
    found = attributions("He praised a charity called Harbor Lights for its work.")
    assert [cue for cue, _, _ in found if cue == "called"] == []
    assert kind_of("An aide called Roe a liar.", "called") is SourceKind.ANONYMOUS
    assert kind_of("The band leader called local officials to the stage.", "called") is (
        SourceKind.ANONYMOUS
    )


def test_stance_of_a_named_person_is_no_attribution():
    assert attributions("Mayor Jane Roe opposes the new law.") == []
    assert attributions("Two inspectors rated the hotel poorly.") == []
    poll = attributions("Sixty-two percent of Republicans agreed that the plan was fair.")
    assert SourceKind.VAGUE not in [kind for _, _, kind in poll]
