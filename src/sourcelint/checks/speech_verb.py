"""SL301-SL304: a loaded verb used as a verb of saying.

The fast tier has no part-of-speech tags, so "used as a speech verb" is read from the
words around the verb:

- what follows: "that", a quotation, a colon, a wh-word or a clause ("claimed he was",
  "admitted the budget was late"); for verbs of criticism also a person or thing as
  object ("blasted the senator"); for expression verbs ("smiled") only a quotation;
- or where it stands: after a quotation or clause ("“…,” she insisted", "…, he
  claimed.", "…, claimed Smith.", "as he noted,").

It is not a speech verb in the passive ("was admitted to hospital"), as a noun or
adjective ("his claims", "a noted author"), in an infinitive ("declined to reveal"),
or when its subject is a document ("the audit revealed") or a force ("the storm
slammed"). Words inside quotation marks are the speaker's, not the reporter's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from sourcelint.analysis.article import Article
from sourcelint.analysis.context import BuildContext
from sourcelint.analysis.phrases import PhraseSet
from sourcelint.analysis.templates import TemplateError
from sourcelint.checks.params import Params
from sourcelint.findings import Hit
from sourcelint.rule import Check

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Pronouns and function words.
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
_THING_PRONOUNS = frozenset({"it", "which", "this", "what"})  # "the report, which noted"
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_CONTRACTED_SUBJECTS = frozenset({"he", "she", "it", "that", "who", "what", "there"})
_QUANTIFIERS = frozenset({"some", "many", "others", "most", "several", "both", "all", "few"})
_DETERMINERS = frozenset({
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these",
    "those", "some", "any", "no", "every", "each", "'s", "’s", "such", "another",
})  # fmt: skip
_BE = frozenset({
    "is", "are", "was", "were", "am", "be", "been", "being", "'s", "’s", "'re", "’re", "get",
    "gets", "got", "getting", "gotten",
})  # fmt: skip
_AUXILIARIES = frozenset({
    "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "did", "does", "do", "wo", "ca", "'ve", "’ve", "'d",
    "’d", "'ll", "’ll", "'re", "’re", "n't", "not", "been", "being",
})  # fmt: skip
_FINITE_AUXILIARIES = _AUXILIARIES - {"not", "n't", "been", "being"}
# Past forms that, after a noun, almost always make a finite verb: "claimed the mayor knew".
# Participles that double as adjectives ("a paid adviser", "the left lane") are left out.
_IRREGULAR_PAST = frozenset({
    "was", "were", "had", "did", "knew", "took", "went", "came", "gave", "saw", "became",
    "began", "wrote", "fell", "drove", "rose", "grew", "threw", "thought", "said", "told",
    "made", "got",
})  # fmt: skip
_WH_WORDS = frozenset({"why", "how", "what", "whether", "when", "where", "who", "if"})
# Adverbs by list; words in -ly are adverbs too.
_ADVERBS = frozenset({
    "also", "later", "then", "again", "still", "even", "once", "first", "now", "already",
    "never", "always", "often", "long", "just", "too", "further", "soon", "since", "yet",
    "instead", "however", "afterward", "afterwards", "earlier", "today", "yesterday",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "night", "morning", "afternoon", "evening",
})  # fmt: skip
# Words in -ing that are not gerunds.
_ING_NOUNS = frozenset({
    "during", "nothing", "something", "anything", "everything", "morning", "evening",
    "building", "buildings", "meeting", "meetings", "spring", "string", "ceiling", "opening",
    "funding", "housing", "training", "spending", "polling", "hearing", "hearings", "briefing",
    "ruling", "rulings", "warning", "warnings", "finding", "findings", "according",
    "including", "following", "regarding", "concerning", "pending",
})  # fmt: skip

# What may stand between a verb and its clause: a setting ("noted on Tuesday that",
# "admitted to reporters that").
_SETTING_OPENERS = frozenset({
    "on", "in", "at", "to", "during", "after", "before", "via", "from", "over", "last", "this",
    "while", "with", "through", "under", "repeatedly", "for", "without",
})  # fmt: skip
# After a post-posed "…, the mayor insisted", settings that cannot be the verb's own
# complement ("insisted on a recount" can).
_CLOSING_SETTINGS = frozenset({"in", "at", "during", "via", "after", "before", "while"})
# Words that end a phrase ("claimed the seat that …").
_PHRASE_BREAKERS = frozenset({
    "that", "which", "who", "whom", "whose", "and", "or", "but", "to", "for", "as", "with",
    "by", "from", "in", "on", "at", "if", "when", "while", "because", "after", "before",
    "into", "than",
})  # fmt: skip
# Inside the noun phrase of a clause ("admitted the cost of the war in Iraq was …") short
# prepositions may appear.
_NOUN_PHRASE_ENDS = _PHRASE_BREAKERS - {"for", "in", "on", "at"}
# Words that open a clause, not a name: "As the minister noted".
_CLAUSE_OPENERS = frozenset({
    "as", "but", "and", "or", "so", "yet", "when", "while", "after", "before", "if",
    "because", "since", "though", "although", "then", "in", "on", "at", "for", "with", "by",
    "from",
})  # fmt: skip
# After a verb of criticism, these make it physical ("slammed into", "blasted off").
_PARTICLES = frozenset({
    "out", "off", "into", "through", "away", "open", "shut", "down", "up", "back", "onto",
    "against", "across", "in", "on", "at", "with", "from", "to", "over", "around", "past",
    "by", "for",
})  # fmt: skip
# "continued to insist that" and "was quick to point out" are speech; "declined to
# reveal" and "tried to explain" are not. "this helps explain" is no statement either.
_SPEECH_CONTINUERS = frozenset({
    "continue", "continues", "continued", "continuing", "keep", "keeps", "kept", "went", "go",
    "goes", "used", "quick",
})  # fmt: skip
_BARE_INFINITIVE_HEADS = frozenset({
    "help", "helps", "helped", "helping", "let", "lets", "make", "makes", "made",
})  # fmt: skip
# "claimed to have seen", "claims to be": an infinitive that reports a statement.
_CLAIMED_STATES = frozenset({
    "have", "be", "know", "understand", "represent", "speak", "find", "support", "oppose",
    "want", "care", "believe", "see", "agree", "own", "hold",
})  # fmt: skip
_FUNCTION_WORDS = _PHRASE_BREAKERS | _AUXILIARIES | _BE | _THING_PRONOUNS | _SUBJECT_PRONOUNS
_CLOSING_MARKS = frozenset({".", ",", ";", "!", "?", "—", "–", ":", ")", "(", "”", '"'})
_POSTPOSED_OPENERS = frozenset({",", "—", "–"})


@dataclass(frozen=True)
class _Settings:
    verbs: frozenset[str]
    noun_forms: frozenset[str]
    object_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    prepositions: frozenset[str]
    nonspeakers: frozenset[str]
    titles: frozenset[str]
    speakers: frozenset[str]
    sentence_words: frozenset[str]
    person_speaker: bool
    gerund: bool
    plain: tuple[str, ...]
    plain_object: tuple[str, ...]


def build(context: BuildContext, params: Mapping[str, Any]) -> Check:
    """Compile the check. List entries ``"@name"`` stand for lexicon lists.

    - ``verbs``: verb forms flagged as speech verbs (clause, quotation, post-posed);
    - ``object-verbs``: forms for which a direct object counts too ("blasted the mayor");
    - ``quote-verbs``: forms flagged only next to a quotation ("“Fine,” he smiled");
    - ``prepositions``: complements that count ("boasted of", "bragged about");
    - ``noun-forms``: forms that are also nouns and need a subject (default
      ``@speech_noun``: "claims", "notes");
    - ``speakers``: nouns for people and bodies that speak (default ``@speaker_noun``
      and ``@role_noun``);
    - ``non-speakers``: subjects that do not speak (default ``@document_noun``);
    - ``non-speaker-titles``: words before a name that make it a thing ("Hurricane");
    - ``sentence-exceptions``: words that give the verb another sense anywhere in its
      sentence (the legal "claim": "sued", "plaintiffs");
    - ``exceptions``: phrase templates whose matches are never flagged;
    - ``person-speaker``: reject "it" and "which" as subjects;
    - ``gerund-complement``: a gerund counts as a clause ("admitted using");
    - ``plain``, ``plain-object``: the neutral verb to suggest, as base, -s, past and
      -ing forms (``plain-object`` when the verb took an object).
    """
    reader = Params(params)
    words = partial(reader.words, lexicon=context.words)
    verbs = words("verbs", ())
    object_verbs = words("object-verbs", ())
    quote_verbs = words("quote-verbs", ())
    if not (verbs or object_verbs or quote_verbs):
        raise reader.error("verbs", "give at least one of verbs, object-verbs, quote-verbs")
    settings = _Settings(
        verbs=frozenset(verbs),
        noun_forms=frozenset(words("noun-forms", ("@speech_noun",))),
        object_verbs=frozenset(object_verbs),
        quote_verbs=frozenset(quote_verbs),
        prepositions=frozenset(words("prepositions", ())),
        nonspeakers=frozenset(words("non-speakers", ("@document_noun",))),
        titles=frozenset(words("non-speaker-titles", ())),
        speakers=frozenset(words("speakers", ("@speaker_noun", "@role_noun"))),
        sentence_words=frozenset(words("sentence-exceptions", ())),
        person_speaker=reader.flag("person-speaker", False),
        gerund=reader.flag("gerund-complement", False),
        plain=_forms(reader, "plain"),
        plain_object=_forms(reader, "plain-object"),
    )
    exceptions = reader.strings("exceptions", ())
    reader.finish()
    every_form = tuple(sorted(settings.verbs | settings.object_verbs | settings.quote_verbs))
    lookup = {"__verbs__": every_form}

    def lexicon(name: str) -> tuple[str, ...]:
        return lookup[name] if name in lookup else context.words(name)

    try:
        finder = PhraseSet(context.nlp, ["{@__verbs__}"], lexicon)
        unwanted = PhraseSet(context.nlp, exceptions, lexicon) if exceptions else None
    except TemplateError as error:
        raise reader.error("exceptions", str(error)) from None

    def check(article: Article) -> Iterator[Hit]:
        doc = article.doc
        excluded = [(m.start, m.end) for m in unwanted.all_matches(doc)] if unwanted else []
        quote_starts = {start for start, _ in article.quotes}
        quote_ends = {end for _, end in article.quotes}
        for match in finder.find(doc):
            if article.in_quote(match.mark_start, match.mark_end):
                continue
            if any(start <= match.start and match.end <= end for start, end in excluded):
                continue
            verb = _Verb(doc, match.start, match.end, quote_starts, quote_ends)
            use = _speech_use(verb, settings)
            if use is None:
                continue
            plain = settings.plain_object if use == "object" else settings.plain
            suggestion = plain[_form_index(doc[match.start].lower_)] if plain else None
            fields = (("plain", suggestion or "said"),)
            yield Hit(match.mark_start, match.mark_end, suggestion=suggestion, fields=fields)

    return check


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


@dataclass(frozen=True)
class _Verb:
    """A verb match and the sentence around it."""

    doc: Doc
    start: int
    end: int
    quote_starts: set[int]
    quote_ends: set[int]

    @property
    def sent(self) -> Span:
        return self.doc[self.start].sent

    @property
    def form(self) -> str:
        return self.doc[self.start : self.end].text.lower()

    def opens_quote(self, index: int) -> bool:
        return index < len(self.doc) and self.doc[index].idx in self.quote_starts

    def closes_quote(self, index: int) -> bool:
        if index < 0:
            return False
        token = self.doc[index]
        # Two apostrophes close a quotation in some wire and archive copy.
        return token.idx + len(token.text) in self.quote_ends or token.text == "''"


def _speech_use(verb: _Verb, settings: _Settings) -> str | None:
    """How the verb is used as a verb of saying ("clause", "quote", "object", …), or None."""
    if _other_sense(verb, settings):
        return None
    doc, start, sent = verb.doc, verb.start, verb.sent
    form = verb.form
    quote_only = form in settings.quote_verbs
    if _inverted(verb, settings):
        return "postposed" if not quote_only or verb.closes_quote(start - 1) else None
    if not _plausible_speaker(verb, settings):
        return None
    if _postposed(verb, settings, quote_needed=quote_only):
        return "postposed"
    if not _verb_evidence(verb, settings):
        return None  # "claims", "notes" after anything else are nouns
    use = _complement(verb, settings, allow_object=form in settings.object_verbs)
    if quote_only:
        return use if use == "quote" else None
    if use == "object" and doc[start].lower_.endswith("ing"):
        # "…, noting the decline" and "Smith noting the decline" speak; a gerund as
        # subject or after a preposition ("tired of explaining the rules") does not.
        before = _back_over(doc, start - 1, sent.start, frozenset())
        if before < sent.start:
            return None
        token = doc[before]
        if not (token.text == "," or token.lower_ in _BE or _is_personal(token, settings)):
            return None
    return use


def _other_sense(verb: _Verb, settings: _Settings) -> bool:
    """A noun, an adjective, a passive, an infinitive, a name or a listed sense."""
    doc, start, sent = verb.doc, verb.start, verb.sent
    previous = doc[start - 1] if start > sent.start else None
    if previous is not None and previous.lower_ in _DETERMINERS:
        # A noun or adjective ("his claims", "a noted author"), unless "'s" is "has"
        # or "is" ("he's admitted", "she's claiming"), or "some" is the subject ("some
        # note that"; "some notes" is a noun).
        contraction = previous.lower_ in {"'s", "’s"} and (
            doc[start].lower_.endswith(("ed", "ing"))
            or (start - 2 >= sent.start and doc[start - 2].lower_ in _CONTRACTED_SUBJECTS)
        )
        pronoun = previous.lower_ in _QUANTIFIERS and _form_index(doc[start].lower_) == 0
        if not (contraction or pronoun):
            return True
    if _infinitive(doc, start, sent.start) or _passive(doc, start, sent.start):
        return True
    if previous is not None:
        if previous.lower_ in {"and", "or"} and _form_index(doc[start].lower_) == 0:
            return True  # "to interpret the result and explain it": an infinitive again
        if previous.text in {"-", "–"} and not previous.whitespace_:
            return True  # a compound: "union-bashing" (a spaced dash is punctuation)
    if _surname(verb) or (start == sent.start and doc[start].lower_.endswith("ed")):
        return True  # "Ellen Crow"; a headline "Revealed: …" has no speaker
    return any(token.lower_ in settings.sentence_words for token in sent) or _sentence_phrase(
        sent, settings.sentence_words
    )


def _surname(verb: _Verb) -> bool:
    """A capitalized verb after a name is a name ("Ellen Crow, Tom Reed"), unless
    the sentence is a headline ("Mayor Slams Budget")."""
    doc, sent = verb.doc, verb.sent
    token = doc[verb.start]
    if verb.start == sent.start or not token.text[:1].isupper():
        return False
    if not _is_name(doc[verb.start - 1]):
        return False
    following = doc[verb.end] if verb.end < sent.end else None
    if following is None or following.text in {",", ".", ";", ")"}:
        return True
    return not _headline(sent)


def _headline(sent: Span) -> bool:
    """Title case: most words capitalized."""
    words = [token for token in sent if token.is_alpha]
    return sum(token.text[:1].isupper() for token in words) > 0.6 * len(words)


def _is_adverb(token: Token) -> bool:
    low = token.lower_
    return low in _ADVERBS or (low.endswith("ly") and token.is_alpha and len(low) > 3)


def _skip_adverbs(doc: Doc, index: int, end: int) -> int:
    while index < end and _is_adverb(doc[index]):
        index += 1
    return index


def _back_over(doc: Doc, index: int, start: int, words: frozenset[str]) -> int:
    """The first index at or before ``index`` that is neither an adverb nor in ``words``."""
    while index >= start and (_is_adverb(doc[index]) or doc[index].lower_ in words):
        index -= 1
    return index


def _infinitive(doc: Doc, start: int, sent_start: int) -> bool:
    """'declined to reveal' reports no statement; 'continued to insist' does."""
    index = _back_over(doc, start - 1, sent_start, frozenset())
    if index >= sent_start and doc[index].lower_ in _BARE_INFINITIVE_HEADS:
        return True  # "this helps explain the delay"
    if index < sent_start or doc[index].lower_ != "to":
        return False
    before = _back_over(doc, index - 1, sent_start, frozenset({"on"}))  # "went on to"
    return before < sent_start or doc[before].lower_ not in _SPEECH_CONTINUERS


def _passive(doc: Doc, start: int, sent_start: int) -> bool:
    """'was admitted to hospital', 'it was revealed': the speaker is not the subject."""
    if not doc[start].lower_.endswith("ed"):
        return False
    index = _back_over(doc, start - 1, sent_start, frozenset({"not", "n't"}))
    if index < sent_start or doc[index].lower_ not in _BE:
        return False
    # "he's admitted" is "he has admitted"; "it's claimed" is a passive.
    has = doc[index].lower_ in {"'s", "’s"} and index > sent_start
    return not (has and doc[index - 1].lower_ in _SUBJECT_PRONOUNS | {"who"})


def _sentence_phrase(sent: Span, words: frozenset[str]) -> bool:
    """Multi-word entries of ``sentence-exceptions`` ("court papers")."""
    phrases = [word for word in words if " " in word]
    if not phrases:
        return False
    text = " ".join(token.lower_ for token in sent)
    return any(f" {phrase} " in f" {text} " for phrase in phrases)


def _is_name(token: Token) -> bool:
    """A capitalized word or an abbreviated title ("Mr.", "U.S.")."""
    text = token.text
    return text[:1].isupper() and all(char.isalpha() or char in ".-'’" for char in text)


def _subject_chunk_start(doc: Doc, index: int, sent_start: int, settings: _Settings) -> int | None:
    """Start of a speaker phrase ending at ``index``: a pronoun, a name, 'the senator'."""
    if index < sent_start:
        return None
    token = doc[index]
    if token.lower_ in _SUBJECT_PRONOUNS:
        return index
    if not (_is_name(token) or token.lower_ in settings.speakers):
        return None
    # Titles and affiliations may come first: "campaign senior adviser Ana Ruiz",
    # "Lee Park of the Daily Star", "the Herald's Sam Roe".
    chunk = index
    while chunk - 1 >= sent_start and index - chunk < 8:
        before = doc[chunk - 1]
        low = before.lower_
        if low in _CLAUSE_OPENERS - {"of", "for", "at"} or low in _SUBJECT_PRONOUNS:
            break  # "As the minister noted": a capital that opens the sentence, not a name
        possessive = low in {"'s", "’s"} and chunk - 2 >= sent_start and doc[chunk - 2].is_alpha
        if not possessive and (low in _AUXILIARIES or low in _BE or low in _RELATIVE_PRONOUNS):
            break
        if not (before.is_alpha or _is_name(before) or possessive):
            break
        chunk -= 1
    return chunk


def _postposed(verb: _Verb, settings: _Settings, *, quote_needed: bool) -> bool:
    """'“…,” she insisted', '…, he claimed.', 'as he noted,': the verb follows its content."""
    doc, sent = verb.doc, verb.sent
    after = _skip_adverbs(doc, verb.end, sent.end)
    ends_here = after >= sent.end or doc[after].text in _CLOSING_MARKS
    index = _back_over(doc, verb.start - 1, sent.start, _AUXILIARIES)
    chunk = _subject_chunk_start(doc, index, sent.start, settings)
    if chunk is None and ends_here:
        # Closing a sentence, any "the + noun" is the speaker: "…, the sheriff maintained."
        chunk = _common_noun_phrase_start(doc, index, sent.start)
    if chunk is None or chunk - 1 < sent.start:
        return False
    before = doc[chunk - 1]
    if verb.closes_quote(chunk - 1) or (before.text == "," and verb.closes_quote(chunk - 2)):
        # After a quotation a setting may follow: "“…,” she insisted on Tuesday."
        return ends_here or _setting_then_mark(doc, after, sent.end)
    if quote_needed:
        return False
    if before.lower_ == "as":
        # "as he noted," / "As Smith pointed out in a column,"
        return ends_here or _setting_then_mark(doc, after, sent.end)
    if before.text not in _POSTPOSED_OPENERS:
        return False
    # "Taxes, he noted on Tuesday, will …" is parenthetical; "…, he claimed." needs a
    # clause before the comma, not a fronted phrase ("After the vote, he claimed the title").
    if _parenthetical_end(doc, after, sent.end):
        return True
    if chunk - 1 - sent.start < 3:
        return False
    # "…, the mayor insisted Thursday during a visit." A setting may follow, but not one
    # that could be the verb's own complement ("insisted on a recount").
    settled = after < sent.end and doc[after].lower_ in _CLOSING_SETTINGS
    return ends_here or (settled and _setting_then_mark(doc, after, sent.end))


def _common_noun_phrase_start(doc: Doc, index: int, sent_start: int) -> int | None:
    """Start of 'the sheriff', 'a senior aide': a determiner and up to three words."""
    if index < sent_start or not (doc[index].is_lower and doc[index].is_alpha):
        return None
    for start in range(index, max(sent_start, index - 3) - 1, -1):
        token = doc[start]
        if token.lower_ in _DETERMINERS - {"'s", "’s"}:
            return start if start < index else None
        if not (token.is_lower and token.is_alpha) or token.lower_ in _FUNCTION_WORDS:
            return None
    return None


def _parenthetical_end(doc: Doc, index: int, end: int) -> bool:
    """A comma or dash right after the verb, or after a short setting."""
    if index < end and doc[index].text in _POSTPOSED_OPENERS:
        return True
    if not _setting_then_mark(doc, index, end):
        return False
    position = index + 1
    while position < end and doc[position].text not in _CLOSING_MARKS:
        position += 1
    return position < end and doc[position].text in _POSTPOSED_OPENERS


def _setting_then_mark(doc: Doc, index: int, end: int) -> bool:
    """A short setting ("on Tuesday", "in an interview") and then punctuation."""
    if index >= end or doc[index].lower_ not in _SETTING_OPENERS:
        return False
    for position in range(index + 1, min(end, index + 10)):
        if doc[position].text in _CLOSING_MARKS:
            return True
        if doc[position].lower_ in _PHRASE_BREAKERS - _SETTING_OPENERS:
            return False
    return min(end, index + 10) == end


def _inverted(verb: _Verb, settings: _Settings) -> bool:
    """'…, claimed Smith.' / '“…,” noted the senator': the speaker follows the verb."""
    doc, sent = verb.doc, verb.sent
    if verb.start - 1 < sent.start or doc[verb.start - 1].text not in {",", "”", '"', "—"}:
        return False
    position = verb.end
    words = 0
    saw_speaker = False
    while position < sent.end and words < 6:
        token = doc[position]
        if _is_name(token) or token.lower_ in settings.speakers:
            saw_speaker = True
        elif token.lower_ not in _DETERMINERS:
            break
        position += 1
        words += 1
    if not saw_speaker or words == 0:
        return False
    if position < sent.end and doc[position].text not in _CLOSING_MARKS:
        return False
    return not any(doc[i].lower_ in settings.nonspeakers for i in range(verb.end, position))


def _subject_heads(verb: _Verb) -> list[int]:
    """Likely heads of the verb's subject: the word before it, and past an appositive."""
    doc, sent = verb.doc, verb.sent
    index = _back_over(doc, verb.start - 1, sent.start, _AUXILIARIES | _BE)
    if index < sent.start:
        return []
    heads = [index]
    token = doc[index]
    if token.text == "," or token.lower_ in _RELATIVE_PRONOUNS:
        # "The report, released Tuesday, noted" / "the report, which noted": look past it.
        position = index - 1
        while position >= sent.start and index - position < 20:
            if doc[position].text == ",":
                if position - 1 >= sent.start:
                    heads.append(position - 1)
                break
            position -= 1
        if token.lower_ in _RELATIVE_PRONOUNS and index - 1 >= sent.start:
            heads.append(index - 1 if doc[index - 1].text != "," else index - 2)
    if doc[verb.start].lower_.endswith("ing") and token.text == ",":
        heads.extend(_sentence_subject(doc, sent))
    return [head for head in heads if head >= sent.start]


def _sentence_subject(doc: Doc, sent: Span) -> list[int]:
    """The opening noun phrase of a sentence, for a participle: 'The suit…, claiming'."""
    heads: list[int] = []
    for position in range(sent.start, min(sent.end, sent.start + 5)):
        token = doc[position]
        if token.is_punct or token.lower_ in _AUXILIARIES or token.lower_ in _PHRASE_BREAKERS:
            break
        # "Lee issued a statement, insisting": a lower-case word after a name,
        # or an -ed word after the first, is the verb; the subject ended before it.
        if heads and token.is_lower and (_is_name(doc[heads[-1]]) or token.lower_.endswith("ed")):
            break
        heads.append(position)
    return heads


def _plausible_speaker(verb: _Verb, settings: _Settings) -> bool:
    """No document or force as subject; with ``person-speaker`` no 'it' or 'which'."""
    doc = verb.doc
    sent_start = verb.sent.start
    headline = _headline(verb.sent)
    for head in _subject_heads(verb):
        token = doc[head]
        # A capital mid-sentence is a name ("Anna Page", "the Herald"), not a document,
        # except in a title-case headline ("New Study Explains …").
        common = head == sent_start or not token.text[:1].isupper() or headline
        if common and token.lower_ in settings.nonspeakers:
            return False
        # "Hurricane Ida slammed": a title before the name says what it is.
        if _is_name(token) and head > sent_start and doc[head - 1].lower_ in settings.titles:
            return False
        if settings.person_speaker and token.lower_ in _THING_PRONOUNS:
            return False
    return True


def _verb_evidence(verb: _Verb, settings: _Settings) -> bool:
    """Forms that double as nouns ("claims", "notes") need a subject or an auxiliary."""
    doc, sent = verb.doc, verb.sent
    word = doc[verb.start].lower_
    if word not in settings.noun_forms:
        return True
    index = _back_over(doc, verb.start - 1, sent.start, frozenset())
    if index < sent.start:
        return False  # sentence-initial "Claims that …" is a headline noun
    token = doc[index]
    low = token.lower_
    if low == ",":
        # "Lee, a moderate, insists …": the head before the appositive speaks,
        # and "X, who fights …, claims" has a person behind the relative clause.
        heads = _subject_heads(verb)[1:]
        if any(doc[head + 1].lower_ == "who" for head in heads if head + 1 < verb.start):
            return True
        return any(_is_personal(doc[head], settings) for head in heads)
    plural_subject = (
        not word.endswith("s")
        and token.is_lower
        and token.is_alpha
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
    )
    return (
        low in _SUBJECT_PRONOUNS
        or low in {"it", "who", "that", "which", "to"}
        or low in _QUANTIFIERS  # "some note that", "many claim"
        or (token.like_num and token.is_alpha and not word.endswith("s"))  # "the two claim"
        or low == "but"  # "… but insists"; "and claims" is as often a noun pair
        or low in _AUXILIARIES
        or low in settings.speakers
        or plural_subject  # "economists note", "neighbors insist"
        or (_is_name(token) and index > sent.start)
        or (_is_name(token) and doc[verb.start].text[:1].islower())
    )


def _complement(verb: _Verb, settings: _Settings, *, allow_object: bool) -> str | None:
    """What follows the verb: a clause, a quotation, a listed preposition or an object."""
    doc, sent = verb.doc, verb.sent
    end = sent.end
    position = _skip_adverbs(doc, verb.end, end)
    # "revealed, somewhat reluctantly, that": an adverb set off by commas.
    if position < end and doc[position].text == ",":
        after = _skip_adverbs(doc, position + 1, end)
        if after > position + 1 and after < end and doc[after].text == ",":
            position = after + 1
    if position >= end:
        return None
    kind = _clause_or_quote(verb, position, end)
    if kind is not None:
        return kind
    token = doc[position]
    low = token.lower_
    if low in settings.prepositions:
        return "preposition"
    if settings.gerund and _gerund(token):
        return "clause"  # "admitted using the loophole"; not "observed counting"
    if settings.gerund and low == "to" and position + 1 < end and _gerund(doc[position + 1]):
        return "clause"  # "admitted to lying"
    if low == "to" and position + 1 < end and doc[position + 1].lower_ in _CLAIMED_STATES:
        # "claims to have seen", "claimed to be a doctor"; not "later revealed to be".
        before = _back_over(doc, verb.start - 1, sent.start, _AUXILIARIES)
        if before >= sent.start and _is_personal(doc[before], settings):
            return "clause"
    if low in _SETTING_OPENERS or low in _ADVERBS:
        # "noted on Tuesday that", "admitted to reporters that"
        for index in range(position + 1, min(end, position + 11)):
            kind = _clause_or_quote(verb, index, end, strict=True)
            if kind is not None:
                return kind
            if doc[index].is_punct and doc[index].text != "-":
                break
        return None
    # A participle takes a clause after a complete one ("…, claiming the vote was
    # rigged"); inside a subject ("a bid to stop her claiming the prize is …") it does not.
    participle = doc[verb.start].lower_.endswith("ing")
    before = _back_over(doc, verb.start - 1, sent.start, frozenset())
    complete = not participle or (before >= sent.start and doc[before].lower_ in {",", *_BE})
    if complete and _noun_phrase_then_verb(doc, position, end, settings):
        return "clause"
    if allow_object and _object(doc, position, settings):
        return "object"
    return None


def _clause_or_quote(verb: _Verb, index: int, end: int, *, strict: bool = False) -> str | None:
    """'that …', a quotation, a colon, a wh-clause or a pronoun subject at ``index``."""
    doc = verb.doc
    token = doc[index]
    low = token.lower_
    following = doc[index + 1] if index + 1 < end else None
    if verb.opens_quote(index) or token.text == ":":
        return "quote"
    if token.text == "," and verb.opens_quote(index + 1):
        return "quote"
    if following is None:
        return None
    if low == "that" and following.text not in {".", ";", "!", "?", ")"}:
        return "clause"  # also "that, with …" and 'that “…”'
    if low in {"why", "how"} and following.text == ":":
        return "clause"  # "explained why: …"
    if following.is_punct:
        return None
    if low in _SUBJECT_PRONOUNS or low in {"why", "how", "what", "whether"}:
        return "clause"  # also after a setting: "explained to reporters why"
    if strict:
        return None
    if low in _WH_WORDS:
        return "clause"
    if low in {"it", "this", "there"} and (
        following.lower_ in _AUXILIARIES or following.lower_ in {"'s", "’s"}
    ):
        return "clause"
    return None


def _noun_phrase_then_verb(doc: Doc, start: int, end: int, settings: _Settings) -> bool:
    """'admitted the budget was late': a short noun phrase, then a finite verb."""
    first = doc[start]
    if first.lower_ in _FINITE_AUXILIARIES:
        # "the man who he claims has been unfair", "who she noted was"; but "patients
        # admitted are" is a participle inside a noun phrase.
        verb = doc[start - 1]
        subject = doc[start - 2] if start >= 2 else None
        personal = subject is not None and _is_personal(subject, settings)
        return not verb.lower_.endswith("ed") or personal
    if first.lower_ in _PHRASE_BREAKERS or first.is_punct or first.lower_ in _PARTICLES:
        return False
    for index in range(start + 1, min(end, start + 9)):
        token = doc[index]
        low = token.lower_
        if low in _FINITE_AUXILIARIES or low in _IRREGULAR_PAST:
            return True
        # "-ed" after a name or a person is a verb ("claimed Lee resigned");
        # after an adjective it is one too ("a large unpaid debt"), so ask for the name.
        previous = doc[index - 1]
        if low.endswith("ed") and token.is_lower and _is_personal(previous, settings):
            return True
        if low == "and" and index + 1 < end and _is_name(doc[index + 1]):
            continue  # "Smith and Jones have"
        spaced_dash = low in {"-", "–", "—", "--"} and bool(token.whitespace_)
        if (token.is_punct and low not in {"-", "'s", "’s"}) or spaced_dash:
            return False
        if low in _NOUN_PHRASE_ENDS:
            return False
    return False


def _gerund(token: Token) -> bool:
    low = token.lower_
    return token.is_lower and low.endswith("ing") and len(low) > 4 and low not in _ING_NOUNS


def _is_personal(token: Token, settings: _Settings) -> bool:
    """A name, a pronoun or a word for people: something that can be a subject."""
    low = token.lower_
    return _is_name(token) or low in settings.speakers or low in _SUBJECT_PRONOUNS


def _object(doc: Doc, index: int, settings: _Settings) -> bool:
    """A person, a group or a thing criticized: 'blasted the mayor', 'slammed the plan'."""
    token = doc[index]
    low = token.lower_
    if low in _PARTICLES or token.like_num or token.is_punct:
        return False
    if low in _OBJECT_PRONOUNS or _is_name(token) or low in _DETERMINERS - {"'s", "’s"}:
        return True
    if low in _QUANTIFIERS:
        return True  # "noted several problems"
    return low in settings.speakers
