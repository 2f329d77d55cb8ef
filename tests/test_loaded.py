"""Loaded language (SL301-SL307) beyond the rule examples: scope, senses, speakers, tenses."""

from __future__ import annotations

import pytest

from sourcelint.analysis.context import BuildContext
from sourcelint.checks import loaded_marker, speech_verb
from sourcelint.checks.registry import Registry
from sourcelint.core.errors import RulePackError
from sourcelint.core.findings import Finding
from sourcelint.engine import Engine
from sourcelint.readers import read_prose


def lint(linter: Engine, registry: Registry, code: str, text: str) -> list[Finding]:
    rules = [rule for rule in registry.rules if rule.code == code]
    assert rules, code
    return linter.lint_text(text, rules)


def found(linter: Engine, registry: Registry, code: str, text: str) -> list[str]:
    return [finding.text for finding in lint(linter, registry, code, text)]


# Quotation scope: the speaker chose the words inside the marks, not the reporter.
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("SL301", "“He claimed the money was a gift,” the prosecutor said."),
        ("SL302", "“I admitted that I was wrong,” the senator said."),
        ("SL303", "She said: “As I noted last week, the budget is late.”"),
        ("SL304", "“They slammed us in every ad,” the candidate said."),
        ("SL306", "“Clearly, we lost,” the coach said."),
        ("SL307", "“This so-called reform is a tax,” he said."),
        ("SL301", "He said the rival “claimed the vote was rigged” without proof."),
    ],
)
def test_words_inside_quotations_are_skipped(linter, registry, code, text):
    assert found(linter, registry, code, text) == []


def test_the_attribution_verb_next_to_a_quotation_is_still_flagged(linter, registry):
    text = "“The vote was rigged,” the senator claimed. “I saw it,” she insisted."
    assert found(linter, registry, "SL301", text) == ["claimed", "insisted"]


# The legal sense of "claim" and claiming something other than a statement.
@pytest.mark.parametrize(
    "text",
    [
        "The lawsuit claims that the company hid the defects.",
        "The plaintiffs claim the contract was void.",
        "A former employee sued the firm, claiming he was fired for his age.",
        "The complaint, filed on Monday, claims the city ignored the warnings.",
        "The group claimed responsibility for the bombing.",
        "She claimed victory in the second round.",
        "He claimed the seat in 2016.",
        "Her claim that the vote was rigged was rejected.",
    ],
)
def test_legal_and_non_speech_claims_are_not_doubt_verbs(linter, registry, text):
    assert found(linter, registry, "SL301", text) == []


# Documents are legitimate sources; endorsing verbs are flagged for people only.
@pytest.mark.parametrize(
    "text",
    [
        "The report noted that crime has fallen.",
        "Court records revealed that the loan was never repaid.",
        "The study, published on Monday, noted that rents rose.",
        "The memo, which pointed out that costs had doubled, was leaked.",
        "It noted that the deficit would grow.",
        "Newly released emails reveal the plan was changed twice.",
        "The deal is dead, the report noted.",
        "The audit revealed $2 million missing.",
    ],
)
def test_documents_may_note_and_reveal(linter, registry, text):
    assert found(linter, registry, "SL303", text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The mayor noted that crime has fallen.", ["noted"]),
        ("She pointed out the flaws in the plan.", ["pointed out"]),
        ("Mr. Lee, a former senator, revealed on Tuesday that he would run.", ["revealed"]),
        ("Critics point out that the law was never enforced.", ["point out"]),
        ("The senator explained to reporters why the bill failed.", ["explained"]),
    ],
)
def test_people_who_note_and_reveal_are_flagged(linter, registry, text, words):
    assert found(linter, registry, "SL303", text) == words


# Post-posed and inverted attributions: the verb follows what was said.
@pytest.mark.parametrize(
    ("code", "text", "words"),
    [
        ("SL301", "The plan will fail, the governor insisted.", ["insisted"]),
        ("SL301", "“We will win,” claimed Smith, a spokesman.", ["claimed"]),
        ("SL303", "Loyalty, he noted, matters more than money.", ["noted"]),
        ("SL303", "As Paul Lee of the Star pointed out in a column, prices rose.", ["pointed out"]),
        ("SL302", "“We were not ready,” the coach conceded on Sunday.", ["conceded"]),
        ("SL304", "“That's a lie,” she fumed.", ["fumed"]),
        ("SL304", "“We won,” smiled the mayor.", ["smiled"]),
        ("SL301", "The gunman acted alone, the sheriff maintained.", ["maintained"]),
    ],
)
def test_postposed_attributions(linter, registry, code, text, words):
    assert found(linter, registry, code, text) == words


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("SL301", "After the vote, he insisted on a recount."),
        ("SL304", "When the results came in, she smiled."),
        ("SL304", "She smiled and waved at the cameras."),
        ("SL302", "The clinic admitted him on Friday."),
    ],
)
def test_no_attribution_without_content(linter, registry, code, text):
    assert found(linter, registry, code, text) == []


# Nouns, adjectives, passives and infinitives are not speech verbs.
@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("SL301", "His claims that the vote was rigged were false."),
        ("SL301", "He repeated false claims that the vote was rigged."),
        ("SL303", "Editor's note: this story has been updated."),
        ("SL303", "She is a noted historian."),
        ("SL302", "She was admitted to hospital."),
        ("SL302", "Two patients were admitted overnight."),
        ("SL303", "It was revealed that the minister had resigned."),
        ("SL303", "He declined to reveal the terms of the deal."),
        ("SL303", "The findings help explain why turnout fell."),
        ("SL304", "Union-bashing ads ran all week."),
        ("SL304", "He slammed the door and left."),
        ("SL304", "Hurricane Ida slammed the coast on Sunday."),
        ("SL304", "The town boasts a new stadium."),
        ("SL304", "The speakers blasted music all night."),
    ],
)
def test_other_senses_are_not_flagged(linter, registry, code, text):
    assert found(linter, registry, code, text) == []


def test_continuing_to_insist_is_speech(linter, registry):
    text = "The minister continued to insist that the talks were on track."
    assert found(linter, registry, "SL301", text) == ["insist"]


def test_a_name_that_looks_like_a_verb_is_not_flagged(linter, registry):
    text = "The delegates were Ana Ortiz, Ellen Crow, Tom Reed and Sam Roe."
    assert found(linter, registry, "SL304", text) == []


# Messages and suggestions keep the tense of the verb they replace.
@pytest.mark.parametrize(
    ("code", "text", "suggestion"),
    [
        ("SL301", "The company claims its product is safe.", "says"),
        ("SL301", "The company claimed its product was safe.", "said"),
        ("SL301", "He left the room, claiming that the talks were over.", "saying"),
        ("SL302", "Officials will admit that the budget is late.", "say"),
        ("SL304", "The senator blasted the decision.", "criticized"),
        ("SL304", "The senator blasts the decision.", "criticizes"),
        ("SL304", "The mayor boasted that crime had fallen.", "said"),
    ],
)
def test_suggestion_matches_the_tense(linter, registry, code, text, suggestion):
    findings = lint(linter, registry, code, text)
    assert [finding.suggestion for finding in findings] == [suggestion]
    assert f"'{suggestion}'" in findings[0].message


def test_message_says_what_why_and_what_to_do(linter, registry):
    (finding,) = lint(linter, registry, "SL301", "Jafari claimed the shipment was legal.")
    assert finding.message == "Loaded verb: 'claimed' casts doubt on the statement; use 'said'."
    assert finding.severity == "warning"


# Sentence-level comments versus manner adverbs.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Clearly, the minister misled parliament.", ["Clearly"]),
        ("Clearly the minister misled parliament.", ["Clearly"]),
        ("But clearly, the plan failed.", ["clearly"]),
        ("The plan failed; clearly, nobody had read it.", ["clearly"]),
        ("The minister — clearly — had not read the bill.", ["clearly"]),
        ("The plan was, of course, a failure.", ["of course"]),
        ("More importantly, the vote was delayed.", ["More importantly"]),
        ("The law is arguably unconstitutional.", ["arguably"]),
        ("The result was obviously a blow to the party.", ["obviously"]),
        ("He spoke clearly.", []),
        ("The exits were clearly marked and easy to find.", []),
        ("Clearly marked exits are required.", []),
        ("She explained the rules clearly, slowly, and calmly.", []),
        ("The captain ordered a change of course.", []),
        ("Several states, notably Ohio, voted early.", []),
        ("Unemployment fell sharply, and wages rose.", []),
    ],
)
def test_sentence_level_versus_manner_adverbs(linter, registry, text, words):
    assert found(linter, registry, "SL306", text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The so-called reform cut benefits.", ["so-called"]),
        ("The self-proclaimed expert testified.", ["self-proclaimed"]),
        ("The so called experts disagreed.", ["so called"]),
        ("The party's “moderates” voted against it.", ["“moderates”"]),
        ("The bus is supposed to leave at six.", []),
        ("The board dubbed the plan “reckless” on Monday.", []),
        ("The mayor spoke on Monday. She called it a “disaster”.", []),
        ("The “Northern Comrade” did not attend.", []),
        ("The man allegedly stole two cars.", []),
    ],
)
def test_doubt_markers_and_scare_quotes(linter, registry, text, words):
    assert found(linter, registry, "SL307", text) == words


# Pack parameters are checked when the check is compiled, with the key in the error.
def context(linter: Engine, registry: Registry) -> BuildContext:
    return BuildContext(nlp=linter.analyzer("fast").nlp, lexicon=registry.lexicon)


def test_speech_verb_rejects_an_unknown_lexicon_list(linter, registry):
    params = {"verbs": ["@no_such_list"], "__where__": "pack.toml: rule[0].check"}
    with pytest.raises(RulePackError, match="verbs"):
        speech_verb.build(context(linter, registry), params)


def test_speech_verb_needs_four_plain_forms(linter, registry):
    params = {"verbs": ["claimed"], "plain": ["say", "said"], "__where__": "pack"}
    with pytest.raises(RulePackError, match="plain"):
        speech_verb.build(context(linter, registry), params)


def test_loaded_marker_needs_something_to_find(linter, registry):
    with pytest.raises(RulePackError, match="anywhere"):
        loaded_marker.build(context(linter, registry), {"__where__": "pack"})


def test_speech_verb_accepts_literal_forms(linter, registry):
    check = speech_verb.build(context(linter, registry), {"verbs": ["asserted"]})
    prose = read_prose("The mayor asserted that taxes fell.", "plain")
    article = linter.analyzer("fast").analyze(prose)
    hits = list(check(article))
    assert [article.text[hit.start : hit.end] for hit in hits] == ["asserted"]
