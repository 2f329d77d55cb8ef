"""SL301-SL304: a loaded verb used as a verb of saying, a query over the sourcing model.

Whether a verb is used as a verb of saying is the sourcing model's judgment, made once
for every rule: it credits "claimed that …", "…, she insisted", "blasted the senator"
and "“Fine,” he smiled" to a source, and not "claimed the title", "slammed the door" or
"smiled and waved". This check flags the attributions whose verb is in the rule's list.
Words inside quotation marks are the speaker's, not the reporter's: such attributions
are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.grammar import used_as_verb
from sourcelint.analysis.records import Attribution, CueType
from sourcelint.analysis.vocabulary.pronouns import THING_PRONOUNS
from sourcelint.checks.params import Params
from sourcelint.checks.rule import Check
from sourcelint.core.findings import Hit
from sourcelint.core.kinds import SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Span


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the query. List entries ``"@name"`` stand for lexicon lists.

    - ``verbs``: the verb forms to flag ("claimed", "pointed out");
    - ``speakers``: kinds of source that count (default: every kind);
    - ``person-speaker``: a pronoun for a thing ("it", "which") does not count;
    - ``sentence-exceptions``: words that give the verb another sense anywhere in its
      sentence (the legal "claim": "sued", "plaintiffs");
    - ``plain``: the neutral verb to suggest, as base, -s, past and -ing forms;
      ``plain-object`` for the ``object-verbs`` ("blasted the mayor": "criticized").
    """
    reader = Params(params)
    words = partial(reader.words, lexicon=context.words)
    verbs = frozenset(words("verbs", ()))
    if not verbs:
        raise reader.error("verbs", "give the verbs to flag")
    kinds = reader.strings("speakers", tuple(kind.value for kind in SourceKind))
    try:
        speakers = frozenset(SourceKind(kind) for kind in kinds)
    except ValueError as error:
        raise reader.error("speakers", str(error)) from None
    person_speaker = reader.flag("person-speaker", False)
    sentence_words = frozenset(words("sentence-exceptions", ()))
    object_verbs = frozenset(words("object-verbs", ()))
    plain = _forms(reader, "plain")
    plain_object = _forms(reader, "plain-object")
    reader.finish()

    def wanted(article: Article, attribution: Attribution) -> bool:
        if attribution.quoted or attribution.cue_type is not CueType.VERB:
            return False
        if attribution.cue_word not in verbs or attribution.kind not in speakers:
            return False
        if person_speaker and not _person(article, attribution):
            return False
        verb = article.doc[attribution.cue_tokens[0]]
        if not used_as_verb(verb):
            return False  # the parse tier's noun cues: "his claims", "Editor's note"
        sentence = verb.sent
        legal = any(token.lower_ in sentence_words for token in sentence)
        return not (legal or _sentence_phrase(sentence, sentence_words))

    def check(article: Article) -> Iterator[Hit]:
        doc = article.doc
        for attribution in article.attributions:
            if not wanted(article, attribution):
                continue
            start, end = _verb_tokens(attribution)
            forms = plain_object if attribution.cue_word in object_verbs else plain
            suggestion = forms[_form_index(doc[start].lower_)] if forms else None
            fields = (("plain", suggestion or "said"),)
            last = doc[end - 1]
            span = (doc[start].idx, last.idx + len(last.text))
            yield Hit(*span, suggestion=suggestion, fields=fields)

    return check


def _person(article: Article, attribution: Attribution) -> bool:
    """No thing speaks: the source is not "it" or "which" ("It noted that …")."""
    head = attribution.head
    return head is None or article.doc[head].lower_ not in THING_PRONOUNS


def _verb_tokens(attribution: Attribution) -> tuple[int, int]:
    """The verb of the cue and its particle, without a passive's auxiliaries ("was
    slammed")."""
    start, end = attribution.cue_tokens
    return max(start, end - len(attribution.cue_word.split())), end


def _sentence_phrase(sentence: Span, words: frozenset[str]) -> bool:
    """Multi-word entries of ``sentence-exceptions`` ("court papers")."""
    text = " ".join(token.lower_ for token in sentence)
    return any(f" {word} " in f" {text} " for word in words if " " in word)


def _forms(reader: Params, key: str) -> tuple[str, ...]:
    forms = reader.strings(key, ())
    if forms and len(forms) != 4:
        raise reader.error(key, "give four forms: base, -s, past and -ing ('say', 'says', …)")
    return forms


def _form_index(word: str) -> int:
    """Which form a verb is in: 0 base, 1 -s, 2 past, 3 -ing (for the suggestion)."""
    if word.endswith("ing"):
        return 3
    if word.endswith("ed"):
        return 2
    if word.endswith("s") and not word.endswith("ss"):
        return 1
    return 0
