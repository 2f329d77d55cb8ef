"""SL401 orphan-quote beyond the pack examples: scopes, chains, marks and the message."""

from __future__ import annotations

import pytest

from conftest import SEED


@pytest.fixture(scope="module")
def rule(registry):
    return registry.get("SL401")


def _flagged(linter, rule, text: str) -> list[str]:
    return [finding.text for finding in linter.lint_text(text, [rule])]


def test_the_seed_article_has_no_orphan(linter, rule):
    assert _flagged(linter, rule, SEED.read_text(encoding="utf-8")) == []


def test_message_quotes_the_opening_words(linter, rule):
    quote = "“Nobody told the fishermen, and now the boats cannot leave.”"
    text = f"The pier closed at noon.\n\n{quote}"
    [finding] = linter.lint_text(text, [rule])
    assert finding.text == quote
    assert "“Nobody told the fishermen, and now…" in finding.message
    assert (finding.line, finding.column) == (3, 1)


def test_a_cue_anywhere_in_the_paragraph_credits_its_quotes(linter, rule):
    text = (
        "Ann Lee, the harbor master, spoke to reporters on Monday. The pier was quiet. "
        "“We will reopen once the divers have checked every piling under the deck.”"
    )
    assert _flagged(linter, rule, text) == []


def test_only_the_adjacent_sentence_of_another_paragraph_counts(linter, rule):
    quote = "“We will reopen once the divers have checked every piling under the deck.”"
    near = f"The pier closed, Ann Lee said.\n\n{quote}"
    far = f"The pier closed, Ann Lee said. The boats left.\n\nThe gulls stayed.\n\n{quote}"
    assert _flagged(linter, rule, near) == []
    assert _flagged(linter, rule, far) == [quote]


def test_the_sentence_before_must_end_the_previous_paragraph(linter, rule):
    # The quote sits mid-paragraph: the sentence right before it is in its own paragraph.
    text = (
        "The pier closed, Ann Lee said.\n\nThe boats left at dawn. "
        "“We will reopen once the divers have checked every piling under the deck.”"
    )
    assert len(_flagged(linter, rule, text)) == 1


def test_speech_verbs_inside_quotation_marks_are_not_cues(linter, rule):
    text = "“I said no, and I meant every single word of it, then and now.”"
    assert _flagged(linter, rule, text) == [text]


def test_multi_paragraph_quote_needs_a_speaker_at_its_start(linter, rule):
    first = "“The water came in through the floor, then the walls, then the roof"
    second = "“By morning there was nothing left of the house we built.”"
    credited = f"{first}, and we ran,” said Tom Reyes.\n\n“It was gone.”\n\n{second}"
    uncredited = f"{first}.\n\n{second}\n\nThe river fell on Friday."
    assert _flagged(linter, rule, credited) == []
    assert _flagged(linter, rule, uncredited) == [f"{first}.", second]


def test_a_paragraph_ending_in_a_colon_introduces_the_quotes_after_it(linter, rule):
    text = (
        "Reyes read the statement aloud:\n\n"
        "“The levee failed at two places before midnight.”\n\n"
        "“Crews will work through the weekend to close both gaps.”"
    )
    assert _flagged(linter, rule, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Voters called it “a rigged game” all week.",  # a few words: a term
        "The station still plays “We Shall Overcome Someday” at noon.",  # a title
        "The plan became known as “the bridge that nobody asked for.”",  # a naming frame
        "The mayor's ‘no new taxes, not now and not ever’ pledge held.",  # single quotes
    ],
)
def test_terms_titles_and_names_are_not_quotations(linter, rule, text):
    assert _flagged(linter, rule, text) == []


def test_straight_quotation_marks_count(linter, rule):
    text = 'The vote was close. "We will not sell the harbor to anyone, ever."'
    assert _flagged(linter, rule, text) == ['"We will not sell the harbor to anyone, ever."']


def test_credit_in_brackets_or_after_a_dash(linter, rule):
    bracket = "“Rents rose faster here than anywhere else in the state.” [Courier]"
    dash = "“Rents rose faster here than anywhere else in the state.” — Ruth Oduya"
    assert _flagged(linter, rule, bracket) == []
    assert _flagged(linter, rule, dash) == []
